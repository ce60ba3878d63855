"""Queries on orders and their lines."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from crmdesk.db.models import Order, OrderLine
from crmdesk.db.repositories.paging import fetch_page
from crmdesk.db.repositories.records import of_live_customer
from crmdesk.domain.money import from_minor
from crmdesk.domain.orders import OrderFilter, OrderLineRecord, OrderRecord, OrderSort
from crmdesk.domain.paging import PageRequest

SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    OrderSort.ORDERED_ON: Order.ordered_on.expression,
    OrderSort.NUMBER: Order.number.expression,
    OrderSort.TOTAL: Order.total_minor.expression,
    OrderSort.STATUS: Order.status.expression,
}


def page(session: Session, where: OrderFilter, request: PageRequest) -> tuple[Sequence[Order], int]:
    """One page of live orders of live customers matching `where`, newest first unless
    sorted."""
    query = select(Order).where(
        Order.deleted_at.is_(None), of_live_customer(Order, where.customer_id)
    )
    if where.customer_id is not None:
        query = query.where(Order.customer_id == where.customer_id)
    if where.ordered_from is not None:
        query = query.where(Order.ordered_on >= where.ordered_from)
    if where.ordered_to is not None:
        query = query.where(Order.ordered_on <= where.ordered_to)
    if where.status is not None:
        query = query.where(Order.status == where.status)
    request = request.or_sorted_by(OrderSort.ORDERED_ON, descending=True)
    rows, total = fetch_page(session, query, request, SORT_COLUMNS, Order.id.expression)
    return [row[0] for row in rows], total


def live_lines(
    session: Session, order_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, list[OrderLine]]:
    """The live lines of each of these orders, in position order, in one query."""
    by_order: dict[uuid.UUID, list[OrderLine]] = {key: [] for key in order_ids}
    if by_order:
        lines = session.scalars(
            select(OrderLine)
            .where(OrderLine.order_id.in_(by_order), OrderLine.deleted_at.is_(None))
            .order_by(OrderLine.order_id, OrderLine.position)
        )
        for line in lines:
            by_order[line.order_id].append(line)
    return by_order


def order_record(order: Order, lines: Iterable[OrderLine]) -> OrderRecord:
    return OrderRecord(
        id=order.id,
        version=order.version,
        number=order.number,
        customer_id=order.customer_id,
        rep_id=order.rep_id,
        status=order.status,
        ordered_on=order.ordered_on,
        currency=order.currency,
        total=from_minor(order.total_minor),
        payment_due_on=order.payment_due_on,
        paid_on=order.paid_on,
        notes=order.notes,
        lines=tuple(_line_record(line) for line in lines),
        created_at=order.created_at,
        updated_at=order.updated_at,
    )


def _line_record(line: OrderLine) -> OrderLineRecord:
    return OrderLineRecord(
        id=line.id,
        position=line.position,
        product_code=line.product_code,
        product_name=line.product_name,
        quantity=line.quantity,
        unit_price=from_minor(line.unit_price_minor),
        discount=from_minor(line.discount_minor),
        line_total=from_minor(line.line_total_minor),
    )
