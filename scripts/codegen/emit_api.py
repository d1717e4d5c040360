"""Emitting `api.md`: per resource its types and methods, from the intermediate model."""

from __future__ import annotations

from typing import Dict, List

from .model import TRef, TPrim, Project, MethodDef, ResourceDef
from .emit_resources import walk


def _type_file(ref: TRef) -> str:
    return "src/openai/" + ref.module.replace(".", "/") + ".py"


def _link(ref: TRef) -> str:
    return f'<a href="./{_type_file(ref)}">{ref.name}</a>'


def _import_block(project: Project, refs: List[TRef]) -> List[str]:
    by_package: Dict[str, List[str]] = {}
    for ref in refs:
        module = project.modules.get(ref.module)
        if module is None or ref.name not in module.exports:
            continue
        package = "openai." + ref.module.rpartition(".")[0]
        by_package.setdefault(package, [])
        if ref.name not in by_package[package]:
            by_package[package].append(ref.name)
    lines: List[str] = []
    for package, names in by_package.items():
        line = f"from {package} import {', '.join(names)}"
        if len(line) > 100:
            lines += [f"from {package} import (", *(f"    {name}," for name in names), ")"]
        else:
            lines.append(line)
    return lines


def _returns(m: MethodDef) -> str:
    r = m.response
    if r.kind == "page":
        assert isinstance(r.type, TRef) and r.page is not None
        return f"{r.page}[{_link(r.type)}]"
    if r.kind == "binary":
        return "HttpxBinaryResponseContent"
    if r.kind in ("str", "none"):
        return "str" if r.kind == "str" else "None"
    if isinstance(r.type, TRef):
        return _link(r.type)
    return r.type.name if isinstance(r.type, TPrim) else "object"


def _method_line(res: ResourceDef, m: MethodDef) -> str:
    resource_file = res.module.replace(".", "/")
    args = [p.name for p in m.path_params]
    if m.params_module:
        args.append(f'\\*\\*<a href="src/openai/{m.params_module.replace(".", "/")}.py">params</a>')
    call = f'client.{".".join(res.path)}.<a href="./src/openai/{resource_file}.py">{m.name}</a>({", ".join(args)})'
    return f'- <code title="{m.verb} {m.path}">{call} -> {_returns(m)}</code>'


def emit_api_md(project: Project) -> str:
    out: List[str] = []
    shared = _import_block(project, project.shared)
    if shared:
        out += ["# Shared Types", "", "```python", *shared, "```", ""]
    for res in walk(project.resources):
        out += ["#" * len(res.path) + " " + " ".join(w.capitalize() for w in res.name.split("_")), ""]
        types = _import_block(project, res.types)
        if types:
            out += ["Types:", "", "```python", *types, "```", ""]
        if res.methods:
            out += ["Methods:", ""]
            out += [_method_line(res, m) for m in res.methods]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
