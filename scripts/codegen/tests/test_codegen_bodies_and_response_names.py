"""Request bodies offered both as JSON and multipart, files in unions, forced-optional params and the naming of
the nested types of per-method response classes (`response_rename`)."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from scripts.codegen.spec import Spec
from scripts.codegen.build import build
from scripts.codegen.model import Project, ClassDef, MethodDef
from scripts.codegen.config import parse_config
from scripts.codegen.writer import render_files
from scripts.codegen.samples import Samples

FILE = {"type": "string", "format": "binary"}
OK = {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Run"}}}}}


def body(media: Dict[str, Any]) -> Dict[str, Any]:
    return {"requestBody": {"content": {m: {"schema": s} for m, s in media.items()}}, "responses": OK}


SPEC: Dict[str, Any] = {
    "paths": {
        # multipart carries the files: it wins over the JSON variant
        "/pictures": {
            "post": body(
                {
                    "application/json": {"type": "object", "properties": {"urls": {"type": "array"}}},
                    "multipart/form-data": {
                        "type": "object",
                        "required": ["picture"],
                        "properties": {
                            "picture": {"anyOf": [FILE, {"type": "array", "items": FILE}]},
                            "mask": FILE,
                            "note": {"type": "string"},
                        },
                    },
                }
            )
        },
        # no file in the multipart variant: JSON
        "/notes": {
            "post": body(
                {
                    "multipart/form-data": {"type": "object", "properties": {"text": {"type": "string"}}},
                    "application/json": {"type": "object", "properties": {"text": {"type": "string"}}},
                }
            )
        },
        "/bundles": {
            "post": body(
                {
                    "multipart/form-data": {
                        "type": "object",
                        "required": ["files"],
                        "properties": {"files": {"oneOf": [{"type": "array", "items": FILE}, FILE]}},
                    }
                }
            )
        },
        "/runs": {"get": {"responses": OK}},
    },
    "components": {
        "schemas": {
            "Run": {
                "type": "object",
                "properties": {
                    "usage": {
                        "type": "object",
                        "properties": {"model_name": {"type": "string"}, "tokens": {"type": "integer"}},
                    },
                    "input": {
                        "oneOf": [
                            {"type": "object", "required": ["role"], "properties": {"role": {"type": "string"}}},
                            {"type": "object", "properties": {"type": {"type": "string", "enum": ["message"]}}},
                        ]
                    },
                },
            }
        }
    },
}

CONFIG: Dict[str, Any] = {
    "resources": {
        "gallery": {
            "methods": {
                "upload": "post /pictures",
                "annotate": "post /notes",
                "bundle": {"endpoint": "post /bundles", "optional": ["files"]},
                "runs": {
                    "endpoint": "get /runs",
                    "response_rename": {
                        "InputRole": "InputSimpleMessage",
                        "InputMessage": "InputEvalItem",
                        "Usage.model_name": "run_model_name",
                    },
                },
            }
        }
    }
}


@pytest.fixture(scope="module")
def project() -> Project:
    return build(Spec(SPEC, "0" * 64), parse_config(CONFIG))


def method(project: Project, name: str) -> MethodDef:
    return next(m for m in project.resources[0].methods if m.name == name)


def names(project: Project, module: str) -> List[str]:
    return [d.name for d in project.modules[module].definitions]


def test_multipart_is_chosen_when_it_carries_files(project: Project) -> None:
    upload = method(project, "upload")
    assert upload.body == "multipart"
    assert [p.name for p in upload.params] == ["picture", "mask", "note"]
    # a file-or-list union is one path: a list found at its end is sent as `picture[]`
    assert upload.file_paths == [["picture"], ["mask"]]
    assert method(project, "annotate").body == "json"


def test_a_param_can_be_made_optional(project: Project) -> None:
    (files,) = method(project, "bundle").params
    assert (files.name, files.required) == ("files", False)
    assert method(project, "bundle").file_paths == [["files"]]


def test_response_rename_names_nested_types_and_fields_of_a_generated_response(project: Project) -> None:
    module = "types.gallery_runs_response"
    assert names(project, module) == ["InputSimpleMessage", "InputEvalItem", "Input", "Usage", "GalleryRunsResponse"]
    usage = next(d for d in project.modules[module].definitions if isinstance(d, ClassDef) and d.name == "Usage")
    assert [(f.name, f.wire) for f in usage.fields] == [("run_model_name", "model_name"), ("tokens", "tokens")]


def test_uploads_are_named_apart_from_a_files_param(project: Project) -> None:
    source = render_files(project, Samples(Spec(SPEC, "0" * 64)))["src/openai/resources/gallery.py"]
    assert 'extracted_files = extract_files(cast(Mapping[str, object], body), paths=[["files"]])' in source
    assert "files=extracted_files," in source
    assert 'files = extract_files(cast(Mapping[str, object], body), paths=[["picture"], ["mask"]])' in source


def test_api_tests_send_forced_optional_params_and_pick_file_variants(project: Project) -> None:
    source = render_files(project, Samples(Spec(SPEC, "0" * 64)))["tests/api_resources/test_gallery.py"]
    # the spec requires `files`: the one call made passes it, and a file rather than a list of them
    assert 'client.gallery.bundle(files=b"raw file contents")' in source
    assert "test_method_bundle_with_all_params" not in source
    assert 'client.gallery.upload(picture=b"raw file contents")' in source
