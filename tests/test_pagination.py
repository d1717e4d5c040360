"""Pages of list endpoints: cursors, `has_next_page`, `get_next_page`, auto-iteration (sync and async)."""

from __future__ import annotations

import json
from typing import Any, List, Iterator, Optional

import httpx
import respx
import pytest

from openai import OpenAI, AsyncOpenAI
from openai._models import BaseModel
from openai._constants import RAW_RESPONSE_HEADER
from openai.pagination import (
    SyncPage,
    AsyncPage,
    SyncCursorPage,
    AsyncCursorPage,
    SyncNextCursorPage,
    AsyncNextCursorPage,
    SyncConversationCursorPage,
    AsyncConversationCursorPage,
)
from openai._base_client import PageInfo, AsyncPaginator

base_url = "http://api.test/v1"
NO_NEXT_PAGE = "No next page expected; please check `.has_next_page()` before calling `.get_next_page()`."


class Item(BaseModel):
    id: Optional[str] = None
    n: int = 0


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=base_url) as mocked:
        yield mocked


def pages_by_cursor(pages: dict[str | None, dict[str, Any]]) -> Any:
    """A respx side effect answering with `pages[<after param>]`."""

    def respond(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=pages[request.url.params.get("after")], headers={"x-request-id": "req_page"})

    return respond


CURSOR_PAGES: dict[str | None, dict[str, Any]] = {
    None: {"data": [{"id": "a", "n": 1}, {"id": "b", "n": 2}], "has_more": True},
    "b": {"data": [{"id": "c", "n": 3}], "has_more": True},
    "c": {"data": [], "has_more": False},
}


