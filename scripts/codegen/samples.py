"""Example argument values for generated API tests, as Python source, valid against the spec's schemas."""

from __future__ import annotations

import json
import math
from typing import Any, List

from .spec import Spec, Schema

_MAX_DEPTH = 6


class Samples:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec

    def response(self, schema: Schema) -> str:
        """Source text of a small valid response body: required properties only, arrays empty where allowed."""
        return self.value(schema, False, sparse=True)

    def value(self, schema: Schema, full: bool, depth: int = 0, sparse: bool = False) -> str:
        """Source text of a value for `schema`; `full` includes every optional object property."""
        s = self.spec.deref(schema)
        if s.kind == "enum":
            return _py(s.values[0])
        if s.kind == "string":
            return _py(self._string(s))
        if s.kind in ("integer", "number"):
            return _py(self._number(s))
        if s.kind == "boolean":
            return "True"
        if s.kind == "file":
            return 'b"raw file contents"'
        if s.kind == "any":
            return "{}"
        if s.kind == "map":
            assert s.value is not None
            value = '"bar"' if self.spec.deref(s.value).kind == "any" else self.value(s.value, full, depth + 1, sparse)
            return '{"foo": ' + value + "}"
        if s.kind == "array":
            assert s.value is not None
            count = int(s.raw.get("minItems", 0) or 0) if sparse else max(int(s.raw.get("minItems", 1) or 1), 1)
            return "[" + ", ".join([self.value(s.value, full, depth + 1, sparse)] * count) + "]"
        if s.kind == "object":
            return self._object(s, full, depth, sparse)
        if s.kind == "union":
            # a file where one may be uploaded: form fields cannot carry the other (object) variants
            files = [v for v in s.variants if self.spec.deref(v).kind == "file"]
            return self.value((files or s.variants)[0], full, depth + 1, sparse) if s.variants else "None"
        raise ValueError(f"no sample for schema kind {s.kind}")

    def _object(self, s: Schema, full: bool, depth: int, sparse: bool) -> str:
        include_optional = full and depth < _MAX_DEPTH
        entries: List[str] = []
        for wire, prop in s.properties.items():
            if wire in s.required or include_optional:
                entries.append(f"{json.dumps(wire)}: {self.value(prop, full, depth + 1, sparse)}")
        return "{" + ", ".join(entries) + "}"

    def _string(self, s: Schema) -> str:
        example = s.raw.get("example")
        if isinstance(example, str) and "\n" not in example and len(example) < 80:
            return example
        fmt = s.raw.get("format")
        if fmt == "date-time":
            return "2019-12-27T18:11:19.117Z"
        if fmt == "date":
            return "2019-12-27"
        if fmt in ("uri", "url"):
            return "https://example.com"
        text = "string"
        min_length = int(s.raw.get("minLength", 0) or 0)
        max_length = s.raw.get("maxLength")
        if len(text) < min_length:
            text = "x" * min_length
        if max_length is not None and len(text) > int(max_length):
            text = "x" * max(int(max_length), 1)
        return text

    def _number(self, s: Schema) -> float:
        example = s.raw.get("example")
        if isinstance(example, (int, float)) and not isinstance(example, bool):
            value: float = example
        else:
            value = 0
            if "minimum" in s.raw:
                value = max(value, s.raw["minimum"])
            if "exclusiveMinimum" in s.raw and isinstance(s.raw["exclusiveMinimum"], (int, float)):
                value = max(value, s.raw["exclusiveMinimum"] + 1)
            if "maximum" in s.raw:
                value = min(value, s.raw["maximum"])
        if s.kind == "integer":
            return int(math.ceil(value))
        return value


def _py(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(value)
