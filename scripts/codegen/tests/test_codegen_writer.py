"""Writing generated files: only changes are written, stale generated files go, hand-written files stay."""

from __future__ import annotations

import os

from scripts.codegen.render import HEADER
from scripts.codegen.writer import write


def _put(root: str, path: str, text: str) -> None:
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def _read(root: str, path: str) -> str:
    with open(os.path.join(root, path)) as f:
        return f.read()


def test_write_is_idempotent_and_removes_only_stale_generated_files(tmp_path: "os.PathLike[str]") -> None:
    root = os.fspath(tmp_path)
    _put(root, "src/openai/types/old.py", HEADER + "x = 1\n")
    _put(root, "src/openai/types/gone/stale.py", HEADER)
    _put(root, "src/openai/types/hand_written.py", "y = 2\n")
    files = {"src/openai/types/new.py": HEADER + "z = 3\n", "api.md": "# API\n"}

    first = write(root, files)
    assert sorted(first.written) == ["api.md", "src/openai/types/new.py"]
    assert sorted(first.deleted) == ["src/openai/types/gone/stale.py", "src/openai/types/old.py"]
    assert not os.path.exists(os.path.join(root, "src/openai/types/gone"))
    assert _read(root, "src/openai/types/hand_written.py") == "y = 2\n"

    second = write(root, files)
    assert (second.written, second.deleted, second.unchanged) == ([], [], 2)


def test_check_mode_reports_without_touching_files(tmp_path: "os.PathLike[str]") -> None:
    root = os.fspath(tmp_path)
    _put(root, "src/openai/resources/stale.py", HEADER)
    result = write(root, {"api.md": "# API\n"}, check=True)
    assert (result.written, result.deleted) == (["api.md"], ["src/openai/resources/stale.py"])
    assert os.path.exists(os.path.join(root, "src/openai/resources/stale.py"))
    assert not os.path.exists(os.path.join(root, "api.md"))
