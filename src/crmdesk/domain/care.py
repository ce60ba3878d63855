"""Customer care (客户关怀): birthdays of customers and their contacts, by day and month,
whatever the year."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from crmdesk.domain.validation import Problems

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

    @property
    def person_name(self) -> str:
        """Whose birthday it is."""
        return self.contact_name or self.customer_name

    @property
    def age(self) -> int:
        """The age the person turns on `on`."""
        return self.on.year - self.birthday.year


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
