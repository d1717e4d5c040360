"""The interface level this package implements: the official `openai` library's version."""

__title__ = "openai"
__version__ = "2.54.0"
