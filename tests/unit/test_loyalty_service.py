"""Loyalty on a real database file: purchase points that follow their order, adjustments
and redemptions that never take the balance below zero, coupons that are used once and
expire, and the referrals of a customer with the revenue they brought."""

from __future__ import annotations

import threading
import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from factories import START, TestClock, add_customer, set_deleted

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer
from crmdesk.db.repositories.loyalty import award_order_points
from crmdesk.domain.enums import OrderStatus, PointsReason
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.loyalty import CouponDraft, CouponStatus, EarningRule
from crmdesk.domain.orders import OrderDraft, OrderLineDraft, OrderRecord
from crmdesk.services.loyalty import LoyaltyService
from crmdesk.services.orders import OrderService

TODAY = START.date()


class TickingClock(TestClock):
    """Moves on a second at every reading, so that ledger entries follow one another."""

    __test__ = False

    def __call__(self) -> datetime:
        return self.advance(timedelta(seconds=1))


@pytest.fixture
def clock() -> TestClock:
    return TickingClock()


@pytest.fixture
def loyalty(database: Database, clock: TestClock) -> LoyaltyService:
    return LoyaltyService(database, clock)


@pytest.fixture
def orders(database: Database, clock: TestClock) -> OrderService:
    return OrderService(database, clock)


@pytest.fixture
def customer_id(database: Database) -> uuid.UUID:
    return add_customer(database)


def draft(
    customer_id: uuid.UUID, *prices: str, status: OrderStatus = OrderStatus.OPEN
) -> OrderDraft:
    lines = tuple(OrderLineDraft(f"商品{i}", 1, Decimal(price)) for i, price in enumerate(prices))
    return OrderDraft(customer_id=customer_id, ordered_on=TODAY, lines=lines, status=status)


def award(database: Database, clock: TestClock, order_id: uuid.UUID) -> None:
    """What the order service does in each of its write transactions."""
    with database.unit_of_work() as uow:
        award_order_points(uow.session, order_id, clock())
        uow.commit()


def place(
    database: Database, clock: TestClock, orders: OrderService, order: OrderDraft
) -> OrderRecord:
    record = orders.create(order)
    award(database, clock, record.id)
    return record


def edit(
    database: Database,
    clock: TestClock,
    orders: OrderService,
    record: OrderRecord,
    order: OrderDraft,
) -> OrderRecord:
    clock.advance(timedelta(hours=1))
    saved = orders.update(record.id, order, record.version)
    award(database, clock, record.id)
    return saved


def test_an_order_earns_the_rule_s_points_per_yuan_rounded_down(
    database: Database,
    clock: TestClock,
    loyalty: LoyaltyService,
    orders: OrderService,
    customer_id: uuid.UUID,
) -> None:
    assert loyalty.earning_rule() == EarningRule(Decimal(1))
    loyalty.save_earning_rule(EarningRule(Decimal("1.5")))
    record = place(database, clock, orders, draft(customer_id, "100.00", "33.99"))

    ledger = loyalty.ledger(customer_id)
    assert ledger.balance == 200  # 133.99 × 1.5 = 200.985
    (entry,) = ledger.entries
    assert (entry.reason, entry.points, entry.order_number) == (
        PointsReason.PURCHASE,
        200,
        record.number,
    )
    # Awarding again (a save that changed nothing) gives nothing more.
    award(database, clock, record.id)
    assert loyalty.ledger(customer_id).balance == 200


def test_editing_an_order_s_total_moves_its_points_and_cancelling_or_deleting_takes_them_back(
    database: Database,
    clock: TestClock,
    loyalty: LoyaltyService,
    orders: OrderService,
    customer_id: uuid.UUID,
) -> None:
    record = place(database, clock, orders, draft(customer_id, "300.00"))
    record = edit(database, clock, orders, record, draft(customer_id, "120.50"))
    ledger = loyalty.ledger(customer_id)
    assert ledger.balance == 120
    assert [(e.points, e.balance) for e in ledger.entries] == [(-180, 120), (300, 300)]

    record = edit(
        database, clock, orders, record, draft(customer_id, "120.50", status=OrderStatus.CANCELLED)
    )
    assert loyalty.ledger(customer_id).balance == 0
    record = edit(database, clock, orders, record, draft(customer_id, "120.50"))
    assert loyalty.ledger(customer_id).balance == 120

    orders.delete(record.id)
    award(database, clock, record.id)
    assert loyalty.ledger(customer_id).balance == 0


