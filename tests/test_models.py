"""`BaseModel`, lenient construction, validation, the fast JSON path and `FinalRequestOptions`."""

from __future__ import annotations

import os
import sys
import json
import subprocess
from typing import Any, Dict, List, Union, Generic, Mapping, TypeVar, Optional, cast
from datetime import date, datetime, timezone

import httpx
import pytest
import pydantic
from typing_extensions import Literal, Annotated, TypeAliasType

from openai import APIResponseValidationError
from openai._types import NOT_GIVEN, Omit, not_given
from openai._models import (
    DISCRIMINATOR_CACHE,
    BaseModel,
    GenericModel,
    EagerIterable,
    FinalRequestOptions,
    FinalRequestOptionsInput,
    build,
    parse_json,
    is_basemodel,
    validate_type,
    add_request_id,
    construct_type,
    is_basemodel_type,
    process_response_data,
    construct_type_unchecked,
)
from openai._constants import RAW_RESPONSE_HEADER


class Discriminator:
    """Stands in for `PropertyInfo(discriminator=...)`: only the attribute matters."""

    def __init__(self, discriminator: str) -> None:
        self.discriminator = discriminator


RESPONSE = httpx.Response(200, request=httpx.Request("GET", "http://localhost/x"))


class Submodel(BaseModel):
    name: str
    level: int = 0


class Model(BaseModel):
    id: str
    count: int
    ratio: float = 1.0
    created: Optional[datetime] = None
    day: Optional[date] = None
    kind: Literal["a", "b"] = "a"
    sub: Optional[Submodel] = None
    subs: List[Submodel] = []
    by_key: Dict[str, Submodel] = {}
    schema_: Optional[str] = pydantic.Field(default=None, alias="schema")


# --- BaseModel ---------------------------------------------------------------------------------------------------


def test_unknown_fields_are_kept() -> None:
    m = Model.construct(id="x", count=1, surprise={"deep": [1]})
    assert cast(Any, m).surprise == {"deep": [1]}
    assert m.model_extra == {"surprise": {"deep": [1]}}
    assert m.model_fields_set == {"id", "count", "surprise"}


def test_repr_and_str() -> None:
    m = Model.construct(id="x", count=1, other=True)
    expected = (
        "Model(id='x', count=1, ratio=1.0, created=None, day=None, kind='a', sub=None, subs=[], by_key={}, "
        "schema_=None, other=True)"
    )
    assert repr(m) == expected
    assert str(m) == expected


def test_to_dict_and_to_json() -> None:
    m = Model.construct(id="x", count=1, schema="s", created="2024-01-02T03:04:05Z", sub=None)

    assert m.to_dict() == {
        "id": "x",
        "count": 1,
        "schema": "s",
        "created": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
        "sub": None,
    }
    assert m.to_dict(mode="json")["created"] == "2024-01-02T03:04:05Z"
    assert m.to_dict(use_api_names=False)["schema_"] == "s"
    assert m.to_dict(exclude_none=True) == {"id": "x", "count": 1, "schema": "s", "created": m.created}
    assert len(m.to_dict(exclude_unset=False)) == 10
    assert "ratio" not in m.to_dict(exclude_unset=False, exclude_defaults=True)

    assert json.loads(m.to_json()) == m.to_dict(mode="json")
    assert m.to_json().startswith('{\n  "id": "x"')
    assert m.to_json(indent=None) == json.dumps(m.to_dict(mode="json"), separators=(",", ":"))


def test_to_dict_warnings_can_be_silenced() -> None:
    m = Model.construct(id="x", count="not an int")
    with pytest.warns(UserWarning):
        m.to_dict()
    assert m.to_dict(warnings=False)["count"] == "not an int"


def test_pydantic_dumps_keep_pydantic_defaults() -> None:
    m = Model.construct(id="x", count=1, schema="s")
    assert m.model_dump()["schema_"] == "s"
    assert m.model_dump()["ratio"] == 1.0
    assert json.loads(m.model_dump_json())["schema_"] == "s"


