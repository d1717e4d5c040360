"""The request engine under every client: building requests, sending them with retries, mapping error
responses to exceptions, and the plumbing of paginated lists (`PageInfo`, `BasePage`, `AsyncPaginator`)."""

from __future__ import annotations

import re
import sys
import json
import time
import random
import logging
import platform as _platform
import warnings
import email.utils
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    List,
    Type,
    Union,
    Generic,
    Mapping,
    TypeVar,
    Callable,
    Iterator,
    Optional,
    Generator,
    AsyncIterator,
    cast,
    overload,
)
from functools import cache

import httpx
import pydantic
from typing_extensions import Self, Literal, override, get_origin

from ._qs import Querystring
from ._files import to_httpx_files, async_to_httpx_files
from ._types import (
    Body,
    Omit,
    Query,
    Headers,
    Timeout,
    NotGiven,
    ResponseT,
    AnyMapping,
    PostParser,
    RequestFiles,
    RequestOptions,
    SecurityOptions,
    not_given,
)
from ._utils import SensitiveHeadersFilter, is_given, is_mapping, get_async_library
from ._models import BaseModel, FinalRequestOptions, process_response_data
from ._response import APIResponse, BaseAPIResponse, AsyncAPIResponse, extract_response_type
from ._constants import (
    DEFAULT_TIMEOUT,
    MAX_RETRY_DELAY,
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    RAW_RESPONSE_HEADER,
    MAX_RETRY_AFTER_DELAY,
    OVERRIDE_CAST_TO_HEADER,
    DEFAULT_CONNECTION_LIMITS,
)
from ._exceptions import (
    OpenAIError,
    ConflictError,
    NotFoundError,
    APIStatusError,
    RateLimitError,
    APITimeoutError,
    BadRequestError,
    APIConnectionError,
    AuthenticationError,
    InternalServerError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from ._utils._json import openapi_dumps

if TYPE_CHECKING:
    from ._streaming import Stream, AsyncStream

__all__ = [
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "HTTPX_DEFAULT_TIMEOUT",
    "FinalRequestOptions",
    "BaseClient",
    "SyncAPIClient",
    "AsyncAPIClient",
    "SyncHttpxClientWrapper",
    "AsyncHttpxClientWrapper",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DefaultAioHttpClient",
    "make_request_options",
    "PageInfo",
    "BasePage",
    "BaseSyncPage",
    "BaseAsyncPage",
    "AsyncPaginator",
    "OtherPlatform",
    "OtherArch",
    "get_platform",
    "get_architecture",
    "platform_headers",
]

log: logging.Logger = logging.getLogger(__name__)
log.addFilter(SensitiveHeadersFilter())

_NO_OPTIONS: RequestOptions = {}  # the default `options=` of the request methods; never mutated

_T = TypeVar("_T")
_HttpxClientT = TypeVar("_HttpxClientT", bound=Union[httpx.Client, httpx.AsyncClient])
_StreamT = TypeVar("_StreamT", bound="Stream[Any]")
_AsyncStreamT = TypeVar("_AsyncStreamT", bound="AsyncStream[Any]")
SyncPageT = TypeVar("SyncPageT", bound="BaseSyncPage[Any]")
AsyncPageT = TypeVar("AsyncPageT", bound="BaseAsyncPage[Any]")

HTTPX_DEFAULT_TIMEOUT = httpx.Timeout(5.0)
"""httpx's own default, which a user-supplied `http_client` still has unless it was configured otherwise."""

_ABSOLUTE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_absolute_url(url: str) -> bool:
    return _ABSOLUTE_URL.match(url) is not None


_STATUS_ERRORS: Dict[int, Type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


# -- pagination ---------------------------------------------------------------------------------------------------


class PageInfo:
    """Where the next page is: new query params, a whole URL, or JSON body fields, merged into the first request."""

    url: httpx.URL | NotGiven
    params: Query | NotGiven
    json: Body | NotGiven

    @overload
    def __init__(self, *, url: httpx.URL) -> None: ...

    @overload
    def __init__(self, *, params: Query) -> None: ...

    @overload
    def __init__(self, *, json: Body) -> None: ...

    def __init__(
        self,
        *,
        url: httpx.URL | NotGiven = not_given,
        json: Body | NotGiven = not_given,
        params: Query | NotGiven = not_given,
    ) -> None:
        self.url = url
        self.json = json
        self.params = params

    @override
    def __repr__(self) -> str:
        if self.url:
            return f"{self.__class__.__name__}(url={self.url})"
        if self.json:
            return f"{self.__class__.__name__}(json={self.json})"
        return f"{self.__class__.__name__}(params={self.params})"


class BasePage(BaseModel, Generic[_T]):
    """A page of a list endpoint; subclasses say where their items are and how to ask for the next page."""

    _options: FinalRequestOptions = pydantic.PrivateAttr()
    _model: Type[_T] = pydantic.PrivateAttr()

    def has_next_page(self) -> bool:
        if not self._get_page_items():
            return False
        return self.next_page_info() is not None

    def next_page_info(self) -> Optional[PageInfo]: ...

    def _get_page_items(self) -> List[_T]: ...

    def _info_to_options(self, info: PageInfo) -> FinalRequestOptions:
        options = self._options.model_copy()
        options._strip_raw_response_header()  # pyright: ignore[reportPrivateUsage]
        if not isinstance(info.params, NotGiven):
            options.params = {**options.params, **info.params}
        elif not isinstance(info.url, NotGiven):
            options.params = {**options.params, **dict(info.url.params)}
            options.url = str(info.url.copy_with(params=None))
        elif not isinstance(info.json, NotGiven):
            if not is_mapping(info.json):
                raise TypeError("Pagination is only supported with mappings")
            options.json_data = {**cast(AnyMapping, options.json_data or {}), **info.json}
        return options

    def _next_page_options(self) -> FinalRequestOptions:
        info = self.next_page_info()
        if not info:
            raise RuntimeError(
                "No next page expected; please check `.has_next_page()` before calling `.get_next_page()`."
            )
        return self._info_to_options(info)


class BaseSyncPage(BasePage[_T], Generic[_T]):
    _client: SyncAPIClient = pydantic.PrivateAttr()

    def _set_private_attributes(self, client: SyncAPIClient, model: Type[_T], options: FinalRequestOptions) -> None:
        self._model = model
        self._client = client
        self._options = options

    # Iterating a page walks every item of every following page (this replaces pydantic's field iteration).
    def __iter__(self) -> Iterator[_T]:  # type: ignore
        for page in self.iter_pages():
            yield from page._get_page_items()

    def iter_pages(self) -> Iterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def get_next_page(self) -> Self:
        options = self._next_page_options()
        return self._client._request_api_list(self._model, page=self.__class__, options=options)  # pyright: ignore[reportPrivateUsage]


class BaseAsyncPage(BasePage[_T], Generic[_T]):
    _client: AsyncAPIClient = pydantic.PrivateAttr()

    def _set_private_attributes(self, client: AsyncAPIClient, model: Type[_T], options: FinalRequestOptions) -> None:
        self._model = model
        self._client = client
        self._options = options

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page._get_page_items():
                yield item

    async def iter_pages(self) -> AsyncIterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def get_next_page(self) -> Self:
        options = self._next_page_options()
        return await self._client._request_api_list(self._model, page=self.__class__, options=options)  # pyright: ignore[reportPrivateUsage]


class AsyncPaginator(Generic[_T, AsyncPageT]):
    """What async list methods return: `await` it for the first page, or `async for` over every item."""

    def __init__(
        self, client: AsyncAPIClient, options: FinalRequestOptions, page_cls: Type[AsyncPageT], model: Type[_T]
    ):
        self._client = client
        self._options = options
        self._page_cls = page_cls
        self._model = model

    def __await__(self) -> Generator[Any, None, AsyncPageT]:
        return self._get_page().__await__()

    async def _get_page(self) -> AsyncPageT:
        self._options.post_parser = _page_parser(self._client, self._model, self._options)
        return await self._client.request(self._page_cls, self._options)

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self
        async for item in page:
            yield item


def _page_parser(client: Any, model: Type[Any], options: FinalRequestOptions) -> Callable[[Any], Any]:
    """The `post_parser` that ties a freshly parsed page to the client and request that produced it."""

    def parser(page: Any) -> Any:
        page._set_private_attributes(client=client, model=model, options=options)
        return page

    return parser


# -- platform headers ------------------------------------------------------------------------------------------------


class OtherPlatform:
    def __init__(self, name: str) -> None:
        self.name = name

    @override
    def __str__(self) -> str:
        return f"Other:{self.name}"


class OtherArch:
    def __init__(self, name: str) -> None:
        self.name = name

    @override
    def __str__(self) -> str:
        return f"other:{self.name}"


Platform = Union[OtherPlatform, Literal["MacOS", "Linux", "Windows", "FreeBSD", "OpenBSD", "iOS", "Android", "Unknown"]]
Arch = Union[OtherArch, Literal["x32", "x64", "arm", "arm64", "unknown"]]


def get_platform() -> Platform:
    try:
        system = _platform.system().lower()
        machine = _platform.machine().lower()
    except Exception:
        return "Unknown"
    if system in ("ios", "ipados") or machine.startswith(("iphone", "ipad")):
        return "iOS"
    if system == "android" or hasattr(sys, "getandroidapilevel"):
        return "Android"
    known: Dict[str, Platform] = {
        "darwin": "MacOS",
        "windows": "Windows",
        "linux": "Linux",
        "freebsd": "FreeBSD",
        "openbsd": "OpenBSD",
    }
    if system in known:
        return known[system]
    try:
        name = _platform.platform().lower()
    except Exception:
        return "Unknown"
    return OtherPlatform(name) if name else "Unknown"


def get_architecture() -> Arch:
    try:
        machine = _platform.machine().lower()
    except Exception:
        return "unknown"
    if machine in ("arm64", "aarch64"):
        return "arm64"
    if machine == "arm":
        return "arm"
    if machine == "x86_64":
        return "x64"
    if sys.maxsize <= 2**32:
        return "x32"
    return OtherArch(machine) if machine else "unknown"


def _python_runtime() -> str:
    try:
        return _platform.python_implementation()
    except Exception:
        return "unknown"


def _python_version() -> str:
    try:
        return _platform.python_version()
    except Exception:
        return "unknown"


@cache
def platform_headers(version: str, *, platform: Platform | None) -> Dict[str, str]:
    """The `X-Stainless-*` environment headers, computed once per process (do not mutate the result)."""
    return {
        "X-Stainless-Lang": "python",
        "X-Stainless-Package-Version": version,
        "X-Stainless-OS": str(platform or get_platform()),
        "X-Stainless-Arch": str(get_architecture()),
        "X-Stainless-Runtime": _python_runtime(),
        "X-Stainless-Runtime-Version": _python_version(),
    }


# -- httpx clients ---------------------------------------------------------------------------------------------------


def _with_sdk_defaults(kwargs: Dict[str, Any]) -> Dict[str, Any]:
    kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
    kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
    kwargs.setdefault("follow_redirects", True)
    return kwargs


class _ResponseCookies(httpx.Cookies):
    """Cookies that skip httpx's costly per-response cookie extraction when a response sets no cookie."""

    @override
    def extract_cookies(self, response: httpx.Response) -> None:
        if any(name.lower() in (b"set-cookie", b"set-cookie2") for name, _ in response.headers.raw):
            super().extract_cookies(response)


class _DefaultHttpxClient(httpx.Client):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_with_sdk_defaults(kwargs))
        self._cookies = _ResponseCookies(self._cookies)


class _DefaultAsyncHttpxClient(httpx.AsyncClient):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_with_sdk_defaults(kwargs))
        self._cookies = _ResponseCookies(self._cookies)


