from __future__ import annotations

from typing import Any, Dict

import pytest

from scripts.codegen.spec import Spec, SpecError


def spec_of(schemas: Dict[str, Any]) -> Spec:
    return Spec({"paths": {}, "components": {"schemas": schemas}}, "digest")


@pytest.mark.parametrize(
    "raw",
    [
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
        {"type": "string", "nullable": True},
        {"type": ["string", "null"]},
        {"allOf": [{"type": "string"}, {"nullable": True}]},
    ],
)
def test_nullable_spellings_normalise_to_one_form(raw: Dict[str, Any]) -> None:
    schema = spec_of({"X": raw}).component("X")
    assert (schema.kind, schema.nullable) == ("string", True)


def test_enum_with_null_is_a_nullable_enum() -> None:
    schema = spec_of({"X": {"type": "string", "enum": ["a", "b", None]}}).component("X")
    assert (schema.kind, schema.values, schema.nullable) == ("enum", ["a", "b"], True)


def test_const_enum_keeps_its_single_value() -> None:
    schema = spec_of({"X": {"type": "string", "enum": ["batch"], "x-stainless-const": True}}).component("X")
    assert schema.is_const


def test_all_of_merges_members_later_properties_win_and_required_accumulates() -> None:
    spec = spec_of(
        {
            "Base": {
                "type": "object",
                "required": ["a"],
                "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
            },
            "X": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {"type": "object", "required": ["b"], "properties": {"b": {"type": "integer"}}},
                ]
            },
        }
    )
    schema = spec.component("X")
    assert schema.kind == "object"
    assert sorted(schema.required) == ["a", "b"]
    assert schema.properties["b"].kind == "integer"
    assert schema.base is not None and schema.base.target == "Base"


def test_all_of_a_reference_plus_annotations_is_that_reference() -> None:
    spec = spec_of({"X": {"allOf": [{"$ref": "#/components/schemas/Y"}, {"nullable": True, "description": "d"}]}})
    schema = spec.component("X")
    assert (schema.kind, schema.target, schema.nullable, schema.description) == ("ref", "Y", True, "d")


def test_unions_keep_their_discriminator_and_drop_null() -> None:
    spec = spec_of(
        {
            "X": {
                "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}, {"type": "null"}],
                "discriminator": {"propertyName": "type"},
            }
        }
    )
    schema = spec.component("X")
    assert (schema.kind, len(schema.variants), schema.discriminator, schema.nullable) == ("union", 2, "type", True)


def test_constraint_only_any_of_on_an_object_keeps_the_object() -> None:
    raw = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
        "anyOf": [{"required": ["a"]}, {"required": ["b"]}],
    }
    schema = spec_of({"X": raw}).component("X")
    assert (schema.kind, schema.required) == ("object", frozenset())


def test_maps_and_binary_strings() -> None:
    spec = spec_of(
        {
            "M": {"type": "object", "additionalProperties": {"type": "integer"}},
            "F": {"type": "string", "format": "binary"},
        }
    )
    m = spec.component("M")
    assert m.kind == "map" and m.value is not None and m.value.kind == "integer"
    assert spec.component("F").kind == "file"


def test_pointers_relative_and_absolute() -> None:
    spec = Spec(
        {
            "paths": {"/a/{b}": {"get": {"x": {"type": "string"}}}},
            "components": {"schemas": {"S": {"properties": {"p": {"type": "integer"}}}}},
        },
        "digest",
    )
    assert spec.pointer("S/properties/p") == {"type": "integer"}
    assert spec.pointer("#/paths/~1a~1{b}/get/x") == {"type": "string"}
    with pytest.raises(SpecError):
        spec.pointer("S/properties/missing")
