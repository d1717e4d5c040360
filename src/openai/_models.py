"""Response models and how decoded JSON becomes them, plus the options of one request.

Owns `BaseModel` (the base of every response type), lenient construction (`construct_type`: no validation,
mismatched data kept as received), validation (`validate_type`), the fast path from undecoded JSON (`parse_json`),
`process_response_data` (what the client's `_process_response_data` does) and `FinalRequestOptions`.
"""

from __future__ import annotations

import os
import copy
import json
import typing
import inspect
import functools
import collections.abc
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    Dict,
    List,
    Type,
    Tuple,
    Union,
    Mapping,
    TypeVar,
    Callable,
    ClassVar,
    Iterable,
    Optional,
    Sequence,
    AsyncIterable,
    cast,
)
from datetime import date, datetime

import httpx
import pydantic
from pydantic import ConfigDict
from pydantic_core import PydanticUndefined
from pydantic.fields import FieldInfo
from typing_extensions import Self, Literal, Annotated, TypedDict, TypeGuard, get_args, override, get_origin

from ._types import (
    Body,
    Headers,
    NoneType,
    NotGiven,
    AnyMapping,
    SecurityOptions as SecurityOptions,
    HttpxRequestFiles,
    not_given,
)
from ._compat import is_literal_type
from ._constants import RAW_RESPONSE_HEADER
from ._exceptions import APIResponseValidationError
from ._utils._typing import is_union_type, is_type_alias_type
from ._utils._datetime_parse import parse_date, parse_datetime

if TYPE_CHECKING:
    from pydantic import TypeAdapter
    from pydantic_core import SchemaValidator
    from pydantic.plugin._schema_validator import PluggableSchemaValidator

__all__ = ["BaseModel", "GenericModel"]

_T = TypeVar("_T")
_ModelT = TypeVar("_ModelT", bound="BaseModel")
_PydanticModelT = TypeVar("_PydanticModelT", bound=pydantic.BaseModel)

_object_setattr = object.__setattr__


class BaseModel(pydantic.BaseModel):
    """Base of every response type: unknown fields are kept (`model_extra`), and data that does not match the
    declared types is kept as received when the client does not validate strictly."""

    model_config = ConfigDict(
        extra="allow",
        protected_namespaces=(),
        # Building validators for the hundreds of API types up front would make `import` slow: build on first use.
        defer_build=os.environ.get("DEFER_PYDANTIC_BUILD", "true").lower() in ("true", "1", "on"),
    )

    if TYPE_CHECKING:
        _request_id: Optional[str] = None
        """The `x-request-id` header of the response this object was returned from (top-level objects only)."""

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> Dict[str, object]:
        """The model as a dictionary, keyed by the API's field names and holding only the fields that were set.

        `mode="json"` gives JSON-compatible values (e.g. datetimes as strings).
        """
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: Optional[int] = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """The model as a JSON string, keyed by the API's field names and holding only the fields that were set."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    @override
    def __str__(self) -> str:
        return self.__repr__()

    # (`cls` is positional-only so that data may have a `cls` field)
    @classmethod
    @override
    def construct(cls, /, _fields_set: set[str] | None = None, **values: object) -> Self:
        """Build an instance from API data without validating it (see `construct_type`)."""
        return _construct_model(cls, values, _fields_set)

    @classmethod
    @override
    def model_construct(cls, /, _fields_set: set[str] | None = None, **values: object) -> Self:
        """Same as `construct`."""
        return _construct_model(cls, values, _fields_set)


class GenericModel(BaseModel):
    """Base of generic response types (pages): `class Page(GenericModel, Generic[T])`."""


if TYPE_CHECKING:
    EagerIterable = Iterable
else:

    class EagerIterable:
        """`EagerIterable[T]` is read as `Iterable[T]` by type checkers, but validated into a `list`: pydantic
        otherwise keeps an `Iterable` field as a lazy iterator that can only be consumed once."""

        def __class_getitem__(cls, item: object) -> object:
            return List[item]


def is_basemodel(type_: object) -> bool:
    """Whether `type_` is one of our models, or a union (possibly `Annotated`) that contains one."""
    type_ = _strip_annotated(type_)
    if is_union_type(type_):
        return any(is_basemodel(variant) for variant in get_args(type_))
    return is_basemodel_type(type_)


def is_basemodel_type(type_: object) -> TypeGuard[Type[BaseModel]]:
    origin = get_origin(type_) or type_
    return inspect.isclass(origin) and issubclass(origin, BaseModel)


def add_request_id(obj: BaseModel, request_id: str | None) -> None:
    """Record the response's `x-request-id` on the object returned to the user (never serialised or shown)."""
    # Straight into `__dict__`, as pydantic does for names it does not know (faster than its `__setattr__`).
    _object_setattr(obj, "_request_id", request_id)


