"""`sounddevice`, imported on first use (raising `MissingDependencyError` if it or numpy is absent)."""

from __future__ import annotations

from typing import Any

from typing_extensions import override

from .._utils import LazyProxy
from ._common import MissingDependencyError, format_instructions


class SounddeviceProxy(LazyProxy[Any]):
    @override
    def __load__(self) -> Any:
        try:
            import numpy  # noqa: F401  # pyright: ignore[reportUnusedImport]  # the audio helpers exchange numpy arrays with it
            import sounddevice  # pyright: ignore[reportMissingImports]
        except ImportError as err:
            raise MissingDependencyError(
                format_instructions(library=err.name or "sounddevice", extra="voice_helpers")
            ) from err
        return sounddevice


# The package has no type information: it is typed as `Any`.
sounddevice: Any = SounddeviceProxy()