if TYPE_CHECKING:
    # Type checkers see httpx's own signatures; at runtime the SDK's defaults apply.
    DefaultHttpxClient = httpx.Client
    DefaultAsyncHttpxClient = httpx.AsyncClient
    DefaultAioHttpClient = httpx.AsyncClient
else:
    DefaultHttpxClient = _DefaultHttpxClient
    DefaultAsyncHttpxClient = _DefaultAsyncHttpxClient

    def __getattr__(name: str) -> Any:
        # `DefaultAioHttpClient` is built on first use: importing aiohttp is expensive.
        if name == "DefaultAioHttpClient":
            globals()[name] = cls = _make_aiohttp_client_class()
            return cls
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _make_aiohttp_client_class() -> type[httpx.AsyncClient]:
    try:
        import httpx_aiohttp
    except ImportError:

        class _MissingAioHttpClient(httpx.AsyncClient):
            def __init__(self, **_kwargs: Any) -> None:
                raise RuntimeError(
                    "To use the aiohttp client you must have installed the package with the `aiohttp` extra"
                )

        return _MissingAioHttpClient

    class _DefaultAioHttpClient(httpx_aiohttp.HttpxAiohttpClient):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**_with_sdk_defaults(kwargs))
            self._cookies = _ResponseCookies(self._cookies)

    return _DefaultAioHttpClient


