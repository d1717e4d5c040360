"""Features the `Beta*` twins of the Responses types need: untagged `$ref` union variants named after their schema's
title, and `exclude` (fields of the spec left out of a type)."""

from __future__ import annotations

from typing import Any, Dict

from scripts.codegen.spec import Spec
from scripts.codegen.build import build
from scripts.codegen.model import ClassDef
from scripts.codegen.config import parse_config


def ref(name: str) -> Dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def operator(*values: str) -> Dict[str, Any]:
    return {"type": "string", "enum": list(values)}


SCHEMAS: Dict[str, Any] = {
    "BetaComparison": {
        "type": "object",
        "title": "Comparison Filter",
        "required": ["type", "key"],
        "properties": {"type": operator("eq", "ne"), "key": {"type": "string"}},
    },
    "BetaCompound": {
        "type": "object",
        "title": "Compound Filter",
        "required": ["type"],
        "properties": {"type": operator("and", "or")},
    },
    "Search": {
        "type": "object",
        "properties": {
            "filters": {"anyOf": [ref("BetaComparison"), ref("BetaCompound")]},
            "output_text": {"type": "string"},
            "inline": {
                "anyOf": [
                    {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
                    {"type": "string"},
                ]
            },
        },
    },
}

PATHS: Dict[str, Any] = {
    "/search": {"get": {"responses": {"200": {"content": {"application/json": {"schema": ref("Search")}}}}}}
}


def test_untagged_ref_variants_are_named_after_their_titles_and_inline_ones_after_a_property() -> None:
    spec = Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)
    config = {"resources": {"search": {"types": {"Search": "Search"}, "methods": {"retrieve": "get /search"}}}}
    project = build(spec, parse_config(config))
    names = project.modules["types.search"].names()
    assert names == ["FiltersComparisonFilter", "FiltersCompoundFilter", "Filters", "InlineName", "Inline", "Search"]


def test_exclude_leaves_fields_out() -> None:
    spec = Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)
    search = {"schema": "Search", "exclude": ["output_text", "InlineName.name"]}
    config = {"resources": {"search": {"types": {"Search": search}, "methods": {"retrieve": "get /search"}}}}
    classes = {d.name: d for d in build(spec, parse_config(config)).modules["types.search"].definitions}
    search_class, inline_name = classes["Search"], classes["InlineName"]
    assert isinstance(search_class, ClassDef) and isinstance(inline_name, ClassDef)
    assert [f.name for f in search_class.fields] == ["filters", "inline"]
    assert inline_name.fields == []