def test_taking_back_more_than_is_left_takes_what_is_left_and_says_so(
    database: Database,
    clock: TestClock,
    loyalty: LoyaltyService,
    orders: OrderService,
    customer_id: uuid.UUID,
) -> None:
    record = place(database, clock, orders, draft(customer_id, "100.00"))
    loyalty.redeem_points(customer_id, 80, "兑换保温杯")
    orders.delete(record.id)
    award(database, clock, record.id)

    ledger = loyalty.ledger(customer_id)
    assert ledger.balance == 0
    latest = ledger.entries[0]
    assert latest.points == -20
    assert latest.note is not None and "100" in latest.note and "20" in latest.note


def test_redeeming_more_than_the_balance_is_refused_and_nothing_is_written(
    database: Database,
    clock: TestClock,
    loyalty: LoyaltyService,
    orders: OrderService,
    customer_id: uuid.UUID,
) -> None:
    place(database, clock, orders, draft(customer_id, "50.00"))
    with pytest.raises(ValidationError) as refused:
        loyalty.redeem_points(customer_id, 51, "兑换礼品")
    assert refused.value.message_for("points") == "Only 50 points are available."
    ledger = loyalty.ledger(customer_id)
    assert ledger.balance == 50 and len(ledger.entries) == 1

    ledger = loyalty.redeem_points(customer_id, 50)
    assert ledger.balance == 0
    assert ledger.entries[0].reason is PointsReason.REDEMPTION


def test_an_adjustment_below_zero_is_refused_one_that_stays_above_is_kept_with_its_note(
    loyalty: LoyaltyService, customer_id: uuid.UUID
) -> None:
    with pytest.raises(ValidationError) as refused:
        loyalty.adjust_points(customer_id, -1, "录错了")
    assert refused.value.message_for("points") is not None
    assert loyalty.ledger(customer_id).entries == ()

    loyalty.adjust_points(customer_id, 30, "活动赠送")
    ledger = loyalty.adjust_points(customer_id, -30, "撤回赠送")
    assert ledger.balance == 0
    assert [(e.reason, e.points, e.note) for e in ledger.entries] == [
        (PointsReason.ADJUSTMENT, -30, "撤回赠送"),
        (PointsReason.ADJUSTMENT, 30, "活动赠送"),
    ]


def test_an_adjustment_needs_a_reason_and_some_points(
    loyalty: LoyaltyService, customer_id: uuid.UUID
) -> None:
    with pytest.raises(ValidationError) as refused:
        loyalty.adjust_points(customer_id, 0, "  ")
    assert set(refused.value.problems) == {"points", "note"}


