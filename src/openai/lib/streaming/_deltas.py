"""`accumulate_delta`: merging a streamed delta (decoded JSON) into the snapshot built from the deltas before it."""

from __future__ import annotations

from typing import Any, Dict, List, cast

# Keys that identify a list entry or name its kind: repeated as is in later deltas, never concatenated.
_REPLACED_KEYS = ("index", "type")


def accumulate_delta(acc: Dict[str, Any], delta: Dict[str, Any]) -> Dict[str, Any]:
    """Merge `delta` into `acc` in place and return it.

    New keys are copied; strings are concatenated; nested objects are merged; lists of objects carrying an `index`
    are merged entry by entry on it, other lists are extended; anything else (and `index`/`type`) is replaced.
    Objects of `delta` may end up inside `acc`: pass a fresh one (e.g. from `to_dict()`).
    """
    for key, value in delta.items():
        current = acc.get(key)
        if current is None or key in _REPLACED_KEYS:
            acc[key] = value
        elif isinstance(current, str) and isinstance(value, str):
            acc[key] = current + value
        elif isinstance(current, dict) and isinstance(value, dict):
            accumulate_delta(cast(Dict[str, Any], current), cast(Dict[str, Any], value))
        elif isinstance(current, list) and isinstance(value, list):
            _accumulate_list(cast(List[Any], current), cast(List[Any], value))
        elif value is not None:
            acc[key] = value
    return acc


def _accumulate_list(acc: List[Any], delta: List[Any]) -> None:
    for item in delta:
        index = _index_of(item)
        if index is None:
            acc.append(item)
            continue
        target = next((entry for entry in acc if _index_of(entry) == index), None)
        if target is None:
            acc.append(item)
        else:
            accumulate_delta(target, cast(Dict[str, Any], item))


def _index_of(entry: object) -> object:
    return cast(Dict[str, Any], entry).get("index") if isinstance(entry, dict) else None
