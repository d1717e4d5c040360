"""Nested-path methods and reserved field names, as the admin API uses them (`/orgs/{org_id}/members/{member_id}`)."""

from __future__ import annotations

import ast
from typing import Any, Dict

import pytest

from scripts.codegen import check
from scripts.codegen.spec import Spec
from scripts.codegen.build import build
from scripts.codegen.model import Project, ClassDef
from scripts.codegen.config import parse_config
from scripts.codegen.writer import render_files
from scripts.codegen.samples import Samples

PATH_PARAMS = [{"in": "path", "name": "org_id"}, {"in": "path", "name": "member_id"}]

SPEC: Dict[str, Any] = {
    "paths": {
        "/orgs": {
            "get": {
                "parameters": [
                    {"in": "query", "name": "ids[]", "schema": {"type": "array", "items": {"type": "string"}}}
                ],
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/M"}}}}},
            }
        },
        "/orgs/{org_id}/members/{member_id}": {
            "post": {
                "parameters": PATH_PARAMS,
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {"type": "object", "properties": {"role": {"type": "string"}}},
                        }
                    }
                },
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/M"}}}}},
            },
            "get": {
                "parameters": PATH_PARAMS,
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/M"}}}}},
            },
        },
    },
    "components": {
        "schemas": {
            "M": {
                "type": "object",
                "required": ["model_ids"],
                "properties": {
                    "model_ids": {"type": "array", "items": {"type": "string"}},
                    "model_hint": {"type": "string"},
                },
            }
        }
    },
}

CONFIG: Dict[str, Any] = {
    "resources": {
        "orgs": {
            "methods": {"summarize": "get /orgs"},
            "resources": {
                "members": {
                    "types": {"Member": "M"},
                    "methods": {
                        "update": "post /orgs/{org_id}/members/{member_id}",
                        "retrieve": "get /orgs/{org_id}/members/{member_id}",
                    },
                }
            },
        }
    }
}


@pytest.fixture(scope="module")
def project() -> Project:
    return build(Spec(SPEC, "0" * 64), parse_config(CONFIG))


def test_keyword_path_params_lead_the_params_typeddict(project: Project) -> None:
    module = project.modules["types.orgs.member_update_params"]
    params = [d for d in module.definitions if isinstance(d, ClassDef)][0]
    assert [(f.name, f.required) for f in params.fields] == [("org_id", True), ("role", False)]
    assert "types.orgs.member_retrieve_params" not in project.modules  # path params alone make no params module


def test_model_fields_with_the_pydantic_model_prefix_are_renamed(project: Project) -> None:
    member = [d for d in project.modules["types.orgs.member"].definitions if isinstance(d, ClassDef)][0]
    assert [(f.name, f.wire) for f in member.fields] == [
        ("api_model_ids", "model_ids"),
        ("api_model_hint", "model_hint"),
    ]
    source = render_files(project, Samples(Spec(SPEC, "0" * 64)))["src/openai/types/orgs/member.py"]
    assert 'api_model_ids: List[str] = FieldInfo(alias="model_ids")' in source
    fields, required = check._class_fields(next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)))
    assert (fields, required) == (["api_model_ids", "api_model_hint"], ["api_model_ids"])


def test_query_array_names_lose_their_brackets(project: Project) -> None:
    (ids,) = project.resources[0].methods[0].params
    assert (ids.name, ids.wire) == ("ids", "ids")  # the query-string encoder writes `ids[]=...` itself
    source = render_files(project, Samples(Spec(SPEC, "0" * 64)))["src/openai/resources/orgs/orgs.py"]
    assert '{"ids": ids}' in source
