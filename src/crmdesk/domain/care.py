"""Customer care (客户关怀): birthdays of customers and their contacts, by day and month,
whatever the year, and holidays that greet a part of the customers; each remembered a
number of days ahead, as the team's care settings say."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from crmdesk.domain.enums import CustomerLevel
from crmdesk.domain.holidays import (
    DEFAULT_HOLIDAYS,
    Holiday,
    HolidayCalendar,
    check_holidays,
)
from crmdesk.domain.validation import Problems

SETTING_KEY = "care"
MAX_DAYS_AHEAD = 30

# A calendar page shows six weeks; a range much longer than a year is not a care list.
MAX_RANGE_DAYS = 366
LEAP_DAY = (2, 29)


@dataclass(frozen=True)
class BirthdayItem:
    """A birthday falling on `on`: the customer's own (no contact) or a contact's."""

    on: date
    birthday: date
    customer_id: uuid.UUID
    customer_name: str
    customer_code: str
    owner_id: uuid.UUID | None
    owner_name: str | None
    contact_id: uuid.UUID | None = None
    contact_name: str | None = None
    days_ahead: int = 0

    @property
    def remind_on(self) -> date:
        return self.on - timedelta(days=self.days_ahead)

    @property
    def person_name(self) -> str:
        """Whose birthday it is."""
        return self.contact_name or self.customer_name

    @property
    def age(self) -> int:
        """The age the person turns on `on`."""
        return self.on.year - self.birthday.year


@dataclass(frozen=True)
class HolidayItem:
    """A holiday falling on `on`, remembered `days_ahead` days before, that greets
    `customers` customers."""

    on: date
    name: str
    days_ahead: int
    customers: int

    @property
    def remind_on(self) -> date:
        return self.on - timedelta(days=self.days_ahead)

    @property
    def greeting_title(self) -> str:
        """The title of the care follow-ups planned for it, which also tells whether a
        customer already has one (the same whatever the language of the window)."""
        return f"{self.name} ({self.on.isoformat()})"


@dataclass(frozen=True)
class GreetingsPlanned:
    """What planning a holiday's greetings did: follow-ups made, and greeted customers
    that already had theirs."""

    planned: int
    already_planned: int


# A line of the care list: somebody's birthday or a holiday.
CareItem = BirthdayItem | HolidayItem


class CareAudience(StrEnum):
    """Which customers a holiday greets."""

    ALL = "all"
    VIP_AND_KEY = "vip_and_key"


GREETED_LEVELS: dict[CareAudience, frozenset[CustomerLevel] | None] = {
    CareAudience.ALL: None,  # no restriction
    CareAudience.VIP_AND_KEY: frozenset({CustomerLevel.VIP, CustomerLevel.KEY}),
}


@dataclass(frozen=True)
class CareSettings:
    """The team's care settings, stored as one JSON value under `SETTING_KEY`."""

    days_ahead: int = 3
    audience: CareAudience = CareAudience.VIP_AND_KEY
    holidays: tuple[Holiday, ...] = DEFAULT_HOLIDAYS

    @property
    def greeted_levels(self) -> frozenset[CustomerLevel] | None:
        """The customer levels a holiday greets; None for every customer."""
        return GREETED_LEVELS[self.audience]

    def check(self) -> None:
        """Refuse settings that cannot be kept (ValidationError listing every problem)."""
        problems = Problems()
        if not 0 <= self.days_ahead <= MAX_DAYS_AHEAD:
            problems.add(
                "days_ahead",
                "Remind from 0 to {high} days ahead.",
                high=MAX_DAYS_AHEAD,
            )
        check_holidays(problems, self.holidays)
        problems.raise_if_any()

    def to_json(self) -> dict[str, Any]:
        return {
            "days_ahead": self.days_ahead,
            "audience": self.audience.value,
            "holidays": [
                {
                    "name": holiday.name,
                    "calendar": holiday.calendar.value,
                    "month": holiday.month,
                    "day": holiday.day,
                    "enabled": holiday.enabled,
                }
                for holiday in self.holidays
            ],
        }

    @classmethod
    def from_json(cls, value: object) -> CareSettings:
        """The settings stored as `value`; what is missing or unreadable falls back to its
        default (a holiday that cannot be read is left out)."""
        if not isinstance(value, dict):
            return cls()
        default = cls()
        days_ahead = value.get("days_ahead")
        holidays = value.get("holidays")
        return cls(
            days_ahead=days_ahead
            if isinstance(days_ahead, int) and not isinstance(days_ahead, bool)
            else default.days_ahead,
            audience=_audience(value.get("audience")),
            holidays=tuple(filter(None, map(_holiday, holidays)))
            if isinstance(holidays, list)
            else default.holidays,
        )


def reminded_range(first: date, last: date, days_ahead: int) -> tuple[date, date]:
    """The days whose events are remembered from `first` to `last`, `days_ahead` early."""
    ahead = timedelta(days=days_ahead)
    return first + ahead, last + ahead


def birthday_in_year(birthday: date, year: int) -> date:
    """The day `birthday` is celebrated in `year`: 29 February on the 28th in common years."""
    try:
        return birthday.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


def check_range(first: date, last: date) -> None:
    """Refuse a range that ends before it starts or is longer than a year."""
    problems = Problems()
    if last < first:
        problems.add("last", "The end of the range comes before its start.")
    elif (last - first).days >= MAX_RANGE_DAYS:
        problems.add("last", "The range may span at most {days} days.", days=MAX_RANGE_DAYS)
    problems.raise_if_any()


def month_days(first: date, last: date) -> set[tuple[int, int]]:
    """The (month, day) pairs of birthdays celebrated from `first` to `last`, 29 February
    included when a common year's 28 February is in the range."""
    pairs = set()
    for day in _days(first, last):
        pairs.add((day.month, day.day))
        if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
            pairs.add(LEAP_DAY)
    return pairs


def celebrated_on(birthday: date, first: date, last: date) -> date | None:
    """The day from `first` to `last` on which `birthday` is celebrated, if any (the
    first, for a range that holds it twice)."""
    for year in range(first.year, last.year + 1):
        day = birthday_in_year(birthday, year)
        if first <= day <= last:
            return day
    return None


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _audience(value: object) -> CareAudience:
    try:
        return CareAudience(str(value))
    except ValueError:
        return CareAudience.VIP_AND_KEY


def _holiday(value: object) -> Holiday | None:
    if not isinstance(value, dict):
        return None
    name, month, day = value.get("name"), value.get("month"), value.get("day")
    try:
        kind = HolidayCalendar(str(value.get("calendar")))
    except ValueError:
        return None
    if not (isinstance(name, str) and isinstance(month, int) and isinstance(day, int)):
        return None
    return Holiday(name, kind, month, day, enabled=value.get("enabled") is not False)
