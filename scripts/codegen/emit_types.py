"""Emitting `src/openai/types/**`: model/TypedDict modules and the lazy package `__init__` files."""

from __future__ import annotations

import json
from typing import Dict, List

from .model import TRef, AliasDef, ClassDef, FieldDef, ImportDef, TOptional, TypeModule
from .render import HEADER, Imports, TypeRenderer, docstring, clean_text

_BUILTIN_TYPES = {"str", "int", "float", "bool", "object"}


def _model_field(f: FieldDef, render: TypeRenderer, imp: Imports) -> str:
    optional = f.nullable or not f.required
    annotation = render(TOptional(f.type) if optional else f.type)
    if f.name != f.wire:
        imp.name("pydantic", "Field as FieldInfo")
        default = f'FieldInfo(alias="{f.wire}", default=None)' if optional else f'FieldInfo(alias="{f.wire}")'
        return f"{f.name}: {annotation} = {default}"
    if f.overrides and not optional:  # a required field narrowing an optional one of the base class
        return f"{f.name}: {annotation}  # pyright: ignore[reportGeneralTypeIssues]"
    return f"{f.name}: {annotation}" + (" = None" if optional else "")


def _param_field(f: FieldDef, render: TypeRenderer, imp: Imports) -> str:
    annotation = render(TOptional(f.type) if f.nullable else f.type)
    if f.name != f.wire:
        info = imp.core("_utils", "PropertyInfo")
        annotation = f'{imp.typing("Annotated")}[{annotation}, {info}(alias="{f.wire}")]'
    if f.required:
        annotation = f"{imp.typing('Required')}[{annotation}]"
    return f"{f.name}: {annotation}"


def _class(cls: ClassDef, render: TypeRenderer, imp: Imports) -> str:
    if cls.typeddict:
        if cls.base is not None:
            bases = render(cls.base) + ("" if cls.total else ", total=False")
        else:
            bases = f"{imp.typing('TypedDict')}, total={cls.total}"
    else:
        bases = render(cls.base) if cls.base is not None else imp.core("_models", "BaseModel")
        if cls.mixin is not None:
            bases += ", " + imp.ref(cls.mixin)
    render.shadowed = {f.name for f in cls.fields} & _BUILTIN_TYPES
    out = [f"class {cls.name}({bases}):\n"]
    if cls.description:
        out.append(docstring(clean_text(cls.description), "    "))
        out.append("\n" if cls.fields else "")
    for f in cls.fields:
        line = _param_field(f, render, imp) if cls.typeddict else _model_field(f, render, imp)
        out.append(f"    {line}\n")
        if f.description:
            out.append(docstring(clean_text(f.description), "    "))
        out.append("\n")
    if not cls.fields and not cls.description:
        out.append("    pass\n")
    render.shadowed = set()
    return "".join(out).rstrip() + "\n"


def emit_type_module(module: TypeModule) -> str:
    imp = Imports(module.path)
    imp.local = set(module.names())
    pending: set[str] = set() if module.params else set(module.names())
    render = TypeRenderer(imp, "param" if module.params else "model", pending=pending)
    blocks: List[str] = []
    for definition in module.definitions:
        if isinstance(definition, ImportDef):
            imp.local.discard(definition.name)
            pending.discard(definition.name)
            target = imp.ref(definition.target)
            if target != definition.name:
                blocks.append(f"{definition.name}: {imp.typing('TypeAlias')} = {target}\n")
            continue
        if isinstance(definition, ClassDef):
            blocks.append(_class(definition, render, imp))
        else:
            assert isinstance(definition, AliasDef)
            blocks.append(f"{definition.name}: {imp.typing('TypeAlias')} = {render(definition.type)}\n")
        pending.discard(definition.name)
    names = [*module.main, *(n for n in module.names() if n not in module.main)]
    parts = [
        HEADER,
        "\n",
        imp.render(future=module.params),
        "\n",
        f"__all__ = {json.dumps(names)}\n",
    ]
    for block in blocks:
        parts.append("\n\n" + block)
    return "".join(parts)


def emit_lazy_init(exports: Dict[str, str], submodules: List[str]) -> str:
    """A package `__init__` that imports its re-exports (and submodules) only on first attribute access."""
    lines = [
        HEADER,
        "from __future__ import annotations",
        "",
        "import importlib",
        "from typing import TYPE_CHECKING, Any, Dict, List",
        "",
    ]
    if exports:
        lines.append("if TYPE_CHECKING:")
        for name, module in sorted(exports.items(), key=lambda kv: (kv[1], kv[0])):
            lines.append(f"    from .{module} import {name} as {name}")
        lines.append("")
    lines.append("_EXPORTS: Dict[str, str] = {")
    lines += [f'    "{name}": "{module}",' for name, module in sorted(exports.items())]
    lines.append("}")
    lines.append(f"_SUBMODULES = frozenset({json.dumps(sorted(submodules))})")
    lines += [
        "",
        "",
        "def __getattr__(name: str) -> Any:",
        "    module = _EXPORTS.get(name)",
        "    if module is not None:",
        '        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)',
        "    elif name in _SUBMODULES:",
        '        value = importlib.import_module(f"{__name__}.{name}")',
        "    else:",
        '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
        "    globals()[name] = value",
        "    return value",
        "",
        "",
        "def __dir__() -> List[str]:",
        "    return sorted({*globals(), *_EXPORTS, *_SUBMODULES})",
    ]
    return "\n".join(lines) + "\n"


def type_ref_kind(modules: Dict[str, TypeModule], ref: TRef) -> str:
    """`class` or `alias` for a generated top-level name (unknown names count as classes)."""
    module = modules.get(ref.module)
    if module is None:
        return "class"
    for definition in module.definitions:
        if definition.name == ref.name:
            if isinstance(definition, ClassDef):
                return "class"
            if isinstance(definition, ImportDef):
                return type_ref_kind(modules, definition.target)
            return "alias"
    return "class"
