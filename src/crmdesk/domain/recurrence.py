"""Repeat rules of follow-ups, written the iCalendar way: `FREQ=MONTHLY;INTERVAL=1`,
optionally with `COUNT=n` or `UNTIL=YYYYMMDD`.

A series is anchored on the due date of its first occurrence: occurrence k falls k
intervals after it. A monthly series started on the 31st falls on the last day of
shorter months and comes back to the 31st afterwards (Jan 31 → Feb 28/29 → Mar 31), and
a yearly one started on Feb 29 falls on Feb 28 in common years.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from crmdesk.domain.errors import CrmError, Problem

MAX_INTERVAL = 999
MAX_COUNT = 9999


class Frequency(StrEnum):
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"
    YEARLY = "YEARLY"


@dataclass(frozen=True)
class Recurrence:
    frequency: Frequency
    interval: int = 1
    count: int | None = None  # occurrences in all, the first included
    until: date | None = None  # last day an occurrence may fall on

    def to_rule(self) -> str:
        """The canonical text of this rule, as stored in `follow_up.recurrence_rule`."""
        parts = [f"FREQ={self.frequency.value}", f"INTERVAL={self.interval}"]
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}")
        return ";".join(parts)


class RecurrenceRuleError(CrmError):
    """A repeat rule could not be read; `problem` says why in plain English."""

    def __init__(self, template: str, **params: object) -> None:
        self.problem = Problem(template, params)
        super().__init__(self.problem.message)


def parse_rule(text: str) -> Recurrence:
    """Read a rule such as `FREQ=WEEKLY;INTERVAL=2`. Raises RecurrenceRuleError."""
    parts = _rule_parts(text)
    if "FREQ" not in parts:
        raise RecurrenceRuleError("The repeat rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.")
    if "COUNT" in parts and "UNTIL" in parts:
        raise RecurrenceRuleError("A repeat rule takes COUNT or UNTIL, not both.")
    try:
        frequency = Frequency(parts["FREQ"].upper())
    except ValueError:
        raise RecurrenceRuleError(
            "{value} is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY.",
            value=parts["FREQ"],
        ) from None
    interval = _whole_number(parts, "INTERVAL", MAX_INTERVAL)
    return Recurrence(
        frequency=frequency,
        interval=1 if interval is None else interval,
        count=_whole_number(parts, "COUNT", MAX_COUNT),
        until=_until(parts),
    )


def _rule_parts(text: str) -> dict[str, str]:
    chunks = [chunk.strip() for chunk in text.split(";") if chunk.strip()]
    if not chunks:
        raise RecurrenceRuleError("The repeat rule is empty.")
    parts: dict[str, str] = {}
    for chunk in chunks:
        name, sep, value = chunk.partition("=")
        name, value = name.strip().upper(), value.strip()
        if not sep or not name or not value:
            raise RecurrenceRuleError(
                "'{part}' should be written NAME=value, as in FREQ=MONTHLY.", part=chunk
            )
        if name not in ("FREQ", "INTERVAL", "COUNT", "UNTIL"):
            raise RecurrenceRuleError(
                "The repeat rule does not know {name}; use FREQ, INTERVAL, COUNT or UNTIL.",
                name=name,
            )
        if name in parts:
            raise RecurrenceRuleError("{name} is given twice in the repeat rule.", name=name)
        parts[name] = value
    return parts


def _whole_number(parts: dict[str, str], name: str, maximum: int) -> int | None:
    text = parts.get(name)
    if text is None:
        return None
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= maximum:
        raise RecurrenceRuleError(
            "{name} must be a whole number from 1 to {maximum}, not {value}.",
            name=name,
            maximum=maximum,
            value=text,
        )
    return int(text)


def _until(parts: dict[str, str]) -> date | None:
    text = parts.get("UNTIL")
    if text is None:
        return None
    try:
        if len(text) != 8:
            raise ValueError(text)
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise RecurrenceRuleError(
            "UNTIL must be a date written YYYYMMDD (20251231), not {value}.", value=text
        ) from None


def occurrence(rule: Recurrence, anchor: date, index: int) -> date:
    """The date of occurrence `index` of the series whose first occurrence is `anchor`."""
    steps = index * rule.interval
    if rule.frequency is Frequency.DAILY:
        return anchor + timedelta(days=steps)
    if rule.frequency is Frequency.WEEKLY:
        return anchor + timedelta(weeks=steps)
    months = steps * (12 if rule.frequency is Frequency.YEARLY else 1)
    return _add_months(anchor, months)


def _add_months(anchor: date, months: int) -> date:
    month_index = anchor.month - 1 + months
    year, month = anchor.year + month_index // 12, month_index % 12 + 1
    # Keep the anchor's day-of-month; months too short for it end on their last day.
    day = min(anchor.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def next_occurrence(
    rule: Recurrence, *, anchor: date, after: date, occurrences_so_far: int
) -> date | None:
    """The due date of the next occurrence, or None when the series is over.

    The next occurrence is the first one not yet scheduled (the series already has
    `occurrences_so_far`, counting the first) that falls after `after`: a late occurrence
    moved past later slots skips them rather than scheduling one in the past.
    """
    index = max(occurrences_so_far, _first_index_after(rule, anchor, after))
    if rule.count is not None and index >= rule.count:
        return None
    due = occurrence(rule, anchor, index)
    if rule.until is not None and due > rule.until:
        return None
    return due


def _first_index_after(rule: Recurrence, anchor: date, after: date) -> int:
    if after < anchor:
        return 0
    if rule.frequency in (Frequency.DAILY, Frequency.WEEKLY):
        step_days = rule.interval * (7 if rule.frequency is Frequency.WEEKLY else 1)
        return (after - anchor).days // step_days + 1
    step_months = rule.interval * (12 if rule.frequency is Frequency.YEARLY else 1)
    months = (after.year - anchor.year) * 12 + after.month - anchor.month
    # Starts at the last occurrence no later than after's month; at most two steps on.
    index = months // step_months
    while occurrence(rule, anchor, index) <= after:
        index += 1
    return index