def test_two_redemptions_at_once_cannot_both_spend_the_same_points(
    database: Database, loyalty: LoyaltyService, customer_id: uuid.UUID
) -> None:
    loyalty.adjust_points(customer_id, 100, "开户礼")
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def redeem() -> None:
        start.wait()
        try:
            loyalty.redeem_points(customer_id, 60)
            outcomes.append("redeemed")
        except ValidationError:
            outcomes.append("refused")

    threads = [threading.Thread(target=redeem) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["redeemed", "refused"]
    assert loyalty.ledger(customer_id).balance == 40


def test_the_earning_rule_refuses_negative_rates_and_round_trips(loyalty: LoyaltyService) -> None:
    with pytest.raises(ValidationError) as refused:
        loyalty.save_earning_rule(EarningRule(Decimal(-1)))
    assert "points_per_unit" in refused.value.problems
    loyalty.save_earning_rule(EarningRule(Decimal("0.1")))
    assert loyalty.earning_rule() == EarningRule(Decimal("0.1"))
    assert EarningRule.from_json({"points_per_unit": "x"}) == EarningRule()


def test_an_issued_coupon_is_active_and_can_be_redeemed_once(
    clock: TestClock, loyalty: LoyaltyService, orders: OrderService, customer_id: uuid.UUID
) -> None:
    coupon = loyalty.issue_coupon(
        CouponDraft(customer_id, " 生日优惠券 ", Decimal("50.00"), TODAY + timedelta(days=30))
    )
    assert coupon.code.startswith("YH-")
    assert (coupon.description, coupon.value, coupon.issued_on, coupon.status) == (
        "生日优惠券",
        Decimal("50.00"),
        TODAY,
        CouponStatus.ACTIVE,
    )
    order = orders.create(draft(customer_id, "200.00"))
    redeemed = loyalty.redeem_coupon(coupon.id, order.id, coupon.version)
    assert redeemed.status is CouponStatus.REDEEMED
    assert redeemed.redeemed_order_number == order.number

    clock.advance(timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        loyalty.redeem_coupon(coupon.id)
    assert refused.value.message_for("coupon") == (
        f"This coupon was already redeemed on {TODAY.isoformat()}."
    )
    assert [c.status for c in loyalty.coupons(customer_id)] == [CouponStatus.REDEEMED]


def test_a_coupon_past_its_expiry_date_shows_as_expired_and_cannot_be_redeemed(
    clock: TestClock, loyalty: LoyaltyService, customer_id: uuid.UUID
) -> None:
    last_day = TODAY + timedelta(days=7)
    coupon = loyalty.issue_coupon(CouponDraft(customer_id, "满减券", Decimal(20), last_day))
    clock.advance(timedelta(days=8))
    assert [c.status for c in loyalty.coupons(customer_id)] == [CouponStatus.EXPIRED]
    with pytest.raises(ValidationError) as refused:
        loyalty.redeem_coupon(coupon.id)
    assert refused.value.message_for("coupon") == f"This coupon expired on {last_day.isoformat()}."
    assert [c.status for c in loyalty.coupons(customer_id)] == [CouponStatus.EXPIRED]


def test_a_coupon_is_redeemed_only_against_its_own_customer_s_orders(
    database: Database, loyalty: LoyaltyService, orders: OrderService, customer_id: uuid.UUID
) -> None:
    coupon = loyalty.issue_coupon(CouponDraft(customer_id, "满减券", Decimal(20)))
    someone_else = orders.create(draft(add_customer(database, "李雷"), "99.00"))
    with pytest.raises(ValidationError) as refused:
        loyalty.redeem_coupon(coupon.id, someone_else.id)
    assert "order_id" in refused.value.problems
    assert loyalty.coupons(customer_id)[0].status is CouponStatus.ACTIVE


def test_a_coupon_with_bad_values_is_refused_with_every_problem(
    loyalty: LoyaltyService, customer_id: uuid.UUID
) -> None:
    with pytest.raises(ValidationError) as refused:
        loyalty.issue_coupon(
            CouponDraft(customer_id, "", Decimal("0.001"), TODAY - timedelta(days=1))
        )
    assert set(refused.value.problems) == {"description", "value", "expires_on"}
    assert loyalty.coupons(customer_id) == []


def refer(database: Database, referred: uuid.UUID, referrer: uuid.UUID) -> None:
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, referred)
        assert customer is not None
        customer.referred_by_id = referrer
        uow.commit()


def test_referrals_list_the_referred_customers_with_their_revenue_without_cancelled_orders(
    database: Database, loyalty: LoyaltyService, orders: OrderService, customer_id: uuid.UUID
) -> None:
    big, small, gone = (add_customer(database, name) for name in ("韩梅梅", "李雷", "王芳"))
    for referred in (big, small, gone):
        refer(database, referred, customer_id)
    orders.create(draft(big, "100.00", "50.50"))
    returned = replace(draft(big, "10.00"), lines=(OrderLineDraft("退货", -1, Decimal("10.00")),))
    orders.create(returned)
    orders.create(draft(big, "999.00", status=OrderStatus.CANCELLED))
    deleted = orders.create(draft(small, "500.00"))
    orders.delete(deleted.id)
    orders.create(draft(small, "20.00"))
    orders.create(draft(gone, "700.00"))
    set_deleted(database, Customer, gone)

    summary = loyalty.referrals(customer_id)
    assert [(r.name, r.revenue) for r in summary.referred] == [
        ("韩梅梅", Decimal("140.50")),
        ("李雷", Decimal("20.00")),
    ]
    assert (summary.count, summary.total_revenue) == (2, Decimal("160.50"))
    assert summary.referrer_id is None

    referred_view = loyalty.referrals(big)
    assert (referred_view.referrer_id, referred_view.referrer_name, referred_view.count) == (
        customer_id,
        "张三",
        0,
    )


def test_the_overview_reads_ledger_coupons_and_referrals_of_one_customer(
    database: Database, loyalty: LoyaltyService, customer_id: uuid.UUID
) -> None:
    other = add_customer(database, "李雷")
    loyalty.adjust_points(other, 10, "别人的积分")
    loyalty.adjust_points(customer_id, 5, "开户礼")
    loyalty.issue_coupon(CouponDraft(customer_id, "满减券", Decimal(20)))
    overview = loyalty.overview(customer_id)
    assert overview.ledger.balance == 5
    assert [c.description for c in overview.coupons] == ["满减券"]
    assert overview.referrals.customer_id == customer_id
