"""Queries and writes of the loyalty ledger, coupons and referrals.

Every change of a customer's points is made by `add_entry` after `lock_ledger`, inside
one write transaction, so that the balance it checks is the balance it changes.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.db.models import Coupon, Customer, Order, PointsEntry
from crmdesk.db.repositories.settings import get_value
from crmdesk.domain.enums import OrderStatus, PointsReason
from crmdesk.domain.loyalty import (
    EARNING_RULE_KEY,
    CouponRecord,
    EarningRule,
    PointsEntryRecord,
    PointsLedger,
    ReferralSummary,
    ReferredCustomer,
    coupon_status,
)
from crmdesk.domain.money import from_minor


def earning_rule(session: Session) -> EarningRule:
    return EarningRule.from_json(get_value(session, EARNING_RULE_KEY))


def lock_ledger(session: Session, customer_id: uuid.UUID) -> None:
    """Hold the customer's row until the transaction ends, so that two writers of the same
    ledger queue up (PostgreSQL); SQLite's write transaction already holds the whole file."""
    session.execute(select(Customer.id).where(Customer.id == customer_id).with_for_update())


def balance(session: Session, customer_id: uuid.UUID) -> int:
    return session.execute(
        select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
            PointsEntry.customer_id == customer_id, PointsEntry.deleted_at.is_(None)
        )
    ).scalar_one()


def add_entry(
    session: Session,
    customer_id: uuid.UUID,
    points: int,
    reason: PointsReason,
    now: datetime,
    *,
    note: str | None = None,
    order_id: uuid.UUID | None = None,
) -> PointsEntry:
    entry = PointsEntry(
        customer_id=customer_id,
        points=points,
        reason=reason,
        order_id=order_id,
        note=note,
        occurred_at=now,
        created_at=now,
        updated_at=now,
    )
    session.add(entry)
    session.flush()
    return entry


def ledger(session: Session, customer_id: uuid.UUID) -> PointsLedger:
    """The customer's live entries, newest first, each with the balance after it."""
    rows = session.execute(
        select(PointsEntry, Order.number)
        .outerjoin(Order, Order.id == PointsEntry.order_id)
        .where(PointsEntry.customer_id == customer_id, PointsEntry.deleted_at.is_(None))
        .order_by(PointsEntry.occurred_at, PointsEntry.created_at, PointsEntry.id)
    ).all()
    running = 0
    entries: list[PointsEntryRecord] = []
    for entry, order_number in rows:
        running += entry.points
        entries.append(
            PointsEntryRecord(
                id=entry.id,
                occurred_at=entry.occurred_at,
                reason=entry.reason,
                points=entry.points,
                note=entry.note,
                order_id=entry.order_id,
                order_number=order_number,
                balance=running,
            )
        )
    entries.reverse()
    return PointsLedger(customer_id, running, tuple(entries))


def award_order_points(session: Session, order_id: uuid.UUID, now: datetime) -> None:
    """Make the order's purchase points what the earning rule gives its total: nothing for
    a cancelled or deleted order. The difference is a new PURCHASE entry, so that the
    ledger shows when points were given and taken back. A take-back larger than the
    balance takes only what is left, and its note says so."""
    order = session.get(Order, order_id)
    if order is None:
        return
    lock_ledger(session, order.customer_id)
    earned = session.execute(
        select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
            PointsEntry.order_id == order.id,
            PointsEntry.reason == PointsReason.PURCHASE,
            PointsEntry.deleted_at.is_(None),
        )
    ).scalar_one()
    counts = order.deleted_at is None and order.status is not OrderStatus.CANCELLED
    due = earning_rule(session).points_for(from_minor(order.total_minor)) if counts else 0
    change = due - earned
    left = balance(session, order.customer_id)
    note = None
    if left + change < 0:
        # Stored text, like a note typed by hand: it reads the same on every device.
        note = f"{-change} points were due back for this order; only the {left} left were taken."
        change = -left
    if change != 0:
        add_entry(
            session,
            order.customer_id,
            change,
            PointsReason.PURCHASE,
            now,
            note=note,
            order_id=order.id,
        )


def coupons(session: Session, customer_id: uuid.UUID, today: date) -> list[CouponRecord]:
    """The customer's live coupons, newest first."""
    rows = session.execute(
        select(Coupon, Order.number)
        .outerjoin(Order, Order.id == Coupon.redeemed_order_id)
        .where(Coupon.customer_id == customer_id, Coupon.deleted_at.is_(None))
        .order_by(Coupon.issued_on.desc(), Coupon.code.desc())
    ).all()
    return [coupon_record(coupon, number, today) for coupon, number in rows]


def coupon_record(coupon: Coupon, order_number: str | None, today: date) -> CouponRecord:
    return CouponRecord(
        id=coupon.id,
        version=coupon.version,
        code=coupon.code,
        customer_id=coupon.customer_id,
        description=coupon.description,
        value=from_minor(coupon.value_minor),
        issued_on=coupon.issued_on,
        expires_on=coupon.expires_on,
        redeemed_at=coupon.redeemed_at,
        redeemed_order_number=order_number,
        status=coupon_status(coupon.expires_on, coupon.redeemed_at, today),
    )


def referral_summary(session: Session, customer_id: uuid.UUID) -> ReferralSummary:
    """The live customer who referred this one, and the live customers this one referred
    with the revenue of each (orders not deleted or cancelled), highest first."""
    referrer = aliased(Customer)
    referrer_row = session.execute(
        select(referrer.id, referrer.name)
        .join(Customer, Customer.referred_by_id == referrer.id)
        .where(Customer.id == customer_id, referrer.deleted_at.is_(None))
    ).one_or_none()
    revenue = (
        select(func.coalesce(func.sum(Order.total_minor), 0))
        .where(
            Order.customer_id == Customer.id,
            Order.deleted_at.is_(None),
            Order.status != OrderStatus.CANCELLED,
        )
        .correlate(Customer)
        .scalar_subquery()
        .label("revenue")
    )
    rows = session.execute(
        select(Customer.id, Customer.name, Customer.code, revenue)
        .where(Customer.referred_by_id == customer_id, Customer.deleted_at.is_(None))
        .order_by(revenue.desc(), Customer.name, Customer.id)
    ).all()
    return ReferralSummary(
        customer_id=customer_id,
        referrer_id=referrer_row.id if referrer_row else None,
        referrer_name=referrer_row.name if referrer_row else None,
        referred=tuple(
            ReferredCustomer(row.id, row.name, row.code, from_minor(row.revenue)) for row in rows
        ),
    )