def build(base_model_cls: Callable[..., _ModelT], **kwargs: object) -> _ModelT:
    """Build a model from keyword arguments leniently, like `construct_type` does from API data."""
    return cast(_ModelT, construct_type(value=kwargs, type_=base_model_cls))


# --- validation --------------------------------------------------------------------------------------------------

_ADAPTERS: Dict[object, "TypeAdapter[Any]"] = {}


def _type_adapter(type_: object) -> TypeAdapter[Any]:
    try:
        adapter = _ADAPTERS.get(type_)
    except TypeError:  # unhashable `Annotated` metadata
        return _new_type_adapter(type_)
    if adapter is None:
        adapter = _ADAPTERS[type_] = _new_type_adapter(type_)
    return adapter


def _new_type_adapter(type_: object) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter  # not needed for models, the usual case: keep it out of start-up

    return TypeAdapter[Any](cast(Any, type_))


def validate_type(*, type_: type[_T], value: object) -> _T:
    """Full pydantic validation of decoded data (lax mode); raises `pydantic.ValidationError`."""
    if inspect.isclass(type_) and issubclass(type_, pydantic.BaseModel):
        return cast(_T, type_.model_validate(value))
    return cast(_T, _type_adapter(type_).validate_python(value))


_JSON_VALIDATORS: Dict[object, Union[SchemaValidator, PluggableSchemaValidator]] = {}


def _json_validator(type_: object) -> Union[SchemaValidator, PluggableSchemaValidator]:
    validator = _JSON_VALIDATORS.get(type_)
    if validator is None:
        if inspect.isclass(type_) and issubclass(type_, pydantic.BaseModel):
            # The model's own validator: building a second one through a TypeAdapter would double the cold cost.
            if not type_.__pydantic_complete__:
                type_.model_rebuild()
            validator = type_.__pydantic_validator__
        else:
            validator = _type_adapter(type_).validator
        _JSON_VALIDATORS[type_] = validator
    return validator


def parse_json(type_: type[_T], raw: bytes | str, *, response: httpx.Response, strict: bool) -> _T:
    """The value of undecoded JSON `raw` (from `response`) as `type_`, straight from the bytes when the data fits.

    `strict` is the client's `_strict_response_validation`. Strict clients get pydantic's (lax) validation. For the
    others the data is validated only against the exact declared types, so that a validated result is what lenient
    construction would give. When validation fails the JSON is decoded and handed to `process_response_data`.
    Invalid JSON raises `json.JSONDecodeError`.
    """
    if type_ is object:
        return cast(_T, json.loads(raw))
    try:
        return cast(_T, _json_validator(type_).validate_json(raw, strict=not strict))
    except pydantic.ValidationError:
        pass
    return process_response_data(data=json.loads(raw), cast_to=type_, response=response, strict=strict)


def _build(type_: type[_T], data: object, *, strict: bool) -> _T:
    if data is None or type_ is object:
        return cast(_T, data)
    if strict:
        return validate_type(type_=type_, value=data)
    return cast(_T, construct_type(type_=type_, value=data))


def process_response_data(*, data: object, cast_to: type[_T], response: httpx.Response, strict: bool) -> _T:
    """Decoded response data as `cast_to`: validated when `strict`, else built leniently.

    JSON `null` gives `None` and `object` the data itself; validation failures raise `APIResponseValidationError`.
    """
    try:
        return _build(cast_to, data, strict=strict)
    except pydantic.ValidationError as err:
        raise APIResponseValidationError(response=response, body=data) from err


