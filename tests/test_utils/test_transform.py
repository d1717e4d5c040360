"""Request-parameter transformation: aliases, formats, omitted values, iterables and models, sync and async."""

from __future__ import annotations

import io
import pathlib
import threading
from typing import Any, Dict, List, Union, Iterable, Iterator, Optional, Sequence, cast
from datetime import date, datetime, timezone

import pytest
import pydantic
from typing_extensions import Required, Annotated, TypedDict, TypeAliasType

from openai._types import Omit, NotGiven, SequenceNotStr, omit, not_given
from openai._utils import PropertyInfo, transform, async_transform, maybe_transform, async_maybe_transform


@pytest.fixture(params=[False, True], ids=["sync", "async"])
def run(request: pytest.FixtureRequest) -> Any:
    """`await run(data, Type)` transforms with `transform` or `async_transform` (in an event loop either way)."""

    async def run(data: object, expected_type: object) -> Any:
        if request.param:
            return await async_transform(data, expected_type)
        return transform(data, expected_type)

    return run


class Baz(TypedDict):
    my_baz: Annotated[str, PropertyInfo(alias="myBaz")]


class Bar(TypedDict, total=False):
    this_thing: Annotated[int, PropertyInfo(alias="this__thing")]
    baz: Annotated[Baz, PropertyInfo(alias="Baz")]


class Foo(TypedDict, total=False):
    foo_bar: Annotated[str, PropertyInfo(alias="fooBar")]
    bar: Bar
    things: List[Baz]


async def test_top_level_alias(run: Any) -> None:
    assert await run({"foo_bar": "hello"}, Foo) == {"fooBar": "hello"}


async def test_nested_typeddicts(run: Any) -> None:
    assert await run({"bar": {"this_thing": 1}}, Foo) == {"bar": {"this__thing": 1}}
    assert await run({"bar": {"baz": {"my_baz": "x"}}}, Foo) == {"bar": {"Baz": {"myBaz": "x"}}}
    assert await run({"things": [{"my_baz": "a"}, {"my_baz": "b"}]}, Foo) == {
        "things": [{"myBaz": "a"}, {"myBaz": "b"}]
    }


async def test_unknown_keys_pass_through_untouched(run: Any) -> None:
    nested = {"my_baz": "not renamed", "x": [1, 2]}
    result = await run({"foo_bar": "a", "extra_": nested}, Foo)
    assert result == {"fooBar": "a", "extra_": nested}
    assert result["extra_"] is nested


async def test_input_is_not_mutated(run: Any) -> None:
    data = {"bar": {"this_thing": 1, "baz": {"my_baz": "x"}}, "foo_bar": omit}
    await run(data, Foo)
    assert data == {"bar": {"this_thing": 1, "baz": {"my_baz": "x"}}, "foo_bar": omit}


class Plain(TypedDict, total=False):
    name: Required[str]
    tags: List[str]
    inner: Dict[str, object]
    parts: Iterable[Dict[str, object]]


@pytest.mark.parametrize("sentinel", [omit, not_given, Omit(), NotGiven()], ids=repr)
async def test_omitted_values_are_dropped_at_every_typeddict_level(run: Any, sentinel: object) -> None:
    assert await run({"name": "n", "tags": sentinel}, Plain) == {"name": "n"}
    assert await run({"bar": {"this_thing": sentinel, "baz": {"my_baz": "x"}}}, Foo) == {"bar": {"Baz": {"myBaz": "x"}}}
    assert await run({"inner": {"a": sentinel, "b": None}}, Plain) == {"inner": {"b": None}}


async def test_none_is_kept(run: Any) -> None:
    assert await run({"name": None, "tags": None}, Plain) == {"name": None, "tags": None}


async def test_maybe_transform_lets_none_through() -> None:
    assert maybe_transform(None, Foo) is None
    assert await async_maybe_transform(None, Foo) is None
    assert maybe_transform({"foo_bar": "x"}, Foo) == {"fooBar": "x"}
    assert await async_maybe_transform({"foo_bar": "x"}, Foo) == {"fooBar": "x"}


async def test_iterables_become_lists(run: Any) -> None:
    def parts() -> Iterator[Dict[str, object]]:
        yield {"type": "text", "text": "a"}
        yield {"type": "text", "text": "b", "skip": omit}

    result = await run({"name": "n", "tags": ("a", "b"), "parts": parts()}, Plain)
    assert result == {
        "name": "n",
        "tags": ["a", "b"],
        "parts": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}],
    }


