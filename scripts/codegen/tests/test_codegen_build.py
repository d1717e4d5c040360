"""The pipeline on a small made-up spec: names, signatures and emitted code for each kind of construct."""

from __future__ import annotations

import ast
from typing import Any, Dict, List

import pytest

from scripts.codegen.spec import Spec
from scripts.codegen.build import BuildError, build
from scripts.codegen.model import Project, ClassDef, ResourceDef
from scripts.codegen.config import load_config, parse_config
from scripts.codegen.writer import render_files
from scripts.codegen.samples import Samples


def ref(name: str) -> Dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: Dict[str, Any]) -> Dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


SCHEMAS: Dict[str, Any] = {
    "Metadata": {"anyOf": [{"type": "object", "additionalProperties": {"type": "string"}}, {"type": "null"}]},
    "Circle": {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "enum": ["circle"]}, "radius": {"type": "number"}},
    },
    "Square": {
        "type": "object",
        "required": ["type", "side"],
        "properties": {"type": {"type": "string", "enum": ["square"]}, "side": {"type": "number"}},
    },
    "Widget": {
        "type": "object",
        "description": "A widget.",
        "required": ["id", "object", "name", "color"],
        "properties": {
            "object": {"type": "string", "enum": ["widget"], "x-stainless-const": True},
            "name": {"type": "string", "description": "The name."},
            "id": {"type": "string"},
            "color": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "schema": {"type": "object"},
            "parts": {"type": "array", "items": {"type": "object", "properties": {"label": {"type": "string"}}}},
            "shape": {"oneOf": [ref("Circle"), ref("Square")], "discriminator": {"propertyName": "type"}},
            "metadata": ref("Metadata"),
        },
    },
    "Style": {"type": "object", "properties": {"bold": {"type": "boolean"}}},
    "WidgetBase": {"type": "object", "properties": {"metadata": ref("Metadata"), "name": {"type": "integer"}}},
    "CreateWidgetRequest": {
        "allOf": [
            ref("WidgetBase"),
            {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "stream": {"type": "boolean", "nullable": True},
                    "style": ref("Style"),
                    "tags": {"type": "array", "items": {"type": "string"}},
                },
            },
        ]
    },
    "WidgetEvent": {"type": "object", "properties": {"delta": {"type": "string"}}},
    "WidgetList": {"type": "object", "properties": {"data": {"type": "array", "items": ref("Widget")}}},
    "Part": {"type": "object", "properties": {"id": {"type": "string"}}},
}

PATHS: Dict[str, Any] = {
    "/widgets": {
        "get": {
            "summary": "List widgets.",
            "parameters": [
                {"in": "query", "name": "after", "schema": {"type": "string"}, "description": "A cursor."},
                {"in": "query", "name": "include[]", "schema": {"type": "array", "items": {"type": "string"}}},
                {
                    "in": "header",
                    "name": "openai-beta",
                    "schema": {
                        "type": "array",
                        "x-stainless-param": "betas",
                        "items": {"type": "string", "enum": ["x=v1"]},
                    },
                },
            ],
            "responses": {"200": json_body(ref("WidgetList"))},
        },
        "post": {
            "summary": "Create a widget.",
            "requestBody": json_body(ref("CreateWidgetRequest")),
            "responses": {
                "200": {
                    "content": {
                        "application/json": {"schema": ref("Widget")},
                        "text/event-stream": {"schema": ref("WidgetEvent")},
                    }
                }
            },
        },
    },
    "/widgets/{widget_id}": {
        "delete": {
            "summary": "Delete a widget.",
            "parameters": [{"in": "path", "name": "widget_id"}],
            "responses": {"204": {}},
        },
    },
    "/widgets/{widget_id}/content": {
        "get": {
            "parameters": [{"in": "path", "name": "widget_id"}],
            "responses": {"200": json_body({"type": "string"})},
        },
    },
    "/widgets/{widget_id}/parts/{part_id}": {
        "get": {
            "parameters": [{"in": "path", "name": "widget_id"}, {"in": "path", "name": "part_id"}],
            "responses": {"200": json_body(ref("Part"))},
        },
    },
    "/uploads": {
        "post": {
            "requestBody": {
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "purpose": {"type": "string"},
                            },
                        }
                    }
                }
            },
            "responses": {"200": json_body({"type": "object", "properties": {"id": {"type": "string"}}})},
        }
    },
}