# --- lenient construction ----------------------------------------------------------------------------------------


def construct_type_unchecked(*, value: object, type_: type[_T]) -> _T:
    """`construct_type` for callers that know the result is a `type_`."""
    return cast(_T, construct_type(value=value, type_=type_))


def construct_type(*, value: object, type_: object, metadata: Optional[Sequence[Any]] = None) -> object:
    """Coerce decoded JSON into `type_` without validating it.

    Objects become models (missing fields read as their default or `None`, unknown ones are kept), lists and dicts
    are followed, integers become floats where a float is declared and that loses nothing, ISO-8601 strings become
    `datetime`/`date`. Anything that does not fit the declared type is kept as received. Unions are validated first;
    when that fails the discriminator (`Annotated[Union[...], PropertyInfo(discriminator=...)]`) picks the variant,
    else the first variant the value's shape fits (object, array or scalar).
    """
    if metadata:
        return _make_constructor(type_, metadata)(value)
    return _constructor(type_)(value)


# How to build each type is worked out once; this is what makes lenient construction affordable.
_Constructor = Callable[[object], object]
_CONSTRUCTORS: Dict[object, _Constructor] = {}


def _constructor(type_: object) -> _Constructor:
    try:
        constructor = _CONSTRUCTORS.get(type_)
    except TypeError:  # unhashable `Annotated` metadata
        return _make_constructor(type_, ())
    if constructor is None:
        constructor = _CONSTRUCTORS[type_] = _make_constructor(type_, ())
    return constructor


def _make_constructor(annotation: object, metadata: Sequence[Any]) -> _Constructor:
    type_, metadata = _unwrap(annotation, metadata)
    if is_union_type(type_):
        return _union_constructor(annotation, type_, metadata)

    origin = get_origin(type_) or type_
    args = get_args(type_)
    if inspect.isclass(origin) and issubclass(origin, pydantic.BaseModel):
        return functools.partial(_construct_if_object, cast(Type[pydantic.BaseModel], type_))
    if origin is dict or origin is collections.abc.Mapping:
        items = _constructor(args[1]) if len(args) == 2 else _keep
        return _keep if items is _keep else functools.partial(_construct_dict, items)
    if origin is list:
        items = _constructor(args[0]) if args else _keep
        return _keep if items is _keep else functools.partial(_construct_list, items)
    if type_ is float:
        return _to_float
    if type_ is datetime:
        return functools.partial(_parse_or_keep, parse_datetime)
    if type_ is date:
        return functools.partial(_parse_or_keep, parse_date)
    return _keep


def _keep(value: object) -> object:
    return value


def _construct_if_object(model_cls: Type[pydantic.BaseModel], value: object) -> object:
    return _construct_model(model_cls, cast(Dict[str, object], value), None) if isinstance(value, dict) else value


def _construct_dict(items: _Constructor, value: object) -> object:
    if not isinstance(value, dict):
        return value
    return {key: items(item) for key, item in cast(Dict[str, object], value).items()}


def _construct_list(items: _Constructor, value: object) -> object:
    if not isinstance(value, list):
        return value
    return [items(item) for item in cast(List[object], value)]


def _to_float(value: object) -> object:
    return float(value) if type(value) is int and float(value) == value else value


def _parse_or_keep(parse: Callable[[Any], object], value: object) -> object:
    try:
        return parse(value)
    except (TypeError, ValueError):
        return value


def _unwrap(type_: object, metadata: Optional[Sequence[Any]]) -> Tuple[object, List[Any]]:
    """Strips `Annotated[...]` (collecting its metadata) and `type X = ...` aliases."""
    collected = list(metadata or ())
    while True:
        if get_origin(type_) is Annotated:
            collected.extend(cast(Any, type_).__metadata__)
            type_ = get_args(type_)[0]
        elif is_type_alias_type(type_):
            type_ = cast(Any, type_).__value__
        elif is_type_alias_type(get_origin(type_)):  # a generic alias, e.g. `Alias[int]`
            type_ = cast(Any, get_origin(type_)).__value__[get_args(type_)]
        else:
            return type_, collected


