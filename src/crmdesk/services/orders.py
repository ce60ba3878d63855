"""Order use cases: record, edit (the lines are replaced as a whole), delete, look up and
list orders, keeping each order's stored total equal to the sum of its lines."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any

from crmdesk.db.engine import Database, UnitOfWork
from crmdesk.db.models import Order, OrderLine
from crmdesk.db.numbers import next_number
from crmdesk.db.repositories import orders as repository
from crmdesk.db.repositories.loyalty import award_order_points
from crmdesk.db.repositories.records import (
    check_customer,
    check_rep,
    require_current,
    require_live,
    stamp_if_changed,
)
from crmdesk.db.repositories.value import refresh_customer_value
from crmdesk.domain.clock import Clock, local_today, system_clock
from crmdesk.domain.enums import OrderStatus
from crmdesk.domain.money import to_minor
from crmdesk.domain.orders import (
    EARLIEST_ORDER_DATE,
    LATEST_ORDER_AHEAD,
    NOTES_MAX_LENGTH,
    OrderDraft,
    OrderFilter,
    OrderLineDraft,
    OrderRecord,
    check_line,
    line_total,
    order_total,
)
from crmdesk.domain.paging import Page, PageRequest
from crmdesk.domain.validation import Problems

WHAT = "Order"
_CURRENCY = re.compile(r"[A-Z]{3}")


class OrderService:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self._database = database
        self._clock = clock

    def create(self, draft: OrderDraft) -> OrderRecord:
        with self._database.unit_of_work() as uow:
            values = self._validated(uow, draft, saved=None)
            now = self._clock()
            order = Order(
                **values,
                number=next_number(uow.session, "order", Order.number),
                created_at=now,
                updated_at=now,
            )
            uow.session.add(order)
            uow.session.flush()
            lines = _line_rows(order, draft.lines, now)
            uow.session.add_all(lines)
            self._settle(uow, order, {order.customer_id}, now)
            uow.commit()
        return repository.order_record(order, lines)

    def update(self, order_id: uuid.UUID, draft: OrderDraft, expected_version: int) -> OrderRecord:
        """Save an edited order; the draft's lines replace the order's lines when they
        differ from them (a change of the lines alone is a change of the order)."""
        with self._database.unit_of_work() as uow:
            order = require_current(uow.session, Order, order_id, expected_version, WHAT, _number)
            customers = {order.customer_id, draft.customer_id}
            values = self._validated(uow, draft, saved=order)
            now = self._clock()
            for name, value in values.items():
                setattr(order, name, value)
            lines = repository.live_lines(uow.session, [order.id])[order.id]
            edited = _line_rows(order, draft.lines, now)
            if list(map(_line_content, lines)) != list(map(_line_content, edited)):
                _tombstone(lines, now)
                uow.session.add_all(edited)
                lines, order.updated_at = edited, now
            stamp_if_changed(uow.session, order, now)
            self._settle(uow, order, customers, now)
            uow.commit()
        return repository.order_record(order, lines)

    def delete(self, order_id: uuid.UUID, expected_version: int | None = None) -> None:
        """Soft-delete the order and its lines: they disappear from lists and analytics."""
        with self._database.unit_of_work() as uow:
            order = require_current(uow.session, Order, order_id, expected_version, WHAT, _number)
            now = self._clock()
            order.deleted_at = order.updated_at = now
            _tombstone(repository.live_lines(uow.session, [order.id])[order.id], now)
            self._settle(uow, order, {order.customer_id}, now)
            uow.commit()

    def get(self, order_id: uuid.UUID) -> OrderRecord:
        with self._database.unit_of_work(write=False) as uow:
            order = require_live(uow.session, Order, order_id, WHAT)
            lines = repository.live_lines(uow.session, [order.id])[order.id]
            return repository.order_record(order, lines)

    def list(self, criteria: OrderFilter, request: PageRequest | None = None) -> Page[OrderRecord]:
        """Newest first unless `request` sorts otherwise; each order comes with its lines."""
        request = request or PageRequest()
        with self._database.unit_of_work(write=False) as uow:
            orders, total = repository.page(uow.session, criteria, request)
            lines = repository.live_lines(uow.session, [order.id for order in orders])
            items = [repository.order_record(order, lines[order.id]) for order in orders]
        return Page(items, total, request.offset)

    def _settle(
        self, uow: UnitOfWork, order: Order, customer_ids: set[uuid.UUID], now: datetime
    ) -> None:
        """Bring what follows from the order up to date in its transaction: its purchase
        points and the value figures (segment, suggested stage) of its customers (two when
        the order moved to another customer)."""
        uow.session.flush()
        award_order_points(uow.session, order.id, now)
        today = local_today(self._clock)
        for customer_id in customer_ids:
            refresh_customer_value(uow.session, customer_id, today, now)

    def _validated(
        self, uow: UnitOfWork, draft: OrderDraft, *, saved: Order | None
    ) -> dict[str, Any]:
        """The order's own values cleaned for storage, its total included (`saved`: the
        order being edited); ValidationError lists every problem, those of each line too."""
        problems = Problems()
        check_customer(uow.session, problems, draft.customer_id, saved=saved)
        check_rep(uow.session, problems, "rep_id", draft.rep_id, saved=saved)
        if not draft.lines:
            problems.add("lines", "An order needs at least one line.")
        for index, line in enumerate(draft.lines):
            check_line(problems, f"lines[{index}]", line)
        currency = draft.currency.strip().upper()
        if not _CURRENCY.fullmatch(currency):
            problems.add("currency", "A currency is a three-letter code such as CNY.")
        self._check_dates(problems, draft)
        values: dict[str, Any] = {
            "customer_id": draft.customer_id,
            "rep_id": draft.rep_id,
            "status": draft.status,
            "ordered_on": draft.ordered_on,
            "currency": currency,
            "payment_due_on": draft.payment_due_on,
            "paid_on": draft.paid_on,
            "notes": problems.optional_text("notes", draft.notes, max_length=NOTES_MAX_LENGTH),
        }
        problems.raise_if_any()
        values["total_minor"] = to_minor(order_total(draft.lines))
        return values

    def _check_dates(self, problems: Problems, draft: OrderDraft) -> None:
        today = local_today(self._clock)
        problems.date_in_range(
            "ordered_on",
            draft.ordered_on,
            earliest=EARLIEST_ORDER_DATE,
            latest=today + LATEST_ORDER_AHEAD,
        )
        if draft.payment_due_on is not None and draft.payment_due_on < draft.ordered_on:
            problems.add("payment_due_on", "Payment cannot be due before the order date.")
        problems.date_in_range("paid_on", draft.paid_on, earliest=EARLIEST_ORDER_DATE, latest=today)
        if draft.status is OrderStatus.PAID and draft.paid_on is None:
            problems.add("paid_on", "Give the date a paid order was paid.")


def _number(order: Order) -> str:
    return order.number


def _line_rows(order: Order, drafts: tuple[OrderLineDraft, ...], now: datetime) -> list[OrderLine]:
    """The order's lines as the drafts describe them, not yet added to the session."""
    return [
        OrderLine(
            order_id=order.id,
            position=position,
            product_code=(line.product_code or "").strip() or None,
            product_name=line.product_name.strip(),
            quantity=line.quantity,
            unit_price_minor=to_minor(line.unit_price),
            discount_minor=to_minor(line.discount),
            line_total_minor=to_minor(line_total(line)),
            created_at=now,
            updated_at=now,
        )
        for position, line in enumerate(drafts, start=1)
    ]


def _line_content(line: OrderLine) -> tuple[object, ...]:
    """What a user sees of a line; lines equal in this are the same line."""
    return (
        line.position,
        line.product_code,
        line.product_name,
        line.quantity,
        line.unit_price_minor,
        line.discount_minor,
    )


def _tombstone(lines: list[OrderLine], now: datetime) -> None:
    for line in lines:
        line.deleted_at = line.updated_at = now
