"""Config keys for spec drift and shared schemas: `detached` types, a pointer naming one `$ref` variant, and a
method `body` that replaces the spec's request body."""

from __future__ import annotations

from typing import Any, Dict

from scripts.codegen.spec import Spec
from scripts.codegen.build import build
from scripts.codegen.model import TRef, Project, AliasDef, ClassDef
from scripts.codegen.config import parse_config
from scripts.codegen.writer import render_files
from scripts.codegen.samples import Samples


def ref(name: str) -> Dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def event(tag: str) -> Dict[str, Any]:
    return {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "enum": [tag], "x-stainless-const": True}, "id": {"type": "string"}},
    }


SCHEMAS: Dict[str, Any] = {
    "Created": event("created"),
    "Deleted": event("deleted"),
    "Tool": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
    "Event": {"anyOf": [ref("Created"), ref("Deleted")], "discriminator": {"propertyName": "type"}},
    "Request": {
        "type": "object",
        "properties": {"tools": {"type": "array", "items": {"oneOf": [ref("Tool"), ref("Created")]}}},
    },
    "NewSession": {"type": "object", "required": ["token"], "properties": {"token": {"type": "string"}}},
}

PATHS: Dict[str, Any] = {
    "/sessions": {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": ref("NewSession")}}},
            "responses": {"200": {"content": {"application/json": {"schema": ref("Created")}}}},
        }
    },
    "/requests": {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": ref("Request")}}},
            "responses": {"200": {"description": "ok"}},
        }
    },
}


def project(types: Dict[str, Any], methods: Dict[str, Any]) -> Project:
    spec = Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)
    return build(spec, parse_config({"resources": {"things": {"types": types, "methods": methods}}}))


def test_a_detached_type_is_a_separate_copy_that_references_elsewhere_do_not_use() -> None:
    built = project(
        {
            "Created": "Created",
            "Event": {"schema": "Event", "force": "model"},
            "LegacyCreated": {"schema": "Created", "detached": True, "force": "model"},
        },
        {},
    )
    legacy = built.modules["types.legacy_created"].definitions[-1]
    assert isinstance(legacy, ClassDef) and [f.name for f in legacy.fields] == ["type", "id"]
    union = built.modules["types.event"].definitions[-1]
    assert isinstance(union, AliasDef) and TRef("types.created", "Created") in union.type.members  # type: ignore[attr-defined]


def test_a_pointer_to_a_ref_variant_names_that_variant_only() -> None:
    built = project(
        {"RequestCreated": {"schema": "Request/properties/tools/items/oneOf/1", "force": "model"}},
        {"run": "post /requests"},
    )
    params = built.modules["types.thing_run_params"]
    tool = next(d for d in params.definitions if d.name == "Tool")
    assert isinstance(tool, AliasDef)
    assert TRef("types.request_created_param", "RequestCreatedParam") in tool.type.members  # type: ignore[attr-defined]
    assert "ToolName" in params.names()  # the other variant is still rendered inline
    assert "types.request_created" in built.modules


def test_a_method_body_replaces_the_request_body_of_the_spec() -> None:
    body = {"type": "object", "required": ["model"], "properties": {"model": {"type": "string"}}}
    built = project({}, {"create": {"endpoint": "post /sessions", "body": body}})
    (method,) = built.resources[0].methods
    assert [(p.name, p.required) for p in method.params] == [("model", True)]
    params = built.modules["types.thing_create_params"].definitions[0]
    assert isinstance(params, ClassDef) and [f.name for f in params.fields] == ["model"]


def test_test_extra_body_is_sent_by_every_generated_api_test_call() -> None:
    spec = Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)
    config = {
        "resources": {"things": {"methods": {"create": {"endpoint": "post /sessions", "test_extra_body": {"a": 1}}}}}
    }
    files = dict(render_files(build(spec, parse_config(config)), Samples(spec)))
    tests = files["tests/api_resources/test_things.py"]
    calls = [line for line in tests.splitlines() if ".create(" in line]
    assert calls and all("extra_body={'a': 1}" in line for line in calls)


def test_response_by_gives_one_overload_per_response_type_and_picks_the_type_at_runtime() -> None:
    spec = Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)
    body = {"type": "object", "properties": {"format": {"type": "string", "enum": ["json", "text", "srt"]}}}
    by = {"param": "format", "types": {"json": "Created", "text": "str", "srt": "str"}}
    config = {
        "resources": {
            "things": {
                "types": {"Created": "Created"},
                "methods": {"create": {"endpoint": "post /sessions", "body": body, "response_by": by}},
            }
        }
    }
    files = dict(render_files(build(spec, parse_config(config)), Samples(spec)))
    source = files["src/openai/resources/things.py"]
    sync = source.split("class AsyncThings")[0]
    assert sync.count("@overload") == 2
    assert 'format: Literal["json"] | Omit = omit,' in sync and 'format: Literal["text", "srt"],' in sync
    assert ") -> Created | str:" in sync
    assert '{"json": Created, "text": str, "srt": str}.get(format if is_given(format) else "json", Created)' in sync
