"""Query-string (and multipart form field) serialisation of nested params: arrays, objects, booleans."""

from __future__ import annotations

from typing import List, Tuple, Mapping, cast
from urllib.parse import parse_qs, urlencode

from typing_extensions import get_args

from ._types import NotGiven, ArrayFormat, NestedFormat, not_given
from ._utils import is_given

Params = Mapping[str, object]


class Querystring:
    """Serialises params with a chosen style for arrays (`a=1&a=2`, `a[]=1`, `a[0]=1`, `a=1,2`) and objects (`a[b]=1`, `a.b=1`).

    `None` and empty-string values are left out; booleans are written `true`/`false`.
    """

    array_format: ArrayFormat
    nested_format: NestedFormat

    def __init__(self, *, array_format: ArrayFormat = "repeat", nested_format: NestedFormat = "brackets") -> None:
        self.array_format = array_format
        self.nested_format = nested_format

    def parse(self, query: str) -> Mapping[str, object]:
        # Note: custom format syntax is not supported yet
        return parse_qs(query)

    def stringify(
        self,
        params: Params,
        *,
        array_format: ArrayFormat | NotGiven = not_given,
        nested_format: NestedFormat | NotGiven = not_given,
    ) -> str:
        return urlencode(self.stringify_items(params, array_format=array_format, nested_format=nested_format))

    def stringify_items(
        self,
        params: Params,
        *,
        array_format: ArrayFormat | NotGiven = not_given,
        nested_format: NestedFormat | NotGiven = not_given,
    ) -> List[Tuple[str, str]]:
        """`(key, value)` pairs, in order, for `params`."""
        options = _Options(
            self.array_format if isinstance(array_format, NotGiven) else array_format,
            self.nested_format if isinstance(nested_format, NotGiven) else nested_format,
        )
        items: List[Tuple[str, str]] = []
        for key, value in params.items():
            options.add(items, key, value)
        return items


class _Options:
    __slots__ = ("array_format", "nested_format")

    def __init__(self, array_format: ArrayFormat, nested_format: NestedFormat) -> None:
        self.array_format = array_format
        self.nested_format = nested_format

    def add(self, items: List[Tuple[str, str]], key: str, value: object) -> None:
        if isinstance(value, Mapping):
            for sub_key, sub_value in cast(Mapping[str, object], value).items():
                self.add(items, self._nested_key(key, sub_key), sub_value)
        elif isinstance(value, (list, tuple)):
            self._add_array(items, key, cast("list[object] | tuple[object, ...]", value))
        elif is_given(value):
            text = _primitive_to_str(value)
            if text:
                items.append((key, text))

    def _nested_key(self, key: str, sub_key: str) -> str:
        if self.nested_format == "brackets":
            return f"{key}[{sub_key}]"
        if self.nested_format == "dots":
            return f"{key}.{sub_key}"
        raise NotImplementedError(
            f"Unknown nested_format value: {self.nested_format}, choose from {', '.join(get_args(NestedFormat))}"
        )

    def _add_array(self, items: List[Tuple[str, str]], key: str, values: list[object] | tuple[object, ...]) -> None:
        array_format = self.array_format
        if array_format == "comma":
            joined = ",".join(_primitive_to_str(value) for value in values if value is not None)
            if joined:
                items.append((key, joined))
        elif array_format == "repeat":
            for value in values:
                self.add(items, key, value)
        elif array_format == "brackets":
            for value in values:
                self.add(items, f"{key}[]", value)
        elif array_format == "indices":
            for index, value in enumerate(values):
                self.add(items, f"{key}[{index}]", value)
        else:
            raise NotImplementedError(
                f"Unknown array_format value: {array_format}, choose from {', '.join(get_args(ArrayFormat))}"
            )


def _primitive_to_str(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    return str(value)


_default = Querystring()
parse = _default.parse
stringify = _default.stringify
stringify_items = _default.stringify_items

__all__ = ["ArrayFormat", "NestedFormat", "Querystring", "parse", "stringify", "stringify_items"]
