"""`OPENAI_LOG` set-up and redaction of credential headers in logged request options."""

from __future__ import annotations

import logging
from typing import Any, Dict, Iterator

import pytest

from openai._utils import SensitiveHeadersFilter
from openai._utils._logs import setup_logging


def make_record(args: Any) -> logging.LogRecord:
    return logging.LogRecord("openai._base_client", logging.DEBUG, __file__, 1, "Request options: %s", (args,), None)


def test_sensitive_headers_are_redacted_case_insensitively() -> None:
    headers = {
        "Authorization": "Bearer sk-secret",
        "API-KEY": "azure-secret",
        "x-amz-security-token": "aws-secret",
        "Content-Type": "application/json",
    }
    options: Dict[str, Any] = {"method": "post", "headers": headers}
    record = make_record(options)

    assert SensitiveHeadersFilter().filter(record) is True
    assert record.args == {
        "method": "post",
        "headers": {
            "Authorization": "<redacted>",
            "API-KEY": "<redacted>",
            "x-amz-security-token": "<redacted>",
            "Content-Type": "application/json",
        },
    }
    assert "sk-secret" not in record.getMessage()
    # what the caller logged is not changed
    assert options["headers"]["Authorization"] == "Bearer sk-secret"
    assert headers["API-KEY"] == "azure-secret"


@pytest.mark.parametrize(
    "args",
    [({"method": "get"},), ({"headers": "not a dict"},), ("a", "b"), None],
    ids=["no headers", "headers not a dict", "tuple args", "no args"],
)
def test_other_records_are_untouched(args: Any) -> None:
    record = logging.LogRecord("openai", logging.DEBUG, __file__, 1, "msg", args, None)
    before = record.args
    assert SensitiveHeadersFilter().filter(record) is True
    assert record.args is before


@pytest.fixture
def bare_logging() -> Iterator[None]:
    """No root handlers (pytest adds its own, which would make `basicConfig` a no-op), restored afterwards."""
    root = logging.getLogger()
    loggers = [logging.getLogger("openai"), logging.getLogger("httpx")]
    saved_handlers, saved_levels = root.handlers[:], [logger.level for logger in loggers]
    yield
    root.handlers = saved_handlers
    for logger, level in zip(loggers, saved_levels):
        logger.setLevel(level)


@pytest.mark.parametrize("value, level", [("debug", logging.DEBUG), ("info", logging.INFO)])
def test_openai_log_configures_logging(
    monkeypatch: pytest.MonkeyPatch, bare_logging: None, value: str, level: int
) -> None:
    monkeypatch.setenv("OPENAI_LOG", value)
    logging.getLogger().handlers = []
    setup_logging()
    assert logging.getLogger("openai").level == level
    assert logging.getLogger("httpx").level == level
    handler = logging.getLogger().handlers[0]
    assert handler.formatter is not None
    assert handler.formatter._fmt == "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"
    assert handler.formatter.datefmt == "%Y-%m-%d %H:%M:%S"


@pytest.mark.parametrize("value", ["", "warning", "DEBUG"])
def test_other_values_leave_logging_alone(monkeypatch: pytest.MonkeyPatch, bare_logging: None, value: str) -> None:
    monkeypatch.setenv("OPENAI_LOG", value)
    logging.getLogger().handlers = []
    logging.getLogger("openai").setLevel(logging.NOTSET)
    setup_logging()
    assert logging.getLogger("openai").level == logging.NOTSET
    assert logging.getLogger().handlers == []
