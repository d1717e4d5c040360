"""The page types of list endpoints and how each finds its next page (`after=<cursor>` query params)."""

from __future__ import annotations

from typing import Any, List, Generic, Optional, cast

from typing_extensions import Protocol, override, runtime_checkable

# The base pages' own item TypeVar: parametrising them with the very same TypeVar lets pydantic reuse the base
# classes instead of building a validator for each of them when this module is imported.
from ._base_client import _T, BasePage, PageInfo, BaseSyncPage, BaseAsyncPage  # pyright: ignore[reportPrivateUsage]

__all__ = [
    "SyncPage",
    "AsyncPage",
    "SyncCursorPage",
    "AsyncCursorPage",
    "SyncConversationCursorPage",
    "AsyncConversationCursorPage",
    "SyncNextCursorPage",
    "AsyncNextCursorPage",
]


@runtime_checkable
class CursorPageItem(Protocol):
    id: Optional[str]


def _after_last_item(data: List[Any]) -> Optional[PageInfo]:
    """Cursor pages continue after the `id` of their last item."""
    if not data:
        return None
    last = data[-1]
    if not isinstance(last, CursorPageItem) or last.id is None:
        return None
    return PageInfo(params={"after": last.id})


def _after(cursor: Optional[str]) -> Optional[PageInfo]:
    return PageInfo(params={"after": cursor}) if cursor else None


class SyncPage(BaseSyncPage[_T], BasePage[_T], Generic[_T]):
    """A list that the API returns whole: there is never a next page."""

    data: List[_T]
    object: str

    @override
    def _get_page_items(self) -> List[_T]:
        return self.data or []

    @override
    def next_page_info(self) -> None:
        return None


class AsyncPage(BaseAsyncPage[_T], BasePage[_T], Generic[_T]):
    """A list that the API returns whole: there is never a next page."""

    data: List[_T]
    object: str

    @override
    def _get_page_items(self) -> List[_T]:
        return self.data or []

    @override
    def next_page_info(self) -> None:
        return None


class SyncCursorPage(BaseSyncPage[_T], BasePage[_T], Generic[_T]):
    data: List[_T]
    has_more: Optional[bool] = None

    @override
    def _get_page_items(self) -> List[_T]:
        return self.data or []

    @override
    def has_next_page(self) -> bool:
        return self.has_more is not False and super().has_next_page()

    @override
    def next_page_info(self) -> Optional[PageInfo]:
        return _after_last_item(cast(List[Any], self._get_page_items()))


class AsyncCursorPage(BaseAsyncPage[_T], BasePage[_T], Generic[_T]):
    data: List[_T]
    has_more: Optional[bool] = None

    @override
    def _get_page_items(self) -> List[_T]:
        return self.data or []

    @override
    def has_next_page(self) -> bool:
        return self.has_more is not False and super().has_next_page()

    @override
    def next_page_info(self) -> Optional[PageInfo]:
        return _after_last_item(cast(List[Any], self._get_page_items()))


class SyncConversationCursorPage(BaseSyncPage[_T], BasePage[_T], Generic[_T]):
    data: List[_T]
    has_more: Optional[bool] = None
    last_id: Optional[str] = None

    @override
    def _get_page_items(self) -> List[_T]:
        return self.data or []

    @override
    def has_next_page(self) -> bool:
        return self.has_more is not False and super().has_next_page()

    @override
    def next_page_info(self) -> Optional[PageInfo]:
        return _after(self.last_id)


class AsyncConversationCursorPage(BaseAsyncPage[_T], BasePage[_T], Generic[_T]):
    data: List[_T]
    has_more: Optional[bool] = None
    last_id: Optional[str] = None

    @override
    def _get_page_items(self) -> List[_T]:
        return self.data or []

    @override
    def has_next_page(self) -> bool:
        return self.has_more is not False and super().has_next_page()

    @override
    def next_page_info(self) -> Optional[PageInfo]:
        return _after(self.last_id)


class SyncNextCursorPage(BaseSyncPage[_T], BasePage[_T], Generic[_T]):
    data: List[_T]
    has_more: Optional[bool] = None
    next: Optional[str] = None

    @override
    def _get_page_items(self) -> List[_T]:
        return self.data or []

    @override
    def has_next_page(self) -> bool:
        return self.has_more is not False and super().has_next_page()

    @override
    def next_page_info(self) -> Optional[PageInfo]:
        return _after(self.next)


class AsyncNextCursorPage(BaseAsyncPage[_T], BasePage[_T], Generic[_T]):
    data: List[_T]
    has_more: Optional[bool] = None
    next: Optional[str] = None

    @override
    def _get_page_items(self) -> List[_T]:
        return self.data or []

    @override
    def has_next_page(self) -> bool:
        return self.has_more is not False and super().has_next_page()

    @override
    def next_page_info(self) -> Optional[PageInfo]:
        return _after(self.next)
