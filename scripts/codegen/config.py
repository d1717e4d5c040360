"""Reading our naming/grouping configuration (`scripts/codegen/config/*.yaml`) into dataclasses."""

from __future__ import annotations

import os
from typing import Any, Dict, List, Tuple, Union, Optional, cast
from dataclasses import field, dataclass

import yaml

CONFIG_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "config")

SchemaRef = Union[str, Dict[str, Any]]


class ConfigError(Exception):
    pass


@dataclass
class TypeConfig:
    name: str
    package: str  # dotted, rooted at `types` (e.g. `types.chat`)
    schema: SchemaRef
    module: Optional[str] = None
    param_only: bool = False
    force: Tuple[str, ...] = ()
    rename: Dict[str, str] = field(default_factory=lambda: {})
    discriminator: Optional[str] = None
    inline: Tuple[str, ...] = ()  # configured types rendered inline inside this one
    also: Tuple[str, ...] = ()  # more pointers to copies of the schema, rendered as this type too
    skip: Tuple[str, ...] = ()  # component schemas left out of this type's unions
    required: Tuple[str, ...] = ()  # fields (`wire` or `NestedClass.wire`) required and non-null whatever the spec says
    optional: Tuple[str, ...] = ()  # fields (same form) optional whatever the spec says
    exclude: Tuple[str, ...] = ()  # fields (same form) left out, e.g. SDK-only properties the spec lists
    local_items: bool = False  # request side of a list of a named union: define the item union again locally
    detached: bool = False  # a separate copy: references to the schema elsewhere do not use this name
    mixin: Optional[str] = None  # `openai.module:ClassName`: a hand-written base the model class also inherits


@dataclass
class PostParserConfig:
    function: str  # `package.module:function`
    unless_given: Optional[str] = None


@dataclass
class ValidateConfig:
    function: str  # `package.module:function`, called with `args` before the request is built
    args: Tuple[str, ...] = ()


@dataclass
class MethodConfig:
    name: str
    verb: str
    path: str
    page: Optional[str] = None
    stream: Union[bool, str] = False
    response: Optional[str] = None
    deprecated: Optional[str] = None
    body_defaults: Dict[str, Any] = field(default_factory=lambda: {})
    post_parser: Optional[PostParserConfig] = None
    validate: Optional[ValidateConfig] = None
    headers: Dict[str, str] = field(default_factory=lambda: {})
    request_options: Dict[str, Any] = field(default_factory=lambda: {})
    rename: Dict[str, str] = field(default_factory=lambda: {})  # nested names in the params module
    inline: Tuple[str, ...] = ()  # configured types rendered inline in the params module
    optional: Tuple[str, ...] = ()  # query/body params (wire names) optional whatever the spec says
    response_rename: Dict[str, str] = field(default_factory=lambda: {})  # nested names in a generated response
    test_extra_body: Dict[str, Any] = field(default_factory=lambda: {})  # what the mock server needs beyond the params
    # why the mock server's answer cannot be used (its example breaks the spec's own schema): the generated
    # tests then answer through respx with a response sampled from the schema
    test_sampled_response: Optional[str] = None
    response_by: Optional[Dict[str, Any]] = None  # {param: p, types: {value: TypeName | str}}: response type per value
    body: Optional[SchemaRef] = (
        None  # JSON request body schema used instead of the spec's (the SDK kept an older shape)
    )


@dataclass
class HelpersConfig:
    """Hand-written methods mixed into a generated resource class (`Async<mixin>` for the async class)."""

    mixin: str  # `package.module:ClassName`
    wrap: List[str]  # helper methods also exposed on the raw/streaming response wrappers


@dataclass
class ResourceConfig:
    path: Tuple[str, ...]
    methods: List[MethodConfig]
    children: List[ResourceConfig]
    types: List[TypeConfig]
    types_package: str
    headers: Dict[str, str]
    security: Optional[str]
    helpers: List[HelpersConfig] = field(default_factory=lambda: [])
    alias_of: Optional[Tuple[str, ...]] = None  # another resource, also exposed under this name

    @property
    def name(self) -> str:
        return self.path[-1]


