"""Queries behind the order-line export: every line of every live order, with the facts
of its order, streamed from one snapshot."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from crmdesk.db.models import Customer, Order, OrderLine, Rep
from crmdesk.domain.exports import OrderLineArchiveRow
from crmdesk.domain.money import from_minor

_STREAM_CHUNK = 2_000


def count_order_lines(session: Session) -> int:
    """How many lines `stream_order_lines` gives."""
    query = _joined(select(func.count()).select_from(OrderLine))
    return int(session.execute(query).scalar_one())


def stream_order_lines(session: Session) -> Generator[OrderLineArchiveRow, None, None]:
    """Every live line of every live order of a live customer, by order date, order
    number and position, read a chunk at a time within the session's transaction."""
    rep = aliased(Rep)
    query = (
        _joined(
            select(
                Order.number,
                Customer.code,
                Order.ordered_on,
                OrderLine.product_name,
                OrderLine.product_code,
                OrderLine.quantity,
                OrderLine.unit_price_minor,
                OrderLine.line_total_minor,
                Order.status,
                Order.payment_due_on,
                Order.paid_on,
                rep.name,
                Order.notes,
            ).select_from(OrderLine)
        )
        .outerjoin(rep, (rep.id == Order.rep_id) & rep.deleted_at.is_(None))
        .order_by(Order.ordered_on, Order.number, OrderLine.position)
    )
    with session.connection().execute(query.execution_options(yield_per=_STREAM_CHUNK)) as result:
        for rows in result.partitions():
            for row in rows:
                yield OrderLineArchiveRow(
                    order_number=row[0],
                    customer_code=row[1],
                    ordered_on=row[2],
                    product_name=row[3],
                    product_code=row[4],
                    quantity=row[5],
                    unit_price=from_minor(row[6]),
                    line_total=from_minor(row[7]),
                    status=row[8],
                    payment_due_on=row[9],
                    paid_on=row[10],
                    rep_name=row[11],
                    notes=row[12],
                )


def _joined(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    return (
        query.join(Order, Order.id == OrderLine.order_id)
        .join(Customer, Customer.id == Order.customer_id)
        .where(
            OrderLine.deleted_at.is_(None),
            Order.deleted_at.is_(None),
            Customer.deleted_at.is_(None),
        )
    )