async def test_iterable_of_aliased_typeddicts(run: Any) -> None:
    class Holder(TypedDict):
        items: Annotated[Union[Baz, Iterable[Baz]], PropertyInfo(alias="ITEMS")]

    def gen() -> Iterator[Baz]:
        yield {"my_baz": "a"}
        yield {"my_baz": "b"}

    expected = {"ITEMS": [{"myBaz": "a"}, {"myBaz": "b"}]}
    assert await run({"items": [{"my_baz": "a"}, {"my_baz": "b"}]}, Holder) == expected
    assert await run({"items": ({"my_baz": "a"}, {"my_baz": "b"})}, Holder) == expected
    assert await run({"items": gen()}, Holder) == expected
    assert await run({"items": {"my_baz": "a"}}, Holder) == {"ITEMS": {"myBaz": "a"}}


async def test_strings_and_dicts_are_not_iterated(run: Any) -> None:
    assert await run("abc", Iterable[Baz]) == "abc"
    assert await run({"my_baz": "x"}, Iterable[Baz]) == {"my_baz": "x"}
    assert await run(iter([{"my_baz": "x"}]), Union[str, Iterable[Baz]]) == [{"myBaz": "x"}]


async def test_lists_of_scalars_are_returned_as_is(run: Any) -> None:
    ints = [1, 2, 3]
    floats = [0.5, 1.5]
    assert await run(ints, List[int]) is ints
    assert await run(floats, Iterable[float]) is floats
    assert await run(iter([1, 2, 3]), Iterable[int]) == [1, 2, 3]
    embedding_input = {"input": ints}
    assert (await run(embedding_input, Dict[str, Union[str, List[int]]]))["input"] is ints


async def test_sequence_annotations(run: Any) -> None:
    assert await run(({"my_baz": "x"},), Sequence[Baz]) == [{"myBaz": "x"}]
    assert await run(({"my_baz": "x"},), List[Baz]) == [{"my_baz": "x"}]  # not a list: left to the generic walk


async def test_sequence_not_str(run: Any) -> None:
    assert await run(({"my_baz": "x"},), SequenceNotStr[Baz]) == [{"myBaz": "x"}]
    assert await run("text", Union[str, SequenceNotStr[Baz]]) == "text"


async def test_dict_values(run: Any) -> None:
    assert await run({"k": {"my_baz": "x"}}, Dict[str, Baz]) == {"k": {"myBaz": "x"}}


class Left(TypedDict, total=False):
    foo_bar: Annotated[str, PropertyInfo(alias="fooBar")]


class Right(TypedDict, total=False):
    foo_baz: Annotated[str, PropertyInfo(alias="fooBaz")]


class UnionHolder(TypedDict, total=False):
    foo: Union[Left, Right]
    many: Annotated[Union[Left, List[Right]], PropertyInfo(alias="MANY")]


async def test_unions_apply_every_member(run: Any) -> None:
    assert await run({"foo": {"foo_bar": "a"}}, UnionHolder) == {"foo": {"fooBar": "a"}}
    assert await run({"foo": {"foo_baz": "b"}}, UnionHolder) == {"foo": {"fooBaz": "b"}}
    assert await run({"foo": {"foo_bar": "a", "foo_baz": "b"}}, UnionHolder) == {"foo": {"fooBar": "a", "fooBaz": "b"}}
    assert await run({"many": [{"foo_baz": "b"}]}, UnionHolder) == {"MANY": [{"fooBaz": "b"}]}
    assert await run({"many": {"foo_bar": "a"}}, UnionHolder) == {"MANY": {"fooBar": "a"}}


async def test_invalid_data_is_left_alone(run: Any) -> None:
    class Invalid(TypedDict, total=False):
        bar: Annotated[List[Baz], PropertyInfo(alias="bAr")]
        baz: Baz

    assert await run({"bar": "<x>"}, Invalid) == {"bAr": "<x>"}
    assert await run({"baz": "<x>"}, Invalid) == {"baz": "<x>"}
    assert await run({"baz": 3}, Invalid) == {"baz": 3}
    assert await run(5, Invalid) == 5