CONFIG: Dict[str, Any] = {
    "shared": {"types": {"Metadata": {"schema": "Metadata", "force": ["model", "param"]}}},
    "resources": {
        "widgets": {
            "types": {"Widget": "Widget", "WidgetStyle": "Style", "WidgetEvent": "WidgetEvent"},
            "helpers": {"mixin": "openai.lib._widgets:WidgetHelpers", "wrap": ["assemble"]},
            "methods": {
                "create": {"endpoint": "post /widgets", "stream": True},
                "list": {"endpoint": "get /widgets", "page": "SyncCursorPage"},
                "delete": {
                    "endpoint": "delete /widgets/{widget_id}",
                    "request_options": {"idempotency_key": "k"},
                    "validate": {"function": "openai.lib._widgets:check_widget", "args": ["widget_id"]},
                },
                "content": {
                    "endpoint": "get /widgets/{widget_id}/content",
                    "response": "binary",
                    "headers": {"Accept": "application/octet-stream"},
                },
            },
            "resources": {"parts": {"methods": {"retrieve": "get /widgets/{widget_id}/parts/{part_id}"}}},
        },
        "uploads": {"methods": {"create": "post /uploads"}},
    },
}


@pytest.fixture(scope="module")
def spec() -> Spec:
    return Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)


@pytest.fixture(scope="module")
def project(spec: Spec) -> Project:
    return build(spec, parse_config(CONFIG))


@pytest.fixture(scope="module")
def files(project: Project, spec: Spec) -> Dict[str, str]:
    return render_files(project, Samples(spec))


def classes(project: Project, module: str) -> Dict[str, ClassDef]:
    return {d.name: d for d in project.modules[module].definitions if isinstance(d, ClassDef)}


def resource(project: Project, *path: str) -> ResourceDef:
    found = [r for r in project.resources if r.path == path[:1]][0]
    for part in path[1:]:
        found = [c for c in found.children if c.name == part][0]
    return found


def test_response_model_fields_are_grouped_and_renamed(project: Project) -> None:
    widget = classes(project, "types.widget")["Widget"]
    assert [f.name for f in widget.fields] == ["id", "color", "name", "object", "metadata", "parts", "schema_", "shape"]
    required = {f.name: f.required for f in widget.fields}
    assert required["color"] and not required["parts"]


def test_inline_objects_and_unions_are_named_after_their_path(project: Project) -> None:
    names = project.modules["types.widget"].names()
    assert names == ["Part", "ShapeCircle", "ShapeSquare", "Shape", "Widget"]


def test_model_source(files: Dict[str, str]) -> None:
    source = files["src/openai/types/widget.py"]
    ast.parse(source)
    assert "color: Optional[str] = None" in source
    assert 'schema_: Optional[Dict[str, builtins.object]] = FieldInfo(alias="schema", default=None)' in source
    assert 'Shape: TypeAlias = Annotated[Union[ShapeCircle, ShapeSquare], PropertyInfo(discriminator="type")]' in source
    assert "metadata: Optional[Metadata] = None" in source
    assert "from .shared.metadata import Metadata" in source
    assert '"""The name."""' in source


def test_request_side_twins_are_emitted_only_when_requests_reach_them(project: Project) -> None:
    assert "types.widget_style_param" in project.modules
    assert "types.widget_style" not in project.modules
    assert "types.widget_event_param" not in project.modules


def test_stream_params_module(files: Dict[str, str], project: Project) -> None:
    module = project.modules["types.widget_create_params"]
    assert module.main == [
        "WidgetCreateParamsBase",
        "WidgetCreateParamsNonStreaming",
        "WidgetCreateParamsStreaming",
        "WidgetCreateParams",
    ]
    assert module.exports == ["WidgetCreateParams"]
    source = files["src/openai/types/widget_create_params.py"]
    assert "name: Required[str]" in source  # the later allOf member overrides the base's integer
    assert "metadata: Optional[Metadata]" in source and "from .shared_params.metadata import Metadata" in source
    assert "style: WidgetStyleParam" in source
    assert "tags: SequenceNotStr[str]" in source
    assert "class WidgetCreateParamsNonStreaming(WidgetCreateParamsBase, total=False):" in source
    assert "stream: Required[Literal[True]]" in source


def test_signatures_follow_path_and_parameter_rules(project: Project) -> None:
    retrieve = resource(project, "widgets", "parts").methods[0]
    assert [p.name for p in retrieve.path_params] == ["widget_id", "part_id"]
    listing = resource(project, "widgets").methods[1]
    assert [p.name for p in listing.params] == ["after", "include", "betas"]
    assert listing.params_class == "WidgetListParams" and listing.response.page == "SyncCursorPage"


