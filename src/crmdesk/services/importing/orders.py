"""Line-level order sheets (one row per product line, like a shop's invoice export):
rows grouped by order number into orders with lines. Invoices numbered C… (cancellations)
and negative quantities become negative lines. Customers are found by code or name, or
created when the caller allows it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crmdesk.db.engine import UnitOfWork
from crmdesk.db.models import Customer, Order, OrderLine
from crmdesk.db.numbers import reserve_numbers
from crmdesk.db.repositories import bulk
from crmdesk.db.repositories import import_batches as journal
from crmdesk.db.repositories import import_matching as matching
from crmdesk.domain.enums import CustomerKind, CustomerLevel, LifecycleStage, OrderStatus
from crmdesk.domain.errors import Problem, ValidationError
from crmdesk.domain.import_results import (
    DuplicateOf,
    ImportOptions,
    MatchRule,
    RowAction,
    RowOutcome,
)
from crmdesk.domain.money import to_minor
from crmdesk.domain.orders import (
    EARLIEST_ORDER_DATE,
    LATEST_ORDER_AHEAD,
    OrderLineDraft,
    check_line,
    line_total,
    order_total,
)
from crmdesk.domain.search_text import sort_key
from crmdesk.domain.validation import Problems
from crmdesk.services.importing.references import customer_of, rep_of, text
from crmdesk.services.importing.source import RowSource, SourceRow, Steps
from crmdesk.services.importing.writing import Journal, synced_columns

# Shop systems number a cancellation or credit note after its invoice with a C in front.
_CANCELLATION = re.compile(r"^[Cc]\d")
# A customer reference that looks like an id (17850, VIP-0042) becomes the new customer's code.
_IDENTIFIER = re.compile(r"[A-Za-z0-9_\-]*\d[A-Za-z0-9_\-]*")
_NUMBER_MAX_LENGTH = 40
_CENT = Decimal("0.01")
_INSERT_CHUNK = 2_000


@dataclass
class _Order:
    number: str
    rows: list[SourceRow] = field(default_factory=list)
    lines: list[OrderLineDraft] = field(default_factory=list)
    problems: dict[int, dict[str, Problem]] = field(default_factory=dict)  # row -> problems
    customer_key: str | None = None
    customer_id: uuid.UUID | None = None
    ordered_on: date | None = None
    values: dict[str, object] = field(default_factory=dict)
    id: uuid.UUID = field(default_factory=uuid.uuid4)


@dataclass
class OrderPlan:
    outcomes: list[RowOutcome] = field(default_factory=list)
    orders: list[_Order] = field(default_factory=list)
    new_customers: dict[str, uuid.UUID] = field(default_factory=dict)  # reference -> new id

    def write(
        self,
        uow: UnitOfWork,
        options: ImportOptions,
        now: datetime,
        steps: Steps,
        changes: Journal,
    ) -> None:
        _write_customers(uow, self.new_customers, now, changes)
        for start in range(0, len(self.orders), _INSERT_CHUNK):
            chunk = self.orders[start : start + _INSERT_CHUNK]
            order_rows = [_order_row(order, now) for order in chunk]
            line_rows = [row for order in chunk for row in _line_rows(order, now)]
            bulk.insert_rows(uow.session, Order, order_rows)
            bulk.insert_rows(uow.session, OrderLine, line_rows)
            changes.created(Order, (order.id for order in chunk))
            changes.created(OrderLine, (row["id"] for row in line_rows))
            steps.advance(sum(len(order.rows) for order in chunk))


def plan_orders(
    uow: UnitOfWork, source: RowSource, options: ImportOptions, today: date, steps: Steps
) -> OrderPlan:
    reps = journal.reps_by_name(uow.session)
    orders: dict[str, _Order] = {}
    loose: list[RowOutcome] = []  # rows without an order number
    read = 0
    for row in source.rows():
        number = text(row.values.get("order_number"))
        if number is None:
            problems = dict(row.problems)
            problems.setdefault("order_number", Problem("This field is required."))
            loose.append(RowOutcome(row.number, RowAction.REJECT, problems))
        else:
            order = orders.setdefault(number, _Order(number))
            order.rows.append(row)
            _add_line(order, row, today, reps)
        read += 1
        if read % matching.CHUNK == 0:
            steps.advance(matching.CHUNK)
    plan = OrderPlan()
    taken = _taken_numbers(uow, list(orders))
    _link_customers(uow, [o for o in orders.values() if o.number not in taken], options, plan)
    outcomes: dict[int, RowOutcome] = {o.number: o for o in loose}
    for order in orders.values():
        for outcome in _order_outcomes(order, taken):
            outcomes[outcome.number] = outcome
        if order.number not in taken and not order.problems:
            plan.orders.append(order)
    plan.outcomes = [outcomes[number] for number in sorted(outcomes)]
    steps.advance(read % matching.CHUNK)
    return plan


def _add_line(order: _Order, row: SourceRow, today: date, reps: Mapping[str, uuid.UUID]) -> None:
    """Check one row and add its line to the order; the order's own facts come from its
    first row, and later rows must not contradict them."""
    v = row.values
    problems = Problems()
    problems.required_text("order_number", order.number, max_length=_NUMBER_MAX_LENGTH)
    line = _line(problems, v, cancellation=bool(_CANCELLATION.match(order.number)))
    if line is not None:
        check_line(problems, "line", line)
    ordered_on = v.get("ordered_on")
    ordered_on = ordered_on.date() if isinstance(ordered_on, datetime) else ordered_on
    if not isinstance(ordered_on, date):
        problems.add("ordered_on", "This field is required.")
    else:
        problems.date_in_range(
            "ordered_on",
            ordered_on,
            earliest=EARLIEST_ORDER_DATE,
            latest=today + LATEST_ORDER_AHEAD,
        )
    customer = text(v.get("customer"))
    if customer is None:
        problems.add("customer", "This field is required.")
    if len(order.rows) == 1:
        order.ordered_on = ordered_on if isinstance(ordered_on, date) else None
        order.customer_key = customer
        order.values = _order_values(v, rep_of(problems, "rep", reps, text(v.get("rep"))))
    elif customer is not None and order.customer_key not in (None, customer):
        problems.add(
            "customer",
            "Order {number} belongs to {first} on an earlier row, not to {other}.",
            number=order.number,
            first=order.customer_key,
            other=customer,
        )
    found = dict(row.problems)
    try:
        problems.raise_if_any()
    except ValidationError as error:
        for name, problem in error.problems.items():
            found.setdefault(_FIELD_OF_LINE.get(name, name), problem)
    if found:
        order.problems[row.number] = found
    elif line is not None:
        order.lines.append(line)


_FIELD_OF_LINE = {
    "line.product_name": "product",
    "line.product_code": "sku",
    "line.quantity": "quantity",
    "line.unit_price": "unit_price",
    "line.discount": "line_total",
}


def _line(
    problems: Problems, values: Mapping[str, object], *, cancellation: bool
) -> OrderLineDraft | None:
    quantity = values.get("quantity")
    price = values.get("unit_price")
    total = values.get("line_total")
    if not isinstance(quantity, Decimal):
        problems.add("quantity", "This field is required.")
        return None
    if quantity != quantity.to_integral_value():
        problems.add("quantity", "The quantity must be a whole number.")
        return None
    count = int(quantity)
    if cancellation:
        count = -abs(count)
    if not isinstance(price, Decimal):
        if not isinstance(total, Decimal) or count == 0:
            problems.add("unit_price", "Give the unit price or the amount of the line.")
            return None
        # Derived from the amount: no discount to find, only rounding to the cent.
        price = (abs(total) / abs(count)).quantize(_CENT)
        total = None
    amount = count * price
    discount = Decimal(0)
    if isinstance(total, Decimal):
        # The amount written on the line wins; what it lacks against quantity × price is
        # the discount. A return's amount is negative like its quantity.
        signed_total = -abs(total) if count < 0 else total
        discount = amount - signed_total
    return OrderLineDraft(
        product_name=text(values.get("product")) or "",
        quantity=count,
        unit_price=price,
        discount=discount,
        product_code=text(values.get("sku")),
    )


def _order_values(values: Mapping[str, object], rep_id: uuid.UUID | None) -> dict[str, object]:
    notes = [note for note in (text(values.get("notes")),) if note]
    country = text(values.get("country"))
    if country:
        notes.append(f"Country: {country}")
    paid_on = values.get("paid_on")
    status = values.get("status")
    if not isinstance(status, OrderStatus):
        status = OrderStatus.PAID if isinstance(paid_on, date) else OrderStatus.OPEN
    return {
        "status": status,
        "payment_due_on": values.get("payment_due_on"),
        "paid_on": paid_on,
        "notes": "\n".join(notes) or None,
        "rep_id": rep_id,
    }


def _taken_numbers(uow: UnitOfWork, numbers: list[str]) -> set[str]:
    taken: set[str] = set()
    for start in range(0, len(numbers), matching.CHUNK):
        taken |= matching.order_numbers_taken(uow.session, numbers[start : start + matching.CHUNK])
    return taken


def _link_customers(
    uow: UnitOfWork, orders: list[_Order], options: ImportOptions, plan: OrderPlan
) -> None:
    keys = {order.customer_key for order in orders if order.customer_key}
    found = journal.customers_by_key(uow.session, keys)
    for order in orders:
        key = order.customer_key
        if key is None or order.problems:
            continue  # rejected anyway: no customer is made for it
        if key not in found and options.create_customers:
            order.customer_id = plan.new_customers.setdefault(key, uuid.uuid4())
            continue
        customer = customer_of(found, key)
        if isinstance(customer, Problem):
            order.problems.setdefault(order.rows[0].number, {})["customer"] = customer
        else:
            order.customer_id = customer


def _order_outcomes(order: _Order, taken: set[str]) -> list[RowOutcome]:
    """Every row of an order shares its fate: a bad line keeps the whole order out."""
    if order.number in taken:
        of = DuplicateOf(MatchRule.NUMBER, order.number, code=order.number)
        return [RowOutcome(row.number, RowAction.SKIP, duplicate_of=of) for row in order.rows]
    if order.problems:
        bad = min(order.problems)
        sibling = {
            "order_number": Problem(
                "Another line of order {number} (row {row}) has a problem.",
                {"number": order.number, "row": bad},
            )
        }
        return [
            RowOutcome(row.number, RowAction.REJECT, order.problems.get(row.number, sibling))
            for row in order.rows
        ]
    return [RowOutcome(row.number, RowAction.CREATE, record_id=order.id) for row in order.rows]


# --- writing ------------------------------------------------------------------------------


def _write_customers(
    uow: UnitOfWork, new: dict[str, uuid.UUID], now: datetime, changes: Journal
) -> None:
    """Customers the file names but the database lacked: named after the reference, with
    it as code when it looks like one (a shop's customer id)."""
    if not new:
        return
    taken = matching.codes_taken(uow.session, [k for k in new if _IDENTIFIER.fullmatch(k)])
    keep = [k for k in new if _IDENTIFIER.fullmatch(k) and k not in taken]
    codes = iter(reserve_numbers(uow.session, "customer", len(new) - len(keep), Customer.code))
    rows = [
        {
            **synced_columns(customer_id, now),
            "code": key if key in keep else next(codes),
            "name": key,
            "kind": CustomerKind.COMPANY,
            "industry": None,
            "source": None,
            "level": CustomerLevel.NORMAL,
            "lifecycle_stage": LifecycleStage.EXPLORATION,
            "stage_pinned": False,
            "owner_id": None,
            "phone": None,
            "phone_alt": None,
            "email": None,
            "wechat": None,
            "province": None,
            "city": None,
            "district": None,
            "address": None,
            "birthday": None,
            "referred_by_id": None,
            "notes": None,
            "custom_fields": {},
            "search_keys": sort_key(key),
        }
        for key, customer_id in new.items()
    ]
    for start in range(0, len(rows), _INSERT_CHUNK):
        chunk = rows[start : start + _INSERT_CHUNK]
        bulk.insert_rows(uow.session, Customer, chunk)
        bulk.index_customers(uow.session, [row["id"] for row in chunk])
    changes.created(Customer, new.values())


def _order_row(order: _Order, now: datetime) -> dict[str, Any]:
    return {
        **synced_columns(order.id, now),
        **order.values,
        "number": order.number,
        "customer_id": order.customer_id,
        "ordered_on": order.ordered_on,
        "currency": "CNY",
        "total_minor": to_minor(order_total(order.lines)),
    }


def _line_rows(order: _Order, now: datetime) -> list[dict[str, Any]]:
    return [
        {
            **synced_columns(uuid.uuid4(), now),
            "order_id": order.id,
            "position": position,
            "product_code": line.product_code,
            "product_name": line.product_name.strip(),
            "quantity": line.quantity,
            "unit_price_minor": to_minor(line.unit_price),
            "discount_minor": to_minor(line.discount),
            "line_total_minor": to_minor(line_total(line)),
        }
        for position, line in enumerate(order.lines, start=1)
    ]