class Dates(TypedDict, total=False):
    when: Annotated[datetime, PropertyInfo(format="iso8601")]
    maybe: Annotated[Optional[datetime], PropertyInfo(format="iso8601")]
    required: Required[Annotated[Optional[datetime], PropertyInfo(format="iso8601")]]
    many: Required[Annotated[Optional[List[datetime]], PropertyInfo(format="iso8601")]]
    either: Annotated[Union[int, datetime], PropertyInfo(format="iso8601")]
    day: Annotated[date, PropertyInfo(format="iso8601")]
    custom: Annotated[datetime, PropertyInfo(format="custom", format_template="%Y/%m/%d")]
    untouched: datetime


AWARE = datetime(2023, 2, 23, 14, 16, 36, 337692, tzinfo=timezone.utc)
NAIVE = AWARE.replace(tzinfo=None)


async def test_iso8601_format(run: Any) -> None:
    assert await run({"when": AWARE}, Dates) == {"when": "2023-02-23T14:16:36.337692+00:00"}
    assert await run({"when": NAIVE}, Dates) == {"when": "2023-02-23T14:16:36.337692"}
    assert await run({"maybe": AWARE}, Dates) == {"maybe": "2023-02-23T14:16:36.337692+00:00"}
    assert await run({"maybe": None}, Dates) == {"maybe": None}
    assert await run({"required": None}, Dates) == {"required": None}
    assert await run({"day": date(2023, 2, 23)}, Dates) == {"day": "2023-02-23"}
    assert await run({"many": [AWARE, NAIVE]}, Dates) == {
        "many": ["2023-02-23T14:16:36.337692+00:00", "2023-02-23T14:16:36.337692"]
    }
    assert await run({"either": AWARE}, Dates) == {"either": "2023-02-23T14:16:36.337692+00:00"}
    assert await run({"either": "foo"}, Dates) == {"either": "foo"}
    assert await run({"either": 3}, Dates) == {"either": 3}


async def test_custom_format_and_unformatted_dates(run: Any) -> None:
    assert await run({"custom": AWARE}, Dates) == {"custom": "2023/02/23"}
    assert await run({"untouched": AWARE}, Dates) == {"untouched": AWARE}


class Upload(TypedDict, total=False):
    content: Annotated[Union[str, io.IOBase, pathlib.Path], PropertyInfo(format="base64")]


