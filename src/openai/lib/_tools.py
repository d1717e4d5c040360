"""`pydantic_function_tool`: a strict function tool definition whose parameters are a pydantic model."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, cast

from ._pydantic import to_strict_json_schema

if TYPE_CHECKING:
    import pydantic

    from ..types.chat import ChatCompletionFunctionToolParam
    from ..types.responses import FunctionToolParam
    from ..types.shared_params import FunctionDefinition


class PydanticFunctionTool(Dict[str, Any]):
    """A function definition (a plain dict, sent as is) that remembers the model its arguments parse into."""

    model: type[pydantic.BaseModel]

    def __init__(self, defn: FunctionDefinition, model: type[pydantic.BaseModel]) -> None:
        super().__init__(defn)
        self.model = model

    def cast(self) -> FunctionDefinition:
        return cast("FunctionDefinition", self)


class ResponsesPydanticFunctionTool(Dict[str, Any]):
    """A Responses API function tool (a plain dict, sent as is) that remembers the model its arguments parse into."""

    model: type[pydantic.BaseModel]

    def __init__(self, tool: FunctionToolParam, model: type[pydantic.BaseModel]) -> None:
        super().__init__(tool)
        self.model = model

    def cast(self) -> FunctionToolParam:
        return cast("FunctionToolParam", self)


def pydantic_function_tool(
    model: type[pydantic.BaseModel],
    *,
    name: str | None = None,  # inferred from the class name by default
    description: str | None = None,  # inferred from the class docstring by default
) -> ChatCompletionFunctionToolParam:
    """`{"type": "function", "function": {...}}` for a chat completion, with `model`'s strict JSON schema as parameters.

    `chat.completions.parse()` recognises such tools and parses their calls' arguments into `model`.
    """
    if description is None:
        # a class without a docstring of its own has `__doc__ = None`
        description = model.__doc__

    function = PydanticFunctionTool(
        {"name": name or model.__name__, "strict": True, "parameters": to_strict_json_schema(model)},
        model,
    ).cast()
    if description is not None:
        function["description"] = description
    return {"type": "function", "function": function}
