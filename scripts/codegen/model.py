"""The intermediate model between the spec and the emitters: type expressions, type modules and resources.

Module paths are dotted and relative to the `openai` package (`types.chat.chat_completion`,
`resources.chat.completions.completions`).
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple, Union, Optional
from dataclasses import field, dataclass

# -- type expressions ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TPrim:
    name: str  # str, int, float, bool, object


@dataclass(frozen=True)
class TLiteral:
    values: Tuple[Any, ...]


@dataclass(frozen=True)
class TList:
    item: TExpr


@dataclass(frozen=True)
class TDict:
    value: TExpr


@dataclass(frozen=True)
class TUnion:
    members: Tuple[TExpr, ...]
    discriminator: Optional[str] = None


@dataclass(frozen=True)
class TOptional:
    inner: TExpr


@dataclass(frozen=True)
class TRef:
    """A class or alias defined at top level of a generated (or hand-written) module."""

    module: str
    name: str


@dataclass(frozen=True)
class TFile:
    pass


TExpr = Union[TPrim, TLiteral, TList, TDict, TUnion, TOptional, TRef, TFile]


# -- type modules -------------------------------------------------------------------------------------------


@dataclass
class FieldDef:
    name: str
    wire: str
    type: TExpr  # without the Optional that nullability adds
    required: bool
    nullable: bool
    description: Optional[str] = None
    overrides: bool = False  # redefines a field of the base class


@dataclass
class ClassDef:
    name: str
    fields: List[FieldDef]
    typeddict: bool
    description: Optional[str] = None
    base: Optional[TRef] = None
    total: bool = False  # TypedDicts only
    mixin: Optional[TRef] = None  # models only: a hand-written class inherited after the base


@dataclass
class AliasDef:
    name: str
    type: TExpr
    description: Optional[str] = None


@dataclass
class ImportDef:
    """`name` taken from another module: a re-export when the names match, else an alias."""

    name: str
    target: TRef


Definition = Union[ClassDef, AliasDef, ImportDef]


@dataclass
class TypeModule:
    path: str
    params: bool  # TypedDict module (postponed annotations)
    definitions: List[Definition] = field(default_factory=lambda: [])
    exports: List[str] = field(default_factory=lambda: [])  # names the package __init__ re-exports
    main: List[str] = field(default_factory=lambda: [])  # names listed first in __all__

    def names(self) -> List[str]:
        return [d.name for d in self.definitions]


# -- resources ----------------------------------------------------------------------------------------------


@dataclass
class ParamDef:
    name: str
    wire: str
    location: str  # path, query, body, header
    type: TExpr
    required: bool
    nullable: bool
    description: Optional[str] = None
    schema: Any = None  # the normalised spec schema (for test samples)
    in_minimal_test: bool = False  # optional here but required by the spec: the minimal API test passes it too


@dataclass
class ResponseDef:
    kind: str  # model, page, stream-capable model, binary, str, none
    type: Optional[TExpr] = None  # cast_to type, or the page item type
    page: Optional[str] = None
    schema: Any = None  # the normalised JSON schema of a model response (for sampled test responses)


@dataclass
class MethodDef:
    name: str
    verb: str
    path: str
    description: Optional[str]
    path_params: List[ParamDef]
    params: List[ParamDef]  # query/body/header params, in signature order
    response: ResponseDef
    params_module: Optional[str] = None
    params_class: Optional[str] = None
    body: Optional[str] = None  # json, multipart
    file_paths: List[List[str]] = field(default_factory=lambda: [])
    stream_chunk: Optional[TExpr] = None
    deprecated: Optional[str] = None
    headers: Dict[str, str] = field(default_factory=lambda: {})
    security: str = "bearer_auth"
    body_defaults: Dict[str, Any] = field(default_factory=lambda: {})
    post_parser: Optional[Tuple[str, str, Optional[str]]] = None  # (module, function, unless_given)
    validate: Optional[Tuple[str, str, Tuple[str, ...]]] = None  # (module, function, args): called first
    request_options: Dict[str, Any] = field(default_factory=lambda: {})  # literal make_request_options kwargs
    test_extra_body: Dict[str, Any] = field(default_factory=lambda: {})  # sent by the generated API tests
    test_sampled_response: Optional[str] = None  # why the API tests answer with a sampled response (respx)
    # the param whose value picks the response type, and its values grouped by type (the first is the default)
    response_by: Optional[str] = None
    response_groups: List[Tuple[Tuple[Any, ...], TExpr]] = field(default_factory=lambda: [])

    @property
    def required_params(self) -> List[ParamDef]:
        return [p for p in self.params if p.required]


@dataclass
class ResourceDef:
    path: Tuple[str, ...]
    class_name: str
    module: str
    is_package: bool
    methods: List[MethodDef] = field(default_factory=lambda: [])
    children: List[ResourceDef] = field(default_factory=lambda: [])
    types: List[TRef] = field(default_factory=lambda: [])  # listed in api.md
    mixins: List[TRef] = field(default_factory=lambda: [])  # hand-written helper methods (async classes: `Async<name>`)
    wrapped_helpers: List[str] = field(default_factory=lambda: [])
    aliases: Dict[str, TRef] = field(default_factory=lambda: {})  # attribute -> another resource's (sync) class

    @property
    def name(self) -> str:
        return self.path[-1]


@dataclass
class Project:
    """Everything the emitters need."""

    resources: List[ResourceDef]
    modules: Dict[str, TypeModule]
    package_exports: Dict[str, Dict[str, str]]  # types package -> {name: module name}
    shared: List[TRef]  # the shared types, for api.md
    endpoints: int
    spec_digest: str
