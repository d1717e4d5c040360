"""Signature checks, used by tests to keep hand-written helpers in step with the generated methods they wrap."""

from __future__ import annotations

import inspect
from typing import Any, Callable, Iterable


def function_has_argument(func: Callable[..., Any], arg_name: str) -> bool:
    """Whether `func` accepts a parameter named `arg_name`."""
    return arg_name in inspect.signature(func).parameters


def assert_signatures_in_sync(
    source_func: Callable[..., Any],
    check_func: Callable[..., Any],
    *,
    exclude_params: Iterable[str] = (),
    description: str = "",
) -> None:
    """Raise `AssertionError` unless `check_func` has every parameter of `source_func`, with the same annotation."""
    excluded = set(exclude_params)
    checked = inspect.signature(check_func).parameters
    errors: list[str] = []
    for name, param in inspect.signature(source_func).parameters.items():
        if name in excluded:
            continue
        other = checked.get(name)
        if other is None:
            errors.append(f"the `{name}` param is missing")
        elif other.annotation != param.annotation:
            errors.append(
                f"types for the `{name}` param do not match; source={param.annotation!r} checking={other.annotation!r}"
            )
    if errors:
        details = "\n".join(f"- {error}" for error in errors)
        raise AssertionError(f"signatures differ{description} in {len(errors)} place(s):\n{details}")
