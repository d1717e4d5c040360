"""The committed generated files are what the generator produces from the spec, and match the reference names."""

from __future__ import annotations

import os

from scripts.codegen import check
from scripts.codegen.spec import Spec
from scripts.codegen.build import build
from scripts.codegen.config import load_config
from scripts.codegen.writer import write, render_files, format_python
from scripts.codegen.samples import Samples
from scripts.codegen.__main__ import ROOT

SPEC = os.environ.get("OPENAI_SPEC_PATH") or os.path.join(ROOT, "..", "shared", "openapi", "openapi.yaml")


def test_generated_files_are_up_to_date() -> None:
    spec = Spec.load(SPEC)
    files = format_python(render_files(build(spec, load_config()), Samples(spec)), os.path.join(ROOT, "pyproject.toml"))
    result = write(ROOT, files, check=True)
    assert (result.written, result.deleted) == ([], []), "run ./scripts/generate"


def test_generated_resources_match_the_reference_signatures() -> None:
    assert check.check_resources(everything=False) == []
    for module in ("models", "embeddings", "completions", "files", "chat.chat", "chat.completions.completions"):
        assert check.module_file(f"openai.resources.{module}") is not None


# Where we knowingly differ from the reference, and why. Each entry must still be reported by the check (so
# that a fix shows up here as a failure to remove it).
KNOWN_DIFFERENCES = {
    # The spec leaves `object` out of the required fields and the mock server omits it, so requiring it (as the
    # reference does) would make every lenient answer of the mock a validation error.
    (
        "openai.types.upload.Upload: required ['bytes', 'created_at', 'expires_at', 'filename', 'id', 'purpose', "
        "'status'] != ['bytes', 'created_at', 'expires_at', 'filename', 'id', 'object', 'purpose', 'status']"
    ),
    # Today's spec no longer returns a `client_secret` from the beta sessions endpoint; the reference still
    # requires it.
    "openai.types.beta.realtime.session_create_response.SessionCreateResponse: required [] != ['client_secret']",
}


def test_generated_types_match_the_reference_names_and_fields() -> None:
    assert set(check.check_types(everything=False)) == KNOWN_DIFFERENCES
