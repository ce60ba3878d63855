"""Recording, editing, deleting and listing orders and their lines on a real database file."""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from factories import START, TestClock, add_customer, add_rep, set_deleted
from sqlalchemy import select

from crmdesk.db.engine import Database
from crmdesk.db.models import Customer, Order, OrderLine, Rep
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.enums import LifecycleStage, OrderStatus, ValueSegment
from crmdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from crmdesk.domain.orders import OrderDraft, OrderFilter, OrderLineDraft, OrderSort
from crmdesk.domain.paging import PageRequest
from crmdesk.services.orders import OrderService
from crmdesk.services.workspace import Workspace

TODAY = START.date()
TEA = OrderLineDraft("龙井茶 250g", 3, Decimal("19.90"), product_code="T-01")
RETURNED_TEA = OrderLineDraft("龙井茶 250g (退货)", -1, Decimal("19.90"), product_code="T-01")
DISCOUNTED_SET = OrderLineDraft("茶具", 2, Decimal("100.00"), Decimal("15.50"))


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def service(database: Database, clock: TestClock) -> OrderService:
    return OrderService(database, clock)


@pytest.fixture
def customer_id(database: Database) -> uuid.UUID:
    return add_customer(database)


def order(customer_id: uuid.UUID, *lines: OrderLineDraft, on: date = TODAY) -> OrderDraft:
    return OrderDraft(customer_id=customer_id, ordered_on=on, lines=lines)


def stored(database: Database, order_id: uuid.UUID) -> tuple[int, list[tuple[int, bool]]]:
    """The total in minor units as stored, and each line's total with whether it is live
    (tombstones first)."""
    with database.unit_of_work(write=False) as uow:
        total = uow.session.scalars(select(Order.total_minor).where(Order.id == order_id)).one()
        lines = uow.session.execute(
            select(OrderLine.line_total_minor, OrderLine.deleted_at.is_(None))
            .where(OrderLine.order_id == order_id)
            .order_by(OrderLine.deleted_at.is_(None), OrderLine.position)
        ).all()
    return total, [(line_total, bool(live)) for line_total, live in lines]


def test_an_order_with_a_return_line_has_the_right_total_in_minor_units(
    service: OrderService, database: Database, customer_id: uuid.UUID
) -> None:
    created = service.create(order(customer_id, TEA, RETURNED_TEA, DISCOUNTED_SET))

    # 3 × 19.90 − 1 × 19.90 + (2 × 100.00 − 15.50) = 59.70 − 19.90 + 184.50
    assert created.total == Decimal("224.30")
    assert [line.line_total for line in created.lines] == [
        Decimal("59.70"),
        Decimal("-19.90"),
        Decimal("184.50"),
    ]
    assert stored(database, created.id) == (22430, [(5970, True), (-1990, True), (18450, True)])
    assert re.fullmatch(r"DD-[2-9A-Z]{4}-00001", created.number)
    assert service.get(created.id) == created


def test_an_update_replaces_the_lines_and_the_total(
    service: OrderService, database: Database, customer_id: uuid.UUID
) -> None:
    created = service.create(order(customer_id, TEA, DISCOUNTED_SET))

    updated = service.update(created.id, order(customer_id, TEA, RETURNED_TEA), created.version)

    assert updated.total == Decimal("39.80")
    assert [(line.position, line.quantity) for line in updated.lines] == [(1, 3), (2, -1)]
    assert service.get(created.id) == updated
    # The replaced lines stay as tombstones, so the change can travel to other copies.
    assert stored(database, created.id) == (
        3980,
        [(5970, False), (18450, False), (5970, True), (-1990, True)],
    )


def test_a_stale_update_is_refused_and_changes_nothing(
    service: OrderService, customer_id: uuid.UUID
) -> None:
    created = service.create(order(customer_id, TEA))
    saved = service.update(created.id, replace(order(customer_id, TEA), notes="加急"), 1)

    with pytest.raises(ConflictError) as caught:
        service.update(created.id, order(customer_id, DISCOUNTED_SET), created.version)

    assert created.number in str(caught.value)
    assert service.get(created.id) == saved


def test_deleting_an_order_tombstones_its_lines(
    service: OrderService, database: Database, customer_id: uuid.UUID
) -> None:
    created = service.create(order(customer_id, TEA, RETURNED_TEA))

    service.delete(created.id, created.version)

    with pytest.raises(NotFoundError):
        service.get(created.id)
    assert service.list(OrderFilter(customer_id=customer_id)).total == 0
    assert stored(database, created.id)[1] == [(5970, False), (-1990, False)]


def test_every_problem_is_reported_on_its_own_field(
    service: OrderService, customer_id: uuid.UUID
) -> None:
    bad = replace(
        order(
            customer_id,
            OrderLineDraft("", 0, Decimal("1.999")),
            OrderLineDraft("杯子", 2, Decimal("10.00"), Decimal("25.00")),
            OrderLineDraft("杯子 (退货)", -2, Decimal("-10.00"), Decimal("5.00")),
            OrderLineDraft("杯子 (退货)", -2, Decimal("10.00"), Decimal("5.00")),
        ),
        currency="yuan",
        status=OrderStatus.PAID,
        payment_due_on=date(2024, 3, 1),
    )

    with pytest.raises(ValidationError) as caught:
        service.create(bad)

    assert {name: p.message for name, p in caught.value.problems.items()} == {
        "lines[0].product_name": "This field is required.",
        "lines[0].quantity": "The quantity cannot be zero.",
        "lines[0].unit_price": "Amounts have at most two decimal places.",
        "lines[1].discount": "The discount must lie between 0 and the line amount 20.00.",
        "lines[2].unit_price": "The unit price cannot be negative.",
        "lines[3].discount": "The discount must lie between 0 and the line amount -20.00.",
        "currency": "A currency is a three-letter code such as CNY.",
        "payment_due_on": "Payment cannot be due before the order date.",
        "paid_on": "Give the date a paid order was paid.",
    }
    with pytest.raises(ValidationError) as caught:
        service.create(order(customer_id))
    assert caught.value.message_for("lines") == "An order needs at least one line."
    assert service.list(OrderFilter()).total == 0