class SyncHttpxClientWrapper(_DefaultHttpxClient):
    """The httpx client the SDK creates when none is given; it closes itself when garbage-collected."""

    def __del__(self) -> None:
        if self.is_closed:
            return
        try:
            self.close()
        except Exception:
            pass


class AsyncHttpxClientWrapper(_DefaultAsyncHttpxClient):
    """The async twin: on garbage collection it schedules `aclose()` on the running event loop, if any."""

    def __del__(self) -> None:
        if self.is_closed:
            return
        try:
            import asyncio

            asyncio.get_running_loop().create_task(self.aclose())
        except Exception:
            pass


# -- request options -------------------------------------------------------------------------------------------------


def make_request_options(
    *,
    query: Query | None = None,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    idempotency_key: str | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = not_given,
    post_parser: PostParser | NotGiven = not_given,
    security: SecurityOptions | None = None,
    synthesize_event_and_data: bool | None = None,
) -> RequestOptions:
    """Collect the per-call options of a generated method; only the given ones are set."""
    options: RequestOptions = {}
    if extra_headers is not None:
        options["headers"] = extra_headers
    if extra_body is not None:
        options["extra_json"] = cast(AnyMapping, extra_body)
    if query is not None:
        options["params"] = query
    if extra_query is not None:
        options["params"] = {**options.get("params", {}), **extra_query}
    if not isinstance(timeout, NotGiven):
        options["timeout"] = timeout
    if idempotency_key is not None:
        options["idempotency_key"] = idempotency_key
    if is_given(post_parser):
        options["post_parser"] = post_parser  # type: ignore
    if security is not None:
        options["security"] = security
    if synthesize_event_and_data is not None:
        options["synthesize_event_and_data"] = synthesize_event_and_data
    return options


class _ForceMultipartDict(Dict[str, None]):
    """An empty `files` mapping that is still truthy, so httpx encodes the body as multipart."""

    def __bool__(self) -> bool:
        return True


def merge_headers(target: Dict[str, Any], overrides: Mapping[str, Any]) -> None:
    """Layer `overrides` onto `target` in place; names match case-insensitively and keep their first spelling."""
    names = {name.lower(): name for name in target}
    for name, value in overrides.items():
        target[names.setdefault(name.lower(), name)] = value


def find_header(headers: Mapping[str, Any], name: str) -> Any:
    """Case-insensitive lookup of a lower-case `name` in a plain mapping (None when absent)."""
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _given_options(options: FinalRequestOptions) -> dict[str, object]:
    """The options that differ from their defaults, for the debug log."""
    given: dict[str, object] = {}
    for name in FinalRequestOptions.FIELDS:
        value = getattr(options, name)
        if value is not None and not isinstance(value, NotGiven) and not (isinstance(value, dict) and not value):
            given[name] = value
    return given


_URL_CACHE: Dict[str, httpx.URL] = {}


def _parse_url(url: str) -> httpx.URL:
    """`httpx.URL(url)`, remembered for the few URLs a program keeps calling (URLs are immutable)."""
    parsed = _URL_CACHE.get(url)
    if parsed is None:
        if len(_URL_CACHE) >= 256:
            _URL_CACHE.clear()
        parsed = _URL_CACHE[url] = httpx.URL(url)
    return parsed


def _new_request(
    client: httpx.Client | httpx.AsyncClient,
    method: str,
    url: httpx.URL,
    headers: Dict[str, str],
    timeout: float | Timeout | None,
    extensions: Dict[str, Any],
    body: Dict[str, Any],
) -> httpx.Request:
    """What `client.build_request()` makes, without its costly generic merging when the client has nothing to merge
    but headers (the usual case); clients that customise `build_request` or carry query params still go through it."""
    if type(client).build_request is not httpx.Client.build_request or client.params or url.is_relative_url:
        # httpx replaces a URL's query with the merged params, so ours go in as params
        return client.build_request(
            method,
            url.copy_with(query=None),
            params=url.params,
            headers=headers,
            timeout=timeout,
            extensions=extensions or None,
            **body,
        )

    extensions["timeout"] = httpx.Timeout(timeout).as_dict()
    ours = {name.lower() for name in headers}
    merged: List[Any] = [
        (name, value) for name, value in client.headers.raw if name.decode("latin-1").lower() not in ours
    ]
    merged.extend(headers.items())
    request = httpx.Request(method, url, headers=merged, extensions=extensions, **body)
    if client.cookies:
        client.cookies.set_cookie_header(request)
    return request


def _raw_response_marker(options: FinalRequestOptions) -> str | None:
    return find_header(options.headers, RAW_RESPONSE_HEADER.lower()) if options.headers else None


def _parse_retry_after(headers: httpx.Headers | None) -> float | None:
    """The server's retry hint in seconds: `retry-after-ms`, else `retry-after` as seconds or an HTTP date."""
    if headers is None:
        return None
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return float(milliseconds) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    date = email.utils.parsedate_tz(value)
    if date is None:
        return None
    return float(email.utils.mktime_tz(date) - time.time())


# -- clients ---------------------------------------------------------------------------------------------------------


