"""The current time, passed into services so that tests can fix it."""

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def local_day(instant: datetime) -> date:
    """The user's calendar day at `instant`, in the computer's time zone."""
    return instant.astimezone().date()


def local_today(clock: Clock) -> date:
    """The user's calendar day now: what is overdue and which dates lie too far ahead
    depend on it."""
    return local_day(clock())
