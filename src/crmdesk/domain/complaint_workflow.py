"""How a complaint moves (new → acknowledged → in progress → resolved → closed, reopened
from resolved or closed back to in progress) and when it is due."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import TypeGuard

from crmdesk.domain.enums import ComplaintSeverity, ComplaintStatus
from crmdesk.domain.errors import InvalidTransitionError

_S = ComplaintStatus

_NEXT: Mapping[ComplaintStatus, frozenset[ComplaintStatus]] = MappingProxyType(
    {
        _S.NEW: frozenset({_S.ACKNOWLEDGED}),
        _S.ACKNOWLEDGED: frozenset({_S.IN_PROGRESS}),
        _S.IN_PROGRESS: frozenset({_S.RESOLVED}),
        _S.RESOLVED: frozenset({_S.CLOSED, _S.IN_PROGRESS}),
        _S.CLOSED: frozenset({_S.IN_PROGRESS}),
    }
)

# A complaint in one of these no longer waits for anybody, so it cannot be overdue.
FINISHED_STATUSES = frozenset({_S.RESOLVED, _S.CLOSED})

# A plain SLA table: a critical complaint (safety, a stopped production line) is answered
# within half a working day, a high one by the next day, a medium one within three days
# and a low one within a week. Teams with other promises override it in the `setting`
# table under DUE_HOURS_SETTING_KEY, as a mapping severity → hours.
DEFAULT_DUE_HOURS: Mapping[ComplaintSeverity, float] = MappingProxyType(
    {
        ComplaintSeverity.CRITICAL: 4,
        ComplaintSeverity.HIGH: 24,
        ComplaintSeverity.MEDIUM: 72,
        ComplaintSeverity.LOW: 7 * 24,
    }
)
DUE_HOURS_SETTING_KEY = "complaint.due_hours"
MAX_DUE_HOURS = 366 * 24
_SEVERITY_BY_VALUE = {severity.value: severity for severity in ComplaintSeverity}


def allowed_transitions(status: ComplaintStatus) -> frozenset[ComplaintStatus]:
    """Where a complaint in `status` may go next (the moves a screen offers)."""
    return _NEXT[status]


def check_transition(current: ComplaintStatus, target: ComplaintStatus) -> None:
    """Raise InvalidTransitionError unless a complaint may move from `current` to `target`."""
    if target not in allowed_transitions(current):
        raise InvalidTransitionError(current.value, target.value)


def is_reopening(current: ComplaintStatus, target: ComplaintStatus) -> bool:
    return current in FINISHED_STATUSES and target is _S.IN_PROGRESS


def due_hours_from_setting(value: object) -> Mapping[ComplaintSeverity, float]:
    """The SLA table with a team's overrides (the stored setting value) applied.

    Entries that are not a known severity with a positive number of hours (a year at
    most) are ignored,
    so that a mistyped setting never stops complaints from being taken in.
    """
    hours: dict[ComplaintSeverity, float] = dict(DEFAULT_DUE_HOURS)
    if isinstance(value, Mapping):
        for key, override in value.items():
            severity = _SEVERITY_BY_VALUE.get(str(key))
            if severity is not None and _is_sensible_hours(override):
                hours[severity] = override
    return MappingProxyType(hours)


def _is_sensible_hours(value: object) -> TypeGuard[float]:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and 0 < value <= MAX_DUE_HOURS
    )


def due_at(
    received_at: datetime,
    severity: ComplaintSeverity,
    due_hours: Mapping[ComplaintSeverity, float] = DEFAULT_DUE_HOURS,
) -> datetime:
    return received_at + timedelta(hours=due_hours[severity])
