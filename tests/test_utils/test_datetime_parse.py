"""`parse_datetime` / `parse_date`: ISO strings, unix timestamps in any unit, saturation and errors."""

from __future__ import annotations

from typing import Any, Union
from datetime import date, datetime, timezone, timedelta

import pytest

from openai._utils import parse_date, parse_datetime


def tz(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


UTC = timezone.utc


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1494012444.883309", datetime(2017, 5, 5, 19, 27, 24, 883309, tzinfo=UTC)),
        (1494012444.883309, datetime(2017, 5, 5, 19, 27, 24, 883309, tzinfo=UTC)),
        ("1494012444", datetime(2017, 5, 5, 19, 27, 24, tzinfo=UTC)),
        (b"1494012444", datetime(2017, 5, 5, 19, 27, 24, tzinfo=UTC)),
        (1494012444, datetime(2017, 5, 5, 19, 27, 24, tzinfo=UTC)),
        (0, datetime(1970, 1, 1, tzinfo=UTC)),
        # milliseconds, microseconds, nanoseconds
        ("1494012444000.883309", datetime(2017, 5, 5, 19, 27, 24, 883, tzinfo=UTC)),
        ("-1494012444000.883309", datetime(1922, 8, 29, 4, 32, 35, 999117, tzinfo=UTC)),
        (1494012444000, datetime(2017, 5, 5, 19, 27, 24, tzinfo=UTC)),
        (19_999_999_999, datetime(2603, 10, 11, 11, 33, 19, tzinfo=UTC)),
        (20_000_000_001, datetime(1970, 8, 20, 11, 33, 20, 1000, tzinfo=UTC)),
        (1_549_316_052_104, datetime(2019, 2, 4, 21, 34, 12, 104000, tzinfo=UTC)),
        (1_549_316_052_104_324, datetime(2019, 2, 4, 21, 34, 12, 104324, tzinfo=UTC)),
        (1_549_316_052_104_324_096, datetime(2019, 2, 4, 21, 34, 12, 104324, tzinfo=UTC)),
        # ISO 8601
        ("2012-04-23T09:15:00", datetime(2012, 4, 23, 9, 15)),
        ("2012-04-23 09:15", datetime(2012, 4, 23, 9, 15)),
        ("2012-04-23T09:15:00Z", datetime(2012, 4, 23, 9, 15, tzinfo=UTC)),
        ("2012-04-23T10:20:30.400+02:30", datetime(2012, 4, 23, 10, 20, 30, 400000, tz(150))),
        ("2012-04-23T10:20:30.400+0230", datetime(2012, 4, 23, 10, 20, 30, 400000, tz(150))),
        ("2012-04-23T10:20:30.400+02", datetime(2012, 4, 23, 10, 20, 30, 400000, tz(120))),
        (b"2012-04-23T10:20:30.400-02", datetime(2012, 4, 23, 10, 20, 30, 400000, tz(-120))),
        ("2012-04-23T10:20:30.1234567", datetime(2012, 4, 23, 10, 20, 30, 123456)),
        (datetime(2017, 5, 5), datetime(2017, 5, 5)),
        # saturation
        ("infinity", datetime.max),
        ("inf ", datetime.max),
        (1e50, datetime.max),
        (float("inf"), datetime.max),
        ("-inf", datetime.min),
    ],
)
def test_parse_datetime(value: Union[str, bytes, int, float, datetime], expected: datetime) -> None:
    assert parse_datetime(value) == expected


@pytest.mark.parametrize("value", ["x20120423091500", "2012-04-56T09:15:90", "2012-04-23T11:05:00-25:00", "nan", ""])
def test_parse_datetime_errors(value: str) -> None:
    with pytest.raises(ValueError):
        parse_datetime(value)


def test_parse_datetime_rejects_other_types() -> None:
    with pytest.raises(TypeError):
        parse_datetime(object())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1494012444.883309", date(2017, 5, 5)),
        (b"1494012444.883309", date(2017, 5, 5)),
        (1494012444, date(2017, 5, 5)),
        (0, date(1970, 1, 1)),
        ("2012-04-23", date(2012, 4, 23)),
        (b"2012-04-23", date(2012, 4, 23)),
        ("2012-4-9", date(2012, 4, 9)),
        (date(2012, 4, 9), date(2012, 4, 9)),
        (datetime(2012, 4, 9, 12, 15), date(2012, 4, 9)),
        (1_549_316_052_104_324_096, date(2019, 2, 4)),
        ("infinity", date(9999, 12, 31)),
        (int("1" + "0" * 100), date(9999, 12, 31)),
        (1e1000, date(9999, 12, 31)),
        ("-inf", date(1, 1, 1)),
    ],
)
def test_parse_date(value: Any, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["x20120423", "2012-04-56", "2012-04-23T10:00", "nan"])
def test_parse_date_errors(value: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)
