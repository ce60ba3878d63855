"""The complaint workflow rules and the due time each severity gives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import product

import pytest

from crmdesk.domain.complaint_workflow import (
    allowed_transitions,
    check_transition,
    due_at,
    due_hours_from_setting,
)
from crmdesk.domain.enums import ComplaintSeverity, ComplaintStatus
from crmdesk.domain.errors import InvalidTransitionError

S = ComplaintStatus
ALLOWED = {
    (S.NEW, S.ACKNOWLEDGED),
    (S.ACKNOWLEDGED, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.RESOLVED),
    (S.RESOLVED, S.CLOSED),
    (S.RESOLVED, S.IN_PROGRESS),
    (S.CLOSED, S.IN_PROGRESS),
}
REFUSED = sorted(set(product(S, S)) - ALLOWED)
RECEIVED = datetime(2024, 3, 15, 9, 30, tzinfo=UTC)


def test_the_allowed_moves_are_exactly_the_workflow() -> None:
    assert {(s, t) for s in S for t in allowed_transitions(s)} == ALLOWED


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_an_allowed_move_passes(current: ComplaintStatus, target: ComplaintStatus) -> None:
    check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), REFUSED)
def test_every_other_move_is_refused(current: ComplaintStatus, target: ComplaintStatus) -> None:
    with pytest.raises(InvalidTransitionError) as caught:
        check_transition(current, target)

    assert str(caught.value) == f"A complaint that is '{current}' cannot move to '{target}'."


@pytest.mark.parametrize(
    ("severity", "hours"),
    [
        (ComplaintSeverity.CRITICAL, 4),
        (ComplaintSeverity.HIGH, 24),
        (ComplaintSeverity.MEDIUM, 72),
        (ComplaintSeverity.LOW, 168),
    ],
)
def test_the_default_due_time_follows_the_severity(severity: ComplaintSeverity, hours: int) -> None:
    assert due_at(RECEIVED, severity) == RECEIVED + timedelta(hours=hours)


def test_a_team_setting_overrides_the_due_hours_and_junk_in_it_is_ignored() -> None:
    hours = due_hours_from_setting(
        {"critical": 2, "high": 0, "medium": "soon", "low": True, "urgent": 1}
    )

    assert due_at(RECEIVED, ComplaintSeverity.CRITICAL, hours) == RECEIVED + timedelta(hours=2)
    assert due_at(RECEIVED, ComplaintSeverity.HIGH, hours) == RECEIVED + timedelta(hours=24)
    assert due_at(RECEIVED, ComplaintSeverity.MEDIUM, hours) == RECEIVED + timedelta(hours=72)
    assert due_at(RECEIVED, ComplaintSeverity.LOW, hours) == RECEIVED + timedelta(days=7)
    assert due_hours_from_setting(None) == due_hours_from_setting("not a mapping")
