"""Loyalty: the points ledger, coupons and referrals."""

from __future__ import annotations

import uuid

from crmdesk.db.engine import Database
from crmdesk.db.models import Coupon, Order
from crmdesk.db.numbers import next_number
from crmdesk.db.repositories import loyalty as repository
from crmdesk.db.repositories.records import check_customer, find_live, require_current
from crmdesk.db.repositories.settings import put_value
from crmdesk.domain.clock import Clock, local_day, local_today, system_clock
from crmdesk.domain.enums import OrderStatus, PointsReason
from crmdesk.domain.loyalty import (
    EARNING_RULE_KEY,
    CouponDraft,
    CouponRecord,
    CouponStatus,
    EarningRule,
    LoyaltyOverview,
    PointsLedger,
    ReferralSummary,
    check_coupon,
    check_points_change,
    coupon_status,
)
from crmdesk.domain.money import to_minor
from crmdesk.domain.validation import Problems

COUPON = "Coupon"


class LoyaltyService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    # --- the earning rule ---------------------------------------------------------------

    def earning_rule(self) -> EarningRule:
        with self._database.unit_of_work(write=False) as uow:
            return repository.earning_rule(uow.session)

    def save_earning_rule(self, rule: EarningRule) -> EarningRule:
        """Store the team's rule; it applies to orders saved from now on."""
        rule.check()
        with self._database.unit_of_work() as uow:
            put_value(uow.session, EARNING_RULE_KEY, rule.to_json(), self._clock())
            uow.commit()
        return rule

    # --- reading ------------------------------------------------------------------------

    def overview(self, customer_id: uuid.UUID) -> LoyaltyOverview:
        """Ledger, coupons and referrals of the customer, read together."""
        with self._database.unit_of_work(write=False) as uow:
            session = uow.session
            return LoyaltyOverview(
                ledger=repository.ledger(session, customer_id),
                coupons=tuple(repository.coupons(session, customer_id, local_today(self._clock))),
                referrals=repository.referral_summary(session, customer_id),
            )

    def ledger(self, customer_id: uuid.UUID) -> PointsLedger:
        with self._database.unit_of_work(write=False) as uow:
            return repository.ledger(uow.session, customer_id)

    def coupons(self, customer_id: uuid.UUID) -> list[CouponRecord]:
        """The customer's coupons, newest first, with their status today."""
        with self._database.unit_of_work(write=False) as uow:
            return repository.coupons(uow.session, customer_id, local_today(self._clock))

    def referrals(self, customer_id: uuid.UUID) -> ReferralSummary:
        with self._database.unit_of_work(write=False) as uow:
            return repository.referral_summary(uow.session, customer_id)

    # --- points -------------------------------------------------------------------------

    def adjust_points(self, customer_id: uuid.UUID, points: int, note: str) -> PointsLedger:
        """Add (or, negative, take away) points by hand; the note says why."""
        return self._change_points(customer_id, points, note, redemption=False)

    def redeem_points(
        self, customer_id: uuid.UUID, points: int, note: str | None = None
    ) -> PointsLedger:
        """Spend `points` (a positive number) of the customer's balance."""
        return self._change_points(customer_id, points, note, redemption=True)

    def _change_points(
        self, customer_id: uuid.UUID, points: int, note: str | None, *, redemption: bool
    ) -> PointsLedger:
        """The balance is checked inside the write transaction that changes it, so two
        redemptions at once can never both spend the same points."""
        problems = Problems()
        clean_note = check_points_change(problems, points, note, redemption=redemption)
        with self._database.unit_of_work() as uow:
            session = uow.session
            check_customer(session, problems, customer_id)
            problems.raise_if_any()
            repository.lock_ledger(session, customer_id)
            change = -points if redemption else points
            available = repository.balance(session, customer_id)
            if available + change < 0:
                problems.add(
                    "points",
                    "Only {balance} points are available.",
                    balance=available,
                )
                problems.raise_if_any()
            reason = PointsReason.REDEMPTION if redemption else PointsReason.ADJUSTMENT
            repository.add_entry(
                session, customer_id, change, reason, self._clock(), note=clean_note
            )
            uow.commit()
            return repository.ledger(session, customer_id)

    # --- coupons ------------------------------------------------------------------------

    def issue_coupon(self, draft: CouponDraft) -> CouponRecord:
        """Issue a coupon today under a new number (YH-…)."""
        today = local_today(self._clock)
        problems = Problems()
        description = check_coupon(problems, draft, today)
        with self._database.unit_of_work() as uow:
            session = uow.session
            check_customer(session, problems, draft.customer_id)
            problems.raise_if_any()
            now = self._clock()
            coupon = Coupon(
                code=next_number(session, "coupon", Coupon.code),
                customer_id=draft.customer_id,
                description=description,
                value_minor=to_minor(draft.value),
                issued_on=today,
                expires_on=draft.expires_on,
                created_at=now,
                updated_at=now,
            )
            session.add(coupon)
            uow.commit()
            return repository.coupon_record(coupon, None, today)

    def redeem_coupon(
        self,
        coupon_id: uuid.UUID,
        order_id: uuid.UUID | None = None,
        expected_version: int | None = None,
    ) -> CouponRecord:
        """Mark the coupon used (against one of its customer's orders, if given). A coupon
        already redeemed or past its expiry date is refused."""
        today = local_today(self._clock)
        problems = Problems()
        with self._database.unit_of_work() as uow:
            session = uow.session
            coupon = require_current(
                session, Coupon, coupon_id, expected_version, COUPON, lambda c: c.code
            )
            if coupon.redeemed_at is not None:
                problems.add(
                    "coupon",
                    "This coupon was already redeemed on {day}.",
                    day=local_day(coupon.redeemed_at).isoformat(),
                )
            elif (
                coupon.expires_on is not None
                and coupon_status(coupon.expires_on, None, today) is CouponStatus.EXPIRED
            ):
                problems.add(
                    "coupon", "This coupon expired on {day}.", day=coupon.expires_on.isoformat()
                )
            order = find_live(session, Order, order_id) if order_id is not None else None
            if order_id is not None and (
                order is None
                or order.customer_id != coupon.customer_id
                or order.status is OrderStatus.CANCELLED
            ):
                problems.add("order_id", "Choose an order of this customer that is not cancelled.")
            problems.raise_if_any()
            now = self._clock()
            coupon.redeemed_at = coupon.updated_at = now
            coupon.redeemed_order_id = order_id
            uow.commit()
            return repository.coupon_record(coupon, order.number if order else None, today)
