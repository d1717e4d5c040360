"""Type features the hand-written Responses helpers need: a hand-written base class mixed into a generated model
(`mixin`, e.g. for the `Response.output_text` property) and `Union` aliases of generated names (`aliases` with a
list of targets, e.g. `ParseableToolParam`)."""

from __future__ import annotations

from typing import Any, Dict

from scripts.codegen.spec import Spec
from scripts.codegen.build import build
from scripts.codegen.config import parse_config
from scripts.codegen.writer import render_files
from scripts.codegen.samples import Samples


def ref(name: str) -> Dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


SCHEMAS: Dict[str, Any] = {
    "Reply": {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {"type": "string"},
            "output_text": {"type": "string"},
            "part": {"type": "object", "properties": {"text": {"type": "string"}}},
        },
    },
    "Note": {"type": "object", "required": ["body"], "properties": {"body": {"type": "string"}}},
}
PATHS: Dict[str, Any] = {
    "/replies": {
        "post": {
            "requestBody": {"content": {"application/json": {"schema": ref("Note")}}},
            "responses": {"200": {"content": {"application/json": {"schema": ref("Reply")}}}},
        }
    }
}


def render(config: Dict[str, Any]) -> Dict[str, str]:
    spec = Spec({"paths": PATHS, "components": {"schemas": SCHEMAS}}, "0" * 64)
    return render_files(build(spec, parse_config(config)), Samples(spec))


def replies(reply: Any) -> Dict[str, Any]:
    types = {"Reply": reply, "Note": {"schema": "Note", "force": ["model", "param"]}}
    return {"resources": {"replies": {"types": types, "methods": {"create": "post /replies"}}}}


def test_a_type_mixin_is_a_second_base_of_the_model_only() -> None:
    files = render(replies({"schema": "Reply", "exclude": ["output_text"], "mixin": "openai.lib._text:TextMixin"}))
    reply = files["src/openai/types/reply.py"]
    assert "from ..lib._text import TextMixin\n" in reply
    assert "class Reply(BaseModel, TextMixin):\n" in reply
    assert "class Part(BaseModel):\n" in reply  # nested classes keep their plain base
    assert "output_text" not in reply


def test_a_list_of_alias_targets_defines_a_union_alias_in_the_module() -> None:
    config = replies("Reply")
    config["aliases"] = {"types.note_param": {"AnyNote": ["types.note_param.NoteParam", "types.reply.Reply"]}}
    note = render(config)["src/openai/types/note_param.py"]
    assert "AnyNote: TypeAlias = Union[NoteParam, Reply]\n" in note
    assert "from .reply import Reply\n" in note
    assert '"AnyNote"' in note  # in the module's `__all__`
