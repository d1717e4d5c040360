"""`LazyProxy`: an object standing in for another that is only created (or imported) on first use."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Generic, TypeVar, Iterable, cast

from typing_extensions import override

_T = TypeVar("_T")


class LazyProxy(Generic[_T], ABC):
    """Forwards attribute access, `repr`, `str`, `dir` and `isinstance` checks to `__load__()`'s result.

    A proxy whose `__load__` returns another proxy (or itself) answers for itself instead, so that
    placeholders such as the removed v0 API names can be chained (`openai.Completion.create`).
    """

    def __getattr__(self, attr: str) -> object:
        proxied = self.__get_proxied__()
        if issubclass(type(proxied), LazyProxy):
            return proxied
        return getattr(proxied, attr)

    @override
    def __repr__(self) -> str:
        proxied = self.__get_proxied__()
        if issubclass(type(proxied), LazyProxy):
            return type(proxied).__name__
        return repr(proxied)

    @override
    def __str__(self) -> str:
        proxied = self.__get_proxied__()
        if issubclass(type(proxied), LazyProxy):
            return type(proxied).__name__
        return str(proxied)

    @override
    def __dir__(self) -> Iterable[str]:
        proxied = self.__get_proxied__()
        if issubclass(type(proxied), LazyProxy):
            return []
        return proxied.__dir__()

    @property  # type: ignore[misc]
    @override
    def __class__(self) -> type:  # pyright: ignore[reportIncompatibleMethodOverride]
        try:
            proxied = self.__get_proxied__()
        except Exception:
            # `isinstance(proxy, X)` must not raise, e.g. when the proxied module is not installed
            return type(self)
        if issubclass(type(proxied), LazyProxy):
            return type(proxied)
        return proxied.__class__

    def __get_proxied__(self) -> _T:
        return self.__load__()

    def __as_proxied__(self) -> _T:
        """This proxy, typed as the object it stands for."""
        return cast(_T, self)

    @abstractmethod
    def __load__(self) -> _T: ...