async def test_base64_format(run: Any, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "hello.txt"
    path.write_bytes(b"Hello, world!\n")
    assert await run({"content": "plain string"}, Upload) == {"content": "plain string"}
    assert await run({"content": path}, Upload) == {"content": "SGVsbG8sIHdvcmxkIQo="}
    assert await run({"content": io.BytesIO(b"Hello, world!")}, Upload) == {"content": "SGVsbG8sIHdvcmxkIQ=="}
    assert await run({"content": io.StringIO("Hello, world!")}, Upload) == {"content": "SGVsbG8sIHdvcmxkIQ=="}


async def test_async_base64_reads_files_off_the_event_loop(tmp_path: pathlib.Path) -> None:
    seen: List[threading.Thread] = []

    class Recording(io.BytesIO):
        def read(self, size: Optional[int] = -1) -> bytes:
            seen.append(threading.current_thread())
            return super().read(size)

    assert await async_transform({"content": Recording(b"hi")}, Upload) == {"content": "aGk="}
    assert seen and seen[0] is not threading.current_thread()


class Model(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")

    foo: Optional[str] = None
    with_default: str = "default"


class WithAlias(pydantic.BaseModel):
    schema_: Dict[str, object] = pydantic.Field(alias="schema")
    when: Optional[datetime] = None


async def test_models_are_dumped_with_set_fields_only(run: Any) -> None:
    assert await run(Model(foo="hi"), Any) == {"foo": "hi"}
    assert await run(Model.model_construct(foo="hi"), Any) == {"foo": "hi"}
    assert await run(Model(), Any) == {}
    assert await run(Model(foo=None, with_default="default"), Any) == {"foo": None, "with_default": "default"}
    assert await run(Model.model_construct(unknown=True), Any) == {"unknown": True}


async def test_models_are_dumped_by_alias_in_json_mode(run: Any) -> None:
    model = WithAlias(schema={"type": "object"}, when=AWARE)
    assert await run(model, Any) == {"schema": {"type": "object"}, "when": "2023-02-23T14:16:36.337692Z"}


async def test_models_nested_in_params(run: Any) -> None:
    data = {"name": "n", "parts": [Model(foo="a")], "inner": {"m": Model(foo="b")}}
    assert await run(data, Plain) == {"name": "n", "parts": [{"foo": "a"}], "inner": {"m": {"foo": "b"}}}
    assert await run({"bar": Model(foo="c")}, Foo) == {"bar": {"foo": "c"}}
    assert await run({"things": [Model(foo="d")]}, Foo) == {"things": [{"foo": "d"}]}


async def test_mismatched_model_values_warn(run: Any) -> None:
    with pytest.warns(UserWarning):
        assert await run(Model.model_construct(foo=True), Any) == {"foo": True}


async def test_api_exclude_is_honoured(run: Any) -> None:
    class Excluding(pydantic.BaseModel):
        __api_exclude__ = {"parsed"}
        content: str
        parsed: Optional[str] = None

    assert await run(Excluding(content="c", parsed="p"), Any) == {"content": "c"}


class Node(TypedDict, total=False):
    node_name: Annotated[str, PropertyInfo(alias="nodeName")]
    children: List[Node]


class Tree(TypedDict, total=False):
    value: int
    children: List[Tree]


async def test_recursive_typeddicts(run: Any) -> None:
    data = {"node_name": "a", "children": [{"node_name": "b", "children": [{"node_name": "c"}]}]}
    assert await run(data, Node) == {"nodeName": "a", "children": [{"nodeName": "b", "children": [{"nodeName": "c"}]}]}
    plain = {"value": 1, "children": [{"value": 2, "children": (), "gone": omit}]}
    assert await run(plain, Tree) == {"value": 1, "children": [{"value": 2, "children": []}]}


Aliased = TypeAliasType("Aliased", List[Baz])


async def test_type_alias_types(run: Any) -> None:
    assert await run([{"my_baz": "x"}], Aliased) == [{"myBaz": "x"}]


async def test_not_total_typeddict_with_required_alias(run: Any) -> None:
    class Params(TypedDict, total=False):
        card_id: Required[Annotated[str, PropertyInfo(alias="cardID")]]

    assert await run({"card_id": "<my card ID>"}, Params) == {"cardID": "<my card ID>"}


def test_property_info_repr() -> None:
    assert repr(PropertyInfo(alias="a", format="iso8601")) == (
        "PropertyInfo(alias='a', format='iso8601', format_template=None, discriminator=None)"
    )


class Fresh(TypedDict, total=False):
    first_field: Annotated[str, PropertyInfo(alias="firstField")]
    nested: List[Fresh]


def test_transform_is_thread_safe_on_first_use() -> None:
    results: List[object] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        results.append(transform({"first_field": "x", "nested": [{"first_field": "y"}]}, Fresh))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [{"firstField": "x", "nested": [{"firstField": "y"}]}] * 8


def test_unresolvable_annotations_raise_and_do_not_poison_the_cache() -> None:
    class Broken(TypedDict, total=False):
        ok: Annotated[str, PropertyInfo(alias="OK")]
        bad: "DoesNotExist"  # type: ignore[name-defined]  # noqa: F821

    class Holder(TypedDict, total=False):
        broken: Broken

    with pytest.raises(NameError):
        transform({"broken": {"ok": "x"}}, Holder)
    with pytest.raises(NameError):
        transform({"ok": "x"}, Broken)


def test_cast_keeps_type() -> None:
    value = cast(Dict[str, str], transform({"foo_bar": "x"}, Foo))
    assert value == {"fooBar": "x"}


def test_clean_params_drops_omitted_values_and_normalises_containers_without_a_type() -> None:
    from openai._types import omit, not_given
    from openai._utils import clean_params

    class Tool(pydantic.BaseModel):
        name: str
        strict: Optional[bool] = None

    data = {"a": omit, "b": (1, 2), "c": {"d": not_given, "e": [Tool(name="x")]}, "n": None}
    assert clean_params(data) == {"b": [1, 2], "c": {"e": [{"name": "x"}]}, "n": None}
    assert clean_params(None) is None
    plain = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
    cleaned = cast(Dict[str, Any], clean_params(plain))
    assert cleaned == plain
    assert cleaned["messages"] is plain["messages"]  # nothing to change inside: not copied
