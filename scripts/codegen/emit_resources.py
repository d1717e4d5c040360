"""Emitting `src/openai/resources/**`: one module per resource with its six classes, plus package `__init__`s."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Tuple, Optional

from .model import (
    TRef,
    TDict,
    TExpr,
    TList,
    TUnion,
    Project,
    AliasDef,
    ClassDef,
    ImportDef,
    MethodDef,
    TOptional,
    ResourceDef,
)
from .render import HEADER, Imports, TypeRenderer, relative, docstring, clean_text
from .emit_types import type_ref_kind

_EXTRA_ARGS_DOC = [
    ("extra_headers", "Headers sent in addition to (and overriding) the client's"),
    ("extra_query", "Query parameters added to the request URL"),
    ("extra_body", "Properties merged into the JSON request body"),
    ("timeout", "Timeout for this request in seconds (or an `httpx.Timeout`), overriding the client's"),
]
_VERB = {"get": "_get", "post": "_post", "put": "_put", "patch": "_patch", "delete": "_delete"}


def async_page(page: str) -> str:
    return "Async" + page.removeprefix("Sync")


def _args_doc(m: MethodDef) -> str:
    entries: List[str] = []
    for p in [*m.path_params, *m.params]:
        if p.description:
            lines = clean_text(p.description).split("\n")
            entries.append(f"  {p.name}: {lines[0]}" + "".join(f"\n      {x}" if x else "\n" for x in lines[1:]))
    entries += [f"  {name}: {text}" for name, text in _EXTRA_ARGS_DOC]
    description = clean_text(m.description) if m.description else m.name.replace("_", " ").capitalize()
    return description + "\n\nArgs:\n" + "\n\n".join(entries)


class _ResourceModule:
    def __init__(self, project: Project, res: ResourceDef) -> None:
        self.project = project
        self.res = res
        self.imp = Imports(res.module)
        # Parameter types are only annotations (the module has postponed annotations), so they are imported for
        # type checkers only; a params module is imported at run time when its TypedDict must transform the data.
        self.type_imp = Imports(res.module)
        self.needs_transform = {m.name: self.transforms(m) for m in res.methods}
        qualified = {
            m.params_module: (self.imp if self.needs_transform[m.name] else self.type_imp).module_object(
                m.params_module
            )
            for m in res.methods
            if m.params_module
        }
        self.param_type = TypeRenderer(self.type_imp, "param", qualified)
        self.model_type = TypeRenderer(self.imp, "model")

    def transforms(self, m: MethodDef) -> bool:
        """Whether a body/query field anywhere in the method's params has a wire name of its own (an alias)."""
        seen: set[str] = set()
        stack: List[TExpr] = [p.type for p in m.params if p.location in ("body", "query")]
        while stack:
            t = stack.pop()
            if isinstance(t, (TList, TOptional)):
                stack.append(t.item if isinstance(t, TList) else t.inner)
            elif isinstance(t, TDict):
                stack.append(t.value)
            elif isinstance(t, TUnion):
                stack.extend(t.members)
            elif isinstance(t, TRef) and f"{t.module}.{t.name}" not in seen:
                seen.add(f"{t.module}.{t.name}")
                module = self.project.modules.get(t.module)
                for d in module.definitions if module else []:
                    if d.name != t.name:
                        continue
                    if isinstance(d, ClassDef):
                        if any(f.wire != f.name for f in d.fields):
                            return True
                        stack.extend(f.type for f in d.fields)
                        stack.extend([d.base] if d.base else [])
                    elif isinstance(d, AliasDef):
                        stack.append(d.type)
                    elif isinstance(d, ImportDef):
                        stack.append(d.target)
        return False

    # -- helpers -----------------------------------------------------------------------------------------------

    def core(self, module: str, name: str) -> str:
        return self.imp.core(module, name)

    def child_module(self, child: ResourceDef) -> str:
        return relative(self.res.module, child.module)

    def returns(
        self,
        m: MethodDef,
        is_async: bool,
        streamed: Optional[bool],
        fmt: Optional[TExpr] = None,
        every_format: bool = False,
    ) -> str:
        """`fmt`: the type of one `response_by` overload; `every_format`: the union of them all (the implementation)."""
        r = m.response
        if r.kind == "page":
            assert r.type is not None and r.page is not None
            item = self.model_type(r.type)
            if is_async:
                page = self.core("pagination", async_page(r.page))
                return f"{self.core('_base_client', 'AsyncPaginator')}[{item}, {page}[{item}]]"
            return f"{self.core('pagination', r.page)}[{item}]"
        if r.kind == "binary":
            return f"{self.imp.module_object('_legacy_response')}.HttpxBinaryResponseContent"
        if r.kind in ("str", "none"):
            return "str" if r.kind == "str" else "None"
        assert r.type is not None
        if fmt is not None:
            return self.model_type(fmt)
        model = self.model_type(r.type)
        if every_format and m.response_groups:
            model = " | ".join(self.model_type(t) for _, t in m.response_groups)
        if m.stream_chunk is None or streamed is False:
            return model
        stream = self.core("_streaming", "AsyncStream" if is_async else "Stream")
        chunk = f"{stream}[{self.model_type(m.stream_chunk)}]"
        return chunk if streamed else f"{model} | {chunk}"

    def cast_to(self, m: MethodDef) -> str:
        r = m.response
        if r.kind == "binary":
            return f"{self.imp.module_object('_legacy_response')}.HttpxBinaryResponseContent"
        if r.kind == "str":
            return "str"
        if r.kind == "none":
            return self.core("_types", "NoneType")
        assert r.type is not None
        if m.response_by is not None and m.response_groups:  # the type picked by the value of a param
            entries = ", ".join(
                f"{json.dumps(v)}: {self.model_type(t)}" for values, t in m.response_groups for v in values
            )
            default_value, default_type = m.response_groups[0][0][0], self.model_type(m.response_groups[0][1])
            value = f"{m.response_by} if {self.core('_utils', 'is_given')}({m.response_by}) else {json.dumps(default_value)}"
            return f"{self.imp.typing('cast')}({self.imp.typing('Any')}, {{{entries}}}.get({value}, {default_type}))"
        return self.runtime_type(r.type)

    def runtime_type(self, t: TExpr) -> str:
        """A type passed as a value (`cast_to=`, `model=`); unions go through `cast(Any, ...)`."""
        rendered = self.model_type(t)
        if isinstance(t, TRef) and type_ref_kind(self.project.modules, t) == "alias":
            return f"{self.imp.typing('cast')}({self.imp.typing('Any')}, {rendered})"
        return rendered

    # -- methods -----------------------------------------------------------------------------------------------

    def signature(
        self, m: MethodDef, is_async: bool, variant: Optional[str], formats: Optional[Tuple[Any, ...]] = None
    ) -> List[str]:
        """Parameter lines; variant is None (plain), `impl`, `false`, `true` or `bool` for stream overloads;
        `formats` narrows the `response_by` param to those values (one overload per response type)."""
        omit = self.core("_types", "Omit")
        self.core("_types", "omit")
        lines = ["self,"]
        lines += [f"{p.name}: str," for p in m.path_params[-1:]]
        lines.append("*,")
        lines += [f"{p.name}: str," for p in m.path_params[:-1]]
        required = [p for p in m.params if p.required]
        for p in required:
            lines.append(f"{p.name}: {self.param_type(TOptional(p.type) if p.nullable else p.type)},")
        if variant in ("true", "bool"):
            lines.append(f"stream: {self.imp.typing('Literal')}[True]," if variant == "true" else "stream: bool,")
        literal = self.imp.typing("Literal") if variant else ""
        for p in m.params:
            if p.required:
                continue
            if formats is not None and p.name == m.response_by:
                values = ", ".join(json.dumps(v) for v in formats)
                default = m.response_groups[0][0][0] in formats  # the default overload also takes no value
                lines.append(
                    f"{p.name}: {self.imp.typing('Literal')}[{values}]{f' | {omit} = omit' if default else ''},"
                )
                continue
            if variant and p.wire == "stream":
                if variant in ("true", "bool"):
                    continue
                optional_false = f"{self.imp.typing('Optional')}[{literal}[False]]"
                kind = f"{optional_false} | {literal}[True]" if variant == "impl" else optional_false
                lines.append(f"stream: {kind} | {omit} = omit,")
                continue
            lines.append(f"{p.name}: {self.param_type(TOptional(p.type) if p.nullable else p.type)} | {omit} = omit,")
        lines += [
            "# Extra request options, for anything the typed arguments above do not cover.",
            f"extra_headers: {self.core('_types', 'Headers')} | None = None,",
            f"extra_query: {self.core('_types', 'Query')} | None = None,",
            f"extra_body: {self.core('_types', 'Body')} | None = None,",
            f"timeout: float | httpx.Timeout | None | {self.core('_types', 'NotGiven')} = not_given,",
        ]
        self.core("_types", "not_given")
        return lines

    def transform_call(self, transform: str, data: str, params_cls: str) -> str:
        return f"{transform}({data})" if transform.endswith("clean_params") else f"{transform}({data}, {params_cls})"

    def _dict(self, m: MethodDef, location: str) -> str:
        entries: List[str] = []
        for p in m.params:
            if p.location != location:
                continue
            value = p.name
            if p.wire in m.body_defaults:
                default = json.dumps(m.body_defaults[p.wire])
                value = f"{p.name} if {self.core('_utils', 'is_given')}({p.name}) else {default}"
            entries.append(f'"{p.wire}": {value}')
        return "{" + ", ".join(entries) + "}"

    def body(self, m: MethodDef, is_async: bool) -> List[str]:
        lines: List[str] = []
        if m.validate is not None:
            module, function, args = m.validate
            lines.append(f"{self.core(module.removeprefix('openai.'), function)}({', '.join(args)})")
        for p in m.path_params:
            lines += [
                f"if not {p.name}:",
                f'    raise ValueError(f"Expected a non-empty value for `{p.name}` but received {{{p.name}!r}}")',
            ]
        headers = dict(m.headers)
        if m.response.kind == "none":
            headers.setdefault("Accept", "*/*")
        if m.body == "multipart":
            headers["Content-Type"] = "multipart/form-data"
        entries = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in headers.items()]
        header_params = [p for p in m.params if p.location == "header"]
        for p in header_params:  # sent only when given
            text = f'",".join(str(v) for v in {p.name})' if isinstance(p.type, TList) else f"str({p.name})"
            entries.append(f'**({{"{p.wire}": {text}}} if {self.core("_utils", "is_given")}({p.name}) else {{}})')
        if entries:
            lines.append(f"extra_headers = {{{', '.join(entries)}, **(extra_headers or {{}})}}")

        is_page = m.response.kind == "page"
        if not self.needs_transform[m.name]:
            transform = self.core("_utils", "clean_params")
        elif is_async and not is_page:
            transform = f"await {self.core('_utils', 'async_maybe_transform')}"
        else:
            transform = self.core("_utils", "maybe_transform")
        params_cls = ""
        if m.params_module is not None:
            module = self.param_type.qualified[m.params_module]
            params_cls = f"{module}.{m.params_class}"
            if m.stream_chunk is not None:
                params_cls = f"{params_cls}Streaming if stream else {params_cls}NonStreaming"

        if m.path_params:
            args = ", ".join(f"{p.wire}={p.name}" for p in m.path_params)
            path = f'{self.core("_utils", "path_template")}("{m.path}", {args})'
        else:
            path = f'"{m.path}"'

        has_body = any(p.location == "body" for p in m.params)
        has_query = any(p.location == "query" for p in m.params)
        body_arg: Optional[str] = None
        # the extracted uploads, named apart from a `files` param (skills.create)
        files = "extracted_files" if any(p.name == "files" for p in m.params) else "files"
        if has_body and m.body == "multipart":
            lines.append(f"body = {self._dict(m, 'body')}")
            mapping = self.imp.typing("Mapping")
            lines.append(
                f"{files} = {self.core('_utils', 'extract_files')}"
                f"({self.imp.typing('cast')}({mapping}[str, object], body), paths={json.dumps(m.file_paths)})"
            )
            body_arg = self.transform_call(transform, "body", params_cls)
        elif has_body:
            body_arg = self.transform_call(transform, self._dict(m, "body"), params_cls)

        options = ["extra_headers=extra_headers", "extra_query=extra_query", "extra_body=extra_body", "timeout=timeout"]
        if has_query:
            options.append(f"query={self.transform_call(transform, self._dict(m, 'query'), params_cls)}")
        if m.post_parser is not None:
            module, function, unless_given = m.post_parser
            parser = self.core(module.removeprefix("openai."), function)
            if unless_given:
                parser = f"{self.core('_types', 'not_given')} if {self.core('_utils', 'is_given')}({unless_given}) else {parser}"
            options.append(f"post_parser={parser}")
        options += [f"{key}={value!r}" for key, value in m.request_options.items()]
        options.append(f'security={{"{m.security}": True}}')
        request_options = f"{self.core('_base_client', 'make_request_options')}({', '.join(options)})"

        call: List[str] = [path]
        if is_page:
            assert m.response.type is not None and m.response.page is not None
            item = self.model_type(m.response.type)
            page = self.core("pagination", async_page(m.response.page) if is_async else m.response.page)
            call.append(f"page={page}[{item}]")
            if body_arg:
                call.append(f"body={body_arg}")
            if m.verb != "get":
                call.append(f'method="{m.verb}"')
            call += [f"options={request_options}", f"model={self.runtime_type(m.response.type)}"]
            lines.append(f"return self._get_api_list({', '.join(call)},)")
            return lines
        if body_arg:
            call.append(f"body={body_arg}")
        if m.body == "multipart":
            call.append(f"files={files}")
        call += [f"options={request_options}", f"cast_to={self.cast_to(m)}"]
        if m.stream_chunk is not None:
            stream = self.core("_streaming", "AsyncStream" if is_async else "Stream")
            call += ["stream=stream or False", f"stream_cls={stream}[{self.model_type(m.stream_chunk)}]"]
        prefix = "await " if is_async else ""
        lines.append(f"return {prefix}self.{_VERB[m.verb]}({', '.join(call)},)")
        return lines

    def method(self, m: MethodDef, is_async: bool) -> str:
        define = "async def" if is_async and m.response.kind != "page" else "def"
        out: List[str] = []

        def header(sig: List[str], returns: str, decorators: List[str]) -> None:
            out.extend(f"    {d}\n" for d in decorators)
            out.append(f"    {define} {m.name}(\n")
            out.extend(f"        {line}\n" for line in sig)
            out.append(f"    ) -> {returns}:\n")

        deprecated = [f"@typing_extensions.deprecated({json.dumps(m.deprecated)})"] if m.deprecated else []
        if m.deprecated:
            self.imp.plain("typing_extensions")
        groups: List[Tuple[Optional[Tuple[Any, ...]], Optional[TExpr]]] = [(v, t) for v, t in m.response_groups]
        if m.stream_chunk is not None:
            overload = self.imp.typing("overload")
            false_variants = [("false", False, v, t) for v, t in groups or [(None, None)]]
            for variant, streamed, formats, fmt in [
                *false_variants,
                ("true", True, None, None),
                ("bool", None, None, None),
            ]:
                signature = self.signature(m, is_async, variant, formats)
                returns = self.returns(m, is_async, streamed, fmt)
                header(signature, returns, [f"@{overload}", *deprecated])  # type checkers flag each overload
                out.append("        ...\n\n")
            required = [p.name for p in m.params if p.required]
            variants = json.dumps(required) + ", " + json.dumps([*required, "stream"])
            decorators = [*deprecated, f"@{self.core('_utils', 'required_args')}({variants})"]
            header(self.signature(m, is_async, "impl"), self.returns(m, is_async, None, every_format=True), decorators)
        elif groups:
            overload = self.imp.typing("overload")
            for formats, fmt in groups:
                header(
                    self.signature(m, is_async, None, formats),
                    self.returns(m, is_async, None, fmt),
                    [f"@{overload}", *deprecated],
                )
                out.append("        ...\n\n")
            header(self.signature(m, is_async, None), self.returns(m, is_async, None, every_format=True), deprecated)
        else:
            header(self.signature(m, is_async, None), self.returns(m, is_async, None), deprecated)
        out.append(docstring(_args_doc(m), "        "))
        out.extend(f"        {line}\n" for line in self.body(m, is_async))
        return "".join(out)

    # -- classes -----------------------------------------------------------------------------------------------

    def resource_class(self, is_async: bool) -> str:
        res = self.res
        prefix = "Async" if is_async else ""
        base = self.core("_resource", "AsyncAPIResource" if is_async else "SyncAPIResource")
        mixins = [self.core(mixin.module, prefix + mixin.name) for mixin in res.mixins]
        base = ", ".join([*mixins, base])
        cached = self.core("_compat", "cached_property")
        out = [f"class {prefix}{res.class_name}({base}):\n"]
        for child in res.children:
            cls = f"{prefix}{child.class_name}"
            out += [
                f"    @{cached}\n",
                f"    def {child.name}(self) -> {cls}:\n",
                f"        from {self.child_module(child)} import {cls}\n\n",
                f"        return {cls}(self._client)\n\n",
            ]
        for attr, target in self.res.aliases.items():
            cls = f"{prefix}{target.name}"
            out += [
                f"    @{cached}\n",
                f"    def {attr}(self) -> {cls}:\n",
                f"        from {relative(res.module, target.module)} import {cls}\n\n",
                f"        return {cls}(self._client)\n\n",
            ]
        for kind, doc in (
            (
                "RawResponse",
                "The same methods, returning the raw HTTP response (headers, status) rather than the parsed content; `.parse()` gives the latter.",
            ),
            ("StreamingResponse", "Like `.with_raw_response`, but the body is only read when you ask for it."),
        ):
            attr = "with_raw_response" if kind == "RawResponse" else "with_streaming_response"
            wrapper = f"{prefix}{res.class_name}With{kind}"
            out += [
                f"    @{cached}\n",
                f"    def {attr}(self) -> {wrapper}:\n",
                docstring(doc, "        "),
                f"        return {wrapper}(self)\n\n",
            ]
        for m in res.methods:
            out.append(self.method(m, is_async) + "\n")
        return "".join(out).rstrip() + "\n"

    def wrapper_class(self, is_async: bool, streaming: bool) -> str:
        res = self.res
        prefix = "Async" if is_async else ""
        kind = "StreamingResponse" if streaming else "RawResponse"
        var = res.name
        out = [
            f"class {prefix}{res.class_name}With{kind}:\n",
            f"    def __init__(self, {var}: {prefix}{res.class_name}) -> None:\n",
            f"        self._{var} = {var}\n",
        ]
        wrapped = [(m.name, m.response.kind == "binary") for m in res.methods]
        for name, binary in [*wrapped, *((helper, False) for helper in res.wrapped_helpers)]:
            target = f"{var}.{name}"
            if streaming and binary:
                fn = self.core("_response", ("async_" if is_async else "") + "to_custom_streamed_response_wrapper")
                response_cls = self.core("_response", f"{prefix}StreamedBinaryAPIResponse")
                wrapper = f"{fn}({target}, {response_cls},)"
            elif streaming:
                fn = self.core("_response", ("async_" if is_async else "") + "to_streamed_response_wrapper")
                wrapper = f"{fn}({target},)"
            else:
                legacy = self.imp.module_object("_legacy_response")
                wrapper = f"{legacy}.{'async_' if is_async else ''}to_raw_response_wrapper({target},)"
            out.append(f"\n        self.{name} = {wrapper}\n")
        for child in res.children:
            cls = f"{prefix}{child.class_name}With{kind}"
            out += [
                f"\n    @{self.core('_compat', 'cached_property')}\n",
                f"    def {child.name}(self) -> {cls}:\n",
                f"        from {self.child_module(child)} import {cls}\n\n",
                f"        return {cls}(self._{var}.{child.name})\n",
            ]
        return "".join(out)

    def emit(self) -> str:
        res = self.res
        if res.methods:
            self.imp.plain("httpx")
        blocks = [
            self.resource_class(False),
            self.resource_class(True),
            self.wrapper_class(False, False),
            self.wrapper_class(True, False),
            self.wrapper_class(False, True),
            self.wrapper_class(True, True),
        ]
        type_checking: List[str] = []
        for child in res.children:
            names = [
                f"{p}{child.class_name}{k}"
                for k in ("", "WithRawResponse", "WithStreamingResponse")
                for p in ("", "Async")
            ]
            type_checking.append(f"    from {self.child_module(child)} import {', '.join(sorted(names))}\n")
        for target in res.aliases.values():
            names = [f"Async{target.name}", target.name]
            type_checking.append(f"    from {relative(res.module, target.module)} import {', '.join(names)}\n")
        type_checking += [f"    {line}\n" for line in self.type_imp.render_absent_from(self.imp)]
        if type_checking:
            self.imp.typing("TYPE_CHECKING")
        parts = [HEADER, "\n", self.imp.render(future=True)]
        if type_checking:
            parts += ["\nif TYPE_CHECKING:\n", *type_checking]
        parts.append(f'\n__all__ = ["{res.class_name}", "Async{res.class_name}"]\n')
        parts += ["\n\n" + b for b in blocks]
        return "".join(parts)


def resource_classes(res: ResourceDef) -> List[str]:
    return [f"{p}{res.class_name}{k}" for k in ("", "WithRawResponse", "WithStreamingResponse") for p in ("", "Async")]


def emit_resource(project: Project, res: ResourceDef) -> str:
    return _ResourceModule(project, res).emit()


def resource_package_exports(res: Optional[ResourceDef], children: List[ResourceDef]) -> Dict[str, str]:
    """Names a resources package `__init__` re-exports: its own six classes and each child's six."""
    exports: Dict[str, str] = {}
    if res is not None:
        exports.update({name: res.name for name in resource_classes(res)})
    for child in children:
        exports.update({name: child.name for name in resource_classes(child)})
    return exports


def walk(resources: List[ResourceDef]) -> List[ResourceDef]:
    out: List[ResourceDef] = []
    for res in resources:
        out.append(res)
        out += walk(res.children)
    return out
