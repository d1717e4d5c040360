"""Header params (`openai-beta` exposed as `betas`): last in the signature, in the params TypedDict when the
method has one, and no params module of their own."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from scripts.codegen.spec import Spec
from scripts.codegen.build import build
from scripts.codegen.model import Project, ClassDef
from scripts.codegen.config import parse_config

BETAS: Dict[str, Any] = {
    "name": "openai-beta",
    "in": "header",
    "schema": {"type": "array", "x-stainless-param": "betas", "items": {"type": "string", "enum": ["x=v1"]}},
}
ID: Dict[str, Any] = {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}
BODY: Dict[str, Any] = {
    "type": "object",
    "required": ["name"],
    "properties": {"name": {"type": "string"}, "color": {"type": "string"}},
}
OK: Dict[str, Any] = {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {}}}}}}

PATHS: Dict[str, Any] = {
    "/things?beta=true": {
        "post": {
            "parameters": [BETAS],
            "requestBody": {"content": {"application/json": {"schema": BODY}}},
            "responses": OK,
        }
    },
    "/things/{thing_id}?beta=true": {"delete": {"parameters": [ID, BETAS], "responses": {"200": {}}}},
}


@pytest.fixture(scope="module")
def project() -> Project:
    spec = Spec({"paths": PATHS, "components": {"schemas": {}}}, "0" * 64)
    methods = {"create": "post /things?beta=true", "delete": "delete /things/{thing_id}?beta=true"}
    return build(spec, parse_config({"resources": {"things": {"methods": methods}}}))


def test_header_params_come_last_and_join_an_existing_params_typeddict(project: Project) -> None:
    create = project.resources[0].methods[0]
    assert [(p.name, p.location) for p in create.params] == [("name", "body"), ("color", "body"), ("betas", "header")]
    typeddict = project.modules["types.thing_create_params"].definitions[0]
    assert isinstance(typeddict, ClassDef) and typeddict.name == "ThingCreateParams"
    assert {f.name for f in typeddict.fields} == {"name", "color", "betas"}


def test_a_method_with_only_header_params_has_no_params_module(project: Project) -> None:
    delete = project.resources[0].methods[1]
    assert [p.name for p in delete.params] == ["betas"]
    assert delete.params_module is None and delete.params_class is None
    assert "types.thing_delete_params" not in project.modules
