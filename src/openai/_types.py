"""Type aliases and sentinels shared by the whole package (request options, files, headers, `omit`)."""

from __future__ import annotations

from os import PathLike
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    Dict,
    List,
    Type,
    Tuple,
    Union,
    Mapping,
    TypeVar,
    Callable,
    Iterator,
    Optional,
    Sequence,
)

import httpx
from typing_extensions import Literal, Protocol, TypeAlias, TypedDict, override, runtime_checkable

if TYPE_CHECKING:
    from ._models import BaseModel
    from ._response import APIResponse, AsyncAPIResponse
    from ._legacy_response import HttpxBinaryResponseContent

Transport = httpx.BaseTransport
AsyncTransport = httpx.AsyncBaseTransport
Query = Mapping[str, object]
Body = object
AnyMapping = Mapping[str, object]
ModelT = TypeVar("ModelT", bound="BaseModel")
_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)

# Approximates httpx's own (private) types for the values it accepts.
ProxiesDict = Dict["str | httpx.URL", Union[None, str, httpx.URL, httpx.Proxy]]
ProxiesTypes = Union[str, httpx.Proxy, ProxiesDict]

FileContent = Union[IO[bytes], bytes, PathLike[str]]
Base64FileInput = Union[IO[bytes], PathLike[str]]
FileTypes = Union[
    # file (or bytes)
    FileContent,
    # (filename, file (or bytes))
    Tuple[Optional[str], FileContent],
    # (filename, file (or bytes), content_type)
    Tuple[Optional[str], FileContent, Optional[str]],
    # (filename, file (or bytes), content_type, headers)
    Tuple[Optional[str], FileContent, Optional[str], Mapping[str, str]],
]
RequestFiles = Union[Mapping[str, FileTypes], Sequence[Tuple[str, FileTypes]]]

# What httpx itself accepts once paths have been read into bytes.
HttpxFileContent = Union[IO[bytes], bytes]
HttpxFileTypes = Union[
    HttpxFileContent,
    Tuple[Optional[str], HttpxFileContent],
    Tuple[Optional[str], HttpxFileContent, Optional[str]],
    Tuple[Optional[str], HttpxFileContent, Optional[str], Mapping[str, str]],
]
HttpxRequestFiles = Union[Mapping[str, HttpxFileTypes], Sequence[Tuple[str, HttpxFileTypes]]]

# What `cast_to` may name for custom requests and wrappers.
if TYPE_CHECKING:
    ResponseT = TypeVar(
        "ResponseT",
        bound=Union[
            object,
            str,
            None,
            "BaseModel",
            List[Any],
            Dict[str, Any],
            httpx.Response,
            "HttpxBinaryResponseContent",
            "APIResponse[Any]",
            "AsyncAPIResponse[Any]",
        ],
    )
else:
    ResponseT = TypeVar("ResponseT")

StrBytesIntFloat = Union[str, bytes, int, float]

ArrayFormat = Literal["comma", "repeat", "indices", "brackets"]
NestedFormat = Literal["dots", "brackets"]

PostParser = Callable[[Any], Any]


class NotGiven:
    """Marks an argument the caller did not pass, where `None` has a meaning of its own.

    `timeout=None` disables timeouts, so the default of `timeout` is `not_given` instead.
    """

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __copy__(self) -> NotGiven:
        return self

    def __deepcopy__(self, memo: object) -> NotGiven:
        return self


not_given = NotGiven()
# The historical spelling; a separate instance of the same class.
NOT_GIVEN = NotGiven()


class Omit:
    """Leaves a value out: optional method parameters default to `omit`, and `Omit()` removes a header."""

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "omit"

    def __copy__(self) -> Omit:
        return self

    def __deepcopy__(self, memo: object) -> Omit:
        return self


omit = Omit()

NotGivenOr = Union[_T, NotGiven]
NoneType: Type[None] = type(None)

Omittable = Union[_T, Omit]

Timeout = Union[float, httpx.Timeout, None]
HeadersLikeProtocol = Mapping[str, Union[str, Omit]]
Headers = Mapping[str, Union[str, Omit]]


class RequestOptions(TypedDict, total=False):
    headers: Headers
    max_retries: int
    timeout: float | httpx.Timeout | None
    params: Query
    extra_json: AnyMapping
    idempotency_key: str
    follow_redirects: bool
    security: SecurityOptions
    synthesize_event_and_data: bool


class SecurityOptions(TypedDict, total=False):
    bearer_auth: bool
    admin_api_key_auth: bool


@runtime_checkable
class HeadersLike(Protocol):
    def get(self, __key: str) -> str | None: ...


@runtime_checkable
class SequenceNotStr(Protocol[_T_co]):
    """A sequence that is not a `str`: lets `list[str]` parameters reject a bare string in type checkers."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_T_co]: ...
    def __contains__(self, value: object, /) -> bool: ...
    def __reversed__(self) -> Iterator[_T_co]: ...
    def index(self, value: Any, start: int = 0, stop: int = ..., /) -> int: ...
    def count(self, value: Any, /) -> int: ...


IncEx: TypeAlias = Union[set[int], set[str], Mapping[int, Union["IncEx", bool]], Mapping[str, Union["IncEx", bool]]]