class BaseClient(Generic[_HttpxClientT]):
    """Everything about a request that is not I/O, shared by the sync and async clients."""

    _client: _HttpxClientT
    _version: str
    _base_url: httpx.URL
    max_retries: int
    timeout: Union[float, Timeout, None]
    _strict_response_validation: bool
    _platform: Platform | None = None
    _default_stream_cls: type[Stream[Any]] | type[AsyncStream[Any]] | None = None

    def __init__(
        self,
        *,
        version: str,
        base_url: str | httpx.URL,
        _strict_response_validation: bool,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: float | Timeout | None = DEFAULT_TIMEOUT,
        custom_headers: Mapping[str, str] | None = None,
        custom_query: Mapping[str, object] | None = None,
    ) -> None:
        if max_retries is None:  # pyright: ignore[reportUnnecessaryComparison]
            raise TypeError(
                "max_retries cannot be None. If you want to disable retries, pass `0`; if you want unlimited retries, pass `math.inf` or a very high number; if you want the default behavior, pass `openai.DEFAULT_MAX_RETRIES`"
            )
        self._version = version
        self._base_url = self._enforce_trailing_slash(httpx.URL(base_url))
        self._url_prefix_cache: tuple[httpx.URL, str] | None = None
        self.max_retries = max_retries
        self.timeout = timeout
        self._custom_headers = custom_headers or {}
        self._custom_query = custom_query or {}
        self._strict_response_validation = _strict_response_validation
        self._static_headers: Dict[str, str] = {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "User-Agent": self.user_agent,
            **self.platform_headers(),
        }

    # -- configuration --

    @property
    def qs(self) -> Querystring:
        return _QUERYSTRING

    @property
    def custom_auth(self) -> httpx.Auth | None:
        return None

    @property
    def auth_headers(self) -> dict[str, str]:
        return {}

    @property
    def user_agent(self) -> str:
        return f"{self.__class__.__name__}/Python {self._version}"

    def platform_headers(self) -> Dict[str, str]:
        return platform_headers(self._version, platform=self._platform)

    @property
    def default_headers(self) -> dict[str, str | Omit]:
        return self._default_headers(self.auth_headers)

    @property
    def default_query(self) -> dict[str, object]:
        return dict(self._custom_query)

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @base_url.setter
    def base_url(self, url: httpx.URL | str) -> None:
        self._base_url = self._enforce_trailing_slash(url if isinstance(url, httpx.URL) else httpx.URL(url))

    def _enforce_trailing_slash(self, url: httpx.URL) -> httpx.URL:
        if url.raw_path.endswith(b"/"):
            return url
        return url.copy_with(raw_path=url.raw_path + b"/")

    # -- hooks for subclasses --

    def _security_headers(self, security: SecurityOptions | None) -> dict[str, str]:
        """The auth headers of one request, chosen by its endpoint's security requirements."""
        return self.auth_headers

    def _client_headers(self) -> dict[str, str]:
        """Headers the concrete client adds after the built-in ones (async library, organization, ...)."""
        return {}

    def _validate_headers(self, headers: Mapping[str, str], custom_headers: Mapping[str, str | Omit]) -> None:
        """Called with the final headers and the per-request ones; raise if the request cannot be sent."""
        return

    def _reauthenticate(self, options: FinalRequestOptions) -> bool:
        """Called when an attempt got a 401: drop cached credentials and return True to re-send the request once."""
        return False

    # -- building requests --

    def _default_headers(self, auth: Mapping[str, str]) -> dict[str, str | Omit]:
        headers: dict[str, str | Omit] = {**auth, **self._static_headers}
        headers.update(self._client_headers())
        if self._custom_headers:
            merge_headers(headers, self._custom_headers)
        return headers

    def _build_headers(self, options: FinalRequestOptions, *, retries_taken: int = 0) -> dict[str, str]:
        headers = self._default_headers(self._security_headers(options.security))
        custom: Mapping[str, str | Omit] = options.headers or {}
        if custom:
            merge_headers(headers, custom)
        final = cast(Dict[str, str], headers)
        if custom or self._custom_headers:
            final = {name: value for name, value in headers.items() if not isinstance(value, Omit)}
        self._validate_headers(final, custom)

        generated: dict[str, str] = {}
        caller_sets = {name.lower() for name in custom} if custom else ()
        if "x-stainless-retry-count" not in caller_sets:
            generated["x-stainless-retry-count"] = str(retries_taken)
        if "x-stainless-read-timeout" not in caller_sets:
            timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
            read = timeout.read if isinstance(timeout, httpx.Timeout) else timeout
            if read is not None:
                generated["x-stainless-read-timeout"] = str(read)
        if self._custom_headers:
            merge_headers(final, generated)
        else:
            final.update(generated)
        return final

    def _url_prefix(self) -> str:
        """`base_url` as a string that relative paths are appended to (cached per base URL object)."""
        base = self.base_url
        cached = self._url_prefix_cache
        if cached is None or cached[0] is not base:
            cached = self._url_prefix_cache = (base, str(base.copy_with(raw_path=base.raw_path)))
        return cached[1]

    def _absolute_url(self, url: str) -> str:
        if is_absolute_url(url):
            return url
        return self._url_prefix() + url.lstrip("/")

    def _prepare_url(self, url: str) -> httpx.URL:
        """Resolve a request path against `base_url`; absolute URLs are used as they are."""
        return httpx.URL(self._absolute_url(url))

    def _build_url(self, path: str, params: Mapping[str, object]) -> httpx.URL:
        url = self._absolute_url(path)
        query = self.qs.stringify(cast(Mapping[str, Any], params)) if params else ""
        if not query:
            return _parse_url(url)
        if "?" in url:  # params already in the path are kept; the request's params win on the same key
            return httpx.URL(url).copy_merge_params(httpx.QueryParams(query))
        return httpx.URL(f"{url}?{query}")

    def _build_request(self, options: FinalRequestOptions, *, retries_taken: int = 0) -> httpx.Request:
        if log.isEnabledFor(logging.DEBUG):
            log.debug("Request options: %s", _given_options(options))

        headers = self._build_headers(options, retries_taken=retries_taken)
        params: Mapping[str, object] = options.params
        if self._custom_query:
            params = {**self._custom_query, **params}
        if params:
            params = {key: value for key, value in params.items() if not isinstance(value, Omit)}
        url = self._build_url(options.url, params)

        extensions: dict[str, Any] = {}
        if "_" in url.host:  # TLS rejects underscores in SNI hostnames (encode/httpx#2880)
            extensions["sni_hostname"] = url.host.replace("_", "-")

        body: dict[str, Any] = {}
        if options.method.lower() == "get":
            headers.pop("Content-Type", None)
        else:
            self._add_body(options, headers, body)

        timeout = self.timeout if isinstance(options.timeout, NotGiven) else options.timeout
        return _new_request(self._client, options.method, url, headers, timeout, extensions, body)

    def _add_body(self, options: FinalRequestOptions, headers: dict[str, str], kwargs: dict[str, Any]) -> None:
        """Put the request body into `kwargs` (`content`, or `data` and `files` for multipart) and fix its headers."""
        json_data: object = options.json_data
        if options.extra_json is not None:
            if json_data is None:
                json_data = options.extra_json
            elif is_mapping(json_data):
                json_data = {**json_data, **options.extra_json}
            else:
                raise RuntimeError(f"Unexpected JSON data type, {type(json_data)}, cannot merge with `extra_body`")
        if is_mapping(json_data) and options.extra_json:
            json_data = {key: value for key, value in json_data.items() if not isinstance(value, Omit)}

        files = options.files
        content_type = find_header(headers, "content-type")
        if isinstance(content_type, str) and content_type.startswith("multipart/form-data"):
            if "boundary" not in content_type:  # let httpx write the header with the boundary it picks
                headers.pop("Content-Type", None)
            if json_data:
                if not isinstance(json_data, dict):
                    raise TypeError(
                        f"Expected query input to be a dictionary for multipart requests but got {type(json_data)} instead."
                    )
                kwargs["data"] = self._serialize_multipartform(cast(Dict[str, object], json_data))
            kwargs["files"] = files or _ForceMultipartDict()
            return

        if options.content is not None:
            content = options.content
            kwargs["content"] = bytes(content) if isinstance(content, bytearray) else content
        elif isinstance(json_data, bytes):
            kwargs["content"] = json_data
        elif files:
            kwargs["files"] = files
        elif json_data is not None:
            kwargs["content"] = openapi_dumps(json_data)

    def _serialize_multipartform(self, data: Mapping[str, object]) -> dict[str, object]:
        """Form fields in bracket notation; a name given several times (`array[]`) maps to a list of values."""
        fields: dict[str, object] = {}
        for key, value in self.qs.stringify_items(cast(Mapping[str, Any], data), array_format="brackets"):
            existing = fields.get(key)
            if existing is None:
                fields[key] = value
            elif isinstance(existing, list):
                cast(List[object], existing).append(value)
            else:
                fields[key] = [existing, value]
        return fields

    def _send_kwargs(self, options: FinalRequestOptions) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        if self.custom_auth is not None:
            kwargs["auth"] = self.custom_auth
        if options.follow_redirects is not None:
            kwargs["follow_redirects"] = options.follow_redirects
        return kwargs

    @staticmethod
    def _check_body_args(body: Body | None, content: object | None, files: RequestFiles | None) -> None:
        if body is not None and content is not None:
            raise TypeError("Passing both `body` and `content` is not supported")
        if files is not None and content is not None:
            raise TypeError("Passing both `files` and `content` is not supported")
        if isinstance(body, bytes):
            warnings.warn(
                "Passing raw bytes as `body` is deprecated and will be removed in a future version. Please pass raw bytes via the `content` parameter instead.",
                DeprecationWarning,
                stacklevel=4,
            )

    def _maybe_override_cast_to(self, cast_to: Type[ResponseT], options: FinalRequestOptions) -> Type[ResponseT]:
        """Streaming wrappers name their response class in a pseudo-header, which must not be sent."""
        if not options.headers or OVERRIDE_CAST_TO_HEADER not in options.headers:
            return cast_to
        headers = dict(options.headers)
        override_cast_to = headers.pop(OVERRIDE_CAST_TO_HEADER)
        options.headers = headers
        return cast(Type[ResponseT], override_cast_to)

    # -- retries --

    def _should_retry(self, response: httpx.Response) -> bool:
        retry_after = _parse_retry_after(response.headers)
        if retry_after is not None and MAX_RETRY_AFTER_DELAY < retry_after < float("inf"):
            log.debug("Not retrying as the server asked to wait %s seconds", retry_after)
            return False

        should_retry = response.headers.get("x-should-retry")
        if should_retry == "true":
            log.debug("Retrying as header `x-should-retry` is set to `true`")
            return True
        if should_retry == "false":
            log.debug("Not retrying as header `x-should-retry` is set to `false`")
            return False

        status = response.status_code
        if status in (408, 409, 429) or status >= 500:
            log.debug("Retrying due to status code %i", status)
            return True
        log.debug("Not retrying")
        return False

    def _calculate_retry_timeout(
        self, remaining_retries: int, options: FinalRequestOptions, response_headers: httpx.Headers | None
    ) -> float:
        retry_after = _parse_retry_after(response_headers)
        if retry_after is not None and 0 < retry_after <= MAX_RETRY_AFTER_DELAY:
            return retry_after

        retries_taken = min(options.get_max_retries(self.max_retries) - remaining_retries, 1000)
        delay = min(INITIAL_RETRY_DELAY * 2.0**retries_taken, MAX_RETRY_DELAY)
        return max(delay * (1 - 0.25 * random.random()), 0.0)

    def _retry_delay(
        self, options: FinalRequestOptions, retries_taken: int, max_retries: int, response: httpx.Response | None
    ) -> float:
        remaining = max_retries - retries_taken
        if remaining == 1:
            log.debug("1 retry left")
        else:
            log.debug("%i retries left", remaining)
        delay = self._calculate_retry_timeout(remaining, options, response.headers if response is not None else None)
        log.info("Retrying request to %s in %f seconds", options.url, delay)
        return delay

    def _delay_after_send_error(
        self, err: Exception, request: httpx.Request, options: FinalRequestOptions, retries_taken: int, max_retries: int
    ) -> float:
        """How long to wait before retrying a request whose sending failed; raises when giving up."""
        if isinstance(err, OpenAIError):
            raise err
        log.debug("Encountered %s while sending the request", type(err).__name__, exc_info=True)
        if retries_taken < max_retries:
            return self._retry_delay(options, retries_taken, max_retries, None)
        log.debug("Raising %s", "timeout error" if isinstance(err, httpx.TimeoutException) else "connection error")
        if isinstance(err, httpx.TimeoutException):
            raise APITimeoutError(request=request) from err
        raise APIConnectionError(request=request) from err

    def _delay_after_status(
        self, response: httpx.Response, options: FinalRequestOptions, retries_taken: int, max_retries: int
    ) -> float | None:
        """How long to wait before retrying an error response, or None to raise it."""
        if retries_taken < max_retries and self._should_retry(response):
            return self._retry_delay(options, retries_taken, max_retries, response)
        return None

    def _log_response(self, request: httpx.Request, response: httpx.Response) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                'HTTP Response: %s %s "%i %s" %s',
                request.method,
                request.url,
                response.status_code,
                response.reason_phrase,
                response.headers,
            )
            log.debug("request_id: %s", response.headers.get("x-request-id"))

    # -- responses --

    def _make_status_error_from_response(self, response: httpx.Response) -> APIStatusError:
        if response.is_closed and not response.is_stream_consumed:
            # The body was never read and can no longer be.
            return self._make_status_error(f"Error code: {response.status_code}", body=None, response=response)

        text = response.text.strip()
        body: object = text
        try:
            body = json.loads(text)
        except Exception:
            message = text or f"Error code: {response.status_code}"
        else:
            message = f"Error code: {response.status_code} - {body}"
        return self._make_status_error(message, body=body, response=response)

    def _make_status_error(self, err_msg: str, *, body: object, response: httpx.Response) -> APIStatusError:
        data = body.get("error", body) if is_mapping(body) else body
        status = response.status_code
        error_cls = _STATUS_ERRORS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
        return error_cls(err_msg, response=response, body=data)

    def _process_response_data(self, *, data: object, cast_to: Type[ResponseT], response: httpx.Response) -> ResponseT:
        return process_response_data(
            data=data, cast_to=cast_to, response=response, strict=self._strict_response_validation
        )

    def _response_class(self, cast_to: Any, base: type[Any]) -> type[Any] | None:
        """The response class a streaming wrapper asked for via `cast_to` (None for ordinary targets)."""
        origin = get_origin(cast_to) or cast_to
        if not isinstance(origin, type) or not issubclass(origin, BaseAPIResponse):
            return None
        if not issubclass(origin, base):
            raise TypeError(f"API Response types must subclass {base}; Received {origin}")
        return cast("type[Any]", cast_to)

    def _is_streamed_request(self, options: FinalRequestOptions) -> bool:
        return _raw_response_marker(options) == "stream"

    def _wrap_response(
        self,
        base: type[Any],
        *,
        cast_to: Any,
        options: FinalRequestOptions,
        response: httpx.Response,
        stream: bool,
        stream_cls: Any,
        retries_taken: int,
    ) -> tuple[Any, bool]:
        """The response object to return and whether the caller should `.parse()` it first."""
        marker = _raw_response_marker(options)
        response_cls: type[Any] | None = self._response_class(cast_to, base)
        if marker == "true":
            from ._legacy_response import LegacyAPIResponse

            response_cls, parse = LegacyAPIResponse, False
        elif response_cls is not None:
            cast_to, parse = extract_response_type(response_cls), False
        else:
            response_cls, parse = base, not marker
        wrapped = response_cls(
            raw=response,
            client=self,
            cast_to=cast_to,
            stream=stream,
            stream_cls=stream_cls,
            options=options,
            retries_taken=retries_taken,
        )
        return wrapped, parse


