# pyright: strict
"""A minimal, fast HTTP/1.1 keep-alive server on 127.0.0.1 serving prebuilt API responses.

Run as a script it binds an ephemeral port, prints it, and serves until its stdin closes; `serve()` does exactly
that in a subprocess, so the server never competes with the benchmarked code for the GIL.
"""

from __future__ import annotations

import re
import sys
import asyncio
import subprocess
from typing import Tuple, Optional, Generator
from pathlib import Path
from contextlib import contextmanager

import payloads

_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d+)", re.IGNORECASE)
_STREAM_TRUE = re.compile(rb'"stream"\s*:\s*true')
_FLOAT_FORMAT = re.compile(rb'"encoding_format"\s*:\s*"float"')


def _response(body: bytes, content_type: str = "application/json", status: str = "200 OK") -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\n"
        f"content-type: {content_type}\r\n"
        f"content-length: {len(body)}\r\n"
        "x-request-id: req_0123456789abcdef0123456789abcdef\r\n"
        "openai-processing-ms: 312\r\n"
        "connection: keep-alive\r\n\r\n"
    )
    return head.encode() + body


class _Routes:
    """Prebuilt responses, chosen by path and a cheap look at the request body."""

    def __init__(self) -> None:
        self.completion = _response(payloads.chat_completion())
        self.stream = _response(payloads.chat_stream(), "text/event-stream; charset=utf-8")
        self.embeddings_base64 = _response(payloads.embeddings(base64_encoded=True))
        self.embeddings_float = _response(payloads.embeddings(base64_encoded=False))
        self.not_found = _response(
            b'{"error": {"message": "not found", "type": "invalid_request_error"}}', status="404 Not Found"
        )

    def __call__(self, request_line: bytes, body: bytes) -> bytes:
        path = request_line.split(b" ")[1].split(b"?")[0]
        if path == b"/v1/chat/completions":
            return self.stream if _STREAM_TRUE.search(body) else self.completion
        if path == b"/v1/embeddings":
            return self.embeddings_float if _FLOAT_FORMAT.search(body) else self.embeddings_base64
        return self.not_found


class _Connection(asyncio.Protocol):
    """Parses pipelined requests (Content-Length bodies only, which is what httpx sends) and answers each."""

    def __init__(self, routes: _Routes) -> None:
        self._routes = routes
        self._buffer = b""
        self._transport: Optional[asyncio.Transport] = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        assert self._transport is not None
        self._buffer += data
        while (request := self._next_request()) is not None:
            self._transport.write(self._routes(*request))

    def _next_request(self) -> Optional[Tuple[bytes, bytes]]:
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            return None
        head = self._buffer[:end]
        match = _CONTENT_LENGTH.search(head)
        stop = end + 4 + (int(match.group(1)) if match else 0)
        if len(self._buffer) < stop:
            return None
        body, self._buffer = self._buffer[end + 4 : stop], self._buffer[stop:]
        return head.split(b"\r\n", 1)[0], body


async def _main() -> None:
    routes = _Routes()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: _Connection(routes), "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await loop.run_in_executor(None, sys.stdin.buffer.read)  # returns when the parent closes our stdin or exits
    server.close()


@contextmanager
def serve() -> Generator[str, None, None]:
    """Start the server in a subprocess and yield its base URL (`http://127.0.0.1:<port>/v1`)."""
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__))], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


if __name__ == "__main__":
    asyncio.run(_main())
