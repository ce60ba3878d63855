"""Holidays to greet customers on (节日关怀): fixed days of the solar year (元旦, 国庆节 …)
and days of the Chinese lunar year (春节, 中秋节 …), which move in the solar calendar and
are converted with `lunardate` (lunar years 1900–2099)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# lunardate is annotated but ships no py.typed marker.
from lunardate import LunarDate  # type: ignore[import-untyped]

from crmdesk.domain.validation import Problems

NAME_MAX_LENGTH = 40
MAX_HOLIDAYS = 100
MONTHS = 12
LUNAR_MONTH_DAYS = 30
# lunardate's table: a lunar year outside it has no solar days to offer.
FIRST_LUNAR_YEAR = 1900
LAST_LUNAR_YEAR = 2099
# Days per solar month in a common year: a holiday must fall every year, so 29 February
# is refused along with 30 February.
COMMON_YEAR = 2001


class HolidayCalendar(StrEnum):
    SOLAR = "solar"  # 公历
    LUNAR = "lunar"  # 农历


@dataclass(frozen=True)
class Holiday:
    name: str
    calendar: HolidayCalendar
    month: int
    day: int
    enabled: bool = True


# Festivals of the lunar calendar fall in its ordinary month, never in a leap month.
DEFAULT_HOLIDAYS: tuple[Holiday, ...] = (
    Holiday("元旦", HolidayCalendar.SOLAR, 1, 1),
    Holiday("春节", HolidayCalendar.LUNAR, 1, 1),
    Holiday("元宵节", HolidayCalendar.LUNAR, 1, 15),
    Holiday("妇女节", HolidayCalendar.SOLAR, 3, 8),
    Holiday("劳动节", HolidayCalendar.SOLAR, 5, 1),
    Holiday("端午节", HolidayCalendar.LUNAR, 5, 5),
    Holiday("七夕", HolidayCalendar.LUNAR, 7, 7),
    Holiday("中秋节", HolidayCalendar.LUNAR, 8, 15),
    Holiday("国庆节", HolidayCalendar.SOLAR, 10, 1),
    Holiday("重阳节", HolidayCalendar.LUNAR, 9, 9),
)


def occurrences(holiday: Holiday, first: date, last: date) -> list[date]:
    """The days from `first` to `last` on which `holiday` falls, earliest first."""
    if holiday.calendar is HolidayCalendar.SOLAR:
        days = [date(year, holiday.month, holiday.day) for year in range(first.year, last.year + 1)]
    else:
        # The twelfth lunar month of a year ends in the January or February after it.
        years = range(max(first.year - 1, FIRST_LUNAR_YEAR), min(last.year, LAST_LUNAR_YEAR) + 1)
        days = [lunar_to_solar(year, holiday.month, holiday.day) for year in years]
    return [day for day in days if first <= day <= last]


def lunar_to_solar(year: int, month: int, day: int) -> date:
    """The solar day of lunar `month`/`day` in lunar `year` (its ordinary month, not a leap
    month of the same number). Day 30 of a month of 29 days is its last day, so that a
    holiday such as 除夕 (12/30) falls on New Year's Eve every year."""
    try:
        solar: date = LunarDate(year, month, day).to_solar_date()
    except ValueError:
        if day != LUNAR_MONTH_DAYS:
            raise
        solar = LunarDate(year, month, day - 1).to_solar_date()
    return solar


def check_holidays(problems: Problems, holidays: tuple[Holiday, ...]) -> None:
    """Note what is wrong with each holiday of the list (field `holidays.<index>.<name>`;
    the messages name the holiday's row, counted from 1, as the list shows it)."""
    if len(holidays) > MAX_HOLIDAYS:
        problems.add("holidays", "At most {count} holidays.", count=MAX_HOLIDAYS)
    names: set[str] = set()
    for index, holiday in enumerate(holidays):
        field, row = f"holidays.{index}", index + 1
        name = holiday.name.strip()
        if not name:
            problems.add(f"{field}.name", "Holiday {row}: the name is required.", row=row)
        elif len(name) > NAME_MAX_LENGTH:
            problems.add(
                f"{field}.name",
                "Holiday {row}: at most {max_length} characters.",
                row=row,
                max_length=NAME_MAX_LENGTH,
            )
        elif name in names:
            problems.add(
                f"{field}.name", "Holiday {row}: {name} is in the list twice.", row=row, name=name
            )
        names.add(name)
        if not 1 <= holiday.month <= MONTHS:
            problems.add(
                f"{field}.month", "Holiday {row}: the month must lie from 1 to 12.", row=row
            )
        elif not 1 <= holiday.day <= _days_in_month(holiday):
            problems.add(
                f"{field}.day",
                "Holiday {row}: month {month} has no day {day}.",
                row=row,
                month=holiday.month,
                day=holiday.day,
            )


def _days_in_month(holiday: Holiday) -> int:
    if holiday.calendar is HolidayCalendar.LUNAR:
        return LUNAR_MONTH_DAYS
    return calendar.monthrange(COMMON_YEAR, holiday.month)[1]