def _strip_annotated(type_: object) -> object:
    return _unwrap(type_, None)[0]


def _union_constructor(annotation: object, union: object, metadata: List[Any]) -> _Constructor:
    variants = [variant for variant in get_args(union) if variant is not NoneType]
    if len(variants) == 1:  # Optional[X]: X, leniently
        inner = _constructor(variants[0])
        return lambda value: None if value is None else inner(value)

    shapes = [(_shape(variant), variant) for variant in variants]

    def construct(value: object) -> object:
        try:
            return validate_type(type_=cast(Any, annotation), value=value)
        except Exception:
            pass
        variant = _tagged_variant(value, union, metadata)
        if variant is None:
            shape = _shape_of(value)
            variant = next((variant for expected, variant in shapes if expected in (shape, None)), None)
        return value if variant is None else _constructor(variant)(value)

    return construct


def _tagged_variant(value: object, union: object, metadata: List[Any]) -> type | None:
    """The variant named by the discriminator tag in `value`, if the union has a discriminator and knows the tag."""
    if not isinstance(value, dict):
        return None
    details = _discriminator_details(union, metadata)
    if details is None:
        return None
    tag = cast(Dict[str, object], value).get(details.field_alias_from or details.field_name)
    return details.mapping.get(tag) if isinstance(tag, str) else None


def _shape(type_: object) -> str | None:
    """The JSON shape a `type_` is built from: "object", "array" or "scalar" (None: any)."""
    type_ = _strip_annotated(type_)
    if type_ is Any or type_ is object or is_union_type(type_) or isinstance(type_, TypeVar):
        return None
    origin = get_origin(type_) or type_
    if origin in (dict, collections.abc.Mapping) or (
        inspect.isclass(origin) and issubclass(origin, pydantic.BaseModel)
    ):
        return "object"
    return "array" if origin is list else "scalar"


def _shape_of(value: object) -> str:
    return "object" if isinstance(value, dict) else "array" if isinstance(value, list) else "scalar"


class DiscriminatorDetails:
    """How to pick a union variant from a tag field: `mapping` from tag value to variant."""

    __slots__ = ("field_name", "field_alias_from", "mapping")

    def __init__(self, *, field_name: str, field_alias_from: str | None, mapping: Dict[str, type]) -> None:
        self.field_name = field_name
        """The tag's Python field name."""
        self.field_alias_from = field_alias_from
        """The tag's name in API data, when it differs from `field_name`."""
        self.mapping = mapping


DISCRIMINATOR_CACHE: Dict[object, DiscriminatorDetails] = {}
"""Discriminator details by (un-annotated) union type."""


def _discriminator_details(union: object, metadata: List[Any]) -> DiscriminatorDetails | None:
    cached = DISCRIMINATOR_CACHE.get(union)
    if cached is not None:
        return cached
    field_name = next((m.discriminator for m in metadata if isinstance(getattr(m, "discriminator", None), str)), None)
    if field_name is None:
        return None

    mapping: Dict[str, type] = {}
    alias: str | None = None
    for variant in get_args(union):
        variant = _strip_annotated(variant)
        if not (inspect.isclass(variant) and issubclass(variant, pydantic.BaseModel)):
            continue
        fields = variant.model_fields
        field = fields.get(field_name) or next((f for f in fields.values() if f.alias == field_name), None)
        if field is None:
            continue
        if field.alias and field.alias != field_name:
            alias = field.alias
        for tag in _literal_values(field.annotation):
            if isinstance(tag, str):
                mapping[tag] = variant  # a tag two variants share goes to the later one

    details = DiscriminatorDetails(field_name=field_name, field_alias_from=alias, mapping=mapping)
    DISCRIMINATOR_CACHE[union] = details
    return details


def _literal_values(type_: object) -> List[object]:
    type_ = _strip_annotated(type_)
    if is_union_type(type_):
        return [value for variant in get_args(type_) for value in _literal_values(variant)]
    if is_literal_type(type_):
        return list(get_args(type_))
    return []


