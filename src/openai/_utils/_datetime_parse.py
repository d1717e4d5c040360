"""Lenient `date`/`datetime` parsing of API values: ISO-8601 text, or unix timestamps in s, ms, us or ns."""

from __future__ import annotations

import re
from typing import Union, Optional
from datetime import date, datetime, timezone, timedelta
from functools import cache

# A timestamp beyond this many seconds is taken to be in a finer unit and divided by 1000 until it is not.
_UNIT_WATERSHED = 2e10
# Beyond this the value saturates to `datetime.max` / `datetime.min`.
_MAX_NUMBER = 3e20
_EPOCH = datetime(1970, 1, 1)

_DATE = r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
_TIME = (
    r"(?P<hour>\d{1,2}):(?P<minute>\d{1,2})"
    r"(?::(?P<second>\d{1,2})(?:\.(?P<fraction>\d{1,6})\d*)?)?"
    r"(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?"
)


@cache
def _pattern(with_time: bool) -> re.Pattern[str]:
    # compiled on first use: most programs never parse a date string
    return re.compile(_DATE + r"[T ]" + _TIME + r"\Z" if with_time else _DATE + r"\Z")


DateInput = Union[str, bytes, int, float, date]


def parse_datetime(value: DateInput) -> datetime:
    """`datetime` from a `datetime`, a unix timestamp (number or numeric string) or an ISO-8601 string.

    Timestamps give UTC-aware values; strings keep their offset (`Z` is UTC) or stay naive without one.
    Raises `ValueError` for anything else.
    """
    if isinstance(value, datetime):
        return value
    number = _as_number(value)
    if number is not None:
        return _from_unix(number)
    text = value.decode() if isinstance(value, bytes) else str(value)
    match = _pattern(True).match(text)
    if match is None:
        raise ValueError("invalid datetime format")
    parts = match.groupdict()
    fraction = parts["fraction"]
    return datetime(
        int(parts["year"]),
        int(parts["month"]),
        int(parts["day"]),
        int(parts["hour"]),
        int(parts["minute"]),
        int(parts["second"] or 0),
        int(fraction.ljust(6, "0")) if fraction else 0,
        tzinfo=_parse_offset(parts["tz"]),
    )


def parse_date(value: DateInput) -> date:
    """`date` from a `date`/`datetime`, a unix timestamp or a `YYYY-MM-DD` string; `ValueError` otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    number = _as_number(value)
    if number is not None:
        return _from_unix(number).date()
    text = value.decode() if isinstance(value, bytes) else str(value)
    match = _pattern(False).match(text)
    if match is None:
        raise ValueError("invalid date format")
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        raise ValueError("invalid date format") from None


def _as_number(value: object) -> Optional[float]:
    if isinstance(value, (int, float)):
        return value
    try:
        return float(value)  # type: ignore[arg-type]
    except ValueError:
        return None
    except TypeError:
        raise TypeError(
            f"invalid type; expected a date or datetime, string, bytes, int or float, got {type(value)}"
        ) from None


def _from_unix(seconds: float) -> datetime:
    if seconds > _MAX_NUMBER:
        return datetime.max
    if seconds < -_MAX_NUMBER:
        return datetime.min
    while abs(seconds) > _UNIT_WATERSHED:
        seconds /= 1000
    return (_EPOCH + timedelta(seconds=seconds)).replace(tzinfo=timezone.utc)


def _parse_offset(text: Optional[str]) -> Optional[timezone]:
    if text is None:
        return None
    if text == "Z":
        return timezone.utc
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:] or 0)
    return timezone(timedelta(minutes=-minutes if text[0] == "-" else minutes))
