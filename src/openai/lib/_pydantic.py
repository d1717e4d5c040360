"""`to_strict_json_schema`: the JSON schema of a pydantic model, made acceptable for strict structured outputs."""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Dict, List, Tuple, cast

if TYPE_CHECKING:
    import pydantic

_Schema = Dict[str, object]


def to_strict_json_schema(model: type[pydantic.BaseModel] | pydantic.TypeAdapter[Any] | type) -> Dict[str, Any]:
    """The schema of `model` (a model class, a `TypeAdapter`, or a type such as a pydantic dataclass), where:

    every object has `additionalProperties: false` (unless it says otherwise) and all its properties
    `required`; `default: null` is dropped; an `allOf` of one entry is merged into its parent; a `$ref`
    with sibling keys is replaced by what it points to.
    """
    import pydantic

    if inspect.isclass(model) and issubclass(model, pydantic.BaseModel):
        schema = model.model_json_schema()
    elif isinstance(model, pydantic.TypeAdapter):
        schema = cast("pydantic.TypeAdapter[Any]", model).json_schema()
    else:
        schema = pydantic.TypeAdapter(cast(type, model)).json_schema()
    return _make_strict(schema, path=(), root=schema)


def _make_strict(schema: object, *, path: Tuple[str, ...], root: _Schema) -> Dict[str, Any]:
    if not isinstance(schema, dict):
        raise TypeError(f"Expected {schema} to be a dictionary; path={path}")
    node = cast(Dict[str, Any], schema)

    for defs_key in ("$defs", "definitions"):
        defs = node.get(defs_key)
        if isinstance(defs, dict):
            for name, definition in cast(_Schema, defs).items():
                _make_strict(definition, path=(*path, defs_key, name), root=root)

    if node.get("type") == "object" and "additionalProperties" not in node:
        node["additionalProperties"] = False

    properties = node.get("properties")
    if isinstance(properties, dict):
        properties = cast(_Schema, properties)
        node["required"] = list(properties)
        node["properties"] = {
            key: _make_strict(value, path=(*path, "properties", key), root=root) for key, value in properties.items()
        }

    items = node.get("items")
    if isinstance(items, dict):
        node["items"] = _make_strict(cast(object, items), path=(*path, "items"), root=root)

    any_of = node.get("anyOf")
    if isinstance(any_of, list):
        node["anyOf"] = [
            _make_strict(variant, path=(*path, "anyOf", str(i)), root=root)
            for i, variant in enumerate(cast(List[object], any_of))
        ]

    all_of = node.get("allOf")
    if isinstance(all_of, list):
        all_of = cast(List[object], all_of)
        if len(all_of) == 1:
            node.update(_make_strict(all_of[0], path=(*path, "allOf", "0"), root=root))
            node.pop("allOf")
        else:
            node["allOf"] = [
                _make_strict(entry, path=(*path, "allOf", str(i)), root=root) for i, entry in enumerate(all_of)
            ]

    # `null` defaults say nothing the (nullable) schema does not already say
    if "default" in node and node["default"] is None:
        node.pop("default")

    # A `$ref` cannot carry sibling keys (e.g. a description), so such a ref is inlined; the keys
    # written next to it win over the referenced schema's.
    ref = node.get("$ref")
    if ref and len(node) > 1:
        if not isinstance(ref, str):
            raise TypeError(f"Received non-string $ref - {ref}")
        resolved = _resolve_ref(root=root, ref=ref)
        node.update({**resolved, **node})
        node.pop("$ref")
        # the inlined schema has not been made strict at this place yet
        return _make_strict(node, path=path, root=root)

    return node


def _resolve_ref(*, root: _Schema, ref: str) -> _Schema:
    if not ref.startswith("#/"):
        raise ValueError(f"Unexpected $ref format {ref!r}; Does not start with #/")
    resolved = root
    for key in ref[2:].split("/"):
        value = resolved[key]
        if not isinstance(value, dict):
            raise ValueError(f"Expected `$ref: {ref}` to resolve to a dictionary but {key!r} holds {value}")
        resolved = cast(_Schema, value)
    return resolved