# Per model: (field name, key in API data, how to build the value, its default: the value, or the field when it must
# be copied) for each field, and how to build unknown fields when the model declares their type.
_FieldPlan = Tuple[Tuple[str, str, _Constructor, object], ...]
_ModelPlan = Tuple[_FieldPlan, Optional[_Constructor]]
_MODEL_PLANS: Dict[type, _ModelPlan] = {}


def _model_plan(model_cls: Type[pydantic.BaseModel]) -> _ModelPlan:
    plan = _MODEL_PLANS.get(model_cls)
    if plan is None:
        complete = getattr(model_cls, "__pydantic_fields_complete__", True)
        if not complete:  # forward references not resolved yet
            complete = bool(model_cls.model_rebuild(raise_errors=False))
        fields = tuple(
            (name, field.alias or name, _make_constructor(field.annotation, field.metadata), _plan_default(field))
            for name, field in model_cls.model_fields.items()
        )
        extra_type = _extra_fields_type(model_cls)
        plan = (fields, None if extra_type is None else _constructor(extra_type))
        if complete:
            _MODEL_PLANS[model_cls] = plan
    return plan


def _extra_fields_type(model_cls: type) -> object:
    """`X` when the model declares `__pydantic_extra__: Dict[str, X]`."""
    for klass in model_cls.__mro__:
        annotation = klass.__dict__.get("__annotations__", {}).get("__pydantic_extra__")
        if annotation is not None:
            if isinstance(annotation, str):
                try:
                    annotation = typing.get_type_hints(klass)["__pydantic_extra__"]
                except Exception:  # a name the module cannot resolve
                    return None
            args = get_args(annotation)
            return args[1] if len(args) == 2 else None
    return None


def _plan_default(field: FieldInfo) -> object:
    default = _field_default(field)
    if field.default_factory is None and isinstance(default, _IMMUTABLE):
        return cast(object, default)
    return field


_IMMUTABLE = (type(None), str, int, float, tuple, frozenset)


def _field_default(field: FieldInfo) -> object:
    default = field.get_default(call_default_factory=True)
    return None if default is PydanticUndefined else default


def _default(default: object) -> object:
    """The default from a field plan (a fresh one when it is mutable)."""
    return _field_default(default) if isinstance(default, FieldInfo) else default


def _construct_model(
    model_cls: Type[_PydanticModelT], values: Mapping[str, object], fields_set: set[str] | None
) -> _PydanticModelT:
    """A `model_cls` built from API data, looked up by field alias first and then by name (no validation).

    Missing fields get their default (or `None`) and stay unset; JSON `null` gives the default but counts as set.
    """
    fields: Dict[str, object] = {}
    given: set[str] = set()
    used: set[str] = set()
    field_plan, extra_item = _model_plan(model_cls)
    for name, key, construct, default in field_plan:
        if key not in values:
            if name not in values:
                fields[name] = _default(default)
                continue
            key = name
        used.add(key)
        given.add(name)
        value = values[key]
        fields[name] = _default(default) if value is None else construct(value)

    extra: Dict[str, object] | None = None
    if model_cls.model_config.get("extra") == "allow":
        extra = {key: value for key, value in values.items() if key not in used} if len(used) < len(values) else {}
        if extra_item is not None:
            extra = {key: extra_item(value) for key, value in extra.items()}
        given.update(extra)

    model = model_cls.__new__(model_cls)
    _object_setattr(model, "__dict__", fields)
    _object_setattr(model, "__pydantic_fields_set__", given if fields_set is None else fields_set)
    _object_setattr(model, "__pydantic_extra__", extra)
    if model_cls.__pydantic_post_init__:
        model.model_post_init(None)  # also sets up private attributes
    else:
        _object_setattr(model, "__pydantic_private__", None)
    return model


# --- request options ---------------------------------------------------------------------------------------------


class _FinalRequestOptionsRequired(TypedDict):
    # (not `Required[...]`: with postponed annotations that is lost at runtime)
    method: str
    url: str


