"""`path_template`: percent-encoding of path parameters and rejection of dot-segments."""

from __future__ import annotations

import pytest

from openai._utils import path_template
from openai._utils._path import path_template as path_template_direct


def test_plain_values_are_inserted() -> None:
    assert path_template("/models/{model}", model="gpt-4o") == "/models/gpt-4o"
    assert path_template("/threads/{thread_id}/runs/{run_id}", thread_id="t_1", run_id="r_2") == "/threads/t_1/runs/r_2"
    assert path_template("/files") == "/files"
    assert path_template_direct is path_template


@pytest.mark.parametrize(
    "value, expected",
    [
        ("a/b", "a%2Fb"),
        ("a?b", "a%3Fb"),
        ("a#b", "a%23b"),
        ("a b", "a%20b"),
        ("%20", "%2520"),
        ("ft:gpt-4o-mini:org::abc123", "ft:gpt-4o-mini:org::abc123"),
        ("x@y!$&'()*+,;=", "x@y!$&'()*+,;="),
        ("ü", "%C3%BC"),
        ("a.b", "a.b"),
        ("...", "..."),
        ("{other}", "%7Bother%7D"),
    ],
)
def test_values_are_percent_encoded_per_segment(value: str, expected: str) -> None:
    assert path_template("/files/{file_id}/content", file_id=value) == f"/files/{expected}/content"


def test_non_string_values() -> None:
    assert path_template("/x/{v}", v=None) == "/x/null"
    assert path_template("/x/{v}", v=True) == "/x/true"
    assert path_template("/x/{v}", v=False) == "/x/false"
    assert path_template("/x/{v}", v=12) == "/x/12"


@pytest.mark.parametrize("value", [".", ".."])
def test_dot_segments_are_rejected(value: str) -> None:
    with pytest.raises(ValueError, match="dot-segment"):
        path_template("/files/{file_id}/content", file_id=value)
    with pytest.raises(ValueError, match="dot-segment"):
        path_template("/files/{file_id}", file_id=value)


@pytest.mark.parametrize("segment", ["%2e", "%2E%2e", ".%2E"])
def test_encoded_dot_segments_are_rejected(segment: str) -> None:
    with pytest.raises(ValueError, match="dot-segment"):
        path_template(f"/files/{segment}/{{file_id}}", file_id="x")


def test_dots_that_are_part_of_a_segment_are_fine() -> None:
    assert path_template("/x/v{a}", a="..") == "/x/v.."
    assert path_template("/x/{a}/y", a="..a") == "/x/..a/y"
    with pytest.raises(ValueError, match="dot-segment"):
        path_template("/x/{a}{b}", a=".", b=".")