@dataclass
class Config:
    shared_types: List[TypeConfig]
    resources: List[ResourceConfig]
    aliases: Dict[str, Dict[str, Union[str, List[str]]]]  # module -> name -> target, or targets of a union
    exports: Dict[str, Dict[str, str]]

    def all_resources(self) -> List[ResourceConfig]:
        out: List[ResourceConfig] = []
        stack = list(reversed(self.resources))
        while stack:
            res = stack.pop()
            out.append(res)
            stack.extend(reversed(res.children))
        return out

    def all_types(self) -> List[TypeConfig]:
        return [*self.shared_types, *(t for r in self.all_resources() for t in r.types)]


_TYPE_KEYS = {
    "schema",
    "module",
    "param_only",
    "force",
    "rename",
    "discriminator",
    "inline",
    "also",
    "skip",
    "required",
    "optional",
    "exclude",
    "detached",
    "local_items",
    "mixin",
}
_METHOD_KEYS = {
    "endpoint",
    "page",
    "stream",
    "response",
    "deprecated",
    "body_defaults",
    "post_parser",
    "validate",
    "headers",
    "request_options",
    "rename",
    "inline",
    "optional",
    "response_rename",
    "body",
    "test_extra_body",
    "test_sampled_response",
    "response_by",
}
_RESOURCE_KEYS = {"methods", "resources", "types", "types_package", "headers", "security", "helpers", "alias_of"}


def _mapping(data: Dict[str, Any], key: str) -> Dict[str, Any]:
    return cast(Dict[str, Any], data.get(key) or {})


def _check_keys(where: str, data: Dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}")


def _type(name: str, package: str, entry: Any) -> TypeConfig:
    if isinstance(entry, str):
        return TypeConfig(name, package, entry)
    data = cast(Dict[str, Any], entry)
    _check_keys(f"type {name}", data, _TYPE_KEYS)
    force = data.get("force", ())
    return TypeConfig(
        name,
        package,
        data["schema"],
        module=data.get("module"),
        param_only=bool(data.get("param_only", False)),
        force=(force,) if isinstance(force, str) else tuple(cast(List[str], force)),
        rename=dict(data.get("rename") or {}),
        discriminator=data.get("discriminator"),
        inline=tuple(cast(List[str], data.get("inline") or ())),
        also=tuple(cast(List[str], data.get("also") or ())),
        skip=tuple(cast(List[str], data.get("skip") or ())),
        required=tuple(cast(List[str], data.get("required") or ())),
        optional=tuple(cast(List[str], data.get("optional") or ())),
        exclude=tuple(cast(List[str], data.get("exclude") or ())),
        detached=bool(data.get("detached", False)),
        local_items=bool(data.get("local_items", False)),
        mixin=data.get("mixin"),
    )


def _method(name: str, entry: Any) -> MethodConfig:
    data: Dict[str, Any] = {"endpoint": entry} if isinstance(entry, str) else cast(Dict[str, Any], entry)
    _check_keys(f"method {name}", data, _METHOD_KEYS)
    verb, _, path = cast(str, data["endpoint"]).partition(" ")
    parser = cast(Optional[Dict[str, Any]], data.get("post_parser"))
    validate = cast(Optional[Dict[str, Any]], data.get("validate"))
    return MethodConfig(
        name,
        verb.lower(),
        path.strip(),
        page=data.get("page"),
        stream=data.get("stream", False),
        response=data.get("response"),
        deprecated=data.get("deprecated"),
        body_defaults=dict(data.get("body_defaults") or {}),
        post_parser=PostParserConfig(parser["function"], parser.get("unless_given")) if parser else None,
        validate=ValidateConfig(validate["function"], tuple(validate.get("args") or ())) if validate else None,
        headers=dict(data.get("headers") or {}),
        request_options=dict(data.get("request_options") or {}),
        rename=dict(data.get("rename") or {}),
        inline=tuple(cast(List[str], data.get("inline") or ())),
        optional=tuple(cast(List[str], data.get("optional") or ())),
        response_rename=dict(data.get("response_rename") or {}),
        body=data.get("body"),
        response_by=data.get("response_by"),
        test_extra_body=dict(data.get("test_extra_body") or {}),
        test_sampled_response=data.get("test_sampled_response"),
    )


