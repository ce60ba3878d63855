"""Human-facing numbers (customer codes, complaint and order numbers) with a per-device
prefix, so that numbers made offline on two laptops never collide: KH-7Q3F-00012."""

from __future__ import annotations

import secrets
import uuid

from sqlalchemy import select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from crmdesk.db.models import DeviceState, NumberSequence

# Letters and digits that cannot be mistaken for one another when read aloud or copied.
_PREFIX_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PREFIX_LENGTH = 4

# Candidates checked per query: well under SQLite's limit on bound parameters.
_CHUNK = 500

SERIES_PREFIX = {"customer": "KH", "complaint": "TS", "order": "DD", "coupon": "YH"}


def device_state(session: Session) -> DeviceState:
    """This database copy's identity, created the first time anything asks for it."""
    state = session.get(DeviceState, 1)
    if state is None:
        prefix = "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(PREFIX_LENGTH))
        state = DeviceState(id=1, device_id=uuid.uuid4(), code_prefix=prefix)
        session.add(state)
        session.flush()
    return state


def next_number(session: Session, series: str, taken_in: InstrumentedAttribute[str]) -> str:
    """The next free number of `series` ("customer", "complaint", "order") on this device.

    Numbers already present in `taken_in` (say, customer codes that came with an
    imported file) are skipped rather than reused.
    """
    return reserve_numbers(session, series, 1, taken_in)[0]


def reserve_numbers(
    session: Session, series: str, count: int, taken_in: InstrumentedAttribute[str]
) -> list[str]:
    """`count` fresh numbers of `series` at once (an import's new rows), skipping numbers
    already present in `taken_in`."""
    letters = SERIES_PREFIX[series]
    prefix = device_state(session).code_prefix
    numbers: list[str] = []
    while len(numbers) < count:
        need = count - len(numbers)
        last = session.execute(
            update(NumberSequence)
            .where(NumberSequence.name == series)
            .values(last_value=NumberSequence.last_value + need)
            .returning(NumberSequence.last_value)
        ).scalar_one_or_none()
        if last is None:
            last = need
            session.add(NumberSequence(name=series, last_value=last))
            session.flush()
        candidates = [
            f"{letters}-{prefix}-{value:05d}" for value in range(last - need + 1, last + 1)
        ]
        taken: set[str] = set()
        for start in range(0, len(candidates), _CHUNK):
            chunk = candidates[start : start + _CHUNK]
            taken.update(session.scalars(select(taken_in).where(taken_in.in_(chunk))))
        numbers += [number for number in candidates if number not in taken]
    return numbers
