"""Repeat rules of follow-ups: reading them, refusing bad ones, and the dates they give."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.recurrence import (
    Frequency,
    Recurrence,
    RecurrenceRuleError,
    next_occurrence,
    occurrence,
    parse_rule,
)

MONTHLY = Recurrence(Frequency.MONTHLY)
YEARLY = Recurrence(Frequency.YEARLY)


def test_a_rule_is_read_in_any_case_and_written_back_in_canonical_form() -> None:
    rule = parse_rule(" freq=weekly ; interval=2 ; until=20241231 ")

    assert rule == Recurrence(Frequency.WEEKLY, interval=2, until=date(2024, 12, 31))
    assert rule.to_rule() == "FREQ=WEEKLY;INTERVAL=2;UNTIL=20241231"
    assert parse_rule("FREQ=DAILY") == Recurrence(Frequency.DAILY, interval=1)
    assert parse_rule("FREQ=MONTHLY;COUNT=12").to_rule() == "FREQ=MONTHLY;INTERVAL=1;COUNT=12"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The repeat rule is empty."),
        ("INTERVAL=2", "The repeat rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY."),
        ("FREQ=HOURLY", "HOURLY is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY."),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number from 1 to 999, not 0."),
        ("FREQ=DAILY;INTERVAL=two", "INTERVAL must be a whole number from 1 to 999, not two."),
        ("FREQ=DAILY;COUNT=-1", "COUNT must be a whole number from 1 to 9999, not -1."),
        (
            "FREQ=DAILY;UNTIL=2024-12-31",
            "UNTIL must be a date written YYYYMMDD (20251231), not 2024-12-31.",
        ),
        (
            "FREQ=DAILY;UNTIL=20240230",
            "UNTIL must be a date written YYYYMMDD (20251231), not 20240230.",
        ),
        ("FREQ=DAILY;COUNT=3;UNTIL=20241231", "A repeat rule takes COUNT or UNTIL, not both."),
        (
            "FREQ=DAILY;BYDAY=MO",
            "The repeat rule does not know BYDAY; use FREQ, INTERVAL, COUNT or UNTIL.",
        ),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ is given twice in the repeat rule."),
        ("FREQ", "'FREQ' should be written NAME=value, as in FREQ=MONTHLY."),
    ],
)
def test_a_bad_rule_is_refused_with_a_plain_message(text: str, message: str) -> None:
    with pytest.raises(RecurrenceRuleError) as caught:
        parse_rule(text)

    assert caught.value.problem.message == message


def test_monthly_on_the_31st_falls_back_to_the_last_day_and_keeps_its_anchor() -> None:
    dates = [occurrence(MONTHLY, date(2024, 1, 31), index) for index in range(5)]

    assert dates == [
        date(2024, 1, 31),
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
    ]
    assert occurrence(MONTHLY, date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert occurrence(MONTHLY, date(2024, 11, 30), 3) == date(2025, 2, 28)


def test_yearly_on_february_29_falls_on_february_28_in_common_years() -> None:
    dates = [occurrence(YEARLY, date(2024, 2, 29), index) for index in range(5)]

    assert dates == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
    ]


def test_daily_and_weekly_steps_follow_the_interval() -> None:
    assert occurrence(Recurrence(Frequency.DAILY, interval=3), date(2024, 2, 27), 1) == date(
        2024, 3, 1
    )
    assert occurrence(Recurrence(Frequency.WEEKLY, interval=2), date(2024, 12, 23), 1) == date(
        2025, 1, 6
    )


def test_the_next_occurrence_follows_the_series_not_the_last_clamped_date() -> None:
    # The February occurrence fell on the 29th; March goes back to the 31st.
    assert next_occurrence(
        MONTHLY, anchor=date(2024, 1, 31), after=date(2024, 2, 29), occurrences_so_far=2
    ) == date(2024, 3, 31)


def test_an_occurrence_moved_late_skips_the_slots_it_passed() -> None:
    assert next_occurrence(
        MONTHLY, anchor=date(2024, 1, 10), after=date(2024, 3, 20), occurrences_so_far=1
    ) == date(2024, 4, 10)
    assert next_occurrence(
        Recurrence(Frequency.WEEKLY),
        anchor=date(2024, 1, 1),
        after=date(2024, 1, 17),
        occurrences_so_far=1,
    ) == date(2024, 1, 22)


def test_an_occurrence_moved_early_does_not_repeat_its_own_slot() -> None:
    assert next_occurrence(
        MONTHLY, anchor=date(2024, 1, 31), after=date(2024, 2, 10), occurrences_so_far=2
    ) == date(2024, 3, 31)


def test_count_and_until_end_the_series() -> None:
    three = Recurrence(Frequency.MONTHLY, count=3)
    assert next_occurrence(
        three, anchor=date(2024, 1, 5), after=date(2024, 2, 5), occurrences_so_far=2
    ) == date(2024, 3, 5)
    assert (
        next_occurrence(
            three, anchor=date(2024, 1, 5), after=date(2024, 3, 5), occurrences_so_far=3
        )
        is None
    )

    until = Recurrence(Frequency.WEEKLY, until=date(2024, 1, 15))
    assert next_occurrence(
        until, anchor=date(2024, 1, 1), after=date(2024, 1, 8), occurrences_so_far=2
    ) == date(2024, 1, 15)
    assert (
        next_occurrence(
            until, anchor=date(2024, 1, 1), after=date(2024, 1, 15), occurrences_so_far=3
        )
        is None
    )
