"""The removed v0 module-level names: accessible placeholders that explain the change when used."""

from __future__ import annotations

from typing import Any

import pytest

import openai.lib._old_api as old_api
from openai._exceptions import OpenAIError
from openai.lib._old_api import REMOVED_SYMBOLS, APIRemovedInV1, APIRemovedInV1Proxy

NAMES = [
    "Completion",
    "ChatCompletion",
    "Edit",
    "File",
    "Audio",
    "Image",
    "Model",
    "Engine",
    "Customer",
    "FineTune",
    "Embedding",
    "Deployment",
    "Moderation",
    "ErrorObject",
    "FineTuningJob",
]


def test_every_removed_name_has_a_placeholder() -> None:
    assert sorted(REMOVED_SYMBOLS) == sorted(NAMES)
    for name in NAMES:
        assert isinstance(getattr(old_api, name), APIRemovedInV1Proxy)


@pytest.mark.parametrize("name", NAMES)
def test_calling_explains_the_removal(name: str) -> None:
    proxy: Any = getattr(old_api, name)
    with pytest.raises(APIRemovedInV1) as exc:
        proxy.create(model="x")
    assert f"You tried to access openai.{name}, but this is no longer supported in openai>=1.0.0" in str(exc.value)
    assert isinstance(exc.value, OpenAIError)


def test_the_proxy_stands_for_itself() -> None:
    proxy: Any = getattr(old_api, "Completion")  # noqa: B009  # hidden from type checkers on purpose
    assert repr(proxy) == "APIRemovedInV1Proxy"
    assert proxy.create.acreate is proxy
    with pytest.raises(APIRemovedInV1):
        proxy()
