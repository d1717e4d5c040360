"""Public alias of the package version (`openai.version.VERSION`)."""

from ._version import __version__

VERSION: str = __version__
