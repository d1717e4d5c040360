"""Name conversions shared by every stage: snake_case modules, PascalCase classes, singular nouns."""

from __future__ import annotations

import re
import keyword

# Words rendered fully upper-case (or with a fixed spelling) inside PascalCase names.
_SPECIAL_WORDS = {
    "id": "ID",
    "ids": "IDs",
    "url": "URL",
    "urls": "URLs",
    "api": "API",
    "json": "JSON",
    "jsonl": "JSONL",
    "ip": "IP",
    "pcm": "PCM",
    "pcma": "PCMA",
    "pcmu": "PCMU",
    "c2pa": "C2PA",
    "oauth": "OAuth",
    "chatkit": "ChatKit",
}

# Module names that the camel-hump rule would split differently.
_SNAKE_EXCEPTIONS = {"ChatKit": "Chatkit", "OAuth": "Oauth", "C2PA": "C2pa"}

_HUMP_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_HUMP_LOWER = re.compile(r"([a-z0-9])([A-Z])")
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+")
_LAST_WORD = re.compile(r"([A-Z]?[a-z0-9]+|[A-Z0-9]+)$")


def snake(name: str) -> str:
    """`ResponseFormatJSONSchema` -> `response_format_json_schema`; `ChatKitThread` -> `chatkit_thread`."""
    for special, plain in _SNAKE_EXCEPTIONS.items():
        name = name.replace(special, plain)
    name = _HUMP_ACRONYM.sub(r"\1_\2", name)
    name = _HUMP_LOWER.sub(r"\1_\2", name)
    return _WORD_SPLIT.sub("_", name).strip("_").lower()


def words(text: str) -> list[str]:
    """Lower-case words of a snake_case, kebab-case, dotted or camelCase string."""
    return [w for w in snake(text).split("_") if w]


def pascal(text: str) -> str:
    """`url_citation` -> `URLCitation`; `fine-tune` -> `FineTune`; `admin_api_keys` -> `AdminAPIKeys`."""
    return "".join(_SPECIAL_WORDS.get(w, w[:1].upper() + w[1:]) for w in words(text))


def singular(word: str) -> str:
    """Singular of an English plural, applied to the last word of a snake or Pascal name."""
    match = _LAST_WORD.search(word)
    if match is None:
        return word
    head, last = word[: match.start()], match.group(0)
    lower = last.lower()
    if lower in ("data", "metadata", "status", "bytes", "series", "news", "analysis", "alias"):
        return word
    if lower == "criteria":
        return head + last[:-1] + "on"
    if lower.endswith("ies") and len(lower) > 3:
        last = last[:-3] + ("Y" if last[-3].isupper() else "y")
    elif lower.endswith(("sses", "shes", "ches", "xes", "uses")):
        last = last[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        last = last[:-1]
    return head + last


def identifier(wire: str) -> str:
    """A Python identifier for a wire name (`schema` handled by the caller, `include[]` -> `include`)."""
    name = wire.removesuffix("[]")
    name = _WORD_SPLIT.sub("_", name).strip("_") or "_"
    if name[0].isdigit():
        name = "_" + name
    return name + "_" if keyword.iskeyword(name) else name