def _helpers(data: Optional[Dict[str, Any]]) -> List[HelpersConfig]:
    """`{mixin, wrap}`, or several of them by name (`{polling: {mixin, ...}, streaming: {...}}`, merged across files)."""
    if not data:
        return []
    entries = [data] if "mixin" in data else [cast(Dict[str, Any], data[name]) for name in sorted(data)]
    return [HelpersConfig(entry["mixin"], list(entry.get("wrap") or [])) for entry in entries]


def _resource(path: Tuple[str, ...], entry: Any) -> ResourceConfig:
    data = cast(Dict[str, Any], entry or {})
    _check_keys(f"resource {'.'.join(path)}", data, _RESOURCE_KEYS)
    if "alias_of" in data and len(data) > 1:
        raise ConfigError(f"resource {'.'.join(path)}: an `alias_of` entry takes no other keys")
    package = data.get("types_package") or ".".join(["types", *path[:-1]])
    helpers = _helpers(cast(Optional[Dict[str, Any]], data.get("helpers")))
    return ResourceConfig(
        path=path,
        methods=[_method(n, m) for n, m in _mapping(data, "methods").items()],
        children=[_resource((*path, n), c) for n, c in _mapping(data, "resources").items()],
        types=[_type(n, package, t) for n, t in _mapping(data, "types").items()],
        types_package=package,
        headers=dict(data.get("headers") or {}),
        security=data.get("security"),
        helpers=helpers,
        alias_of=tuple(cast(str, data["alias_of"]).split(".")) if "alias_of" in data else None,
    )


def load_config(directory: str = CONFIG_DIR) -> Config:
    """Merge every `*.yaml` file of `directory` and parse the result.

    Mappings merge recursively, so one resource tree can be spread over several files (`beta.assistants` in one,
    `beta.responses` in another); any other value may be defined only once.
    """
    merged: Dict[str, Any] = {}
    for filename in sorted(os.listdir(directory)):
        if not filename.endswith(".yaml"):
            continue
        with open(os.path.join(directory, filename)) as f:
            document = cast(Dict[str, Any], yaml.load(f, Loader=yaml.CSafeLoader) or {})
        _merge(merged, document, filename, ())
    return parse_config(merged)


def _merge(target: Dict[str, Any], source: Dict[str, Any], filename: str, where: Tuple[str, ...]) -> None:
    for key, value in source.items():
        here = (*where, str(key))
        if key not in target:
            target[key] = value
        elif isinstance(target[key], dict) and isinstance(value, dict):
            _merge(cast(Dict[str, Any], target[key]), cast(Dict[str, Any], value), filename, here)
        else:
            raise ConfigError(f"{filename}: {'.'.join(here)} is defined twice")


def parse_config(merged: Dict[str, Dict[str, Any]]) -> Config:
    unknown = sorted(set(merged) - {"shared", "resources", "aliases", "exports"})
    if unknown:
        raise ConfigError(f"unknown top-level config sections {unknown}")
    shared = merged.get("shared", {})
    return Config(
        shared_types=[_type(n, "types.shared", t) for n, t in _mapping(shared, "types").items()],
        resources=[_resource((n,), r) for n, r in merged.get("resources", {}).items()],
        aliases={m: dict(v) for m, v in merged.get("aliases", {}).items()},
        exports={p: dict(v) for p, v in merged.get("exports", {}).items()},
    )
