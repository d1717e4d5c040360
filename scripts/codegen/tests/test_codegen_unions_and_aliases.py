"""Config features for event unions (`discriminator`, `skip`), repeated inline schemas (`also`) and resource
aliases (`alias_of`), on a small made-up spec."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from scripts.codegen.spec import Spec
from scripts.codegen.build import BuildError, build
from scripts.codegen.model import TRef, TList, TUnion, Project, AliasDef, ClassDef
from scripts.codegen.config import ConfigError, parse_config
from scripts.codegen.writer import render_files
from scripts.codegen.samples import Samples


def ref(name: str) -> Dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def event(name: str, data: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "type": "object",
        "required": ["event", "data"],
        "properties": {"event": {"type": "string", "enum": [name], "x-stainless-const": True}, "data": data},
    }


def tools() -> Dict[str, Any]:
    """A fresh copy of the same inline union each time, as the spec repeats it."""
    return {"type": "array", "items": {"oneOf": [ref("CodeTool"), ref("SearchTool")]}}


def tool(kind: str) -> Dict[str, Any]:
    return {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": [kind]}}}


SCHEMAS: Dict[str, Any] = {
    "CodeTool": tool("code"),
    "SearchTool": tool("search"),
    "Bot": {"type": "object", "required": ["id", "tools"], "properties": {"id": {"type": "string"}, "tools": tools()}},
    "CreateBotRequest": {"type": "object", "properties": {"tools": tools(), "stream": {"type": "boolean"}}},
    "BotEvents": {"oneOf": [event("bot.created", ref("Bot")), event("bot.deleted", ref("Bot"))]},
    "DoneEvent": event("done", {"type": "string"}),
    "StreamEvent": {"oneOf": [ref("BotEvents"), ref("DoneEvent")]},
}

PATHS: Dict[str, Any] = {
    "/bots": {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": ref("CreateBotRequest")}}},
            "responses": {"200": {"content": {"application/json": {"schema": ref("Bot")}}}},
        }
    },
    "/talk": {"post": {"responses": {"200": {"content": {"application/json": {"schema": ref("Bot")}}}}}},
}


def config() -> Dict[str, Any]:
    return {
        "resources": {
            "talk": {"methods": {"create": "post /talk"}},
            "beta": {
                "resources": {
                    "talk": {"alias_of": "talk"},
                    "bots": {
                        "types": {
                            "Bot": "Bot",
                            "BotTool": {
                                "schema": "Bot/properties/tools/items",
                                "also": ["CreateBotRequest/properties/tools/items"],
                            },
                            "StreamEvent": {
                                "schema": "StreamEvent",
                                "discriminator": "event",
                                "skip": ["DoneEvent"],
                                "force": "model",
                            },
                        },
                        "methods": {
                            "create": {"endpoint": "post /bots", "stream": "StreamEvent", "deprecated": "Old."}
                        },
                    },
                }
            },
        }
    }


@pytest.fixture(scope="module")
def spec() -> Spec:
    return Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)


@pytest.fixture(scope="module")
def project(spec: Spec) -> Project:
    return build(spec, parse_config(config()))


def test_event_unions_are_named_after_the_discriminator_and_skip_configured_variants(project: Project) -> None:
    module = project.modules["types.beta.stream_event"]
    assert module.names() == ["BotCreated", "BotDeleted", "StreamEvent"]
    alias = module.definitions[-1]
    assert isinstance(alias, AliasDef)
    variants = tuple(TRef("types.beta.stream_event", name) for name in ("BotCreated", "BotDeleted"))
    assert alias.type == TUnion(variants, "event")


def test_also_renders_repeated_inline_schemas_as_the_named_type(project: Project) -> None:
    params = project.modules["types.beta.bot_create_params"]
    assert "Tool" not in params.names()  # no inline alias of its own
    base = [d for d in params.definitions if isinstance(d, ClassDef) and d.name == "BotCreateParamsBase"][0]
    assert base.fields[0].type == TList(TRef("types.beta.bot_tool_param", "BotToolParam"))
    bot = [d for d in project.modules["types.beta.bot"].definitions if isinstance(d, ClassDef)][0]
    assert bot.fields[1].type == TList(TRef("types.beta.bot_tool", "BotTool"))


def test_alias_of_exposes_another_resource_without_wrappers(project: Project, spec: Spec) -> None:
    beta = [r for r in project.resources if r.name == "beta"][0]
    assert [c.name for c in beta.children] == ["bots"]
    assert beta.aliases == {"talk": TRef("resources.talk", "Talk")}
    source = render_files(project, Samples(spec))["src/openai/resources/beta/beta.py"]
    assert "def talk(self) -> Talk:" in source and "def talk(self) -> AsyncTalk:" in source
    assert "from ..talk import Talk" in source
    assert "TalkWithRawResponse" not in source


def test_deprecated_stream_methods_mark_each_overload(project: Project, spec: Spec) -> None:
    source = render_files(project, Samples(spec))["src/openai/resources/beta/bots.py"]
    assert source.count('@typing_extensions.deprecated("Old.")') == 8  # 3 overloads + the implementation, twice
    assert source.count('@overload\n    @typing_extensions.deprecated("Old.")\n') == 6
    assert "Stream[StreamEvent]" in source


def test_alias_of_is_checked(spec: Spec) -> None:
    with pytest.raises(ConfigError, match="alias_of"):
        parse_config({"resources": {"beta": {"resources": {"talk": {"alias_of": "talk", "methods": {}}}}}})
    with pytest.raises(BuildError, match="unknown resource nowhere"):
        build(spec, parse_config({"resources": {"beta": {"resources": {"talk": {"alias_of": "nowhere"}}}}}))
