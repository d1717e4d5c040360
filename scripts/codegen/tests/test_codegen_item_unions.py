"""Item unions as the Responses API has them, on a small made-up spec: nested unions, repeated discriminator
values, named list variants, the config keys `inline`, `required`/`optional`, `local_items` and method `rename`, and
back-compat aliases that collide with package exports."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from scripts.codegen.spec import Spec
from scripts.codegen.build import build
from scripts.codegen.model import TRef, TList, TPrim, TUnion, Project, AliasDef, ClassDef
from scripts.codegen.config import parse_config
from scripts.codegen.writer import render_files
from scripts.codegen.samples import Samples


def ref(name: str) -> Dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def tagged(tag: str, required: Any = (), **properties: Any) -> Dict[str, Any]:
    return {
        "type": "object",
        "required": ["type", *required],
        "properties": {"type": {"type": "string", "enum": [tag], "x-stainless-const": True}, **properties},
    }


SCHEMAS: Dict[str, Any] = {
    "EasyMessage": tagged("message", ["content"], content={"type": "string"}),
    "InputMessage": tagged("message", ["role"], role={"type": "string"}),
    "ToolOutput": tagged(
        "tool_output", ["output"], output={"type": "string"}, call_id={"anyOf": [{"type": "string"}, {"type": "null"}]}
    ),
    "Item": {
        "type": "object",
        "oneOf": [ref("InputMessage"), ref("ToolOutput")],
        "discriminator": {"propertyName": "type"},
    },
    "InputItem": {"oneOf": [ref("EasyMessage"), ref("Item")], "discriminator": {"propertyName": "type"}},
    "InputList": {"type": "array", "items": ref("InputItem")},
    "Action": {
        "oneOf": [tagged("click", x={"type": "integer"}), tagged("wait")],
        "discriminator": {"propertyName": "type"},
    },
    "Call": tagged("call", ["id"], id={"type": "string"}, action=ref("Action"), note={"type": "string"}),
    "CallItem": {
        "allOf": [ref("Call"), {"type": "object", "required": ["note"], "properties": {"note": {"type": "string"}}}]
    },
    "CreateRequest": {
        "type": "object",
        "properties": {"input": {"oneOf": [{"type": "string"}, ref("InputList")]}, "action": ref("Action")},
    },
}

PATHS: Dict[str, Any] = {
    "/responses": {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": ref("CreateRequest")}}},
            "responses": {"200": {"content": {"application/json": {"schema": ref("CallItem")}}}},
        }
    },
}

CONFIG: Dict[str, Any] = {
    "aliases": {"types.responses.call_item": {"EasyMessage": "types.responses.input_item.Message"}},
    "resources": {
        "responses": {
            "types_package": "types.responses",
            "types": {
                "EasyMessage": "EasyMessage",
                "InputItem": {"schema": "InputItem", "required": ["ToolOutput.call_id"]},
                "InputList": {"schema": "InputList", "force": ["model", "param"], "local_items": True},
                "Action": {"schema": "Action", "force": ["model", "param"]},
                "Call": {"schema": "Call", "inline": ["Action"], "optional": ["id"]},
                "CallItem": "CallItem",
            },
            "methods": {
                "create": {
                    "endpoint": "post /responses",
                    "inline": ["Action"],
                    "rename": {"ActionClick": "ActionClicked"},
                }
            },
        }
    },
}


@pytest.fixture(scope="module")
def spec() -> Spec:
    return Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)


@pytest.fixture(scope="module")
def project(spec: Spec) -> Project:
    return build(spec, parse_config(CONFIG))


def definition(project: Project, module: str, name: str) -> Any:
    return [d for d in project.modules[module].definitions if d.name == name][0]


def test_nested_unions_are_flattened_and_repeated_tags_drop_the_discriminator(project: Project) -> None:
    alias = definition(project, "types.responses.input_item", "InputItem")
    assert isinstance(alias, AliasDef)
    members = (
        TRef("types.responses.easy_message", "EasyMessage"),
        TRef("types.responses.input_item", "Message"),
        TRef("types.responses.input_item", "ToolOutput"),
    )
    assert alias.type == TUnion(members, None)  # `message` is the tag of two variants
    action = definition(project, "types.responses.action", "Action")
    assert action.type.discriminator == "type"


def test_required_forces_a_nested_field_required_and_non_null(project: Project) -> None:
    output = definition(project, "types.responses.input_item", "ToolOutput")
    call_id = [f for f in output.fields if f.name == "call_id"][0]
    assert (call_id.required, call_id.nullable) == (True, False)
    call = definition(project, "types.responses.call", "Call")
    assert [f.name for f in call.fields if f.required] == ["type"]  # `optional: [id]`


def test_local_items_defines_the_item_union_again_on_the_request_side(project: Project) -> None:
    params = project.modules["types.responses.input_list_param"]
    assert params.names() == ["Message", "ToolOutput", "InputItemParam", "InputListParam"]
    assert params.exports == ["InputListParam"]
    alias = definition(project, "types.responses.input_list_param", "InputListParam")
    assert alias.type == TList(TRef("types.responses.input_list_param", "InputItemParam"))
    model = definition(project, "types.responses.input_list", "InputList")
    assert model.type == TList(TRef("types.responses.input_item", "InputItem"))


def test_inline_renders_a_configured_type_in_place(project: Project) -> None:
    assert project.modules["types.responses.call"].names() == ["ActionClick", "ActionWait", "Action", "Call"]
    params = project.modules["types.responses.response_create_params"]
    assert {"ActionClicked", "ActionWait", "Action"} <= set(params.names())  # method `inline` and `rename`


def test_a_union_with_a_named_list_gets_no_alias_of_its_own(project: Project) -> None:
    params = project.modules["types.responses.response_create_params"]
    assert "Input" not in params.names()
    main = definition(project, "types.responses.response_create_params", "ResponseCreateParams")
    assert isinstance(main, ClassDef)
    field = [f for f in main.fields if f.name == "input"][0]
    assert field.type == TUnion((TPrim("str"), TRef("types.responses.input_list_param", "InputListParam")))


def test_a_subclass_narrowing_an_inherited_field_silences_pyright(project: Project, spec: Spec) -> None:
    source = render_files(project, Samples(spec))["src/openai/types/responses/call_item.py"]
    assert "class CallItem(Call):" in source
    assert "    note: str  # pyright: ignore[reportGeneralTypeIssues]\n" in source


def test_a_back_compat_alias_never_shadows_a_package_export(project: Project) -> None:
    assert "EasyMessage" in project.modules["types.responses.call_item"].names()
    assert project.package_exports["types.responses"]["EasyMessage"] == "easy_message"


def test_tests_of_the_responses_resource_do_not_shadow_the_raw_response(project: Project, spec: Spec) -> None:
    source = render_files(project, Samples(spec))["tests/api_resources/test_responses.py"]
    assert "result = client.responses.create(" in source
    assert "result = response.parse()" in source
    assert "response = response.parse()" not in source
