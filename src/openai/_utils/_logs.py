"""Logging set-up from `OPENAI_LOG`, and the filter that keeps credentials out of logged request options."""

from __future__ import annotations

import os
import logging
from typing import Any, Dict, cast

from typing_extensions import override

logger: logging.Logger = logging.getLogger("openai")
httpx_logger: logging.Logger = logging.getLogger("httpx")

SENSITIVE_HEADERS = frozenset({"api-key", "authorization", "x-amz-security-token"})
_REDACTED = "<redacted>"


def _basic_config() -> None:
    logging.basicConfig(
        format="[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s",
        datefmt="%Y-%m-%d %H:%M:%S",
    )


def setup_logging() -> None:
    """Honour `OPENAI_LOG=debug|info`: configure the root handler and the `openai` and `httpx` loggers' level."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(os.environ.get("OPENAI_LOG", ""))
    if level is None:
        return
    _basic_config()
    logger.setLevel(level)
    httpx_logger.setLevel(level)


class SensitiveHeadersFilter(logging.Filter):
    """Replaces credential header values in records whose args are a dict with a `headers` dict.

    The record gets new dicts; the ones passed to the logging call are left untouched.
    """

    @override
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, dict):
            headers = cast(Dict[str, Any], args).get("headers")
            if isinstance(headers, dict):
                record.args = {
                    **cast(Dict[str, Any], args),
                    "headers": {
                        name: _REDACTED if str(name).lower() in SENSITIVE_HEADERS else value
                        for name, value in cast(Dict[object, Any], headers).items()
                    },
                }
        return True
