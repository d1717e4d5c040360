"""Emitting `tests/api_resources/**`: sync and async tests of every generated method against the mock server
(binary endpoints against respx)."""

from __future__ import annotations

from typing import Dict, List, Tuple, Optional

from .model import TRef, TPrim, Project, ParamDef, MethodDef, ResourceDef
from .naming import singular
from .render import HEADER
from .samples import Samples
from .emit_resources import async_page


class _Tests:
    def __init__(self, project: Project, res: ResourceDef, samples: Samples) -> None:
        self.project = project
        self.res = res
        self.samples = samples
        self.types: Dict[str, set[str]] = {}  # import source -> names
        self.uses_respx = False  # binary endpoints are tested against respx
        self.uses_legacy = False

    def need(self, source: str, name: str) -> str:
        self.types.setdefault(source, set()).add(name)
        return name

    # -- pieces -------------------------------------------------------------------------------------------

    def expected(self, m: MethodDef, is_async: bool) -> Optional[str]:
        r = m.response
        if r.kind == "page":
            assert isinstance(r.type, TRef) and r.page is not None
            page = async_page(r.page) if is_async else r.page
            return f"{self.need('openai.pagination', page)}[{self.type_name(r.type)}]"
        if r.kind == "str":
            return "str"
        if r.kind == "none":
            return "None"
        if r.kind == "binary":
            self.uses_legacy = True
            return "_legacy_response.HttpxBinaryResponseContent"
        if isinstance(r.type, TRef):
            return self.type_name(r.type)
        return r.type.name if isinstance(r.type, TPrim) else None

    def type_name(self, ref: TRef) -> str:
        module = self.project.modules.get(ref.module)
        package = ref.module.rpartition(".")[0]
        if module is not None and ref.name in module.exports:
            return self.need(f"openai.{package}", ref.name)
        return self.need(f"openai.{ref.module}", ref.name)

    def args(self, m: MethodDef, full: bool, stream: Optional[bool], empty: Optional[str] = None) -> str:
        parts: List[str] = []
        for i, p in enumerate(m.path_params):
            value = '""' if p.name == empty else self.path_value(p)
            parts.append(value if i == len(m.path_params) - 1 else f"{p.name}={value}")
        if m.path_params:
            parts.insert(0, parts.pop())  # the last path param is the positional one
        for p in m.params:
            if p.wire == "stream" and stream is not None:
                if stream or full:
                    parts.append(f"stream={stream}")
                continue
            if p.required or p.in_minimal_test or full:
                parts.append(f"{p.name}={self.samples.value(p.schema, full)}")
        if m.test_extra_body:  # the spec (and so the mock server) wants more than the SDK's params carry
            parts.append(f"extra_body={m.test_extra_body!r}")
        return ", ".join(parts)

    def path_value(self, p: ParamDef) -> str:
        return self.samples.value(p.schema, False) if p.schema is not None else f'"{p.name}"'

    # -- one test -----------------------------------------------------------------------------------------

    def _test(self, name: str, fixture: str, is_async: bool, body: List[str], decorators: Tuple[str, ...] = ()) -> str:
        client_type = "AsyncOpenAI" if is_async else "OpenAI"
        extra = ", respx_mock: MockRouter" if self.uses_respx and decorators else ""
        head = [f"    {d}\n" for d in decorators]
        head.append(
            f"    {'async def' if is_async else 'def'} {name}(self, {fixture}: {client_type}{extra}) -> None:\n"
        )
        return "".join(head) + "".join(f"        {line}\n" if line else "\n" for line in body) + "\n"

    def method_tests(self, m: MethodDef, is_async: bool) -> List[str]:
        fixture = "async_client" if is_async else "client"
        aw = "await " if is_async else ""
        var = singular(self.res.name)
        if var == "response":
            var = "result"  # `response` names the raw/streamed response in these tests
        target = f"{fixture}.{'.'.join(self.res.path)}"
        expected = self.expected(m, is_async)
        warns = m.deprecated is not None
        out: List[str] = []

        def wrap(lines: List[str]) -> List[str]:
            if not warns:
                return lines
            return ["with pytest.warns(DeprecationWarning):", *[f"    {line}" if line else "" for line in lines]]

        if m.response.kind == "binary":
            return self.binary_tests(m, is_async, fixture, target, var)
        decorators: Tuple[str, ...] = ()
        mock: List[str] = []
        if m.test_sampled_response is not None:
            self.uses_respx = True
            decorators = (f"# {m.test_sampled_response}", "@pytest.mark.respx(base_url=base_url)")
            url = m.path
            for p in m.path_params:
                url = url.replace("{" + p.wire + "}", self.path_value(p).strip('"'))
            sample = self.samples.response(m.response.schema)
            mock = [f'respx_mock.{m.verb}("{url}").mock(return_value=httpx.Response(200, json={sample}))']

        variants: List[Tuple[str, Optional[bool]]] = [("", None)]
        if m.stream_chunk is not None:
            variants = [("_overload_1", False), ("_overload_2", True)]
        has_optional = any(not (p.required or p.in_minimal_test) and p.wire != "stream" for p in m.params)
        for suffix, stream in variants:
            streamed = bool(stream)
            minimal = self.args(m, False, stream if streamed else None)
            calls = [("", minimal)]
            if has_optional:
                calls.append(("_with_all_params", self.args(m, True, stream)))
            for label, args in calls:
                result = f"{var}_stream" if streamed else var
                lines = [f"{result} = {aw}{target}.{m.name}({args})"]
                if streamed:
                    chunk = self.type_name(m.stream_chunk) if isinstance(m.stream_chunk, TRef) else "object"
                    loop = "async for" if is_async else "for"
                    lines += [
                        f"{loop} chunk in {result}:",
                        f'    assert_matches_type({chunk}, chunk, path=["chunk"])',
                        f"assert {result}.response.is_closed",
                    ]
                elif expected is not None:
                    lines.append(f'assert_matches_type({expected}, {var}, path=["response"])')
                out.append(
                    self._test(
                        f"test_method_{m.name}{label}{suffix}", fixture, is_async, mock + wrap(lines), decorators
                    )
                )

            raw = [
                f"response = {aw}{target}.with_raw_response.{m.name}({minimal})",
                "",
                *([] if streamed else ["assert response.is_closed is True"]),
                'assert response.http_request.headers.get("X-Stainless-Lang") == "python"',
            ]
            raw += self.parse_lines(var, expected, streamed, is_async, raw=True)
            out.append(
                self._test(f"test_raw_response_{m.name}{suffix}", fixture, is_async, mock + wrap(raw), decorators)
            )

            with_ = "async with" if is_async else "with"
            streaming = [
                f"{with_} {target}.with_streaming_response.{m.name}({minimal}) as response:",
                "    assert not response.is_closed",
                '    assert response.http_request.headers.get("X-Stainless-Lang") == "python"',
                "",
                *[f"    {x}" for x in self.parse_lines(var, expected, streamed, is_async, raw=False)],
                "",
                "assert cast(Any, response.is_closed) is True",
            ]
            out.append(
                self._test(
                    f"test_streaming_response_{m.name}{suffix}", fixture, is_async, mock + wrap(streaming), decorators
                )
            )

        if m.path_params:
            lines: List[str] = []
            for p in m.path_params:
                lines += [
                    f"with pytest.raises(ValueError, match=r\"Expected a non-empty value for `{p.name}` but received ''\"):",
                    f"    {aw}{target}.with_raw_response.{m.name}({self.args(m, False, variants[-1][1], empty=p.name)})",
                    "",
                ]
            out.append(self._test(f"test_path_params_{m.name}", fixture, is_async, wrap(lines[:-1])))
        return out

    def parse_lines(self, var: str, expected: Optional[str], streamed: bool, is_async: bool, raw: bool) -> List[str]:
        aw = "" if raw or not is_async else "await "
        if streamed:
            return [f"stream = {aw}response.parse()", f"{'await ' if is_async else ''}stream.close()"]
        lines = [f"{var} = {aw}response.parse()"]
        if expected is not None:
            lines.append(f'assert_matches_type({expected}, {var}, path=["response"])')
        return lines

    def binary_tests(self, m: MethodDef, is_async: bool, fixture: str, target: str, var: str) -> List[str]:
        self.uses_respx = True
        self.uses_legacy = True
        aw = "await " if is_async else ""
        decorator = ("@pytest.mark.respx(base_url=base_url)",)
        url = m.path
        for p in m.path_params:
            url = url.replace("{" + p.wire + "}", self.path_value(p).strip('"'))
        mock = f'respx_mock.{m.verb}("{url}").mock(return_value=httpx.Response(200, json={{"foo": "bar"}}))'
        args = self.args(m, False, None)
        response_cls = "AsyncStreamedBinaryAPIResponse" if is_async else "StreamedBinaryAPIResponse"
        self.need("openai._response", response_cls)
        out = [
            self._test(
                f"test_method_{m.name}",
                fixture,
                is_async,
                [
                    mock,
                    f"{var} = {aw}{target}.{m.name}({args})",
                    f"assert isinstance({var}, _legacy_response.HttpxBinaryResponseContent)",
                    f'assert {var}.json() == {{"foo": "bar"}}',
                ],
                decorator,
            ),
            self._test(
                f"test_raw_response_{m.name}",
                fixture,
                is_async,
                [
                    mock,
                    f"response = {aw}{target}.with_raw_response.{m.name}({args})",
                    "",
                    "assert response.is_closed is True",
                    'assert response.http_request.headers.get("X-Stainless-Lang") == "python"',
                    f"{var} = response.parse()",
                    f'assert_matches_type(_legacy_response.HttpxBinaryResponseContent, {var}, path=["response"])',
                ],
                decorator,
            ),
            self._test(
                f"test_streaming_response_{m.name}",
                fixture,
                is_async,
                [
                    mock,
                    f"{'async with' if is_async else 'with'} {target}.with_streaming_response.{m.name}({args}) as response:",
                    "    assert not response.is_closed",
                    '    assert response.http_request.headers.get("X-Stainless-Lang") == "python"',
                    f"    assert isinstance(response, {response_cls})",
                    f'    assert {aw}response.json() == {{"foo": "bar"}}',
                    "",
                    "assert cast(Any, response.is_closed) is True",
                ],
                decorator,
            ),
        ]
        if m.path_params:
            lines: List[str] = []
            for p in m.path_params:
                lines += [
                    f"with pytest.raises(ValueError, match=r\"Expected a non-empty value for `{p.name}` but received ''\"):",
                    f"    {aw}{target}.with_raw_response.{m.name}({self.args(m, False, None, empty=p.name)})",
                ]
            out.append(self._test(f"test_path_params_{m.name}", fixture, is_async, lines, decorator))
        return out

    def emit(self) -> str:
        classes: List[str] = []
        for is_async in (False, True):
            body: List[str] = []
            for m in self.res.methods:
                body += self.method_tests(m, is_async)
            name = f"Test{'Async' if is_async else ''}{self.res.class_name}"
            classes.append(f"class {name}:\n" + "".join(body).rstrip() + "\n")
        imports = ["from __future__ import annotations", "", "import os" if self.uses_respx else ""]
        imports += ["from typing import Any, cast", "", "import pytest"]
        if self.uses_respx:
            imports += ["import httpx", "from respx import MockRouter"]
        imports += ["", "from openai import OpenAI, AsyncOpenAI"]
        if self.uses_legacy:
            imports.append("import openai._legacy_response as _legacy_response")
        imports.append("from tests.utils import assert_matches_type")
        for source in sorted(self.types):
            imports.append(f"from {source} import {', '.join(sorted(self.types[source]))}")
        parts = [HEADER, "\n", "\n".join(imports) + "\n"]
        if self.uses_respx:
            parts.append('\nbase_url = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")\n')
        parts += ["\n\n" + c for c in classes]
        return "".join(parts)


def test_file(res: ResourceDef) -> str:
    return "/".join(["tests", "api_resources", *res.path[:-1], f"test_{res.name}.py"])


def emit_resource_tests(project: Project, res: ResourceDef, samples: Samples) -> Tuple[str, str]:
    return test_file(res), _Tests(project, res, samples).emit()