def test_request_id_is_private() -> None:
    m = Model.construct(id="x", count=1, sub={"name": "n"})
    add_request_id(m, "req_123")

    assert m._request_id == "req_123"
    assert "req_123" not in repr(m)
    assert "_request_id" not in m.model_dump()
    assert "req_123" not in m.to_json()
    assert m == Model.construct(id="x", count=1, sub={"name": "n"})
    assert m.sub is not None
    with pytest.raises(AttributeError):
        m.sub._request_id  # noqa: B018


def test_validation_keeps_unknown_fields_too() -> None:
    m = Model.model_validate({"id": "x", "count": 1, "new": 2})
    assert m.model_extra == {"new": 2}


def test_defer_build_is_driven_by_the_environment() -> None:
    class Fresh(BaseModel):
        a: int

    assert Fresh.model_config.get("defer_build") is True
    assert not Fresh.__pydantic_complete__

    code = "from openai._models import BaseModel\nclass M(BaseModel):\n    a: int\nprint(M.__pydantic_complete__)"
    env = {**os.environ, "DEFER_PYDANTIC_BUILD": "false"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_is_basemodel() -> None:
    assert is_basemodel(Model)
    assert is_basemodel(Optional[Model])
    assert is_basemodel(Annotated[Union[int, Model], Discriminator("type")])
    assert not is_basemodel(Union[int, str])
    assert not is_basemodel(List[Model])
    assert is_basemodel_type(Model)
    assert not is_basemodel_type(dict)

    class Plain(pydantic.BaseModel):
        a: int

    assert not is_basemodel_type(Plain)


def test_eager_iterable_is_validated_into_a_list() -> None:
    class WithIterable(BaseModel):
        items: EagerIterable[int]

    m = WithIterable.model_validate({"items": (i for i in range(3))})
    assert m.items == [0, 1, 2]
    assert m.model_dump() == {"items": [0, 1, 2]}


def test_generic_model() -> None:
    T = TypeVar("T")

    class Page(GenericModel, Generic[T]):
        data: List[T]

    page = construct_type(value={"data": [{"name": "a"}], "next": None}, type_=Page[Submodel])
    assert isinstance(page, Page)
    assert isinstance(page.data[0], Submodel)
    assert cast(Any, page).next is None


# --- lenient construction ----------------------------------------------------------------------------------------


def test_construct_keeps_mismatched_types() -> None:
    m = Model.construct(id=1, count="notint", kind="z", sub="nope", subs={"not": "a list"}, created="yesterday")
    assert (m.id, m.count, m.kind, m.sub, m.subs, m.created) == (
        1,
        "notint",
        "z",
        "nope",
        {"not": "a list"},
        "yesterday",
    )


def test_construct_missing_fields_read_as_default_or_none() -> None:
    m = Model.construct()
    assert m.id is None
    assert m.count is None
    assert m.ratio == 1.0
    assert m.subs == []
    assert m.model_fields_set == set()


def test_construct_null_gives_the_default_and_counts_as_set() -> None:
    m = Model.construct(id=None, ratio=None, subs=None)
    assert (m.id, m.ratio, m.subs) == (None, 1.0, [])
    assert m.model_fields_set == {"id", "ratio", "subs"}
    assert m.to_dict() == {"id": None, "ratio": 1.0, "subs": []}


def test_construct_gives_each_instance_its_own_mutable_defaults() -> None:
    first, second = Model.construct(), Model.construct(subs=None)
    first.subs.append(Submodel(name="x"))
    assert second.subs == []
    assert Model.construct().subs == []


def test_construct_nested_models() -> None:
    m = Model.construct(
        sub={"name": "a", "extra": 1},
        subs=[{"name": "b"}, "raw"],
        by_key={"k": {"name": "c", "level": "high"}},
    )
    assert isinstance(m.sub, Submodel)
    assert cast(Any, m.sub).extra == 1
    assert isinstance(m.subs[0], Submodel)
    assert m.subs[1] == "raw"
    assert isinstance(m.by_key["k"], Submodel)
    assert m.by_key["k"].level == "high"


def test_construct_numbers() -> None:
    assert Model.construct(ratio=2).ratio == 2.0
    assert isinstance(Model.construct(ratio=2).ratio, float)
    assert Model.construct(ratio=2**53 + 1).ratio == 2**53 + 1
    assert isinstance(Model.construct(ratio=2**53 + 1).ratio, int)
    assert Model.construct(ratio=True).ratio is True
    assert Model.construct(count=1.5).count == 1.5


def test_construct_dates() -> None:
    m = Model.construct(created="2023-04-05T06:07:08+02:00", day="2023-04-05")
    assert m.created == datetime.fromisoformat("2023-04-05T06:07:08+02:00")
    assert m.day == date(2023, 4, 5)
    assert Model.construct(created=1680000000).created == datetime.fromtimestamp(1680000000, tz=timezone.utc)
    assert Model.construct(day="soon").day == "soon"


def test_construct_aliases() -> None:
    assert Model.construct(schema="by alias").schema_ == "by alias"
    assert Model.construct(schema_="by name").schema_ == "by name"
    m = Model.construct(schema="s")
    assert m.model_extra == {}
    assert m.to_dict() == {"schema": "s"}


def test_construct_with_fields_set() -> None:
    m = Model.construct({"id"}, id="x", count=1)
    assert m.model_fields_set == {"id"}
    assert Model.model_construct(id="x").id == "x"


def test_construct_does_not_confuse_data_with_parameters() -> None:
    m = construct_type(value={"_fields_set": 1, "id": "x"}, type_=Model)
    assert isinstance(m, Model)
    assert cast(Any, m)._fields_set == 1


def test_construct_a_field_named_cls() -> None:
    class WithCls(BaseModel):
        cls: str

    assert WithCls.construct(cls="foo").cls == "foo"
    assert WithCls.model_construct(cls="foo").cls == "foo"


class Item(BaseModel):
    prop: int


class TypedExtras(BaseModel):
    __pydantic_extra__: Dict[str, Item] = pydantic.Field(init=False)
    other: str


def test_construct_typed_extra_fields() -> None:
    model = construct_type(value={"a": {"prop": 1}, "other": "foo"}, type_=TypedExtras)
    assert isinstance(model, TypedExtras)
    assert isinstance(cast(Any, model).a, Item)
    assert model.other == "foo"
    parsed = parse_json(TypedExtras, b'{"a": {"prop": "x"}, "other": "foo"}', response=RESPONSE, strict=False)
    assert isinstance(cast(Any, parsed).a, Item)
    assert cast(Any, parsed).a.prop == "x"


def test_construct_sets_up_private_attributes() -> None:
    class WithPrivate(BaseModel):
        a: int
        _secret: str = pydantic.PrivateAttr(default="s")

    m = WithPrivate.construct(a=1)
    assert m._secret == "s"


def test_construct_plain_pydantic_models_too() -> None:
    class Plain(pydantic.BaseModel):
        a: int

    m = construct_type(value={"a": "x"}, type_=Plain)
    assert isinstance(m, Plain)
    assert m.a == "x"


def test_construct_resolves_forward_references() -> None:
    m = construct_type(value={"name": "root", "children": [{"name": "leaf"}]}, type_=Node)
    assert isinstance(m, Node)
    assert isinstance(m.children[0], Node)
    assert m.children[0].children == []


class Node(BaseModel):
    name: str
    children: List["Node"] = []


def test_construct_type_simple_values() -> None:
    assert construct_type(value=[1, 2], type_=List[float]) == [1.0, 2.0]
    assert construct_type(value={"a": 1}, type_=Dict[str, float]) == {"a": 1.0}
    assert construct_type(value={"a": {"name": "x"}}, type_=Mapping[str, Submodel]) == {"a": Submodel(name="x")}
    assert construct_type(value="x", type_=List[int]) == "x"
    assert construct_type(value={"a": 1}, type_=object) == {"a": 1}
    assert construct_type(value=[{"name": "a"}], type_=Annotated[List[Submodel], "meta"]) == [Submodel(name="a")]
    assert construct_type_unchecked(value={"name": "a"}, type_=Submodel).name == "a"


SubmodelList = TypeAliasType("SubmodelList", List[Submodel])


def test_construct_type_alias_type() -> None:
    result = construct_type(value=[{"name": "a"}], type_=SubmodelList)
    assert isinstance(result, list)
    assert isinstance(result[0], Submodel)


def test_build() -> None:
    m = build(Model, id="x", count="1", sub={"name": "n"})
    assert (m.id, m.count) == ("x", "1")
    assert isinstance(m.sub, Submodel)


# --- unions ------------------------------------------------------------------------------------------------------


class Cat(BaseModel):
    type: Literal["cat"]
    lives: int


class Dog(BaseModel):
    type: Literal["dog"]
    good: bool


class Bird(BaseModel):
    kind: Literal["bird", "parrot"] = pydantic.Field(alias="type")
    wings: int


Pet = Annotated[Union[Cat, Dog, Bird], Discriminator("type")]


def test_union_validates_first() -> None:
    assert construct_type(value="1", type_=Union[int, str]) == "1"
    assert construct_type(value={"type": "dog", "good": True}, type_=Union[Cat, Dog]) == Dog(type="dog", good=True)


def test_union_invalid_data_uses_the_discriminator() -> None:
    pet = construct_type(value={"type": "dog", "good": "very"}, type_=Pet)
    assert isinstance(pet, Dog)
    assert pet.good == "very"

    bird = construct_type(value={"type": "parrot", "wings": "two"}, type_=Pet)
    assert isinstance(bird, Bird)
    assert bird.kind == "parrot"


def test_union_unknown_discriminator_value_falls_back_to_the_first_variant() -> None:
    pet = construct_type(value={"type": "fish", "fins": 2}, type_=Pet)
    assert isinstance(pet, Cat)
    assert pet.type == "fish"
    assert cast(Any, pet).fins == 2


def test_union_without_discriminator_takes_the_first_variant_that_fits() -> None:
    assert isinstance(construct_type(value={"type": "dog", "good": "x"}, type_=Union[Cat, Dog]), Cat)
    items = construct_type(value=[{"name": 1}], type_=Union[str, List[Submodel]])
    assert isinstance(items, list)
    assert isinstance(items[0], Submodel)
    assert construct_type(value=3.5, type_=Union[Submodel, List[int]]) == 3.5


def test_union_inside_models_and_lists() -> None:
    class Owner(BaseModel):
        pet: Optional[Pet] = None
        pets: List[Pet] = []

    owner = Owner.construct(
        pet={"type": "dog", "good": "x"},
        pets=[{"type": "cat", "lives": "9"}, {"type": "cat", "lives": "nine"}, {"type": "?"}],
    )
    assert isinstance(owner.pet, Dog)
    assert [type(pet) for pet in owner.pets] == [Cat, Cat, Cat]
    assert [cast(Cat, pet).lives for pet in owner.pets[:2]] == [9, "nine"]  # validated when valid


def test_optional_constructs_the_inner_type_leniently() -> None:
    assert construct_type(value="2", type_=Optional[int]) == "2"
    assert construct_type(value=None, type_=Optional[Submodel]) is None
    assert isinstance(construct_type(value={"name": 1}, type_=Optional[Submodel]), Submodel)


def test_discriminator_details_are_cached() -> None:
    union = cast(Any, Union[Dog, Cat])
    assert DISCRIMINATOR_CACHE.get(union) is None
    construct_type(value={"type": "cat", "lives": "x"}, type_=Annotated[union, Discriminator("type")])
    details = DISCRIMINATOR_CACHE.get(union)
    assert details is not None
    assert details.mapping == {"dog": Dog, "cat": Cat}
    construct_type(value={"type": "dog", "good": "x"}, type_=Annotated[union, Discriminator("type")])
    assert DISCRIMINATOR_CACHE.get(union) is details

    bird_details = DISCRIMINATOR_CACHE.get(Union[Cat, Dog, Bird])
    assert bird_details is not None
    assert (bird_details.field_name, bird_details.field_alias_from) == ("type", None)


def test_discriminator_shared_by_two_variants_picks_the_later_one() -> None:
    class First(BaseModel):
        type: Literal["same"]
        data: bool

    class Second(BaseModel):
        type: Literal["same"]
        data: int

    item = construct_type(
        value={"type": "same", "data": "foo"}, type_=Annotated[Union[First, Second], Discriminator("type")]
    )
    assert isinstance(item, Second)
    assert item.data == "foo"


def test_discriminator_with_an_aliased_field() -> None:
    class Fish(BaseModel):
        kind: Literal["fish"] = pydantic.Field(alias="species")
        fins: int

    class Snail(BaseModel):
        kind: Literal["snail"] = pydantic.Field(alias="species")
        shell: int

    union = Annotated[Union[Fish, Snail], Discriminator("kind")]
    snail = construct_type(value={"species": "snail", "shell": "x", "fins": "no"}, type_=union)
    assert isinstance(snail, Snail)
    details = DISCRIMINATOR_CACHE[Union[Fish, Snail]]
    assert (details.field_name, details.field_alias_from) == ("kind", "species")


# --- validation and the fast path --------------------------------------------------------------------------------


def test_validate_type() -> None:
    assert validate_type(type_=Submodel, value={"name": "a", "level": "2"}) == Submodel(name="a", level=2)
    assert validate_type(type_=List[int], value=["1"]) == [1]
    with pytest.raises(pydantic.ValidationError):
        validate_type(type_=Submodel, value={"level": 1})


VALID = {
    "id": "x",
    "count": 3,
    "ratio": 2,
    "created": "2024-01-02T03:04:05Z",
    "day": "2024-01-02",
    "kind": "b",
    "sub": {"name": "s", "more": [1]},
    "subs": [{"name": "t", "level": 1}],
    "by_key": {"k": {"name": "u"}},
    "schema": "s",
    "new": {"x": None},
}
_REMOVE = object()
INVALID_VARIANTS: Dict[str, Dict[str, object]] = {
    "valid": {},
    "missing required": {"id": _REMOVE, "count": _REMOVE},
    "string for int": {"count": "3"},
    "unknown literal": {"kind": "c"},
    "bad nested": {"subs": [{"name": 1}, {"level": "x"}]},
    "bool for float": {"ratio": True},
    "int timestamp": {"created": 1700000000},
    "bad date": {"day": "tomorrow"},
    "null for non-optional": {"subs": None},
}


def _snapshot(value: object) -> object:
    """Everything observable about a parsed value: types, fields, which ones were set."""
    if isinstance(value, pydantic.BaseModel):
        fields = {name: _snapshot(getattr(value, name)) for name in type(value).model_fields}
        extra = {name: _snapshot(item) for name, item in (value.model_extra or {}).items()}
        return (type(value).__name__, fields, extra, sorted(value.model_fields_set))
    if isinstance(value, list):
        return [_snapshot(item) for item in cast(List[object], value)]
    if isinstance(value, dict):
        return {key: _snapshot(item) for key, item in cast(Dict[str, object], value).items()}
    return (type(value).__name__, value)


@pytest.mark.parametrize("changes", list(INVALID_VARIANTS.values()), ids=list(INVALID_VARIANTS))
def test_lenient_fast_path_equals_lenient_construction(changes: Dict[str, object]) -> None:
    raw = json.dumps({key: value for key, value in {**VALID, **changes}.items() if value is not _REMOVE})

    parsed = parse_json(Model, raw, response=RESPONSE, strict=False)

    assert _snapshot(parsed) == _snapshot(construct_type(value=json.loads(raw), type_=Model))


def test_lenient_parse_of_mismatched_data() -> None:
    m = parse_json(Model, b'{"id": "x", "count": "3", "kind": "new", "extra": 1}', response=RESPONSE, strict=False)
    assert (m.count, m.kind, cast(Any, m).extra) == ("3", "new", 1)
    assert m.model_fields_set == {"id", "count", "kind", "extra"}


def test_strict_parse_validates() -> None:
    m = parse_json(Model, b'{"id": "x", "count": "3"}', response=RESPONSE, strict=True)
    assert m.count == 3

    with pytest.raises(APIResponseValidationError) as exc_info:
        parse_json(Model, b'{"id": "x", "count": "many"}', response=RESPONSE, strict=True)
    assert exc_info.value.body == {"id": "x", "count": "many"}
    assert exc_info.value.status_code == 200
    assert isinstance(exc_info.value.__cause__, pydantic.ValidationError)


@pytest.mark.parametrize("strict", [True, False])
def test_parse_json_special_cases(strict: bool) -> None:
    assert parse_json(Model, b"null", response=RESPONSE, strict=strict) is None
    assert parse_json(object, b'{"a": [1]}', response=RESPONSE, strict=strict) == {"a": [1]}
    assert parse_json(Dict[str, int], '{"a": 1}', response=RESPONSE, strict=strict) == {"a": 1}
    assert parse_json(List[Submodel], b'[{"name": "a"}]', response=RESPONSE, strict=strict) == [Submodel(name="a")]
    pet = parse_json(cast(Any, Pet), b'{"type": "cat", "lives": 9}', response=RESPONSE, strict=strict)
    assert isinstance(pet, Cat)
    with pytest.raises(json.JSONDecodeError):
        parse_json(Model, b"{not json", response=RESPONSE, strict=strict)


def test_process_response_data() -> None:
    data = {"id": "x", "count": "many"}
    assert process_response_data(data=data, cast_to=Model, response=RESPONSE, strict=False).count == "many"
    assert process_response_data(data=None, cast_to=Model, response=RESPONSE, strict=True) is None
    assert process_response_data(data=[1], cast_to=object, response=RESPONSE, strict=True) == [1]
    with pytest.raises(APIResponseValidationError) as exc_info:
        process_response_data(data=data, cast_to=Model, response=RESPONSE, strict=True)
    assert exc_info.value.body is data


# --- FinalRequestOptions -----------------------------------------------------------------------------------------


def test_final_request_options_defaults() -> None:
    options = FinalRequestOptions(method="get", url="/foo")
    assert options.params == {}
    assert options.headers is not_given
    assert options.max_retries is not_given
    assert options.timeout is not_given
    assert options.post_parser is not_given
    assert (options.files, options.idempotency_key, options.json_data, options.extra_json) == (None, None, None, None)
    assert (options.follow_redirects, options.security, options.synthesize_event_and_data, options.content) == (
        None,
        None,
        None,
        None,
    )
    assert FinalRequestOptions(method="get", url="/a").params is not options.params


def test_final_request_options_construct() -> None:
    options = FinalRequestOptions.construct(method="post", url="/x", timeout=NOT_GIVEN, max_retries=3, json_data={})
    assert options.timeout is not_given
    assert options.max_retries == 3
    assert FinalRequestOptions.model_construct(method="get", url="/x") == FinalRequestOptions(method="get", url="/x")
    with pytest.raises(TypeError, match="bogus"):
        FinalRequestOptions.construct(method="get", url="/x", bogus=1)


def test_final_request_options_copy() -> None:
    options = FinalRequestOptions(method="post", url="/x", json_data={"a": [1]}, headers={"X": "1"})

    shallow = options.model_copy()
    assert shallow == options
    assert shallow is not options
    assert shallow.json_data is options.json_data

    deep = options.model_copy(deep=True)
    assert deep == options
    assert deep.json_data is not options.json_data

    updated = options.model_copy(update={"url": "/y", "max_retries": 0})
    assert (updated.url, updated.max_retries, options.url) == ("/y", 0, "/x")


def test_final_request_options_max_retries() -> None:
    assert FinalRequestOptions(method="get", url="/").get_max_retries(2) == 2
    assert FinalRequestOptions(method="get", url="/", max_retries=0).get_max_retries(2) == 0


def test_final_request_options_strip_raw_response_header() -> None:
    headers = {RAW_RESPONSE_HEADER: "true", "X-Other": Omit()}
    options = FinalRequestOptions(method="get", url="/", headers=headers)
    options._strip_raw_response_header()
    assert list(options.headers) == ["X-Other"]  # type: ignore[arg-type]
    assert RAW_RESPONSE_HEADER in headers  # the caller's mapping is left alone

    untouched = FinalRequestOptions(method="get", url="/")
    untouched._strip_raw_response_header()
    assert untouched.headers is not_given


def test_final_request_options_misc() -> None:
    options = FinalRequestOptions(method="get", url="/x")
    assert repr(options).startswith("FinalRequestOptions(method='get', url='/x', params={}, headers=NOT_GIVEN")
    assert options != FinalRequestOptions(method="get", url="/y")
    assert FinalRequestOptionsInput.__required_keys__ == frozenset({"method", "url"})
    assert set(FinalRequestOptionsInput.__optional_keys__) == set(FinalRequestOptions.FIELDS) - {"method", "url"}