_QUERYSTRING = Querystring(array_format="brackets", nested_format="brackets")


class SyncAPIClient(BaseClient[httpx.Client]):
    _client: httpx.Client

    def __init__(
        self,
        *,
        version: str,
        base_url: str | httpx.URL,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: float | Timeout | None | NotGiven = not_given,
        http_client: httpx.Client | None = None,
        custom_headers: Mapping[str, str] | None = None,
        custom_query: Mapping[str, object] | None = None,
        _strict_response_validation: bool,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.Client):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                f"Invalid `http_client` argument; Expected an instance of `httpx.Client` or `httpx2.Client` but got {type(http_client)}"
            )
        super().__init__(
            version=version,
            base_url=base_url,
            max_retries=max_retries,
            timeout=_resolve_timeout(timeout, http_client),
            custom_headers=custom_headers,
            custom_query=custom_query,
            _strict_response_validation=_strict_response_validation,
        )
        self._client = http_client or SyncHttpxClientWrapper(timeout=self.timeout)

    @override
    def _client_headers(self) -> dict[str, str]:
        return {"X-Stainless-Async": "false"}

    def is_closed(self) -> bool:
        return self._client.is_closed

    def close(self) -> None:
        """Close the underlying HTTP client (and its connections)."""
        client = cast(Optional[httpx.Client], getattr(self, "_client", None))
        if client is not None:
            client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        self.close()

    def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        """Called before each attempt; may return changed options (as a copy: the input is reused on retries)."""
        return options

    def _prepare_request(self, request: httpx.Request) -> None:
        """Called with each built request right before it is sent."""
        return None

    @overload
    def request(
        self, cast_to: Type[ResponseT], options: FinalRequestOptions, *, stream: Literal[False] = False
    ) -> ResponseT: ...

    @overload
    def request(
        self,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: Literal[True],
        stream_cls: Type[_StreamT],
    ) -> _StreamT: ...

    @overload
    def request(
        self,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool,
        stream_cls: Type[_StreamT] | None = None,
    ) -> ResponseT | _StreamT: ...

    def request(
        self,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: type[_StreamT] | None = None,
    ) -> ResponseT | _StreamT:
        cast_to = self._maybe_override_cast_to(cast_to, options)
        max_retries = options.get_max_retries(self.max_retries)
        stream_body = stream or self._is_streamed_request(options)
        retries_taken = 0
        reauthenticated = False
        while True:
            attempt = self._prepare_options(options)
            request = self._build_request(attempt, retries_taken=retries_taken)
            self._prepare_request(request)
            if log.isEnabledFor(logging.DEBUG):
                log.debug("Sending HTTP Request: %s %s", request.method, request.url)
            try:
                response = self._client.send(request, stream=stream_body, **self._send_kwargs(attempt))
            except Exception as err:
                time.sleep(self._delay_after_send_error(err, request, attempt, retries_taken, max_retries))
                retries_taken += 1
                continue

            self._log_response(request, response)
            if 200 <= response.status_code < 300:
                break
            if response.status_code == 401 and not reauthenticated and self._reauthenticate(attempt):
                reauthenticated = True
                response.close()
                continue
            delay = self._delay_after_status(response, attempt, retries_taken, max_retries)
            if delay is None:
                if not response.is_closed:
                    response.read()
                log.debug("Re-raising status error")
                raise self._make_status_error_from_response(response) from None
            response.close()
            time.sleep(delay)
            retries_taken += 1

        return self._process_response(
            cast_to=cast_to,
            options=attempt,
            response=response,
            stream=stream,
            stream_cls=stream_cls,
            retries_taken=retries_taken,
        )

    def _process_response(
        self,
        *,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        response: httpx.Response,
        stream: bool,
        stream_cls: type[Stream[Any]] | type[AsyncStream[Any]] | None,
        retries_taken: int = 0,
    ) -> ResponseT:
        wrapped, parse = self._wrap_response(
            APIResponse,
            cast_to=cast_to,
            options=options,
            response=response,
            stream=stream,
            stream_cls=stream_cls,
            retries_taken=retries_taken,
        )
        return cast(ResponseT, wrapped.parse() if parse else wrapped)

    def _request_api_list(self, model: Type[object], page: Type[SyncPageT], options: FinalRequestOptions) -> SyncPageT:
        options.post_parser = _page_parser(self, model, options)
        return self.request(page, options, stream=False)

    @overload
    def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = _NO_OPTIONS,
        stream: Literal[False] = False,
    ) -> ResponseT: ...

    @overload
    def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = _NO_OPTIONS,
        stream: Literal[True],
        stream_cls: type[_StreamT],
    ) -> _StreamT: ...

    @overload
    def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = _NO_OPTIONS,
        stream: bool,
        stream_cls: type[_StreamT] | None = None,
    ) -> ResponseT | _StreamT: ...

    def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = _NO_OPTIONS,
        stream: bool = False,
        stream_cls: type[_StreamT] | None = None,
    ) -> ResponseT | _StreamT:
        opts = FinalRequestOptions.construct(method="get", url=path, **options)
        return self.request(cast_to, opts, stream=stream, stream_cls=stream_cls)

    @overload
    def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        files: RequestFiles | None = None,
        stream: Literal[False] = False,
    ) -> ResponseT: ...

    @overload
    def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        files: RequestFiles | None = None,
        stream: Literal[True],
        stream_cls: type[_StreamT],
    ) -> _StreamT: ...

    @overload
    def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        files: RequestFiles | None = None,
        stream: bool,
        stream_cls: type[_StreamT] | None = None,
    ) -> ResponseT | _StreamT: ...

    def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        files: RequestFiles | None = None,
        stream: bool = False,
        stream_cls: type[_StreamT] | None = None,
    ) -> ResponseT | _StreamT:
        opts = self._method_options("post", path, body, content, files, options)
        return self.request(cast_to, opts, stream=stream, stream_cls=stream_cls)

    def patch(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        files: RequestFiles | None = None,
        options: RequestOptions = _NO_OPTIONS,
    ) -> ResponseT:
        return self.request(cast_to, self._method_options("patch", path, body, content, files, options))

    def put(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        files: RequestFiles | None = None,
        options: RequestOptions = _NO_OPTIONS,
    ) -> ResponseT:
        return self.request(cast_to, self._method_options("put", path, body, content, files, options))

    def delete(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
    ) -> ResponseT:
        return self.request(cast_to, self._method_options("delete", path, body, content, None, options))

    def get_api_list(
        self,
        path: str,
        *,
        model: Type[object],
        page: Type[SyncPageT],
        body: Body | None = None,
        options: RequestOptions = _NO_OPTIONS,
        method: str = "get",
    ) -> SyncPageT:
        opts = FinalRequestOptions.construct(method=method, url=path, json_data=body, **options)
        return self._request_api_list(model, page, opts)

    def _method_options(
        self,
        method: str,
        path: str,
        body: Body | None,
        content: object | None,
        files: RequestFiles | None,
        options: RequestOptions,
    ) -> FinalRequestOptions:
        self._check_body_args(body, content, files)
        return FinalRequestOptions.construct(
            method=method, url=path, json_data=body, content=content, files=to_httpx_files(files), **options
        )


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    _client: httpx.AsyncClient

    def __init__(
        self,
        *,
        version: str,
        base_url: str | httpx.URL,
        _strict_response_validation: bool,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: float | Timeout | None | NotGiven = not_given,
        http_client: httpx.AsyncClient | None = None,
        custom_headers: Mapping[str, str] | None = None,
        custom_query: Mapping[str, object] | None = None,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                f"Invalid `http_client` argument; Expected an instance of `httpx.AsyncClient` or `httpx2.AsyncClient` but got {type(http_client)}"
            )
        super().__init__(
            version=version,
            base_url=base_url,
            max_retries=max_retries,
            timeout=_resolve_timeout(timeout, http_client),
            custom_headers=custom_headers,
            custom_query=custom_query,
            _strict_response_validation=_strict_response_validation,
        )
        self._client = http_client or AsyncHttpxClientWrapper(timeout=self.timeout)

    @override
    def _client_headers(self) -> dict[str, str]:
        return {"X-Stainless-Async": f"async:{get_async_library()}"}

    def is_closed(self) -> bool:
        return self._client.is_closed

    async def close(self) -> None:
        """Close the underlying HTTP client (and its connections)."""
        client = cast(Optional[httpx.AsyncClient], getattr(self, "_client", None))
        if client is not None:
            await client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, exc_tb: TracebackType | None
    ) -> None:
        await self.close()

    async def _prepare_options(self, options: FinalRequestOptions) -> FinalRequestOptions:
        """Called before each attempt; may return changed options (as a copy: the input is reused on retries)."""
        return options

    async def _prepare_request(self, request: httpx.Request) -> None:
        """Called with each built request right before it is sent."""
        return None

    @overload
    async def request(
        self, cast_to: Type[ResponseT], options: FinalRequestOptions, *, stream: Literal[False] = False
    ) -> ResponseT: ...

    @overload
    async def request(
        self,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: Literal[True],
        stream_cls: type[_AsyncStreamT],
    ) -> _AsyncStreamT: ...

    @overload
    async def request(
        self,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool,
        stream_cls: type[_AsyncStreamT] | None = None,
    ) -> ResponseT | _AsyncStreamT: ...

    async def request(
        self,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        *,
        stream: bool = False,
        stream_cls: type[_AsyncStreamT] | None = None,
    ) -> ResponseT | _AsyncStreamT:
        cast_to = self._maybe_override_cast_to(cast_to, options)
        max_retries = options.get_max_retries(self.max_retries)
        stream_body = stream or self._is_streamed_request(options)
        retries_taken = 0
        reauthenticated = False
        while True:
            attempt = await self._prepare_options(options)
            request = self._build_request(attempt, retries_taken=retries_taken)
            await self._prepare_request(request)
            if log.isEnabledFor(logging.DEBUG):
                log.debug("Sending HTTP Request: %s %s", request.method, request.url)
            try:
                response = await self._client.send(request, stream=stream_body, **self._send_kwargs(attempt))
            except Exception as err:
                await _async_sleep(self._delay_after_send_error(err, request, attempt, retries_taken, max_retries))
                retries_taken += 1
                continue

            self._log_response(request, response)
            if 200 <= response.status_code < 300:
                break
            if response.status_code == 401 and not reauthenticated and self._reauthenticate(attempt):
                reauthenticated = True
                await response.aclose()
                continue
            delay = self._delay_after_status(response, attempt, retries_taken, max_retries)
            if delay is None:
                if not response.is_closed:
                    await response.aread()
                log.debug("Re-raising status error")
                raise self._make_status_error_from_response(response) from None
            await response.aclose()
            await _async_sleep(delay)
            retries_taken += 1

        return await self._process_response(
            cast_to=cast_to,
            options=attempt,
            response=response,
            stream=stream,
            stream_cls=stream_cls,
            retries_taken=retries_taken,
        )

    async def _process_response(
        self,
        *,
        cast_to: Type[ResponseT],
        options: FinalRequestOptions,
        response: httpx.Response,
        stream: bool,
        stream_cls: type[Stream[Any]] | type[AsyncStream[Any]] | None,
        retries_taken: int = 0,
    ) -> ResponseT:
        wrapped, parse = self._wrap_response(
            AsyncAPIResponse,
            cast_to=cast_to,
            options=options,
            response=response,
            stream=stream,
            stream_cls=stream_cls,
            retries_taken=retries_taken,
        )
        return cast(ResponseT, await wrapped.parse() if parse else wrapped)

    def _request_api_list(
        self, model: Type[_T], page: Type[AsyncPageT], options: FinalRequestOptions
    ) -> AsyncPaginator[_T, AsyncPageT]:
        return AsyncPaginator(client=self, options=options, page_cls=page, model=model)

    @overload
    async def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = _NO_OPTIONS,
        stream: Literal[False] = False,
    ) -> ResponseT: ...

    @overload
    async def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = _NO_OPTIONS,
        stream: Literal[True],
        stream_cls: type[_AsyncStreamT],
    ) -> _AsyncStreamT: ...

    @overload
    async def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = _NO_OPTIONS,
        stream: bool,
        stream_cls: type[_AsyncStreamT] | None = None,
    ) -> ResponseT | _AsyncStreamT: ...

    async def get(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        options: RequestOptions = _NO_OPTIONS,
        stream: bool = False,
        stream_cls: type[_AsyncStreamT] | None = None,
    ) -> ResponseT | _AsyncStreamT:
        opts = FinalRequestOptions.construct(method="get", url=path, **options)
        return await self.request(cast_to, opts, stream=stream, stream_cls=stream_cls)

    @overload
    async def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        files: RequestFiles | None = None,
        stream: Literal[False] = False,
    ) -> ResponseT: ...

    @overload
    async def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        files: RequestFiles | None = None,
        stream: Literal[True],
        stream_cls: type[_AsyncStreamT],
    ) -> _AsyncStreamT: ...

    @overload
    async def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        files: RequestFiles | None = None,
        stream: bool,
        stream_cls: type[_AsyncStreamT] | None = None,
    ) -> ResponseT | _AsyncStreamT: ...

    async def post(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        files: RequestFiles | None = None,
        stream: bool = False,
        stream_cls: type[_AsyncStreamT] | None = None,
    ) -> ResponseT | _AsyncStreamT:
        opts = await self._method_options("post", path, body, content, files, options)
        return await self.request(cast_to, opts, stream=stream, stream_cls=stream_cls)

    async def patch(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        files: RequestFiles | None = None,
        options: RequestOptions = _NO_OPTIONS,
    ) -> ResponseT:
        return await self.request(cast_to, await self._method_options("patch", path, body, content, files, options))

    async def put(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        files: RequestFiles | None = None,
        options: RequestOptions = _NO_OPTIONS,
    ) -> ResponseT:
        return await self.request(cast_to, await self._method_options("put", path, body, content, files, options))

    async def delete(
        self,
        path: str,
        *,
        cast_to: Type[ResponseT],
        body: Body | None = None,
        content: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
    ) -> ResponseT:
        return await self.request(cast_to, await self._method_options("delete", path, body, content, None, options))

    def get_api_list(
        self,
        path: str,
        *,
        model: Type[_T],
        page: Type[AsyncPageT],
        body: Body | None = None,
        options: RequestOptions = _NO_OPTIONS,
        method: str = "get",
    ) -> AsyncPaginator[_T, AsyncPageT]:
        opts = FinalRequestOptions.construct(method=method, url=path, json_data=body, **options)
        return self._request_api_list(model, page, opts)

    async def _method_options(
        self,
        method: str,
        path: str,
        body: Body | None,
        content: object | None,
        files: RequestFiles | None,
        options: RequestOptions,
    ) -> FinalRequestOptions:
        self._check_body_args(body, content, files)
        return FinalRequestOptions.construct(
            method=method,
            url=path,
            json_data=body,
            content=content,
            files=await async_to_httpx_files(files),
            **options,
        )


def _resolve_timeout(
    timeout: float | Timeout | None | NotGiven, http_client: httpx.Client | httpx.AsyncClient | None
) -> float | Timeout | None:
    """An explicit timeout wins; else a custom `http_client`'s own timeout, unless it is just httpx's default."""
    if not isinstance(timeout, NotGiven):
        return timeout
    if http_client is not None and http_client.timeout != HTTPX_DEFAULT_TIMEOUT:
        return http_client.timeout
    return DEFAULT_TIMEOUT


async def _async_sleep(seconds: float) -> None:
    import anyio

    await anyio.sleep(seconds)
