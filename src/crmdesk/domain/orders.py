"""Orders and their lines as passed between layers, and how their totals add up."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from crmdesk.domain.enums import OrderStatus
from crmdesk.domain.validation import Problems

PRODUCT_NAME_MAX_LENGTH = 200
PRODUCT_CODE_MAX_LENGTH = 60
NOTES_MAX_LENGTH = 10_000
# Bounds that catch a mistyped figure long before a total could overflow storage.
MAX_QUANTITY = 1_000_000
MAX_AMOUNT = Decimal(100_000_000)
EARLIEST_ORDER_DATE = date(1990, 1, 1)
LATEST_ORDER_AHEAD = timedelta(days=366)
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class OrderLineDraft:
    """A product line; a negative quantity is a return or a cancellation."""

    product_name: str
    quantity: int
    unit_price: Decimal
    discount: Decimal = Decimal(0)  # off the whole line; negative on a return line
    product_code: str | None = None


@dataclass(frozen=True)
class OrderDraft:
    customer_id: uuid.UUID
    ordered_on: date
    lines: tuple[OrderLineDraft, ...]
    rep_id: uuid.UUID | None = None
    status: OrderStatus = OrderStatus.OPEN
    currency: str = "CNY"
    payment_due_on: date | None = None
    paid_on: date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class OrderLineRecord:
    id: uuid.UUID
    position: int
    product_code: str | None
    product_name: str
    quantity: int
    unit_price: Decimal
    discount: Decimal
    line_total: Decimal


@dataclass(frozen=True)
class OrderRecord:
    id: uuid.UUID
    version: int
    number: str
    customer_id: uuid.UUID
    rep_id: uuid.UUID | None
    status: OrderStatus
    ordered_on: date
    currency: str
    total: Decimal
    payment_due_on: date | None
    paid_on: date | None
    notes: str | None
    lines: tuple[OrderLineRecord, ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class OrderFilter:
    customer_id: uuid.UUID | None = None
    ordered_from: date | None = None  # inclusive
    ordered_to: date | None = None  # inclusive
    status: OrderStatus | None = None


class OrderSort(StrEnum):
    """Sort keys of the order list; without one it is newest first."""

    ORDERED_ON = "ordered_on"
    NUMBER = "number"
    TOTAL = "total"
    STATUS = "status"


def line_total(line: OrderLineDraft) -> Decimal:
    return line.quantity * line.unit_price - line.discount


def order_total(lines: Iterable[OrderLineDraft]) -> Decimal:
    """The sum of the line totals; returns and cancellations count negative."""
    return sum((line_total(line) for line in lines), Decimal(0))


def check_line(problems: Problems, prefix: str, line: OrderLineDraft) -> None:
    """Note what is wrong with one line; fields are named `{prefix}.quantity` and so on."""
    problems.required_text(
        f"{prefix}.product_name", line.product_name, max_length=PRODUCT_NAME_MAX_LENGTH
    )
    problems.optional_text(
        f"{prefix}.product_code", line.product_code, max_length=PRODUCT_CODE_MAX_LENGTH
    )
    if line.quantity == 0:
        problems.add(f"{prefix}.quantity", "The quantity cannot be zero.")
    elif abs(line.quantity) > MAX_QUANTITY:
        problems.add(
            f"{prefix}.quantity",
            "The quantity must lie between -{maximum} and {maximum}.",
            maximum=MAX_QUANTITY,
        )
    price_ok = _check_amount(problems, f"{prefix}.unit_price", line.unit_price)
    if price_ok and line.unit_price < 0:
        problems.add(f"{prefix}.unit_price", "The unit price cannot be negative.")
    if _check_amount(problems, f"{prefix}.discount", line.discount) and price_ok:
        # A discount reduces the line towards zero, never past it: on a return line
        # (negative amount) it is negative, giving back the discount of the sale.
        amount = line.quantity * line.unit_price
        low, high = sorted((amount, Decimal(0)))
        if not low <= line.discount <= high:
            problems.add(
                f"{prefix}.discount",
                "The discount must lie between 0 and the line amount {amount}.",
                amount=amount,
            )


def _check_amount(problems: Problems, field_name: str, amount: Decimal) -> bool:
    """Note a problem unless `amount` is a sensible sum of money in whole cents."""
    if not amount.is_finite() or abs(amount) > MAX_AMOUNT:
        problems.add(
            field_name,
            "The amount must lie between -{maximum} and {maximum}.",
            maximum=MAX_AMOUNT,
        )
        return False
    if amount != amount.quantize(_CENT):
        problems.add(field_name, "Amounts have at most two decimal places.")
        return False
    return True