def test_the_list_shows_a_customers_orders_in_a_date_range_newest_first(
    service: OrderService, database: Database, customer_id: uuid.UUID
) -> None:
    other_customer = add_customer(database, "李雷")
    for day in (date(2024, 1, 5), date(2024, 2, 1), date(2024, 2, 29), date(2024, 3, 1)):
        service.create(order(customer_id, TEA, on=day))
    service.create(order(other_customer, TEA, on=date(2024, 2, 10)))
    february = OrderFilter(
        customer_id=customer_id, ordered_from=date(2024, 2, 1), ordered_to=date(2024, 2, 29)
    )

    page = service.list(february)

    assert [o.ordered_on for o in page.items] == [date(2024, 2, 29), date(2024, 2, 1)]
    assert [[line.product_name for line in o.lines] for o in page.items] == [
        [TEA.product_name],
        [TEA.product_name],
    ]


def test_the_list_sorts_by_total(service: OrderService, customer_id: uuid.UUID) -> None:
    service.create(order(customer_id, DISCOUNTED_SET))
    service.create(order(customer_id, RETURNED_TEA))
    service.create(order(customer_id, TEA))

    page = service.list(OrderFilter(), PageRequest(sort_by=OrderSort.TOTAL))

    assert [o.total for o in page.items] == [Decimal("-19.90"), Decimal("59.70"), Decimal("184.50")]


def test_saving_an_unchanged_order_keeps_its_version_and_its_lines(
    service: OrderService, database: Database, clock: TestClock, customer_id: uuid.UUID
) -> None:
    created = service.create(order(customer_id, TEA, DISCOUNTED_SET))
    clock.advance(timedelta(hours=1))

    assert service.update(created.id, order(customer_id, TEA, DISCOUNTED_SET), 1) == created
    assert service.get(created.id) == created
    assert stored(database, created.id)[1] == [(5970, True), (18450, True)]


def test_changing_only_the_lines_is_a_change_of_the_order(
    service: OrderService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    created = service.create(order(customer_id, TEA, DISCOUNTED_SET))
    later = clock.advance(timedelta(hours=1))

    swapped = service.update(created.id, order(customer_id, DISCOUNTED_SET, TEA), 1)

    assert swapped.total == created.total
    assert (swapped.version, swapped.updated_at) == (2, later)
    assert [line.product_name for line in swapped.lines] == ["茶具", "龙井茶 250g"]


def test_a_rep_deleted_since_blocks_no_edit(
    service: OrderService, database: Database, customer_id: uuid.UUID
) -> None:
    rep_id = add_rep(database)
    with_rep = replace(order(customer_id, TEA), rep_id=rep_id)
    created = service.create(with_rep)
    set_deleted(database, Rep, rep_id)

    edited = service.update(created.id, replace(with_rep, notes="加急"), created.version)

    assert (edited.notes, edited.rep_id) == ("加急", rep_id)


def test_a_deleted_customers_orders_are_gone_until_it_is_restored(
    service: OrderService, database: Database, customer_id: uuid.UUID
) -> None:
    other = add_customer(database, "李雷")
    hidden = service.create(order(customer_id, TEA))
    shown = service.create(order(other, DISCOUNTED_SET))
    set_deleted(database, Customer, customer_id)

    assert [o.id for o in service.list(OrderFilter()).items] == [shown.id]
    for attempt in (
        lambda: service.get(hidden.id),
        lambda: service.update(hidden.id, order(customer_id, DISCOUNTED_SET), hidden.version),
        lambda: service.delete(hidden.id, hidden.version),
    ):
        with pytest.raises(NotFoundError):
            attempt()

    set_deleted(database, Customer, customer_id, deleted=False)
    assert service.get(hidden.id) == hidden
    assert service.list(OrderFilter()).total == 2


def test_an_order_brings_its_customers_points_and_value_figures_up_to_date(
    database: Database, service: OrderService, clock: TestClock, customer_id: uuid.UUID
) -> None:
    workspace = Workspace.over(database, clock)
    other = add_customer(database, "王五")
    service.create(OrderDraft(other, TODAY - timedelta(days=400), (DISCOUNTED_SET,)))
    workspace.value.recompute()
    assert workspace.value.report(customer_id).suggestion.stage is LifecycleStage.EXPLORATION

    order = service.create(OrderDraft(customer_id, TODAY, (TEA,)))

    # The figures are stored as the order is saved: the list's segment filter finds them.
    found = workspace.customers.list(CustomerFilter(segments=frozenset(ValueSegment)))
    assert {c.id: c.segment for c in found.items}[customer_id] is not None
    assert workspace.value.report(customer_id).suggestion.stage is LifecycleStage.FORMATION
    rule = workspace.loyalty.earning_rule()
    assert workspace.loyalty.ledger(customer_id).balance == int(order.total * rule.points_per_unit)

    service.delete(order.id, order.version)
    assert workspace.loyalty.ledger(customer_id).balance == 0