def test_resource_source(files: Dict[str, str]) -> None:
    source = files["src/openai/resources/widgets/parts.py"]
    ast.parse(source)
    assert "        part_id: str,\n        *,\n        widget_id: str," in source
    checks = [line.strip() for line in source.splitlines() if "Expected a non-empty value" in line]
    assert [c.split("`")[1] for c in checks[:2]] == ["widget_id", "part_id"]
    assert 'security={"bearer_auth": True}' in source

    widgets = files["src/openai/resources/widgets/widgets.py"]
    assert '@required_args(["name"], ["name", "stream"])' in widgets
    assert "stream_cls=Stream[WidgetEvent]" in widgets and "stream_cls=AsyncStream[WidgetEvent]" in widgets
    # no alias anywhere in the params: the data is cleaned without importing the params module at run time
    assert "body=clean_params({" in widgets and "maybe_transform" not in widgets
    assert "from ...types import widget_create_params" in widgets.split("if TYPE_CHECKING:")[1]
    assert '"Accept": "*/*"' in widgets and "cast_to=NoneType" in widgets
    assert "idempotency_key='k'," in widgets
    assert '"Accept": "application/octet-stream"' in widgets
    assert "to_custom_streamed_response_wrapper(" in widgets
    assert "def list(" in widgets and "-> AsyncPaginator[Widget, AsyncCursorPage[Widget]]:" in widgets
    assert 'betas: List[Literal["x=v1"]] | Omit = omit,' in widgets
    assert '**({"openai-beta": ",".join(str(v) for v in betas)} if is_given(betas) else {})' in widgets

    uploads = files["src/openai/resources/uploads.py"]
    assert 'extract_files(cast(Mapping[str, object], body), paths=[["file"]])' in uploads
    assert '"Content-Type": "multipart/form-data"' in uploads


def test_helper_mixins_and_their_wrappers(files: Dict[str, str]) -> None:
    widgets = files["src/openai/resources/widgets/widgets.py"]
    assert "from ...lib._widgets import AsyncWidgetHelpers, WidgetHelpers" in widgets
    assert "class Widgets(WidgetHelpers, SyncAPIResource):" in widgets
    assert "class AsyncWidgets(AsyncWidgetHelpers, AsyncAPIResource):" in widgets
    assert "self.assemble = _legacy_response.to_raw_response_wrapper(" in widgets
    assert "self.assemble = async_to_streamed_response_wrapper(" in widgets


def test_validate_is_called_before_anything_else(files: Dict[str, str]) -> None:
    widgets = files["src/openai/resources/widgets/widgets.py"]
    assert "from ...lib._widgets import AsyncWidgetHelpers, WidgetHelpers, check_widget" in widgets
    assert widgets.count("check_widget(widget_id)\n        if not widget_id:") == 2  # sync and async


def test_header_params_are_aliased_in_the_params_typeddict(files: Dict[str, str]) -> None:
    source = files["src/openai/types/widget_list_params.py"]
    assert 'betas: Annotated[List[Literal["x=v1"]], PropertyInfo(alias="openai-beta")]' in source


def test_per_method_response_types(project: Project) -> None:
    assert "UploadCreateResponse" in project.modules["types.upload_create_response"].names()


def test_packages_export_main_names_lazily(files: Dict[str, str]) -> None:
    init = files["src/openai/types/__init__.py"]
    assert '"Widget": "widget"' in init and '"Metadata": "shared"' in init
    assert "Part" not in init.split("_EXPORTS")[1]  # nested names stay in their module
    resources = files["src/openai/resources/widgets/__init__.py"]
    assert '"AsyncPartsWithStreamingResponse": "parts"' in resources and '"Widgets": "widgets"' in resources


def test_api_md_and_tests(files: Dict[str, str]) -> None:
    api = files["api.md"]
    assert "# Widgets" in api and "## Parts" in api
    assert (
        'client.widgets.parts.<a href="./src/openai/resources/widgets/parts.py">retrieve</a>(widget_id, part_id)' in api
    )
    tests = files["tests/api_resources/widgets/test_parts.py"]
    ast.parse(tests)
    assert "class TestParts:" in tests and "class TestAsyncParts:" in tests
    assert "match=r\"Expected a non-empty value for `part_id` but received ''\"" in tests
    assert files[".stats.yml"].startswith("configured_endpoints: 6\n")


def test_every_python_file_compiles(files: Dict[str, str]) -> None:
    for path, source in files.items():
        if path.endswith(".py"):
            compile(source, path, "exec")


def test_unknown_schemas_and_missing_operations_are_reported(spec: Spec) -> None:
    bad: List[Dict[str, Any]] = [
        {"resources": {"widgets": {"methods": {"create": "post /nowhere"}}}},
        {"resources": {"widgets": {"types": {"Widget": "Nope"}}}},
    ]
    for config in bad:
        with pytest.raises(Exception, match="nowhere|Nope"):
            build(spec, parse_config(config))