class TestSync:
    def test_auto_iteration_across_pages(self, router: respx.MockRouter) -> None:
        route = router.get("/things").mock(side_effect=pages_by_cursor(CURSOR_PAGES))
        client = OpenAI(api_key="k", base_url=base_url)
        page = client.get_api_list("/things", model=Item, page=SyncCursorPage[Item], options={"params": {"limit": 2}})
        assert [item.id for item in page] == ["a", "b", "c"]
        assert [dict(call.request.url.params) for call in route.calls] == [
            {"limit": "2"},
            {"limit": "2", "after": "b"},
            {"limit": "2", "after": "c"},
        ]

    def test_get_next_page(self, router: respx.MockRouter) -> None:
        route = router.get("/things").mock(side_effect=pages_by_cursor(CURSOR_PAGES))
        client = OpenAI(api_key="k", base_url=base_url)
        raw: Any = client.get_api_list(
            "/things",
            model=Item,
            page=SyncCursorPage[Item],
            options={"headers": {"X-Custom": "1", RAW_RESPONSE_HEADER: "true"}, "params": {"order": "asc"}},
        )
        first = raw.parse()  # a raw response: the page comes from `.parse()`
        assert isinstance(first, SyncCursorPage)
        assert first._request_id == "req_page"
        assert first.has_next_page()
        assert repr(first.next_page_info()) == "PageInfo(params={'after': 'b'})"

        second = first.get_next_page()
        assert isinstance(second, SyncCursorPage)
        assert [item.id for item in second.data] == ["c"]
        request = route.calls.last.request
        assert dict(request.url.params) == {"order": "asc", "after": "b"}
        assert request.headers["x-custom"] == "1"
        assert RAW_RESPONSE_HEADER not in request.headers

        third = second.get_next_page()
        assert not third.has_next_page()
        with pytest.raises(RuntimeError) as exc:
            third.get_next_page()
        assert str(exc.value) == NO_NEXT_PAGE

    def test_iter_pages(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(side_effect=pages_by_cursor(CURSOR_PAGES))
        client = OpenAI(api_key="k", base_url=base_url)
        page = client.get_api_list("/things", model=Item, page=SyncCursorPage[Item])
        assert [[item.id for item in p.data] for p in page.iter_pages()] == [["a", "b"], ["c"], []]

    def test_post_list_requests(self, router: respx.MockRouter) -> None:
        route = router.post("/search").mock(
            return_value=httpx.Response(200, json={"data": [{"id": "x"}], "object": "list"})
        )
        client = OpenAI(api_key="k", base_url=base_url)
        page = client.get_api_list("/search", model=Item, page=SyncPage[Item], body={"q": "x"}, method="post")
        assert [item.id for item in page] == ["x"]
        assert json.loads(route.calls.last.request.content) == {"q": "x"}

    def test_single_page_lists(self, router: respx.MockRouter) -> None:
        router.get("/models").mock(return_value=httpx.Response(200, json={"object": "list", "data": [{"id": "m"}]}))
        page = OpenAI(api_key="k", base_url=base_url).get_api_list("/models", model=Item, page=SyncPage[Item])
        assert page.object == "list"
        assert page.next_page_info() is None
        assert not page.has_next_page()
        assert page.to_dict() == {"object": "list", "data": [{"id": "m"}]}
        with pytest.raises(RuntimeError, match="No next page expected"):
            page.get_next_page()


class TestAsync:
    async def test_auto_iteration_without_await(self, router: respx.MockRouter) -> None:
        router.get("/things").mock(side_effect=pages_by_cursor(CURSOR_PAGES))
        client = AsyncOpenAI(api_key="k", base_url=base_url)
        paginator = client.get_api_list("/things", model=Item, page=AsyncCursorPage[Item])
        assert isinstance(paginator, AsyncPaginator)
        assert [item.id async for item in paginator] == ["a", "b", "c"]

    async def test_await_and_next_pages(self, router: respx.MockRouter) -> None:
        route = router.get("/things").mock(side_effect=pages_by_cursor(CURSOR_PAGES))
        client = AsyncOpenAI(api_key="k", base_url=base_url)
        page = await client.get_api_list(
            "/things", model=Item, page=AsyncCursorPage[Item], options={"params": {"limit": 2}}
        )
        assert isinstance(page, AsyncCursorPage)
        assert [item.id for item in page.data] == ["a", "b"]
        second = await page.get_next_page()
        assert dict(route.calls.last.request.url.params) == {"limit": "2", "after": "b"}
        assert [item.id async for item in second] == ["c"]
        pages = [p async for p in page.iter_pages()]
        assert [len(p.data) for p in pages] == [2, 1, 0]
        with pytest.raises(RuntimeError) as exc:
            await pages[-1].get_next_page()
        assert str(exc.value) == NO_NEXT_PAGE

    async def test_async_single_page(self, router: respx.MockRouter) -> None:
        router.get("/models").mock(return_value=httpx.Response(200, json={"object": "list", "data": [{"id": "m"}]}))
        page = await AsyncOpenAI(api_key="k", base_url=base_url).get_api_list(
            "/models", model=Item, page=AsyncPage[Item]
        )
        assert not page.has_next_page()
        assert [item.id async for item in page] == ["m"]


def cursor_page(cls: Any, **fields: Any) -> Any:
    return cls.construct(**fields)


class TestNextPageRules:
    @pytest.mark.parametrize("cls", [SyncCursorPage[Item], AsyncCursorPage[Item]])
    def test_cursor_pages(self, cls: Any) -> None:
        assert cursor_page(cls, data=[Item(id="a"), Item(id="b")], has_more=None).next_page_info().params == {
            "after": "b"
        }
        assert cursor_page(cls, data=[Item(id="a")], has_more=None).has_next_page()
        assert not cursor_page(cls, data=[Item(id="a")], has_more=False).has_next_page()
        assert not cursor_page(cls, data=[], has_more=True).has_next_page()
        assert cursor_page(cls, data=[], has_more=True).next_page_info() is None
        assert not cursor_page(cls, data=[Item(id=None)], has_more=True).has_next_page()

    @pytest.mark.parametrize("cls", [SyncConversationCursorPage[Item], AsyncConversationCursorPage[Item]])
    def test_conversation_cursor_pages(self, cls: Any) -> None:
        page = cursor_page(cls, data=[Item(id="a")], has_more=True, last_id="last")
        assert page.next_page_info().params == {"after": "last"}
        assert page.has_next_page()
        assert not cursor_page(cls, data=[Item(id="a")], has_more=True, last_id="").has_next_page()
        assert not cursor_page(cls, data=[Item(id="a")], has_more=False, last_id="x").has_next_page()

    @pytest.mark.parametrize("cls", [SyncNextCursorPage[Item], AsyncNextCursorPage[Item]])
    def test_next_cursor_pages(self, cls: Any) -> None:
        page = cursor_page(cls, data=[Item(id="a")], has_more=True, next="cursor-2")
        assert page.next_page_info().params == {"after": "cursor-2"}
        assert not cursor_page(cls, data=[Item(id="a")], has_more=True, next=None).has_next_page()
        assert not cursor_page(cls, data=[], has_more=True, next="x").has_next_page()

    def test_page_fields(self) -> None:
        fields: List[str] = list(SyncConversationCursorPage.model_fields)
        assert fields == ["data", "has_more", "last_id"]
        assert not hasattr(SyncCursorPage[Item].construct(data=[]), "after")

    def test_page_info_reprs(self) -> None:
        assert repr(PageInfo(params={"after": "b"})) == "PageInfo(params={'after': 'b'})"
        assert repr(PageInfo(url=httpx.URL("https://x.test/p?after=2"))) == "PageInfo(url=https://x.test/p?after=2)"
        assert repr(PageInfo(json={"page": 2})) == "PageInfo(json={'page': 2})"

    def test_url_and_json_page_info(self, router: respx.MockRouter) -> None:
        route = router.route().mock(return_value=httpx.Response(200, json={"object": "list", "data": []}))

        class UrlPage(SyncPage[Item]):
            def next_page_info(self) -> PageInfo:
                return PageInfo(url=httpx.URL(f"{base_url}/things?cursor=2"))

        class JsonPage(SyncPage[Item]):
            def next_page_info(self) -> PageInfo:
                return PageInfo(json={"page": 2})

        client = OpenAI(api_key="k", base_url=base_url)
        client.get_api_list("/things", model=Item, page=UrlPage, options={"params": {"a": "1"}}).get_next_page()
        assert str(route.calls.last.request.url) == f"{base_url}/things?a=1&cursor=2"
        client.get_api_list("/things", model=Item, page=JsonPage, body={"q": 1}, method="post").get_next_page()
        assert json.loads(route.calls.last.request.content) == {"q": 1, "page": 2}
