"""Rows the service tests stand on (customers, contacts, reps), written straight through the
ORM so that these tests do not depend on the customer service, and clocks tests move."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, date, datetime, timedelta

from crmdesk.db.base import Synced
from crmdesk.db.engine import Database
from crmdesk.db.models import Contact, Customer, CustomerValue, Rep
from crmdesk.db.numbers import next_number
from crmdesk.domain.clock import Clock
from crmdesk.domain.enums import CustomerKind, CustomerLevel, Grade, LifecycleStage, ValueSegment

# Noon UTC: the same calendar day in every time zone a test machine is likely to use.
START = datetime(2024, 3, 15, 12, 0, tzinfo=UTC)
START_DAY = START.date()


class TestClock:
    """A clock that stands still until a test moves it on."""

    __test__ = False  # not a test class, despite its name

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        self.now += delta
        return self.now


def ticking_clock(start: datetime = START) -> Clock:
    """A clock that moves on a second at every reading, as a real one would."""
    ticks = itertools.count()
    return lambda: start + timedelta(seconds=next(ticks))


def add_customer(database: Database, name: str = "张三", *, deleted: bool = False) -> uuid.UUID:
    with database.unit_of_work() as uow:
        customer = Customer(
            code=next_number(uow.session, "customer", Customer.code),
            name=name,
            kind=CustomerKind.PERSON,
            level=CustomerLevel.NORMAL,
            lifecycle_stage=LifecycleStage.EXPLORATION,
            deleted_at=START if deleted else None,
        )
        uow.session.add(customer)
        uow.commit()
        return customer.id


def add_contact(database: Database, customer_id: uuid.UUID, name: str = "王五") -> uuid.UUID:
    with database.unit_of_work() as uow:
        contact = Contact(customer_id=customer_id, name=name)
        uow.session.add(contact)
        uow.commit()
        return contact.id


def add_rep(database: Database, name: str = "李四") -> uuid.UUID:
    with database.unit_of_work() as uow:
        rep = Rep(name=name)
        uow.session.add(rep)
        uow.commit()
        return rep.id


def set_deleted(
    database: Database, model: type[Synced], key: uuid.UUID, *, deleted: bool = True
) -> None:
    """Tombstone a row, or bring it back (there is no service to restore rows yet)."""
    with database.unit_of_work() as uow:
        row = uow.session.get(model, key)
        assert row is not None
        row.deleted_at = START if deleted else None
        uow.commit()


def value_row(
    customer_id: uuid.UUID,
    segment: ValueSegment | None,
    *,
    reference_day: date = START_DAY,
    computed_at: datetime = START,
) -> CustomerValue:
    """A customer's stored value figures, in the given segment (None: never ordered)."""
    return CustomerValue(
        customer_id=customer_id,
        reference_day=reference_day,
        recency_days=None if segment is None else 10,
        frequency=0 if segment is None else 2,
        monetary_minor=0,
        segment=segment,
        suggested_stage=LifecycleStage.FORMATION,
        stage_reason={"template": "No orders yet.", "params": {}},
        clv_forecast_minor=0,
        score=50,
        grade=Grade.C,
        computed_at=computed_at,
    )