def test_colliding_nested_names_ask_for_a_rename(spec: Spec) -> None:
    schemas = dict(SCHEMAS)
    schemas["Clash"] = {
        "type": "object",
        "properties": {
            "a_b": {"type": "object", "properties": {"x": {"type": "string"}}},
            "a": {"type": "object", "properties": {"b": {"type": "object", "properties": {"y": {"type": "string"}}}}},
        },
    }
    clash_spec = Spec({"paths": PATHS, "components": {"schemas": schemas}}, "0" * 64)
    clash: Dict[str, Any] = {"schema": "Clash", "force": "model"}
    config = {"resources": {"widgets": {"types": {"Clash": clash}}}}
    with pytest.raises(BuildError, match="rename"):
        build(clash_spec, parse_config(config))
    clash["rename"] = {"A.B": "AThenB"}
    names = build(clash_spec, parse_config(config)).modules["types.clash"].names()
    assert "AThenB" in names and "AB" in names


def test_named_helper_mixins_from_several_files_all_join_the_class(spec: Spec, tmp_path: Any) -> None:
    (tmp_path / "a.yaml").write_text(
        "resources:\n  uploads:\n    methods: {create: post /uploads}\n"
        "    helpers: {polling: {mixin: 'openai.lib._a:Polling', wrap: [poll]}}\n"
    )
    (tmp_path / "b.yaml").write_text(
        "resources:\n  uploads:\n    helpers: {streaming: {mixin: 'openai.lib._b:Streaming'}}\n"
    )
    uploads = resource(build(spec, load_config(str(tmp_path))), "uploads")
    assert [(m.module, m.name) for m in uploads.mixins] == [("lib._a", "Polling"), ("lib._b", "Streaming")]
    assert uploads.wrapped_helpers == ["poll"]
    source = render_files(build(spec, load_config(str(tmp_path))), Samples(spec))["src/openai/resources/uploads.py"]
    assert "class Uploads(Polling, Streaming, SyncAPIResource):" in source
    assert "class AsyncUploads(AsyncPolling, AsyncStreaming, AsyncAPIResource):" in source


def test_sampled_response_tests_answer_through_respx_with_a_schema_valid_body(spec: Spec) -> None:
    config = {
        "resources": {
            "widgets": {
                "resources": {
                    "parts": {
                        "methods": {
                            "retrieve": {
                                "endpoint": "get /widgets/{widget_id}/parts/{part_id}",
                                "test_sampled_response": "The mock's example breaks the schema",
                            }
                        }
                    }
                }
            }
        }
    }
    tests = render_files(build(spec, parse_config(config)), Samples(spec))["tests/api_resources/widgets/test_parts.py"]
    assert "    # The mock's example breaks the schema\n    @pytest.mark.respx(base_url=base_url)\n" in tests
    assert 'respx_mock.get("/widgets/' in tests
    assert ".mock(return_value=httpx.Response(200, json={" in tests
    assert "def test_method_retrieve(self, client: OpenAI, respx_mock: MockRouter) -> None:" in tests


def test_sparse_response_samples_leave_optional_arrays_empty(spec: Spec) -> None:
    samples = Samples(spec)
    widget = spec.norm(ref("Widget"))
    assert '"parts"' not in samples.response(widget)
    array = spec.norm({"type": "array", "items": {"type": "string"}})
    assert samples.response(array) == "[]"
    assert samples.value(array, False) == '["string"]'


def test_params_with_an_alias_are_transformed_with_their_typeddict() -> None:
    # top-level params are written under their wire names; a nested object's keys are renamed by the TypedDict
    options = {"type": "object", "properties": {"x-mode": {"type": "string"}}}
    body = {
        "type": "object",
        "properties": {"options": options, "name": {"type": "string"}},
        "required": ["name"],
    }
    paths = {
        "/gadgets": {
            "post": {
                "requestBody": {"content": {"application/json": {"schema": body}}},
                "responses": {"200": json_body({"type": "object", "properties": {"id": {"type": "string"}}})},
            }
        }
    }
    spec = Spec({"paths": paths, "components": {"schemas": {}}}, "0" * 64)
    config = {"resources": {"gadgets": {"methods": {"create": "post /gadgets"}}}}
    source = render_files(build(spec, parse_config(config)), Samples(spec))["src/openai/resources/gadgets.py"]
    assert "body=maybe_transform(" in source and "gadget_create_params.GadgetCreateParams)" in source
    assert "body=await async_maybe_transform(" in source
    assert "from ..types import gadget_create_params" in source.split("if TYPE_CHECKING:")[0]  # needed at run time
