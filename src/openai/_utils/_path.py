"""`path_template`: fill `{param}` placeholders of an endpoint path with percent-encoded values."""

from __future__ import annotations

import re
from typing import Tuple
from functools import lru_cache
from urllib.parse import quote

# RFC 3986 `pchar` minus the unreserved characters `quote` never encodes: these may stay as they are in a
# path segment (so `ft:gpt-4o:org::id` is sent unchanged), everything else, `/`, `?`, `#`, `%` included, is encoded.
_SAFE = "!$&'()*+,;=:@"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_DOT_SEGMENTS = frozenset({".", ".."})


@lru_cache(maxsize=512)
def _split(template: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """`"/a/{x}/b"` -> literals `("/a/", "/b")` and names `("x",)`."""
    pieces = _PLACEHOLDER.split(template)
    return tuple(pieces[0::2]), tuple(pieces[1::2])


def _encode(value: object) -> str:
    if value is None:
        text = "null"
    elif value is True:
        text = "true"
    elif value is False:
        text = "false"
    else:
        text = str(value)
    return quote(text, safe=_SAFE)


def path_template(template: str, /, **params: object) -> str:
    """`path_template("/files/{file_id}/content", file_id="a/b")` -> `"/files/a%2Fb/content"`.

    Raises `ValueError` if a segment of the resulting path is `.` or `..`, which would change the endpoint.
    """
    literals, names = _split(template)
    parts = [literals[0]]
    for name, literal in zip(names, literals[1:]):
        parts.append(_encode(params[name]))
        parts.append(literal)
    path = "".join(parts)

    if names:
        for segment in path.partition("?")[0].split("/"):
            if segment.lower().replace("%2e", ".") in _DOT_SEGMENTS:
                raise ValueError(f"Refusing to build path {path!r}: a parameter produced the dot-segment {segment!r}")
    return path
