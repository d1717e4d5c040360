"""Turning the intermediate model into files: emit everything, format it with ruff, write what changed and
delete generated files that are no longer produced."""

from __future__ import annotations

import os
import sys
import shutil
import tempfile
import subprocess
from typing import Dict, List, Tuple
from dataclasses import dataclass

from .model import Project
from .render import HEADER
from .samples import Samples
from .emit_api import emit_api_md
from .emit_tests import emit_resource_tests
from .emit_types import emit_lazy_init, emit_type_module
from .emit_resources import walk, emit_resource, resource_package_exports

GENERATED_DIRS = ("src/openai/resources", "src/openai/types", "tests/api_resources")
SPEC_URL = "https://github.com/openai/openai-openapi/blob/9c8e121/openapi.yaml"


@dataclass
class Result:
    written: List[str]
    deleted: List[str]
    unchanged: int


def module_file(module: str, package: bool = False) -> str:
    parts = module.split(".")
    return (
        "/".join(["src", "openai", *parts, "__init__.py"]) if package else "/".join(["src", "openai", *parts]) + ".py"
    )


def render_files(project: Project, samples: Samples) -> Dict[str, str]:
    files: Dict[str, str] = {}
    for path, module in project.modules.items():
        files[module_file(path)] = emit_type_module(module)
    packages = project.package_exports
    for package, exports in packages.items():
        children = {p.rsplit(".", 1)[1] for p in project.modules if p.rpartition(".")[0] == package}
        children |= {p.rsplit(".", 1)[1] for p in packages if p.rpartition(".")[0] == package}
        files[module_file(package, package=True)] = emit_lazy_init(exports, sorted(children))

    resources = walk(project.resources)
    for res in resources:
        files[module_file(res.module)] = emit_resource(project, res)
        if res.is_package:
            children = sorted(c.name for c in res.children)
            exports = resource_package_exports(res, res.children)
            init = module_file(".".join(["resources", *res.path]), package=True)
            files[init] = emit_lazy_init(exports, [res.name, *children])
    top = sorted(r.name for r in project.resources)
    files[module_file("resources", package=True)] = emit_lazy_init(
        resource_package_exports(None, project.resources), top
    )
    for res in resources:
        if res.methods:
            path, content = emit_resource_tests(project, res, samples)
            files[path] = content
            for parent in _test_packages(path):
                files.setdefault(parent, HEADER)
    files["api.md"] = emit_api_md(project)
    files[".stats.yml"] = (
        f"configured_endpoints: {project.endpoints}\n"
        f"openapi_spec_hash: {project.spec_digest}\n"
        f"openapi_spec_url: {SPEC_URL}\n"
    )
    return files


def _test_packages(path: str) -> List[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[:i] + ["__init__.py"]) for i in range(2, len(parts) + 1)]


def _ruff() -> str:
    here = os.path.join(os.path.dirname(sys.executable), "ruff")
    return here if os.path.exists(here) else shutil.which("ruff") or "ruff"


def format_python(files: Dict[str, str], pyproject: str) -> Dict[str, str]:
    """Run ruff's import sorting and formatter over every Python file, in one temporary tree."""
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    with tempfile.TemporaryDirectory(prefix="codegen-") as tmp:
        for path, text in python.items():
            target = os.path.join(tmp, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w") as f:
                f.write(text)
        ruff = _ruff()
        for args in (["check", "--fix-only", "--select", "I", "--quiet"], ["format", "--quiet"]):
            done = subprocess.run([ruff, *args, "--config", pyproject, tmp], capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"ruff {args[0]} failed:\n{done.stdout}{done.stderr}")
        formatted = dict(files)
        for path in python:
            with open(os.path.join(tmp, path)) as f:
                formatted[path] = f.read()
    return formatted


def _is_generated(path: str) -> bool:
    try:
        with open(path) as f:
            return f.readline() == HEADER
    except (OSError, UnicodeDecodeError):
        return False


def _stale(root: str, produced: Dict[str, str]) -> List[str]:
    stale: List[str] = []
    for directory in GENERATED_DIRS:
        for current, dirs, names in os.walk(os.path.join(root, directory)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                full = os.path.join(current, name)
                rel = os.path.relpath(full, root)
                if name.endswith(".py") and rel not in produced and _is_generated(full):
                    stale.append(rel)
    return stale


def _remove_empty_dirs(root: str) -> None:
    for directory in GENERATED_DIRS:
        for current, _, _ in sorted(os.walk(os.path.join(root, directory)), key=lambda w: -len(w[0])):
            entries = [e for e in os.listdir(current) if e != "__pycache__"]
            if not entries and current != os.path.join(root, directory):
                shutil.rmtree(current)


def write(root: str, files: Dict[str, str], check: bool = False) -> Result:
    """Write changed files and delete stale generated ones; with `check`, only report what would change."""
    written: List[str] = []
    unchanged = 0
    for path, text in sorted(files.items()):
        target = os.path.join(root, path)
        try:
            with open(target) as f:
                same = f.read() == text
        except OSError:
            same = False
        if same:
            unchanged += 1
            continue
        written.append(path)
        if not check:
            os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
            with open(target, "w") as f:
                f.write(text)
    deleted = _stale(root, files)
    if not check:
        for path in deleted:
            os.remove(os.path.join(root, path))
        _remove_empty_dirs(root)
    return Result(written, deleted, unchanged)


def summary(result: Result, check: bool) -> Tuple[str, bool]:
    verb = ("would write", "would delete") if check else ("wrote", "deleted")
    lines = [f"{verb[0]} {p}" for p in result.written] + [f"{verb[1]} {p}" for p in result.deleted]
    lines.append(f"{len(result.written)} written, {len(result.deleted)} deleted, {result.unchanged} unchanged")
    return "\n".join(lines), bool(result.written or result.deleted)
