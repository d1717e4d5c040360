"""Loading the OpenAPI document and normalising its schemas into `Schema` nodes.

Normalisation folds the spellings the spec uses for one idea into one form: `$ref`s become `ref` nodes
resolved on demand, `allOf` members are merged into one object, `anyOf [X, {type: null}]`, `nullable: true`
and `type: [X, "null"]` become `nullable=True`, single-value `x-stainless-const` enums stay one-value enums,
and `oneOf`/`anyOf` become `union` nodes carrying their discriminator. Every node keeps the raw dict it came
from: configuration pointers name schemas by that identity.
"""

from __future__ import annotations

import hashlib
import dataclasses
from typing import Any, Dict, List, Optional, cast
from dataclasses import field, dataclass

import yaml

Raw = Dict[str, Any]

SCHEMAS_PREFIX = "#/components/schemas/"


@dataclass(eq=False)
class Schema:
    """One normalised schema node.

    kind is one of: object, map, array, union, enum, string, integer, number, boolean, file, any, ref.
    """

    kind: str
    raw: Raw
    description: Optional[str] = None
    nullable: bool = False
    deprecated: bool = False
    format: Optional[str] = None
    # object
    properties: Dict[str, Schema] = field(default_factory=lambda: {})
    required: frozenset[str] = frozenset()
    base: Optional[Schema] = None  # the `$ref` an `allOf` extends, when it is the first member
    # map value / array item
    value: Optional[Schema] = None
    # enum
    values: List[Any] = field(default_factory=lambda: [])
    # union
    variants: List[Schema] = field(default_factory=lambda: [])
    discriminator: Optional[str] = None
    # ref
    target: Optional[str] = None

    @property
    def is_const(self) -> bool:
        return self.kind == "enum" and len(self.values) == 1


class SpecError(Exception):
    pass


_SHAPE_KEYS = (
    "type",
    "properties",
    "$ref",
    "items",
    "enum",
    "const",
    "allOf",
    "anyOf",
    "oneOf",
    "additionalProperties",
)


def _constraint_only(member: Raw) -> bool:
    """An `anyOf`/`oneOf` member that only constrains its parent (e.g. `{required: [a]}`), adding no shape."""
    return not any(key in member for key in _SHAPE_KEYS)


