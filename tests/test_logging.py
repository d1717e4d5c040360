"""`OPENAI_LOG` set-up and what the client logs, with credentials redacted (through real client requests)."""

from __future__ import annotations

import sys
import logging
import subprocess
from typing import Iterator
from unittest import mock

import httpx
import respx
import pytest

from openai import OpenAI
from openai._base_client import BaseClient

base_url = "http://api.test/v1"
api_key = "sk-logging-secret"


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=base_url) as mocked:
        yield mocked


@pytest.mark.parametrize("value, level", [("debug", "DEBUG"), ("info", "INFO")])
def test_openai_log_configures_logging(value: str, level: str) -> None:
    code = (
        "import logging, openai\n"
        "root = logging.getLogger()\n"
        "print(logging.getLevelName(logging.getLogger('openai').level), logging.getLevelName(logging.getLogger('httpx').level))\n"
        "print(root.handlers[0].formatter._fmt, root.handlers[0].formatter.datefmt)\n"
        "logging.getLogger('openai._base_client').info('hello')\n"
    )
    env = {"OPENAI_LOG": value, "PATH": ""}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    levels, formats = result.stdout.splitlines()
    assert levels == f"{level} {level}"
    assert formats == "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s %Y-%m-%d %H:%M:%S"
    assert "openai._base_client:" in result.stderr and "- INFO] hello" in result.stderr


def test_other_values_leave_logging_alone() -> None:
    code = "import logging, openai; print(logging.getLogger('openai').level, len(logging.getLogger().handlers))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"OPENAI_LOG": "trace"}
    )
    assert result.stdout.split() == ["0", "0"]


def test_request_logs(router: respx.MockRouter, caplog: pytest.LogCaptureFixture) -> None:
    router.get("/things").mock(
        side_effect=[httpx.Response(500), httpx.Response(200, json={"ok": True}, headers={"x-request-id": "req_42"})]
    )
    client = OpenAI(api_key=api_key, base_url=base_url)
    with (
        caplog.at_level(logging.DEBUG, logger="openai"),
        mock.patch.object(BaseClient, "_calculate_retry_timeout", return_value=0.0),
    ):
        client.get("/things", cast_to=object, options={"params": {"limit": 1}})

    messages = [record.getMessage() for record in caplog.records if record.name == "openai._base_client"]
    assert any(
        m.startswith("Request options: {'method': 'get', 'url': '/things', 'params': {'limit': 1}") for m in messages
    )
    assert f"Sending HTTP Request: GET {base_url}/things?limit=1" in messages
    assert "Retrying due to status code 500" in messages
    assert "2 retries left" in messages
    assert "Retrying request to /things in 0.000000 seconds" in messages
    assert any(m.startswith(f'HTTP Response: GET {base_url}/things?limit=1 "200 OK" Headers(') for m in messages)
    assert "request_id: req_42" in messages
    retry_info = [r for r in caplog.records if r.getMessage().startswith("Retrying request to")]
    assert [r.levelname for r in retry_info] == ["INFO"]
    assert all(api_key not in record.getMessage() for record in caplog.records)


def test_credentials_in_request_options_are_redacted(
    router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    router.get("/things").mock(return_value=httpx.Response(200, json={}))
    headers = {"Authorization": "Bearer custom-secret", "api-key": "azure-secret", "X-Visible": "shown"}
    client = OpenAI(api_key=api_key, base_url=base_url)
    with caplog.at_level(logging.DEBUG, logger="openai"):
        client.get("/things", cast_to=object, options={"headers": headers})

    [options_record] = [r for r in caplog.records if r.getMessage().startswith("Request options")]
    message = options_record.getMessage()
    assert "custom-secret" not in message and "azure-secret" not in message
    assert "'Authorization': '<redacted>'" in message
    assert "'api-key': '<redacted>'" in message
    assert "'X-Visible': 'shown'" in message
    assert headers["Authorization"] == "Bearer custom-secret"  # the caller's dict is untouched
    assert router.calls.last.request.headers["authorization"] == "Bearer custom-secret"


def test_no_request_option_logging_below_debug(router: respx.MockRouter, caplog: pytest.LogCaptureFixture) -> None:
    router.get("/things").mock(return_value=httpx.Response(200, json={}))
    with caplog.at_level(logging.INFO, logger="openai"):
        OpenAI(api_key=api_key, base_url=base_url).get("/things", cast_to=object)
    assert [r for r in caplog.records if r.name.startswith("openai")] == []
