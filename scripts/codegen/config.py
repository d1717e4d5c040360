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


@dataclass
class PostParserConfig:
    function: str  # `package.module:function`
    unless_given: Optional[str] = None


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
    headers: Dict[str, str] = field(default_factory=lambda: {})
    request_options: Dict[str, Any] = field(default_factory=lambda: {})


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
    helpers: Optional[HelpersConfig] = None

    @property
    def name(self) -> str:
        return self.path[-1]


@dataclass
class Config:
    shared_types: List[TypeConfig]
    resources: List[ResourceConfig]
    aliases: Dict[str, Dict[str, str]]
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


_TYPE_KEYS = {"schema", "module", "param_only", "force", "rename", "discriminator"}
_METHOD_KEYS = {
    "endpoint",
    "page",
    "stream",
    "response",
    "deprecated",
    "body_defaults",
    "post_parser",
    "headers",
    "request_options",
}
_RESOURCE_KEYS = {"methods", "resources", "types", "types_package", "headers", "security", "helpers"}


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
    )


def _method(name: str, entry: Any) -> MethodConfig:
    data: Dict[str, Any] = {"endpoint": entry} if isinstance(entry, str) else cast(Dict[str, Any], entry)
    _check_keys(f"method {name}", data, _METHOD_KEYS)
    verb, _, path = cast(str, data["endpoint"]).partition(" ")
    parser = cast(Optional[Dict[str, Any]], data.get("post_parser"))
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
        headers=dict(data.get("headers") or {}),
        request_options=dict(data.get("request_options") or {}),
    )


def _resource(path: Tuple[str, ...], entry: Any) -> ResourceConfig:
    data = cast(Dict[str, Any], entry or {})
    _check_keys(f"resource {'.'.join(path)}", data, _RESOURCE_KEYS)
    package = data.get("types_package") or ".".join(["types", *path[:-1]])
    helpers = cast(Optional[Dict[str, Any]], data.get("helpers"))
    return ResourceConfig(
        path=path,
        methods=[_method(n, m) for n, m in _mapping(data, "methods").items()],
        children=[_resource((*path, n), c) for n, c in _mapping(data, "resources").items()],
        types=[_type(n, package, t) for n, t in _mapping(data, "types").items()],
        types_package=package,
        headers=dict(data.get("headers") or {}),
        security=data.get("security"),
        helpers=HelpersConfig(helpers["mixin"], list(helpers.get("wrap") or [])) if helpers else None,
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
