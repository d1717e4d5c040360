"""`python -m scripts.codegen [--spec PATH] [--check]`: regenerate the SDK's generated files from the spec."""

from __future__ import annotations

import os
import sys
import time
import argparse

from .spec import Spec
from .build import build
from .config import load_config
from .writer import write, summary, render_files, format_python
from .samples import Samples

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main(argv: "list[str] | None" = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.codegen", description=__doc__)
    default_spec = os.environ.get("OPENAI_SPEC_PATH") or os.path.join(ROOT, "..", "shared", "openapi", "openapi.yaml")
    parser.add_argument(
        "--spec",
        default=default_spec,
        help="OpenAPI spec (default: $OPENAI_SPEC_PATH or ../shared/openapi/openapi.yaml)",
    )
    parser.add_argument("--root", default=ROOT, help="repository root to write into")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if any generated file is out of date"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    spec = Spec.load(args.spec)
    project = build(spec, load_config())
    files = format_python(render_files(project, Samples(spec)), os.path.join(ROOT, "pyproject.toml"))
    result = write(args.root, files, check=args.check)
    text, changed = summary(result, args.check)
    print(text if args.check or changed else text.splitlines()[-1], f"({time.perf_counter() - started:.1f}s)")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
