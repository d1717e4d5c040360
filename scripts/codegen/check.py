"""Compare generated files with the reference manifest (`../shared/reference/{resources,types}.json`), by AST.

Used by the generator's tests and runnable by hand: `python -m scripts.codegen.check [--all]`. Only names are
compared (modules, classes, fields, required-ness, method signatures); the generator itself never reads the
manifest. Without `--all`, manifest entries for resources and modules we do not generate yet are skipped.
"""

from __future__ import annotations

import os
import ast
import sys
import json
import argparse
from typing import Any, Dict, List, Tuple, Optional

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MANIFEST = os.path.join(ROOT, "..", "shared", "reference")

Signature = List[Tuple[str, str, bool]]


def module_file(module: str) -> Optional[str]:
    base = os.path.join(ROOT, "src", *module.split("."))
    for candidate in (base + ".py", os.path.join(base, "__init__.py")):
        if os.path.exists(candidate):
            return candidate
    return None


def _parse(module: str) -> Optional[ast.Module]:
    path = module_file(module)
    if path is None:
        return None
    with open(path) as f:
        return ast.parse(f.read())


def _signature(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> Signature:
    args = fn.args
    out: Signature = []
    positional = [*args.posonlyargs, *args.args]
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for arg, default in zip(positional, defaults):
        if arg.arg != "self":
            out.append((arg.arg, "positional", default is None))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        out.append((arg.arg, "keyword-only", default is None))
    return out


def _is_overload(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "overload" for d in fn.decorator_list)


def _methods(tree: ast.Module, cls: str) -> Dict[str, Signature]:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            return {
                item.name: _signature(item)
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                and not _is_overload(item)
                and not item.name.startswith("_")
            }
    return {}


def check_resources(everything: bool) -> List[str]:
    with open(os.path.join(MANIFEST, "resources.json")) as f:
        manifest: Dict[str, Any] = json.load(f)["resources"]
    problems: List[str] = []
    for path, entry in manifest.items():
        tree = _parse(entry["module"])
        if tree is None:
            if everything:
                problems.append(f"{path}: module {entry['module']} missing")
            continue
        for cls in (entry["class"], entry["async_class"]):
            methods = _methods(tree, cls)
            if not any(isinstance(n, ast.ClassDef) and n.name == cls for n in tree.body):
                problems.append(f"{path}: class {cls} missing")
                continue
            for name, method in entry["methods"].items():
                if method["helper"]:
                    continue
                if name not in methods:
                    problems.append(f"{path}.{name}: missing on {cls}")
                    continue
                expected = [tuple(p) for p in method["params"]]
                got = methods[name]
                if [p for p in got if p[1] == "positional"] != [p for p in expected if p[1] == "positional"] or sorted(
                    p for p in got if p[1] != "positional"
                ) != sorted(p for p in expected if p[1] != "positional"):
                    problems.append(f"{path}.{name} ({cls}): signature {got} != {expected}")
        for child in entry["children"]:
            if f"{path}.{child}" not in manifest:
                continue
    return problems


def _class_fields(node: ast.ClassDef) -> Tuple[List[str], List[str]]:
    fields: List[str] = []
    required: List[str] = []
    is_typeddict = any(
        (isinstance(b, ast.Name) and b.id == "TypedDict") or isinstance(b, ast.Name) and b.id.endswith("Base")
        for b in node.bases
    ) or any(k.arg == "total" for k in node.keywords)  # a TypedDict extending a `…Param` TypedDict
    for item in node.body:
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            fields.append(item.target.id)
            text = ast.unparse(item.annotation)
            if is_typeddict:
                if text.startswith("Required["):
                    required.append(item.target.id)
            elif item.value is None or (  # `FieldInfo(alias=...)` without a default is required too
                isinstance(item.value, ast.Call) and not any(k.arg == "default" for k in item.value.keywords)
            ):
                required.append(item.target.id)
    return fields, required


def check_types(everything: bool, only: Optional[List[str]] = None) -> List[str]:
    with open(os.path.join(MANIFEST, "types.json")) as f:
        manifest: Dict[str, Any] = json.load(f)
    problems: List[str] = []
    trees: Dict[str, Optional[ast.Module]] = {}

    def tree_of(module: str) -> Optional[ast.Module]:
        if module not in trees:
            trees[module] = _parse(module)
        return trees[module]

    def classes(module: str) -> Dict[str, ast.ClassDef]:
        tree = tree_of(module)
        return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)} if tree else {}

    def all_fields(module: str, cls: ast.ClassDef) -> Tuple[List[str], List[str]]:
        fields, required = _class_fields(cls)
        for base in cls.bases:
            name = ast.unparse(base).split(",")[0]
            if name in classes(module):
                f, r = all_fields(module, classes(module)[name])
                fields, required = f + fields, r + required
            elif name not in ("BaseModel", "TypedDict"):
                tree = tree_of(module)
                for node in tree.body if tree else []:
                    if isinstance(node, ast.ImportFrom) and any(a.name == name for a in node.names):
                        source = _resolve(module, node)
                        if name in classes(source):
                            f, r = all_fields(source, classes(source)[name])
                            fields, required = f + fields, r + required
        return fields, required

    for module, entry in manifest["modules"].items():
        if only is not None and module not in only:
            continue
        tree = tree_of(module)
        if tree is None:
            if everything or only is not None:
                problems.append(f"{module}: missing")
            continue
        defined: set[str] = set()
        for node in tree.body:
            if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
                defined.add(node.name)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                defined.add(node.target.id)
            elif isinstance(node, ast.Assign):
                defined |= {t.id for t in node.targets if isinstance(t, ast.Name)}
            elif isinstance(node, ast.ImportFrom):
                defined |= {a.asname or a.name for a in node.names}
            elif isinstance(node, ast.If):  # TYPE_CHECKING re-exports of packages
                for sub in node.body:
                    if isinstance(sub, ast.ImportFrom):
                        defined |= {a.asname or a.name for a in sub.names}
        missing = sorted(set(entry["names"]) - defined)
        if missing:
            problems.append(f"{module}: missing names {missing}")
        for cname, centry in entry.get("classes", {}).items():
            node = classes(module).get(cname)
            if node is None:
                continue
            fields, required = all_fields(module, node)
            if set(fields) != set(centry["fields"]):
                problems.append(
                    f"{module}.{cname}: fields missing {sorted(set(centry['fields']) - set(fields))}"
                    f" extra {sorted(set(fields) - set(centry['fields']))}"
                )
            elif set(required) != set(centry["required"]):
                problems.append(f"{module}.{cname}: required {sorted(required)} != {sorted(centry['required'])}")
    return problems


def _resolve(module: str, node: ast.ImportFrom) -> str:
    package = module.split(".")[: -node.level] if node.level else []
    return ".".join([*package, *(node.module.split(".") if node.module else [])])


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", help="also report manifest entries not generated yet")
    args = parser.parse_args(argv)
    problems = check_resources(args.all) + check_types(args.all)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
