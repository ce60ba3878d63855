"""Recomputing every customer's value figures on a small hand-made set of customers.

The day is 2024-03-15 (the test clock's) and the window the default 365 days, so it runs
from 2023-03-17. The buyers and what the rules make of them:

    A  4 orders of 100, monthly, last 5 days ago     recency 5,   F 4, M 400
    B  1 order of 1000, 14 days ago                  recency 14,  F 1, M 1000
    C  3 orders of 50, monthly, last 227 days ago    recency 227, F 3, M 150
    D  1 order of 500 on 2022-01-10 (before window)  recency 795, F 0, M 0
    E  no orders

Means over A–D: recency 260.25, frequency 2, monetary 387.5. Quintile cut points of four
values are the values themselves, so a score counts the other buyers strictly below.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from factories import START, TestClock, add_customer, set_deleted
from sqlalchemy import select, text

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer, CustomerValue, Order, ValueRun
from crmdesk.db.repositories.value import refresh_customer_value
from crmdesk.db.repositories.value_facts import _ORDERS
from crmdesk.domain.enums import LifecycleStage, OrderStatus, ReferenceDateMode, ValueSegment
from crmdesk.domain.errors import JobCancelledError
from crmdesk.domain.money import to_minor
from crmdesk.domain.orders import OrderDraft, OrderLineDraft
from crmdesk.domain.value_settings import ValueSettings
from crmdesk.services.orders import OrderService
from crmdesk.services.value import ValueService

TODAY = START.date()


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def service(database: Database, clock: TestClock) -> ValueService:
    return ValueService(database, clock)


def add_order(
    database: Database,
    customer_id: uuid.UUID,
    on: date,
    amount: str,
    *,
    status: OrderStatus = OrderStatus.OPEN,
) -> uuid.UUID:
    draft = OrderDraft(
        customer_id=customer_id,
        ordered_on=on,
        lines=(OrderLineDraft("龙井茶", 1, Decimal(amount)),),
        status=status,
        paid_on=on if status is OrderStatus.PAID else None,
    )
    return OrderService(database, TestClock()).create(draft).id


@pytest.fixture
def people(database: Database) -> dict[str, uuid.UUID]:
    ids = {name: add_customer(database, name) for name in "ABCDE"}
    for on in ("2023-12-10", "2024-01-10", "2024-02-10", "2024-03-10"):
        add_order(database, ids["A"], date.fromisoformat(on), "100")
    add_order(database, ids["B"], date(2024, 3, 1), "1000")
    for on in ("2023-06-01", "2023-07-01", "2023-08-01"):
        add_order(database, ids["C"], date.fromisoformat(on), "50")
    add_order(database, ids["D"], date(2022, 1, 10), "500")
    return ids


def stored_values(database: Database) -> dict[uuid.UUID, CustomerValue]:
    with database.unit_of_work(write=False) as uow:
        rows = {row.customer_id: row for row in uow.session.scalars(select(CustomerValue))}
        uow.session.expunge_all()  # detached as loaded: the rollback on leaving expires
    return rows


def stages(database: Database) -> dict[uuid.UUID, tuple[LifecycleStage, int]]:
    with database.unit_of_work(write=False) as uow:
        rows = uow.session.execute(select(Customer.id, Customer.lifecycle_stage, Customer.version))
        return {key: (stage, version) for key, stage, version in rows}


def pin(database: Database, customer_id: uuid.UUID, stage: LifecycleStage) -> None:
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        assert customer is not None
        customer.lifecycle_stage, customer.stage_pinned = stage, True
        uow.commit()


def test_recompute_stores_segments_scores_and_stages_of_every_customer(
    database: Database, service: ValueService, people: dict[str, uuid.UUID]
) -> None:
    summary = service.recompute()

    values = stored_values(database)
    by_name = {name: values[key] for name, key in people.items()}
    assert {name: row.segment for name, row in by_name.items()} == {
        "A": ValueSegment.IMPORTANT_VALUE,
        "B": ValueSegment.IMPORTANT_DEVELOP,
        "C": ValueSegment.GENERAL_VALUE,
        "D": ValueSegment.GENERAL_RETAIN,
        "E": None,
    }
    assert {
        name: (row.recency_days, row.frequency, row.monetary_minor) for name, row in by_name.items()
    } == {
        "A": (5, 4, 40_000),
        "B": (14, 1, 100_000),
        "C": (227, 3, 15_000),
        "D": (795, 0, 0),
        "E": (None, 0, 0),
    }
    assert {name: (row.r_score, row.f_score, row.m_score) for name, row in by_name.items()} == {
        "A": (5, 4, 3),
        "B": (4, 2, 4),
        "C": (3, 3, 2),
        "D": (2, 1, 1),
        "E": (None, None, None),
    }
    assert {name: row.suggested_stage for name, row in by_name.items()} == {
        "A": LifecycleStage.FORMATION,
        "B": LifecycleStage.FORMATION,
        "C": LifecycleStage.DECLINE,
        "D": LifecycleStage.LOST,
        "E": LifecycleStage.EXPLORATION,
    }
    assert by_name["C"].stage_reason == {
        "template": "Last order {days} days ago; usually every {usual} days.",
        "params": {"days": 227, "usual": 31},
    }
    assert all(row.reference_day == TODAY for row in values.values())
    assert (summary.reference_day, summary.window_days) == (TODAY, 365)
    assert (summary.customers, summary.buyers, summary.stage_changes) == (5, 4, 4)
    assert service.last_run() == summary
    assert {key: stage for key, (stage, _version) in stages(database).items()} == {
        people["A"]: LifecycleStage.FORMATION,
        people["B"]: LifecycleStage.FORMATION,
        people["C"]: LifecycleStage.DECLINE,
        people["D"]: LifecycleStage.LOST,
        people["E"]: LifecycleStage.EXPLORATION,
    }


def test_a_pinned_stage_is_never_overwritten_and_a_changed_stage_is_a_new_version(
    database: Database, service: ValueService, people: dict[str, uuid.UUID]
) -> None:
    pin(database, people["C"], LifecycleStage.STABILITY)
    before = stages(database)

    summary = service.recompute()

    after = stages(database)
    assert after[people["C"]] == before[people["C"]] == (LifecycleStage.STABILITY, 2)
    assert after[people["A"]] == (LifecycleStage.FORMATION, before[people["A"]][1] + 1)
    assert after[people["E"]] == before[people["E"]]  # exploration was right already
    assert summary.stage_changes == 3
    assert stored_values(database)[people["C"]].suggested_stage is LifecycleStage.DECLINE
    # A second run finds nothing left to change.
    assert service.recompute().stage_changes == 0
    assert stages(database) == after


def test_cancelled_and_deleted_orders_and_deleted_customers_do_not_count(
    database: Database, service: ValueService, people: dict[str, uuid.UUID]
) -> None:
    add_order(database, people["B"], date(2024, 3, 14), "9999", status=OrderStatus.CANCELLED)
    set_deleted(database, Order, add_order(database, people["B"], date(2024, 3, 14), "9999"))
    gone = add_customer(database, "F")
    add_order(database, gone, date(2024, 3, 15), "99999")
    set_deleted(database, Customer, gone)

    summary = service.recompute()

    values = stored_values(database)
    assert gone not in values
    assert (summary.customers, summary.buyers) == (5, 4)
    b = values[people["B"]]
    assert (b.recency_days, b.frequency, b.monetary_minor) == (14, 1, 100_000)
    # The population is A–D alone: A's segment would drop without the deleted customer's
    # huge order left out of the monetary mean.
    assert values[people["A"]].segment is ValueSegment.IMPORTANT_VALUE


def test_last_order_mode_ends_the_window_on_the_last_order_that_counts(
    database: Database, service: ValueService, people: dict[str, uuid.UUID]
) -> None:
    add_order(database, people["B"], date(2024, 3, 14), "10", status=OrderStatus.CANCELLED)
    service.save_settings(ValueSettings(reference_mode=ReferenceDateMode.LAST_ORDER))

    summary = service.recompute()

    assert summary.reference_day == date(2024, 3, 10)  # A's last order
    values = stored_values(database)
    assert values[people["A"]].recency_days == 0
    assert values[people["B"]].recency_days == 9
    assert values[people["B"]].reference_day == date(2024, 3, 10)


def test_a_cancelled_recompute_changes_nothing(
    database: Database, service: ValueService, people: dict[str, uuid.UUID]
) -> None:
    before = stages(database)
    seen: list[tuple[int, int]] = []

    with pytest.raises(JobCancelledError):
        service.recompute(
            progress=lambda done, total: seen.append((done, total)), cancelled=lambda: True
        )

    assert stored_values(database) == {}
    assert stages(database) == before
    assert service.last_run() is None
    assert seen[0] == (0, 5)


def test_progress_ends_with_every_customer_done(
    service: ValueService, people: dict[str, uuid.UUID]
) -> None:
    seen: list[tuple[int, int]] = []
    service.recompute(progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 5)
    assert seen[-1] == (5, 5)


def test_the_report_of_a_customer_matches_what_the_recompute_stored(
    database: Database, service: ValueService, people: dict[str, uuid.UUID]
) -> None:
    service.recompute()
    values = stored_values(database)
    for name, key in people.items():
        report = service.report(key)
        row = values[key]
        assert report.rfm_input.recency_days == row.recency_days, name
        assert (report.rfm.segment if report.rfm else None) == row.segment, name
        assert report.suggestion.stage is row.suggested_stage, name
        assert to_minor(report.clv.forecast) == row.clv_forecast_minor, name
        assert (report.scorecard.total, report.scorecard.grade) == (row.score, row.grade), name
        assert report.facts.m_score == row.m_score, name
    a = service.report(people["A"])
    assert a.history.order_count == 4
    assert a.population is not None and a.population.customers == 4
    assert a.last_run == service.last_run()
    # Nobody bought in the window before this one: retention falls back to a coin toss.
    assert a.clv.retention == Decimal("0.5")


def test_refresh_after_a_new_order_moves_that_customers_recency_and_frequency(
    database: Database, service: ValueService, people: dict[str, uuid.UUID], clock: TestClock
) -> None:
    service.recompute()
    with database.unit_of_work() as uow:
        # Written straight through the ORM: the order service's own refresh is not tested
        # here, this function is.
        uow.session.add(
            Order(
                number="DD-TEST-1",
                customer_id=people["D"],
                status=OrderStatus.OPEN,
                ordered_on=TODAY,
                total_minor=20_000,
            )
        )
        uow.session.flush()
        refresh_customer_value(uow.session, people["D"], TODAY, clock())
        uow.commit()

    row = stored_values(database)[people["D"]]
    assert (row.recency_days, row.frequency, row.monetary_minor) == (0, 1, 20_000)
    assert row.suggested_stage is LifecycleStage.FORMATION
    assert stages(database)[people["D"]][0] is LifecycleStage.FORMATION
    # Still scored against the population of the run: its borders did not move.
    assert row.r_score == 5


def test_refresh_before_any_recompute_writes_nothing(
    database: Database, people: dict[str, uuid.UUID], clock: TestClock
) -> None:
    before = stages(database)
    with database.unit_of_work() as uow:
        refresh_customer_value(uow.session, people["A"], TODAY, clock())
        uow.commit()
    assert stored_values(database) == {}
    assert stages(database) == before


def test_the_histories_are_read_off_one_covering_index(database: Database) -> None:
    query = "EXPLAIN QUERY PLAN " + _ORDERS.format(only="")
    with database.engine.connect() as conn:
        plan = " ".join(row[-1] for row in conn.execute(text(query), {"last": "2024-03-15"}))
    assert "COVERING INDEX ix_sales_order_value_facts" in plan
    assert "TEMP B-TREE" not in plan


def test_a_run_is_recorded_with_its_population(
    database: Database, service: ValueService, people: dict[str, uuid.UUID], clock: TestClock
) -> None:
    service.recompute()
    clock.advance(timedelta(days=1))
    second = service.recompute()
    with database.unit_of_work(write=False) as uow:
        runs = uow.session.scalars(select(ValueRun).order_by(ValueRun.id)).all()
        uow.session.expunge_all()
    assert len(runs) == 2
    assert runs[-1].population is not None and runs[-1].population["customers"] == 4
    assert second.reference_day == TODAY + timedelta(days=1)
    assert service.last_run() == second
