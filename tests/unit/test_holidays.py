"""Holiday dates: fixed solar days and lunar festivals on their right solar days (leap
months and short months included), ranges across a year end, and a list's validation."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.errors import ValidationError
from crmdesk.domain.holidays import (
    DEFAULT_HOLIDAYS,
    Holiday,
    HolidayCalendar,
    check_holidays,
    occurrences,
)
from crmdesk.domain.validation import Problems

SOLAR, LUNAR = HolidayCalendar.SOLAR, HolidayCalendar.LUNAR


def days_in(holiday: Holiday, year: int) -> list[date]:
    return occurrences(holiday, date(year, 1, 1), date(year, 12, 31))


def default(name: str) -> Holiday:
    return next(holiday for holiday in DEFAULT_HOLIDAYS if holiday.name == name)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            2026,
            {
                "元旦": date(2026, 1, 1),
                "春节": date(2026, 2, 17),
                "元宵节": date(2026, 3, 3),
                "妇女节": date(2026, 3, 8),
                "劳动节": date(2026, 5, 1),
                "端午节": date(2026, 6, 19),
                "七夕": date(2026, 8, 19),
                "中秋节": date(2026, 9, 25),
                "国庆节": date(2026, 10, 1),
                "重阳节": date(2026, 10, 18),
            },
        ),
        (
            2027,
            {
                "元旦": date(2027, 1, 1),
                "春节": date(2027, 2, 6),
                "元宵节": date(2027, 2, 20),
                "妇女节": date(2027, 3, 8),
                "劳动节": date(2027, 5, 1),
                "端午节": date(2027, 6, 9),
                "七夕": date(2027, 8, 8),
                "中秋节": date(2027, 9, 15),
                "国庆节": date(2027, 10, 1),
                "重阳节": date(2027, 10, 8),
            },
        ),
    ],
)
def test_every_default_holiday_falls_on_its_day(year: int, expected: dict[str, date]) -> None:
    assert {holiday.name: days_in(holiday, year) for holiday in DEFAULT_HOLIDAYS} == {
        name: [day] for name, day in expected.items()
    }


def test_a_festival_after_a_leap_month_is_in_the_ordinary_month() -> None:
    # 2025 has a leap sixth month (闰六月): 七夕 and 中秋 come a month later than the
    # leap month would put them. 2023 has a leap second month.
    assert days_in(default("七夕"), 2025) == [date(2025, 8, 29)]
    assert days_in(default("中秋节"), 2025) == [date(2025, 10, 6)]
    assert days_in(default("端午节"), 2023) == [date(2023, 6, 22)]


def test_lunar_day_30_of_a_short_month_is_its_last_day() -> None:
    new_years_eve = Holiday("除夕", LUNAR, 12, 30)

    # The twelfth month of lunar 2025 has 29 days, that of lunar 2026 has 30.
    assert occurrences(new_years_eve, date(2026, 1, 1), date(2027, 12, 31)) == [
        date(2026, 2, 16),
        date(2027, 2, 5),
    ]


def test_a_range_across_a_year_end_finds_next_years_days() -> None:
    assert occurrences(default("元旦"), date(2026, 12, 20), date(2027, 1, 10)) == [date(2027, 1, 1)]
    assert occurrences(default("春节"), date(2026, 12, 1), date(2027, 2, 28)) == [date(2027, 2, 6)]
    assert occurrences(default("春节"), date(2026, 2, 18), date(2027, 2, 5)) == []


def problems_of(*holidays: Holiday) -> dict[str, str]:
    problems = Problems()
    check_holidays(problems, holidays)
    with pytest.raises(ValidationError) as refused:
        problems.raise_if_any()
    return {name: problem.message for name, problem in refused.value.problems.items()}


def test_a_day_a_month_does_not_have_every_year_is_refused() -> None:
    assert problems_of(
        Holiday("好", SOLAR, 1, 1),
        Holiday("二月三十", SOLAR, 2, 30),
        Holiday("闰日", SOLAR, 2, 29),
        Holiday("四月", SOLAR, 4, 31),
        Holiday("农历", LUNAR, 2, 31),
    ) == {
        "holidays.1.day": "Holiday 2: month 2 has no day 30.",
        "holidays.2.day": "Holiday 3: month 2 has no day 29.",
        "holidays.3.day": "Holiday 4: month 4 has no day 31.",
        "holidays.4.day": "Holiday 5: month 2 has no day 31.",
    }


def test_names_are_required_and_unique_and_months_real() -> None:
    assert problems_of(
        Holiday(" ", SOLAR, 1, 1),
        Holiday("春节", LUNAR, 1, 1),
        Holiday("春节", SOLAR, 13, 1),
    ) == {
        "holidays.0.name": "Holiday 1: the name is required.",
        "holidays.2.name": "Holiday 3: 春节 is in the list twice.",
        "holidays.2.month": "Holiday 3: the month must lie from 1 to 12.",
    }


def test_lunar_day_30_and_the_default_list_are_accepted() -> None:
    problems = Problems()
    check_holidays(problems, (*DEFAULT_HOLIDAYS, Holiday("除夕", LUNAR, 12, 30)))
    problems.raise_if_any()