class Spec:
    """The parsed document plus memoised normalisation of its schemas."""

    def __init__(self, document: Raw, digest: str) -> None:
        self.document = document
        self.digest = digest
        self.components: Dict[str, Raw] = document.get("components", {}).get("schemas", {})
        self._memo: Dict[int, Schema] = {}

    @classmethod
    def load(cls, path: str) -> Spec:
        with open(path, "rb") as f:
            data = f.read()
        document = yaml.load(data, Loader=yaml.CSafeLoader)
        return cls(cast(Raw, document), hashlib.sha256(data).hexdigest())

    # -- addressing ---------------------------------------------------------------------------------

    def pointer(self, ref: str) -> Raw:
        """Resolve `#/a/b~1c/0` (absolute) or `Name/properties/x` (relative to components/schemas)."""
        parts = ref[2:].split("/") if ref.startswith("#/") else ["components", "schemas", *ref.split("/")]
        node: Any = self.document
        for part in parts:
            part = part.replace("~1", "/").replace("~0", "~")
            try:
                node = cast(List[Any], node)[int(part)] if isinstance(node, list) else node[part]
            except (KeyError, IndexError, ValueError) as e:
                raise SpecError(f"no schema at {ref!r} (failed at {part!r})") from e
        if not isinstance(node, dict):
            raise SpecError(f"{ref!r} is not a schema object")
        return cast(Raw, node)

    def operation(self, verb: str, path: str) -> Raw:
        try:
            return cast(Raw, self.document["paths"][path][verb])
        except KeyError:
            raise SpecError(f"no operation {verb.upper()} {path} in the spec") from None

    def component(self, name: str) -> Schema:
        if name not in self.components:
            raise SpecError(f"unknown schema {name!r}")
        return self.norm(self.components[name])

    def deref(self, schema: Schema) -> Schema:
        """Follow `ref` nodes to the schema they name (the ref site's nullability is kept)."""
        seen = 0
        while schema.kind == "ref":
            assert schema.target is not None
            target = self.component(schema.target)
            if schema.nullable and not target.nullable:
                target = dataclasses.replace(target, nullable=True)
            schema = target
            seen += 1
            if seen > 50:
                raise SpecError(f"reference loop at {schema.target}")
        return schema

    # -- normalisation --------------------------------------------------------------------------------

    def norm(self, raw: Raw) -> Schema:
        key = id(raw)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._norm(raw)
        return found

    def _norm(self, raw: Raw) -> Schema:
        meta: Dict[str, Any] = {
            "description": raw.get("description"),
            "deprecated": bool(raw.get("deprecated", False)),
        }
        nullable = bool(raw.get("nullable", False))

        if "$ref" in raw:
            ref = cast(str, raw["$ref"])
            if not ref.startswith(SCHEMAS_PREFIX):
                raise SpecError(f"unsupported $ref {ref}")
            return Schema("ref", raw, target=ref[len(SCHEMAS_PREFIX) :], nullable=nullable, **meta)

        if "allOf" in raw:
            return self._merge_all_of(raw, nullable, meta)

        for key in ("oneOf", "anyOf"):
            if key in raw and not ("properties" in raw and all(map(_constraint_only, raw[key]))):
                return self._union(raw, cast(List[Raw], raw[key]), nullable, meta)

        types = raw.get("type")
        if isinstance(types, list):
            listed = cast(List[str], types)
            names = [t for t in listed if t != "null"]
            nullable = nullable or len(names) < len(listed)
            if len(names) > 1:
                variants = [self.norm({**raw, "type": name, "description": None}) for name in names]
                return Schema("union", raw, variants=variants, nullable=nullable, **meta)
            types = names[0] if names else None

        if "enum" in raw:
            values = [v for v in cast(List[Any], raw["enum"]) if v is not None]
            nullable = nullable or len(values) < len(raw["enum"])
            return Schema("enum", raw, values=values, nullable=nullable, format=types, **meta)
        if "const" in raw:
            return Schema("enum", raw, values=[raw["const"]], nullable=nullable, format=types, **meta)

        if types == "array" or (types is None and "items" in raw):
            items = cast(Optional[Raw], raw.get("items"))
            value = self.norm(items) if items is not None else Schema("any", {})
            return Schema("array", raw, value=value, nullable=nullable, **meta)

        if types == "object" or "properties" in raw or "additionalProperties" in raw:
            return self._object(raw, nullable, meta)

        if types == "string" and raw.get("format") == "binary":
            return Schema("file", raw, nullable=nullable, **meta)
        if types in ("string", "integer", "number", "boolean"):
            return Schema(cast(str, types), raw, nullable=nullable, format=raw.get("format"), **meta)
        if types == "null":
            return Schema("any", raw, nullable=True, **meta)
        return Schema("any", raw, nullable=nullable, **meta)

    def _object(self, raw: Raw, nullable: bool, meta: Dict[str, Any]) -> Schema:
        props = cast(Dict[str, Raw], raw.get("properties") or {})
        additional = raw.get("additionalProperties")
        if not props:
            value = self.norm(cast(Raw, additional)) if isinstance(additional, dict) and additional else None
            return Schema("map", raw, value=value or Schema("any", {}), nullable=nullable, **meta)
        return Schema(
            "object",
            raw,
            properties={name: self.norm(p) for name, p in props.items()},
            required=frozenset(cast(List[str], raw.get("required") or [])),
            nullable=nullable,
            **meta,
        )

    def _union(self, raw: Raw, members: List[Raw], nullable: bool, meta: Dict[str, Any]) -> Schema:
        variants: List[Schema] = []
        for member in members:
            if member.get("type") == "null" and len(member) == 1 or member == {"type": "null"}:
                nullable = True
                continue
            variants.append(self.norm(member))
        disc = cast(Optional[Raw], raw.get("discriminator"))
        discriminator = cast(Optional[str], disc.get("propertyName")) if disc else None
        if len(variants) == 1 and not discriminator:
            only = variants[0]
            description = meta["description"] or only.description
            return dataclasses.replace(
                only,
                nullable=nullable or only.nullable,
                description=description,
                deprecated=meta["deprecated"] or only.deprecated,
            )
        return Schema("union", raw, variants=variants, discriminator=discriminator, nullable=nullable, **meta)

    def _merge_all_of(self, raw: Raw, nullable: bool, meta: Dict[str, Any]) -> Schema:
        members = [self.norm(m) for m in cast(List[Raw], raw["allOf"])]
        # members without a shape (`{nullable: true}`, `{description: ...}`) only annotate the others
        for extra in (m for m in members if m.kind == "any"):
            nullable = nullable or extra.nullable
            meta["description"] = meta["description"] or extra.description
        members = [m for m in members if m.kind != "any"] or members
        if len(members) == 1 and "properties" not in raw:
            only = members[0]
            return dataclasses.replace(
                only,
                nullable=nullable or only.nullable,
                description=meta["description"] or only.description,
                deprecated=meta["deprecated"] or only.deprecated,
            )
        props: Dict[str, Schema] = {}
        required: set[str] = set()
        for member in members:
            resolved = self.deref(member)
            if resolved.kind == "union" and all(self.deref(v).kind == "object" for v in resolved.variants):
                # allOf [Base, oneOf [...]] is modelled by the base's fields only
                continue
            if resolved.kind != "object":
                if resolved.kind == "map":
                    continue
                raise SpecError(f"allOf member of kind {resolved.kind} cannot be merged")
            props.update(resolved.properties)
            required |= resolved.required
        own = cast(Dict[str, Raw], raw.get("properties") or {})
        props.update({name: self.norm(p) for name, p in own.items()})
        required |= set(cast(List[str], raw.get("required") or []))
        base = members[0] if members[0].kind == "ref" else None
        return Schema(
            "object",
            raw,
            properties=props,
            required=frozenset(required),
            base=base,
            nullable=nullable,
            **meta,
        )
