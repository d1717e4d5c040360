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
    inline: frozenset[str] = frozenset()  # configured types rendered inline here rather than referenced
    skip: frozenset[str] = frozenset()  # component schemas left out of unions
    required: Dict[str, bool] = field(default_factory=lambda: {})  # `Class.wire` -> required-ness override
    exclude: frozenset[str] = frozenset()  # `Class.wire` fields left out
    mixins: Dict[str, TRef] = field(default_factory=lambda: {})  # model class name -> hand-written extra base
    stack: List[str] = field(default_factory=lambda: [])
    defined: Dict[str, Raw] = field(default_factory=lambda: {})  # nested name -> the schema it was made from


def _resource_module(rc: ResourceConfig) -> str:
    """`resources.files`, or `resources.chat.chat` for a resource with children (a package)."""
    return ".".join(["resources", *rc.path, *([rc.name] if rc.children else [])])


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
        # the pointer may name a wrapper (`anyOf [X, null]`) that normalisation unwraps to X; `also` names
        # copies of the schema that the spec repeats inline
        copies = [self.spec.pointer(pointer) for pointer in tc.also]
        if tc.detached:  # only emitted where forced or named (`response`, `stream`); never substituted
            self.by_name.setdefault(tc.name, []).append(named)
            return
        for key in {id(r) for r in (raw, *copies)} | {id(self.spec.norm(r).raw) for r in (raw, *copies)}:
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
            # a pointer may name one `$ref` site on its own (the variant of one union), else the target decides
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
        named = self._lookup_in(schema, ctx)
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

    def _lookup_in(self, schema: Schema, ctx: _Ctx) -> Optional[Named]:
        """`lookup`, except for the configured types `ctx` renders inline."""
        named = self.lookup(schema)
        return None if named is not None and named.config.name in ctx.inline else named

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
        inherited: Dict[str, Schema] = {}
        if schema.base is not None:
            named_base = self.lookup(schema.base)
            if named_base is not None and (ctx.side == "model" or not named_base.scalar):
                base = self.use(named_base, ctx.side)
                inherited = self.spec.deref(schema.base).properties
                props = {k: v for k, v in props.items() if inherited.get(k) is not v}
        fields: List[FieldDef] = []
        for wire, prop in sorted(props.items(), key=lambda kv: (kv[0] not in schema.required, kv[0] != "id", kv[0])):
            if f"{name}.{wire}" in ctx.exclude:
                continue
            fname = identifier(wire)
            if ctx.side == "model" and fname == "schema":
                fname = "schema_"
            elif ctx.side == "model" and fname.startswith("model_"):
                fname = "api_" + fname  # pydantic reserves the `model_` prefix
            fname = ctx.rename.get(f"{name}.{wire}", fname)  # a `rename` keyed `Class.wire` names a field
            ftype = self.expr(prop, ctx, [*path, pascal(wire)])
            forced = ctx.required.get(f"{name}.{wire}")
            required = wire in schema.required if forced is None else forced
            nullable = self.nullable(prop) and not forced  # a forced-required field is never null
            member = FieldDef(fname, wire, ftype, required, nullable, self.describe(prop))
            member.overrides = wire in inherited
            fields.append(member)
        definition = ClassDef(name, _order(fields), ctx.side == "param", schema.description, base)
        definition.mixin = ctx.mixins.get(name)
        self.add(ctx.module, definition)
        return TRef(ctx.module.path, name)

    def _variant_suffix(self, variant: Schema, union: Schema, path: List[str], ctx: _Ctx) -> str:
        target = self.spec.deref(variant)
        if target.kind == "object":
            tags = (union.discriminator, ctx.discriminator, "type")
            tag = next((target.properties[t] for t in tags if t is not None and t in target.properties), None)
            if tag is not None:
                tag = self.spec.deref(tag)
                if tag.is_const:
                    return pascal(str(tag.values[0]))
            title = target.raw.get("title") if variant.kind == "ref" else None
            if isinstance(title, str):
                return pascal(title)  # an untagged `$ref` variant is named after its schema's title
            names = [p for p in target.properties if p in target.required] or list(target.properties)
            return pascal(names[0])
        if target.kind == "array":
            return "ArrayOf" + singular(path[-1] if path else "Item")
        return ""  # scalars need no name; nested unions are flattened into this one

    def _distinct_tags(self, schema: Schema, prop: str, ctx: _Ctx) -> bool:
        """Whether every variant of the union `schema` has its own values of the tag property `prop`."""
        seen: set[Any] = set()
        pending = [v for v in schema.variants if v.target not in ctx.skip]
        while pending:
            target = self.spec.deref(pending.pop())
            if target.kind == "union":
                pending += [v for v in target.variants if v.target not in ctx.skip]
                continue
            tag = target.properties.get(prop)
            values = self.spec.deref(tag).values if tag is not None else []
            if not values or seen.intersection(values):
                return False
            seen.update(values)
        return True

    def union(self, schema: Schema, ctx: _Ctx, path: List[str], root: bool = False) -> TExpr:
        if not root:
            path = self._resolve_path(ctx, path)
        members: List[TExpr] = []
        has_object = False
        for variant in schema.variants:
            if variant.target in ctx.skip:
                continue
            # a pointer may name one `$ref` variant on its own (`also` has the reverse effect)
            site = self.by_raw.get(id(variant.raw)) if variant.kind == "ref" else None
            named = site or self._lookup_in(variant, ctx)
            target = self.spec.deref(variant) if named is None else None
            if (named is not None and not named.scalar and self.spec.deref(named.schema).kind != "array") or (
                target is not None and target.kind == "object"
            ):
                has_object = True  # a union with a model variant gets a named alias (named lists do not count)
            suffix = self._variant_suffix(variant, schema, path, ctx)
            if target is not None and target.kind == "union":
                t = self.union(target, ctx, path, root=True)  # a nested unnamed union is flattened into this one
                flat = t.members if isinstance(t, TUnion) else (t,)
                has_object = has_object or any(isinstance(m, TRef) for m in flat)
            elif site is not None:
                t = self.use(site, ctx.side)
            else:
                t = self.member(variant, ctx, [*path, suffix] if suffix else path)
            for m in t.members if isinstance(t, TUnion) else (t,):
                if m not in members:
                    members.append(m)
        if len(members) == 1:
            return members[0]
        discriminator = schema.discriminator or (ctx.discriminator if root else None)
        if not all(isinstance(m, TRef) for m in members):
            discriminator = None  # only unions of models can be discriminated
        elif discriminator is not None and not self._distinct_tags(schema, discriminator, ctx):
            discriminator = None  # e.g. three kinds of `message` item: pydantic must try each variant
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
        ctx = self._type_ctx(module, side, ref.name, tc)
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
            elif tc is not None and tc.local_items and side == "param" and schema.kind == "array":
                self.add(module, AliasDef(ref.name, TList(self._local_item(module, schema)), description))
            else:
                t = self.inline(schema, ctx, [ref.name])
                if schema.nullable and self._is_scalar(schema):
                    t = TOptional(t)
                self.add(module, AliasDef(ref.name, t, description))
        module.main.append(ref.name)
        module.exports.append(ref.name)
        return module

    def _type_ctx(self, module: TypeModule, side: str, name: str, tc: Optional[TypeConfig]) -> _Ctx:
        """The rendering context of the configured type `tc` emitted as `name`."""
        ctx = _Ctx(module, side, dict(tc.rename) if tc else {}, tc.discriminator if tc else None)
        ctx.inline = frozenset(tc.inline) if tc else frozenset()
        ctx.skip = frozenset(tc.skip) if tc else frozenset()
        for fields, value in ((tc.required, True), (tc.optional, False)) if tc else ():
            ctx.required.update({(f if "." in f else f"{name}.{f}"): value for f in fields})
        ctx.exclude = frozenset((f if "." in f else f"{name}.{f}") for f in tc.exclude) if tc else frozenset()
        if tc and tc.mixin and side == "model":
            mixin_module, _, mixin_class = tc.mixin.partition(":")
            ctx.mixins[name] = TRef(mixin_module.removeprefix("openai."), mixin_class)
        return ctx

    def _local_item(self, module: TypeModule, schema: Schema) -> TRef:
        """Define the named union item of the list `schema` again inside `module` (request side), nested types included."""
        assert schema.value is not None
        item = self.lookup(schema.value)
        target = self.spec.deref(item.schema) if item is not None else None
        if item is None or target is None or target.kind != "union":
            raise BuildError(f"{module.path}: `local_items` needs a list of a configured union type")
        ctx = self._type_ctx(module, "param", item.param.name, item.config)
        self.add(module, AliasDef(item.param.name, self.union(target, ctx, [], root=True), target.description))
        return TRef(module.path, item.param.name)

    def drain(self) -> None:
        while self._queue:
            named, side = self._queue.popleft()
            ref = named.model if side == "model" else named.param
            assert ref is not None
            self.define(ref, named.schema, side, named.config)

    # -- resources ------------------------------------------------------------------------------------------

    def resource(self, rc: ResourceConfig, inherited: Dict[str, Any]) -> ResourceDef:
        is_package = bool(rc.children)
        res = ResourceDef(rc.path, pascal(rc.name), _resource_module(rc), is_package)
        for helpers in rc.helpers:
            helper_module, _, helper_class = helpers.mixin.partition(":")
            res.mixins.append(TRef(helper_module.removeprefix("openai."), helper_class))
            res.wrapped_helpers += helpers.wrap
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
            if child.alias_of is not None:
                target = next((r for r in self.config.all_resources() if r.path == child.alias_of), None)
                if target is None:
                    raise BuildError(f"{'.'.join(child.path)}: alias of an unknown resource {'.'.join(child.alias_of)}")
                res.aliases[child.name] = TRef(_resource_module(target), pascal(target.name))
                continue
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
        ctx = _Ctx(params_module, "param", dict(mc.rename), inline=frozenset(mc.inline))

        by_location: Dict[str, List[ParamDef]] = {"path": [], "query": [], "header": [], "body": []}
        for raw in self._parameters(op, path_item):
            location = cast(str, raw["in"])
            if location == "cookie":
                continue
            wire = cast(str, raw["name"])
            if location == "query":
                wire = wire.removesuffix("[]")  # the query-string encoder adds the brackets of arrays itself
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
        if mc.body is not None:  # the SDK kept an older request shape than the spec's
            schema_raw = self.spec.pointer(mc.body) if isinstance(mc.body, str) else mc.body
            request = {"content": {"application/json": {"schema": schema_raw}}}
        if request is not None:
            content = cast(Dict[str, Raw], request.get("content") or {})
            # multipart where it carries files (or is the only choice), JSON otherwise
            schemas = {
                kind: self.spec.deref(self.spec.norm(cast(Raw, content[media].get("schema") or {})))
                for media, kind in (("application/json", "json"), ("multipart/form-data", "multipart"))
                if media in content
            }
            multipart = schemas.get("multipart")
            if multipart is not None and (
                "json" not in schemas or any(self._holds_files(p) for p in multipart.properties.values())
            ):
                body_kind = "multipart"
            elif "json" in schemas:
                body_kind = "json"
            else:
                raise BuildError(f"{mc.verb} {mc.path}: unsupported request content {sorted(content)}")
            body = schemas[body_kind]
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
                elif target.kind == "union" and self._holds_files(target):
                    file_paths.append([wire])  # a file or a list of them (sent as `wire[]`)
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
        for p in others:
            if p.required and p.wire in mc.optional:
                p.required, p.in_minimal_test = False, True
        group = {"query": 0, "body": 1, "header": 2}
        ordered = sorted(others, key=lambda p: (not p.required, group[p.location] if not p.required else 0, p.name))

        stream_chunk: Optional[TExpr] = None
        if mc.stream:
            stream_chunk = self._stream_chunk(mc, op)

        # header params join the TypedDict of a method that has one, but do not make one of their own
        has_params_module = any(p.location != "header" for p in ordered)
        if has_params_module:
            fields = [FieldDef(p.name, p.wire, p.type, p.required, p.nullable, p.description) for p in ordered]
            # the keyword-only path params lead the TypedDict (the positional last one is left out)
            keyword_path = [FieldDef(p.name, p.wire, p.type, True, False, p.description) for p in path_params[:-1]]
            self._params_module(params_module, params_class, fields, stream_chunk is not None, op, keyword_path)
        method = MethodDef(
            name=mc.name,
            verb=mc.verb,
            path=mc.path,
            description=cast(Optional[str], op.get("description") or op.get("summary")),
            path_params=path_params,
            params=ordered,
            response=self._response(rc, mc, op),
            params_module=params_path if has_params_module else None,
            params_class=params_class if has_params_module else None,
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
        if mc.validate is not None:
            module, _, function = mc.validate.function.partition(":")
            method.validate = (module, function, mc.validate.args)
        if method.response.kind == "binary":
            method.headers["Accept"] = "application/binary"
        method.headers.update(mc.headers)
        method.request_options = dict(mc.request_options)
        method.test_extra_body = dict(mc.test_extra_body)
        method.test_sampled_response = mc.test_sampled_response
        if mc.response_by is not None:  # e.g. `response_format`: `json` gives a model, `text` a `str`
            method.response_by = identifier(mc.response_by["param"])
            for value, name in cast(Dict[str, str], mc.response_by["types"]).items():
                rtype: TExpr = TPrim("str") if name == "str" else self.use(self.find(name), "model")
                found = next((g for g in method.response_groups if g[1] == rtype), None)
                if found is None:
                    method.response_groups.append(((value,), rtype))
                else:
                    method.response_groups[method.response_groups.index(found)] = ((*found[0], value), rtype)
        return method

    def _holds_files(self, schema: Schema) -> bool:
        """Whether a request property is a file, a list of files, or a union with such a variant."""
        target = self.spec.deref(schema)
        if target.kind == "array" and target.value is not None:
            target = self.spec.deref(target.value)
        if target.kind == "union":
            return any(self._holds_files(v) for v in target.variants)
        return target.kind == "file"

    def _params_module(
        self,
        module: TypeModule,
        class_name: str,
        fields: List[FieldDef],
        streaming: bool,
        op: Raw,
        keyword_path: List[FieldDef],
    ) -> None:
        if module.path in self.modules:
            raise BuildError(f"two methods share the params module {module.path}")
        self.modules[module.path] = module
        if not streaming:
            module.definitions.insert(0, ClassDef(class_name, [*keyword_path, *_order(fields)], typeddict=True))
            module.main.append(class_name)
            module.exports.append(class_name)
            return
        stream_field = next((f for f in fields if f.wire == "stream"), None)
        if stream_field is None:
            raise BuildError(f"{module.path}: a streaming method needs a `stream` body param")
        base_fields = [*keyword_path, *_order([f for f in fields if f is not stream_field])]
        base = ClassDef(f"{class_name}Base", base_fields, typeddict=True)
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
            return ResponseDef("page", self._response_type(rc, mc, f"{leaf}{pascal(mc.name)}Response", item), mc.page)
        rtype = self._response_type(rc, mc, f"{leaf}{pascal(mc.name)}Response", schema)
        return ResponseDef("model", rtype, schema=schema)

    def _response_type(self, rc: ResourceConfig, mc: MethodConfig, fallback: str, schema: Schema) -> TExpr:
        named = self.lookup(schema)
        if named is not None:
            return self.use(named, "model")
        target = self.spec.deref(schema)
        if target.kind in _PRIMITIVES:
            return TPrim(_PRIMITIVES[target.kind])
        ref = TRef(f"{rc.types_package}.{snake(fallback)}", fallback)
        self.define(ref, schema, "model", TypeConfig(fallback, rc.types_package, schema.raw, rename=mc.response_rename))
        self._generated_responses.add(ref)
        return ref

    # -- aliases and packages -------------------------------------------------------------------------------

    def aliases(self) -> None:
        """Back-compat names. A same-name re-export is a main name only in a module that has nothing else."""
        for path, names in self.config.aliases.items():
            module = self.modules.get(path) or self.module(path, params=path.startswith("types.shared_params"))
            reexports: List[str] = []
            for name, target in names.items():
                if isinstance(target, list):  # a union of generated names, defined here
                    members = tuple(self._alias_target(path, name, member) for member in target)
                    self.add(module, AliasDef(name, TUnion(members)))
                    module.main.append(name)
                    continue
                target_ref = self._alias_target(path, name, target)
                self.add(module, ImportDef(name, target_ref))
                if name == target_ref.name:
                    reexports.append(name)
                else:
                    module.main.append(name)
                    if not self._exported_elsewhere(path, name):  # an alias never shadows a package export
                        module.exports.append(name)
            if not module.main:
                module.main += reexports
                module.exports += reexports

    def _alias_target(self, path: str, name: str, target: str) -> TRef:
        target_module, _, target_name = target.rpartition(".")
        if target_name not in self.modules.get(target_module, TypeModule(target_module, False)).names():
            raise BuildError(f"alias {path}.{name}: {target} is not generated")
        return TRef(target_module, target_name)

    def _exported_elsewhere(self, path: str, name: str) -> bool:
        package = path.rpartition(".")[0]
        return any(
            name in module.exports
            for other, module in self.modules.items()
            if other.rpartition(".")[0] == package and other != path
        )

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