class FinalRequestOptionsInput(_FinalRequestOptionsRequired, total=False):
    """The keyword arguments of `FinalRequestOptions`."""

    params: Mapping[str, object]
    headers: Headers
    max_retries: int
    timeout: Union[float, httpx.Timeout, None]
    files: Optional[HttpxRequestFiles]
    idempotency_key: Optional[str]
    post_parser: Callable[[Any], Any]
    follow_redirects: Optional[bool]
    security: Optional[SecurityOptions]
    synthesize_event_and_data: Optional[bool]
    content: Union[bytes, bytearray, IO[bytes], Iterable[bytes], AsyncIterable[bytes], None]
    json_data: Optional[Body]
    extra_json: Optional[AnyMapping]


class FinalRequestOptions:
    """Everything the client needs to send one request (a plain object: one is made for every request)."""

    # No `__slots__`: copying the instance `__dict__` makes `model_copy` (once per request) four times faster.
    FIELDS: ClassVar[Tuple[str, ...]] = (
        "method",
        "url",
        "params",
        "headers",
        "max_retries",
        "timeout",
        "files",
        "idempotency_key",
        "post_parser",
        "follow_redirects",
        "security",
        "synthesize_event_and_data",
        "content",
        "json_data",
        "extra_json",
    )

    def __init__(
        self,
        *,
        method: str,
        url: str,
        params: Optional[Mapping[str, object]] = None,
        headers: Union[Headers, NotGiven] = not_given,
        max_retries: Union[int, NotGiven] = not_given,
        timeout: Union[float, httpx.Timeout, None, NotGiven] = not_given,
        files: Optional[HttpxRequestFiles] = None,
        idempotency_key: Optional[str] = None,
        post_parser: Union[Callable[[Any], Any], NotGiven] = not_given,
        follow_redirects: Optional[bool] = None,
        security: Optional[SecurityOptions] = None,
        synthesize_event_and_data: Optional[bool] = None,
        content: Union[bytes, bytearray, IO[bytes], Iterable[bytes], AsyncIterable[bytes], None] = None,
        json_data: Optional[Body] = None,
        extra_json: Optional[AnyMapping] = None,
    ) -> None:
        self.method = method
        self.url = url
        self.params: Mapping[str, object] = {} if params is None else params
        self.headers = headers
        self.max_retries = max_retries
        self.timeout = timeout
        self.files = files
        self.idempotency_key = idempotency_key
        self.post_parser = post_parser
        self.follow_redirects = follow_redirects
        self.security = security
        """`None` for custom requests: the API key, else the admin key, is sent."""
        self.synthesize_event_and_data = synthesize_event_and_data
        self.content = content
        self.json_data = json_data
        self.extra_json = extra_json

    @classmethod
    def construct(cls, **values: Any) -> FinalRequestOptions:
        """Options from keyword values; `NotGiven` values leave the default and unknown keys raise `TypeError`."""
        unknown = [key for key in values if key not in cls.FIELDS]
        if unknown:
            raise TypeError(f"Unknown request option(s): {', '.join(unknown)}")
        return cls(**{key: value for key, value in values.items() if not isinstance(value, NotGiven)})

    model_construct = construct

    def model_copy(self, *, update: Optional[Mapping[str, Any]] = None, deep: bool = False) -> FinalRequestOptions:
        """A new object with the same options (deep-copied when `deep`), then `update` applied."""
        values = self.__dict__
        if deep:
            # (sentinels are kept: `options.timeout is not_given` must still hold)
            values = {name: v if isinstance(v, NotGiven) else copy.deepcopy(v) for name, v in values.items()}
        new = object.__new__(self.__class__)
        new.__dict__.update(values)
        if update:
            new.__dict__.update(update)
        return new

    def get_max_retries(self, max_retries: int) -> int:
        """This request's retry budget: its own `max_retries` when given, else the client's."""
        if isinstance(self.max_retries, NotGiven):
            return max_retries
        return self.max_retries

    def _strip_raw_response_header(self) -> None:
        """Drop `X-Stainless-Raw-Response` (follow-up requests, e.g. next pages, return parsed objects)."""
        if isinstance(self.headers, NotGiven) or RAW_RESPONSE_HEADER not in self.headers:
            return
        self.headers = {key: value for key, value in self.headers.items() if key != RAW_RESPONSE_HEADER}

    @override
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FinalRequestOptions):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    @override
    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{self.__class__.__name__}({fields})"
