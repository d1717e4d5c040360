"""Spec + config -> intermediate model.

Named types come from the config; everything else a method needs is rendered inline into the module that
uses it and named after its path there (NAMING.md §7). Named types are emitted on demand: a response-side
model when a configured response reaches it, a request-side TypedDict twin when a request reaches it, or
always when the config forces it.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple, Union, Optional, cast
from collections import deque
from dataclasses import field, dataclass

from .spec import Raw, Spec, Schema, SpecError
from .model import (
    TRef,
    TDict,
    TExpr,
    TFile,
    TList,
    TPrim,
    TUnion,
    Project,
    AliasDef,
    ClassDef,
    FieldDef,
    ParamDef,
    TLiteral,
    ImportDef,
    MethodDef,
    TOptional,
    TypeModule,
    ResourceDef,
    ResponseDef,
)
from .config import Config, TypeConfig, MethodConfig, ResourceConfig
from .naming import snake, pascal, singular, identifier

_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
_PATH_PARAM = re.compile(r"\{([^}]+)\}")
_SUCCESS = ("200", "201", "202", "204", "2XX", "default")


class BuildError(Exception):
    pass


@dataclass(eq=False)
class Named:
    """A configured type: its response-side model (unless request-only) and its request-side twin."""

    config: TypeConfig
    schema: Schema
    model: Optional[TRef]
    param: TRef
    scalar: bool


@dataclass
class _Ctx:
    module: TypeModule
    side: str  # model | param
    rename: Dict[str, str]
    discriminator: Optional[str] = None
    stack: List[str] = field(default_factory=lambda: [])
    defined: Dict[str, Raw] = field(default_factory=lambda: {})  # nested name -> the schema it was made from


def _order(fields: List[FieldDef]) -> List[FieldDef]:
    """Required group first, then optional; `id` first inside each group, the rest alphabetical."""
    return sorted(fields, key=lambda f: (not f.required, f.wire != "id", f.wire))


class Builder:
    def __init__(self, spec: Spec, config: Config) -> None:
        self.spec = spec
        self.config = config
        self.modules: Dict[str, TypeModule] = {}
        self.by_raw: Dict[int, Named] = {}  # by identity of the raw schema dict (config pointers name those)
        self.by_name: Dict[str, List[Named]] = {}
        self._queue: deque[Tuple[Named, str]] = deque()
        self._queued: set[Tuple[int, str]] = set()
        self._generated_responses: set[TRef] = set()
        for tc in config.all_types():
            self._register(tc)

    # -- registry -------------------------------------------------------------------------------------------

    def _register(self, tc: TypeConfig) -> None:
        raw = self.spec.pointer(tc.schema) if isinstance(tc.schema, str) else tc.schema
        schema = self.spec.norm(raw)
        module_name = tc.module or snake(tc.name)
        package = tc.package
        model = None if tc.param_only else TRef(f"{package}.{module_name}", tc.name)
        if tc.param_only:
            param = TRef(f"{package}.{module_name}", tc.name)
        elif package == "types.shared":
            param = TRef(f"types.shared_params.{module_name}", tc.name)
        else:
            param_name = tc.name + "Param"
            param = TRef(f"{package}.{snake(param_name)}", param_name)
        named = Named(tc, schema, model, param, scalar=self._is_scalar(schema) and not tc.param_only)
        # the pointer may name a wrapper (`anyOf [X, null]`) that normalisation unwraps to X
        for key in {id(raw), id(schema.raw)}:
            if key in self.by_raw:
                raise BuildError(f"{tc.name} and {self.by_raw[key].config.name} name the same schema")
            self.by_raw[key] = named
        self.by_name.setdefault(tc.name, []).append(named)

    def _is_scalar(self, schema: Schema, depth: int = 0) -> bool:
        if depth > 20:
            return False
        if schema.kind == "ref":
            named = self.lookup(schema)
            if named is not None:
                return named.scalar
            return self._is_scalar(self.spec.deref(schema), depth + 1)
        if schema.kind == "union":
            return all(self._is_scalar(v, depth + 1) for v in schema.variants)
        return schema.kind in ("string", "integer", "number", "boolean", "enum", "any")

    def find(self, name: str) -> Named:
        """A configured type by `Name` or `types.pkg.Name`."""
        package, _, short = name.rpartition(".")
        found = [n for n in self.by_name.get(short, []) if not package or n.config.package == package]
        if len(found) != 1:
            raise BuildError(f"type {name!r} is {'ambiguous' if found else 'not configured'}")
        return found[0]

    def lookup(self, schema: Schema) -> Optional[Named]:
        """The configured type `schema` is (a `$ref` to), if any."""
        if schema.kind == "ref":
            assert schema.target is not None
            return self.by_raw.get(id(self.spec.components.get(schema.target)))
        return self.by_raw.get(id(schema.raw))

    def force(self, named: Named) -> None:
        """Emit the sides the config forces, whether or not a method reaches them."""
        for side in named.config.force:
            if side == "param" and named.scalar:
                self._need(named, "param")  # a twin module, though requests use the response-side alias
            else:
                self.use(named, side)

    def refs(self, tc: TypeConfig) -> List[TRef]:
        named = self.find(f"{tc.package}.{tc.name}")
        return [ref for ref in (named.model, named.param) if ref is not None]

    def use(self, named: Named, side: str) -> TRef:
        if side == "model" or named.scalar:
            if named.model is None:
                raise BuildError(f"request-only type {named.config.name} is used in a response")
            self._need(named, "model")
            return named.model
        self._need(named, "param")
        return named.param

    def _need(self, named: Named, side: str) -> None:
        key = (id(named), side)
        if key not in self._queued:
            self._queued.add(key)
            self._queue.append((named, side))

    def module(self, path: str, params: bool) -> TypeModule:
        found = self.modules.get(path)
        if found is None:
            found = self.modules[path] = TypeModule(path, params)
        elif found.params != params:
            raise BuildError(f"module {path} would mix response models and request params")
        return found

    def add(self, module: TypeModule, definition: Union[ClassDef, AliasDef, ImportDef]) -> None:
        if definition.name in module.names():
            raise BuildError(f"{module.path} defines {definition.name} twice: add a `rename` to the config")
        module.definitions.append(definition)

    # -- rendering schemas ----------------------------------------------------------------------------------

    def nullable(self, schema: Schema) -> bool:
        if schema.nullable:
            return True
        if schema.kind == "ref":
            assert schema.target is not None
            return self.spec.component(schema.target).nullable
        return False

    def describe(self, schema: Schema) -> Optional[str]:
        if schema.description:
            return schema.description
        if schema.kind == "ref":
            assert schema.target is not None
            return self.spec.component(schema.target).description
        return None

    def expr(self, schema: Schema, ctx: _Ctx, path: List[str]) -> TExpr:
        """The type of `schema` (without the Optional its nullability adds) used at `path`."""
        named = self.lookup(schema)
        if named is not None:
            return self.use(named, ctx.side)
        if schema.kind == "ref":
            assert schema.target is not None
            if schema.target in ctx.stack:
                raise BuildError(f"recursive schema {schema.target} must be configured as a named type")
            ctx.stack.append(schema.target)
            try:
                return self.expr(self.spec.component(schema.target), ctx, path)
            finally:
                ctx.stack.pop()
        return self.inline(schema, ctx, path)

    def member(self, schema: Schema, ctx: _Ctx, path: List[str]) -> TExpr:
        t = self.expr(schema, ctx, path)
        return TOptional(t) if self.nullable(schema) else t

    def inline(self, schema: Schema, ctx: _Ctx, path: List[str]) -> TExpr:
        kind = schema.kind
        if kind in _PRIMITIVES:
            return TPrim(_PRIMITIVES[kind])
        if kind == "enum":
            return TLiteral(tuple(schema.values))
        if kind == "any":
            return TPrim("object")
        if kind == "file":
            return TFile() if ctx.side == "param" else TPrim("object")
        if kind == "map":
            assert schema.value is not None
            return TDict(self.member(schema.value, ctx, path))
        if kind == "array":
            assert schema.value is not None
            item_path = [*path[:-1], singular(path[-1])] if path else ["Item"]
            return TList(self.member(schema.value, ctx, item_path))
        if kind == "object":
            return self.klass(schema, ctx, path)
        if kind == "union":
            return self.union(schema, ctx, path)
        raise BuildError(f"cannot render schema of kind {kind}")

    def _resolve_path(self, ctx: _Ctx, path: List[str]) -> List[str]:
        """Apply a config `rename`, keyed by the dotted path (`Choice.Delta`) or by the default name."""
        for key in (".".join(path), "".join(path)):
            if key in ctx.rename:
                return [ctx.rename[key]]
        return path

    def klass(self, schema: Schema, ctx: _Ctx, path: List[str], name: Optional[str] = None) -> TRef:
        if name is None:
            path = self._resolve_path(ctx, path)
            name = "".join(path)
            if ctx.defined.get(name) is schema.raw:
                return TRef(ctx.module.path, name)  # the same schema reached twice by the same path
            ctx.defined[name] = schema.raw
        props = schema.properties
        base: Optional[TRef] = None
        if schema.base is not None:
            named_base = self.lookup(schema.base)
            if named_base is not None and (ctx.side == "model" or not named_base.scalar):
                base = self.use(named_base, ctx.side)
                inherited = self.spec.deref(schema.base).properties
                props = {k: v for k, v in props.items() if inherited.get(k) is not v}
        fields: List[FieldDef] = []
        for wire, prop in sorted(props.items(), key=lambda kv: (kv[0] not in schema.required, kv[0] != "id", kv[0])):
            fname = identifier(wire)
            if ctx.side == "model" and fname == "schema":
                fname = "schema_"
            ftype = self.expr(prop, ctx, [*path, pascal(wire)])
            required = wire in schema.required
            fields.append(FieldDef(fname, wire, ftype, required, self.nullable(prop), self.describe(prop)))
        definition = ClassDef(name, _order(fields), ctx.side == "param", schema.description, base)
        self.add(ctx.module, definition)
        return TRef(ctx.module.path, name)

    def _variant_suffix(self, variant: Schema, union: Schema, path: List[str]) -> str:
        target = self.spec.deref(variant)
        if target.kind == "object":
            tag = target.properties.get(union.discriminator or "type")
            if tag is not None:
                tag = self.spec.deref(tag)
                if tag.is_const:
                    return pascal(str(tag.values[0]))
            names = [p for p in target.properties if p in target.required] or list(target.properties)
            return pascal(names[0])
        if target.kind == "array":
            return "ArrayOf" + singular(path[-1] if path else "Item")
        return ""  # scalars need no name; nested unions are flattened into this one

    def union(self, schema: Schema, ctx: _Ctx, path: List[str], root: bool = False) -> TExpr:
        if not root:
            path = self._resolve_path(ctx, path)
        members: List[TExpr] = []
        has_object = False
        for variant in schema.variants:
            named = self.lookup(variant)
            target = self.spec.deref(variant) if named is None else None
            if (named is not None and not named.scalar) or (target is not None and target.kind == "object"):
                has_object = True
            suffix = self._variant_suffix(variant, schema, path)
            t = self.member(variant, ctx, [*path, suffix] if suffix else path)
            for m in t.members if isinstance(t, TUnion) else (t,):
                if m not in members:
                    members.append(m)
        if len(members) == 1:
            return members[0]
        discriminator = schema.discriminator or (ctx.discriminator if root else None)
        if not all(isinstance(m, TRef) for m in members):
            discriminator = None  # only unions of models can be discriminated
        union = TUnion(tuple(members), discriminator)
        if root or not has_object:
            return union
        name = "".join(path)
        if ctx.defined.get(name) is not schema.raw:
            ctx.defined[name] = schema.raw
            self.add(ctx.module, AliasDef(name, union, schema.description))
        return TRef(ctx.module.path, name)

    # -- named types ----------------------------------------------------------------------------------------

    def define(self, ref: TRef, schema: Schema, side: str, tc: Optional[TypeConfig] = None) -> TypeModule:
        """Emit `schema` as the top-level definition `ref` (a class, or an alias for anything else)."""
        module = self.module(ref.module, params=side == "param")
        ctx = _Ctx(module, side, dict(tc.rename) if tc else {}, tc.discriminator if tc else None)
        description = schema.description
        while schema.kind == "ref":
            assert schema.target is not None
            other = self.lookup(schema)
            if other is not None and ref not in (other.model, other.param):
                self.add(module, AliasDef(ref.name, self.use(other, side), description))
                break
            ctx.stack.append(schema.target)
            schema = self.spec.component(schema.target)
        else:
            if schema.kind == "object":
                self.klass(schema, ctx, [], name=ref.name)
            elif schema.kind == "union":
                t = self.union(schema, ctx, [], root=True)
                self.add(module, AliasDef(ref.name, t, description))
            else:
                t = self.inline(schema, ctx, [ref.name])
                if schema.nullable and self._is_scalar(schema):
                    t = TOptional(t)
                self.add(module, AliasDef(ref.name, t, description))
        module.main.append(ref.name)
        module.exports.append(ref.name)
        return module

    def drain(self) -> None:
        while self._queue:
            named, side = self._queue.popleft()
            ref = named.model if side == "model" else named.param
            assert ref is not None
            self.define(ref, named.schema, side, named.config)

    # -- resources ------------------------------------------------------------------------------------------

    def resource(self, rc: ResourceConfig, inherited: Dict[str, Any]) -> ResourceDef:
        is_package = bool(rc.children)
        module = ".".join(["resources", *rc.path, *([rc.name] if is_package else [])])
        res = ResourceDef(rc.path, pascal(rc.name), module, is_package)
        if rc.helpers is not None:
            helper_module, _, helper_class = rc.helpers.mixin.partition(":")
            res.mixin = TRef(helper_module.removeprefix("openai."), helper_class)
            res.wrapped_helpers = list(rc.helpers.wrap)
        headers = {**inherited.get("headers", {}), **rc.headers}
        security = rc.security or inherited.get("security")
        for tc in rc.types:
            named = self.find(f"{tc.package}.{tc.name}")
            self.force(named)
            res.types += [ref for ref in (named.model, named.param) if ref is not None]
        for mc in rc.methods:
            method = self.method(rc, mc, headers, security)
            res.methods.append(method)
            generated = method.response.type
            if isinstance(generated, TRef) and generated in self._generated_responses and generated not in res.types:
                res.types.append(generated)
        for child in rc.children:
            res.children.append(self.resource(child, {"headers": headers, "security": security}))
        return res

    def _parameters(self, op: Raw, path_item: Raw) -> List[Raw]:
        out: List[Raw] = []
        for raw in [*cast(List[Raw], path_item.get("parameters") or []), *cast(List[Raw], op.get("parameters") or [])]:
            if "$ref" in raw:
                raw = self.spec.pointer(cast(str, raw["$ref"]))
            out.append(raw)
        return out

    def method(
        self, rc: ResourceConfig, mc: MethodConfig, headers: Dict[str, str], security: Optional[str]
    ) -> MethodDef:
        try:
            op = self.spec.operation(mc.verb, mc.path)
        except SpecError as e:
            raise BuildError(f"{'.'.join(rc.path)}.{mc.name}: {e}") from None
        path_item = cast(Raw, self.spec.document["paths"][mc.path])
        leaf = pascal(singular(rc.name))
        params_class = f"{leaf}{pascal(mc.name)}Params"
        params_path = f"{rc.types_package}.{snake(params_class)}"
        params_module = TypeModule(params_path, params=True)
        ctx = _Ctx(params_module, "param", {})

        by_location: Dict[str, List[ParamDef]] = {"path": [], "query": [], "header": [], "body": []}
        for raw in self._parameters(op, path_item):
            location = cast(str, raw["in"])
            if location == "cookie":
                continue
            wire = cast(str, raw["name"])
            schema = self.spec.norm(cast(Raw, raw.get("schema") or {}))
            name = identifier(cast(str, schema.raw.get("x-stainless-param") or wire))
            if location == "path":
                t: TExpr = TPrim("str")
            else:
                t = self.expr(schema, ctx, [pascal(name)])
            param = ParamDef(
                name,
                wire,
                location,
                t,
                location == "path" or bool(raw.get("required", False)),
                self.nullable(schema),
                cast(Optional[str], raw.get("description")) or self.describe(schema),
                schema,
            )
            by_location[location].append(param)

        body_kind: Optional[str] = None
        file_paths: List[List[str]] = []
        request = cast(Optional[Raw], op.get("requestBody"))
        if request is not None:
            content = cast(Dict[str, Raw], request.get("content") or {})
            for media, kind in (("application/json", "json"), ("multipart/form-data", "multipart")):
                if media in content:
                    body_kind = kind
                    body = self.spec.deref(self.spec.norm(cast(Raw, content[media].get("schema") or {})))
                    break
            else:
                raise BuildError(f"{mc.verb} {mc.path}: unsupported request content {sorted(content)}")
            if body.kind != "object":
                raise BuildError(f"{mc.verb} {mc.path}: request body of kind {body.kind} is not supported yet")
            for wire, prop in body.properties.items():
                name = identifier(wire)
                t = self.expr(prop, ctx, [pascal(wire)])
                target = self.spec.deref(prop)
                if target.kind == "file":
                    file_paths.append([wire])
                elif (
                    target.kind == "array" and target.value is not None and self.spec.deref(target.value).kind == "file"
                ):
                    file_paths.append([wire, "<array>"])
                by_location["body"].append(
                    ParamDef(
                        name,
                        wire,
                        "body",
                        t,
                        wire in body.required,
                        self.nullable(prop),
                        self.describe(prop),
                        prop,
                    )
                )

        template_order = _PATH_PARAM.findall(mc.path)
        path_params = sorted(by_location["path"], key=lambda p: template_order.index(p.wire))
        others = [*by_location["query"], *by_location["body"], *by_location["header"]]
        group = {"query": 0, "body": 1, "header": 2}
        ordered = sorted(others, key=lambda p: (not p.required, group[p.location] if not p.required else 0, p.name))

        stream_chunk: Optional[TExpr] = None
        if mc.stream:
            stream_chunk = self._stream_chunk(mc, op)

        if ordered:
            fields = [FieldDef(p.name, p.wire, p.type, p.required, p.nullable, p.description) for p in ordered]
            self._params_module(params_module, params_class, fields, stream_chunk is not None, op)
        method = MethodDef(
            name=mc.name,
            verb=mc.verb,
            path=mc.path,
            description=cast(Optional[str], op.get("description") or op.get("summary")),
            path_params=path_params,
            params=ordered,
            response=self._response(rc, mc, op),
            params_module=params_path if ordered else None,
            params_class=params_class if ordered else None,
            body=body_kind,
            file_paths=file_paths,
            stream_chunk=stream_chunk,
            deprecated=mc.deprecated,
            headers=dict(headers),
            security=security
            or ("admin_api_key_auth" if mc.path.startswith(("/organization", "/projects")) else "bearer_auth"),
            body_defaults=dict(mc.body_defaults),
        )
        if mc.post_parser is not None:
            module, _, function = mc.post_parser.function.partition(":")
            method.post_parser = (module, function, mc.post_parser.unless_given)
        if method.response.kind == "binary":
            method.headers["Accept"] = "application/binary"
        method.headers.update(mc.headers)
        method.request_options = dict(mc.request_options)
        return method

    def _params_module(
        self, module: TypeModule, class_name: str, fields: List[FieldDef], streaming: bool, op: Raw
    ) -> None:
        if module.path in self.modules:
            raise BuildError(f"two methods share the params module {module.path}")
        self.modules[module.path] = module
        if not streaming:
            module.definitions.insert(0, ClassDef(class_name, _order(fields), typeddict=True))
            module.main.append(class_name)
            module.exports.append(class_name)
            return
        stream_field = next((f for f in fields if f.wire == "stream"), None)
        if stream_field is None:
            raise BuildError(f"{module.path}: a streaming method needs a `stream` body param")
        base = ClassDef(f"{class_name}Base", _order([f for f in fields if f is not stream_field]), typeddict=True)
        module.definitions.insert(0, base)
        base_ref = TRef(module.path, base.name)
        non_streaming = ClassDef(
            f"{class_name}NonStreaming",
            [FieldDef("stream", "stream", TLiteral((False,)), False, True, stream_field.description)],
            typeddict=True,
            base=base_ref,
        )
        streaming_cls = ClassDef(
            f"{class_name}Streaming",
            [FieldDef("stream", "stream", TLiteral((True,)), True, False, stream_field.description)],
            typeddict=True,
            base=base_ref,
            total=True,
        )
        alias = AliasDef(
            class_name,
            TUnion((TRef(module.path, non_streaming.name), TRef(module.path, streaming_cls.name))),
        )
        for definition in (non_streaming, streaming_cls, alias):
            self.add(module, definition)
        module.main.extend([base.name, non_streaming.name, streaming_cls.name, class_name])
        module.exports.append(class_name)

    def _stream_chunk(self, mc: MethodConfig, op: Raw) -> TExpr:
        if isinstance(mc.stream, str):
            named = self.find(mc.stream)
            return self.use(named, "model")
        for status, response in cast(Dict[str, Raw], op.get("responses") or {}).items():
            content = cast(Dict[str, Raw], response.get("content") or {})
            if status.startswith("2") and "text/event-stream" in content:
                schema = self.spec.norm(cast(Raw, content["text/event-stream"].get("schema") or {}))
                named = self.lookup(schema)
                if named is None:
                    raise BuildError(f"{mc.verb} {mc.path}: configure the event-stream schema as a named type")
                return self.use(named, "model")
        raise BuildError(f"{mc.verb} {mc.path}: no text/event-stream response; name the chunk type in `stream`")

    def _response(self, rc: ResourceConfig, mc: MethodConfig, op: Raw) -> ResponseDef:
        if mc.response in ("binary", "str", "none"):
            return ResponseDef(mc.response)
        if mc.response is not None:
            return ResponseDef("model", self.use(self.find(mc.response), "model"))
        responses = cast(Dict[str, Raw], op.get("responses") or {})
        response = next((responses[s] for s in _SUCCESS if s in responses), None)
        content = cast(Dict[str, Raw], (response or {}).get("content") or {})
        if "application/json" not in content:
            if not content:
                return ResponseDef("none")
            return ResponseDef("binary")
        schema = self.spec.norm(cast(Raw, content["application/json"].get("schema") or {}))
        leaf = pascal(singular(rc.name))
        if mc.page is not None:
            page_schema = self.spec.deref(schema)
            data = page_schema.properties.get("data")
            if data is None or self.spec.deref(data).kind != "array":
                raise BuildError(f"{mc.verb} {mc.path}: a page response needs a `data` array")
            item = self.spec.deref(data).value
            assert item is not None
            return ResponseDef("page", self._response_type(rc, f"{leaf}{pascal(mc.name)}Response", item), mc.page)
        return ResponseDef("model", self._response_type(rc, f"{leaf}{pascal(mc.name)}Response", schema))

    def _response_type(self, rc: ResourceConfig, fallback: str, schema: Schema) -> TExpr:
        named = self.lookup(schema)
        if named is not None:
            return self.use(named, "model")
        target = self.spec.deref(schema)
        if target.kind in _PRIMITIVES:
            return TPrim(_PRIMITIVES[target.kind])
        ref = TRef(f"{rc.types_package}.{snake(fallback)}", fallback)
        self.define(ref, schema, "model")
        self._generated_responses.add(ref)
        return ref

    # -- aliases and packages -------------------------------------------------------------------------------

    def aliases(self) -> None:
        """Back-compat names. A same-name re-export is a main name only in a module that has nothing else."""
        for path, names in self.config.aliases.items():
            module = self.modules.get(path) or self.module(path, params=path.startswith("types.shared_params"))
            reexports: List[str] = []
            for name, target in names.items():
                target_module, _, target_name = target.rpartition(".")
                if target_name not in self.modules.get(target_module, TypeModule(target_module, False)).names():
                    raise BuildError(f"alias {path}.{name}: {target} is not generated")
                self.add(module, ImportDef(name, TRef(target_module, target_name)))
                if name == target_name:
                    reexports.append(name)
                else:
                    module.main.append(name)
                    module.exports.append(name)
            if not module.main:
                module.main += reexports
                module.exports += reexports

    def package_exports(self) -> Dict[str, Dict[str, str]]:
        packages: Dict[str, Dict[str, str]] = {}
        for path in sorted(self.modules):
            package, _, module_name = path.rpartition(".")
            parts = package.split(".")
            for i in range(1, len(parts) + 1):
                packages.setdefault(".".join(parts[:i]), {})
            exports = packages[package]
            for name in self.modules[path].exports:
                if name in exports:
                    raise BuildError(f"package {package} exports {name} from {exports[name]} and {module_name}")
                exports[name] = module_name
        root = packages.setdefault("types", {})
        for name in packages.get("types.shared", {}):
            root.setdefault(name, "shared")
        for package, names in self.config.exports.items():
            packages.setdefault(package, {}).update(names)
        return packages


def build(spec: Spec, config: Config) -> Project:
    builder = Builder(spec, config)
    for tc in config.shared_types:
        builder.force(builder.find(f"types.shared.{tc.name}"))
    resources = [builder.resource(rc, {}) for rc in config.resources]
    builder.drain()
    builder.aliases()
    endpoints = {(m.verb, m.path) for rc in config.all_resources() for m in rc.methods}
    return Project(
        resources=resources,
        modules=dict(sorted(builder.modules.items())),
        package_exports=builder.package_exports(),
        shared=[ref for tc in config.shared_types for ref in builder.refs(tc)],
        endpoints=len(endpoints),
        spec_digest=spec.digest,
    )
