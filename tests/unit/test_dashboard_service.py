"""The dashboard's figures against a small hand-made database: stage and segment counts,
revenue this month and last (a cancelled order, a return, a refund, a deleted order and a
deleted customer's order left out), overdue follow-ups, complaints by deadline standing
and satisfaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from factories import TestClock, add_customer, set_deleted, value_row

from crmdesk.db.engine import Database
from crmdesk.db.models import Complaint, Customer, CustomerValue, FollowUp
from crmdesk.domain.dashboard import ComplaintStanding, MonthlyRevenue, percent_change
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    FollowUpKind,
    FollowUpStatus,
    LifecycleStage,
    OrderStatus,
    SurveyKind,
    ValueSegment,
)
from crmdesk.domain.orders import OrderDraft, OrderLineDraft
from crmdesk.domain.surveys import SurveyDraft
from crmdesk.services.dashboard import DashboardService
from crmdesk.services.orders import OrderService
from crmdesk.services.surveys import SurveyService

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
TODAY = date(2026, 3, 15)


@dataclass(frozen=True)
class Shop:
    a: uuid.UUID
    b: uuid.UUID
    c: uuid.UUID
    d: uuid.UUID
    gone: uuid.UUID  # a deleted customer: none of its rows count


def _order(
    orders: OrderService,
    customer_id: uuid.UUID,
    day: date,
    *lines: tuple[int, str],
    status: OrderStatus = OrderStatus.OPEN,
) -> uuid.UUID:
    drafts = tuple(
        OrderLineDraft(f"item {n}", quantity, Decimal(price))
        for n, (quantity, price) in enumerate(lines)
    )
    paid_on = day if status is OrderStatus.PAID else None
    return orders.create(OrderDraft(customer_id, day, drafts, status=status, paid_on=paid_on)).id


def _set_stage(database: Database, customer_id: uuid.UUID, stage: LifecycleStage) -> None:
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        assert customer is not None
        customer.lifecycle_stage = stage
        uow.commit()


def _row(customer_id: uuid.UUID, segment: ValueSegment | None) -> CustomerValue:
    return value_row(customer_id, segment, reference_day=TODAY, computed_at=NOW)


def _complaint(
    customer_id: uuid.UUID,
    number: str,
    status: ComplaintStatus,
    due_in: timedelta,
    *,
    resolved_in: timedelta | None = None,
) -> Complaint:
    return Complaint(
        number=number,
        customer_id=customer_id,
        category=ComplaintCategory.SERVICE,
        severity=ComplaintSeverity.MEDIUM,
        status=status,
        title=number,
        received_at=NOW - timedelta(days=5),
        due_at=NOW + due_in,
        resolved_at=None if resolved_in is None else NOW + resolved_in,
    )


def _follow_up(customer_id: uuid.UUID, due_on: date, status: FollowUpStatus) -> FollowUp:
    return FollowUp(
        customer_id=customer_id,
        kind=FollowUpKind.CALLBACK,
        status=status,
        title="回访",
        due_on=due_on,
    )


@pytest.fixture
def clock() -> TestClock:
    return TestClock(NOW)


@pytest.fixture
def shop(database: Database, clock: TestClock) -> Shop:
    shop = Shop(*(add_customer(database, name) for name in ("甲", "乙", "丙", "丁", "戊")))
    for customer_id, stage in (
        (shop.a, LifecycleStage.FORMATION),
        (shop.b, LifecycleStage.FORMATION),
        (shop.c, LifecycleStage.STABILITY),
        (shop.d, LifecycleStage.LOST),
        (shop.gone, LifecycleStage.DECLINE),
    ):
        _set_stage(database, customer_id, stage)

    orders = OrderService(database, clock)
    _order(orders, shop.a, date(2026, 3, 2), (2, "100.00"))  # this month: 200
    _order(orders, shop.a, date(2026, 3, 10), (1, "500.00"), status=OrderStatus.CANCELLED)
    deleted = _order(orders, shop.a, date(2026, 3, 11), (1, "800.00"))
    orders.delete(deleted)
    _order(orders, shop.b, date(2026, 3, 5), (3, "50.00"), (-1, "50.00"))  # 150 − 50 = 100
    _order(orders, shop.b, date(2026, 2, 20), (1, "300.00"), status=OrderStatus.PAID)
    _order(orders, shop.c, date(2026, 2, 1), (-1, "40.00"))  # a refund: −40
    _order(orders, shop.a, date(2025, 4, 10), (1, "70.00"))  # the first month charted
    _order(orders, shop.a, date(2025, 3, 31), (1, "999.00"))  # before it
    _order(orders, shop.gone, date(2026, 3, 3), (1, "1000.00"))

    with database.unit_of_work() as uow:
        uow.session.add_all(
            [
                _row(shop.a, ValueSegment.IMPORTANT_VALUE),
                _row(shop.b, ValueSegment.IMPORTANT_VALUE),
                _row(shop.c, ValueSegment.GENERAL_RETAIN),
                _row(shop.d, None),
                _row(shop.gone, ValueSegment.IMPORTANT_VALUE),
                _complaint(shop.a, "C1", ComplaintStatus.NEW, -timedelta(days=1)),
                _complaint(shop.a, "C2", ComplaintStatus.IN_PROGRESS, timedelta(hours=12)),
                _complaint(shop.b, "C3", ComplaintStatus.ACKNOWLEDGED, timedelta(days=3)),
                _complaint(
                    shop.b,
                    "C4",
                    ComplaintStatus.RESOLVED,
                    -timedelta(days=2),
                    resolved_in=-timedelta(days=3),
                ),
                _complaint(
                    shop.c,
                    "C5",
                    ComplaintStatus.CLOSED,
                    -timedelta(days=4),
                    resolved_in=-timedelta(days=1),
                ),
                _complaint(shop.gone, "C6", ComplaintStatus.NEW, -timedelta(days=1)),
                _follow_up(shop.a, date(2026, 3, 10), FollowUpStatus.PLANNED),
                _follow_up(shop.b, date(2026, 3, 20), FollowUpStatus.PLANNED),
                _follow_up(shop.c, date(2026, 3, 1), FollowUpStatus.DONE),
                _follow_up(shop.gone, date(2026, 3, 1), FollowUpStatus.PLANNED),
            ]
        )
        deleted_complaint = _complaint(shop.c, "C7", ComplaintStatus.NEW, -timedelta(days=1))
        deleted_complaint.deleted_at = NOW
        uow.session.add(deleted_complaint)
        uow.commit()

    surveys = SurveyService(database, clock)
    for customer_id, kind, score, day in (
        (shop.a, SurveyKind.CSAT, 4, date(2026, 3, 1)),
        (shop.b, SurveyKind.CSAT, 5, date(2026, 3, 8)),
        (shop.c, SurveyKind.CSAT, 1, date(2025, 12, 5)),  # 100 days ago: not in the tile
        (shop.a, SurveyKind.NPS, 10, date(2026, 3, 2)),
        (shop.b, SurveyKind.NPS, 3, date(2026, 3, 3)),
    ):
        responded_at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
        surveys.record(SurveyDraft(customer_id, kind, score, responded_at))
    set_deleted(database, Customer, shop.gone)
    return shop


def test_customers_per_stage_leave_out_deleted_customers(
    database: Database, clock: TestClock, shop: Shop
) -> None:
    figures = DashboardService(database, clock).figures(TODAY)

    assert dict(figures.customers_by_stage) == {
        LifecycleStage.EXPLORATION: 0,
        LifecycleStage.FORMATION: 2,
        LifecycleStage.STABILITY: 1,
        LifecycleStage.DECLINE: 0,
        LifecycleStage.LOST: 1,
    }
    assert figures.customers == 4


def test_segment_counts_come_from_the_last_run_of_live_customers(
    database: Database, clock: TestClock, shop: Shop
) -> None:
    figures = DashboardService(database, clock).figures(TODAY)

    expected = dict.fromkeys(ValueSegment, 0)
    expected[ValueSegment.IMPORTANT_VALUE] = 2
    expected[ValueSegment.GENERAL_RETAIN] = 1
    assert dict(figures.customers_by_segment) == expected


def test_revenue_this_and_last_month_net_of_returns_and_without_cancelled_orders(
    database: Database, clock: TestClock, shop: Shop
) -> None:
    figures = DashboardService(database, clock).figures(TODAY)

    assert figures.revenue_this_month == Decimal("300.00")  # 200 + (150 − 50)
    assert figures.revenue_last_month == Decimal("260.00")  # 300 − 40
    assert figures.revenue_change_percent == Decimal("15.4")  # 40 / 260


def test_monthly_revenue_covers_twelve_months_up_to_this_one(
    database: Database, clock: TestClock, shop: Shop
) -> None:
    figures = DashboardService(database, clock).figures(TODAY)

    months = figures.revenue_by_month
    assert [m.month for m in months][:2] == [date(2025, 4, 1), date(2025, 5, 1)]
    assert months[-1].month == date(2026, 3, 1)
    assert len(months) == 12
    assert months[0] == MonthlyRevenue(date(2025, 4, 1), Decimal("70.00"))
    assert sum(m.revenue for m in months) == Decimal("630.00")  # 70 + 260 + 300


def test_overdue_follow_ups_and_open_complaints(
    database: Database, clock: TestClock, shop: Shop
) -> None:
    figures = DashboardService(database, clock).figures(TODAY)

    assert figures.overdue_follow_ups == 1
    assert figures.open_complaints == 3
    assert figures.overdue_complaints == 1


def test_complaints_by_deadline_standing(database: Database, clock: TestClock, shop: Shop) -> None:
    figures = DashboardService(database, clock).figures(TODAY)

    assert dict(figures.complaints_by_standing) == {
        ComplaintStanding.ON_TIME: 1,
        ComplaintStanding.DUE_SOON: 1,
        ComplaintStanding.OVERDUE: 1,
        ComplaintStanding.FINISHED_IN_TIME: 1,
        ComplaintStanding.FINISHED_LATE: 1,
    }


def test_satisfaction_tile_and_trend(database: Database, clock: TestClock, shop: Shop) -> None:
    figures = DashboardService(database, clock).figures(TODAY)

    assert figures.average_csat == Decimal("4.50")  # 4 and 5; the 1 is 100 days old
    by_month = {m.month: m for m in figures.satisfaction_by_month}
    assert len(figures.satisfaction_by_month) == 12
    march = by_month[date(2026, 3, 1)]
    assert (march.csat_average, march.csat_count) == (Decimal("4.50"), 2)
    assert (march.nps, march.nps_count) == (Decimal("0.0"), 2)  # a promoter, a detractor
    assert by_month[date(2025, 12, 1)].csat_average == Decimal("1.00")


def test_an_empty_database_shows_zeros_and_nothing_to_compare(
    database: Database, clock: TestClock
) -> None:
    figures = DashboardService(database, clock).figures()

    assert figures.today == TODAY
    assert figures.customers == 0
    assert set(figures.customers_by_segment.values()) == {0}
    assert [m.revenue for m in figures.revenue_by_month] == [Decimal("0.00")] * 12
    assert figures.revenue_change_percent is None
    assert set(figures.complaints_by_standing.values()) == {0}
    assert figures.average_csat is None
    assert figures.last_run is None


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        ("100", "150", "50.0"),
        ("200", "50", "-75.0"),
        ("-40", "10", "125.0"),  # from refunds only to a sale is a rise
        ("0", "10", None),
    ],
)
def test_percent_change(before: str, after: str, change: str | None) -> None:
    expected = None if change is None else Decimal(change)
    assert percent_change(Decimal(before), Decimal(after)) == expected
