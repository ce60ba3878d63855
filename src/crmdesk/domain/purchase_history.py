"""A customer's purchase history as the value figures see it: the orders that count, in
day order, and the plain facts about them (first and last order, spend, usual interval)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter

from crmdesk.domain.enums import OrderStatus
from crmdesk.domain.orders import OrderRecord

_CENT = Decimal("0.01")
_ZERO = Decimal(0)
_ordered_on = attrgetter("ordered_on")


@dataclass(frozen=True, slots=True)
class OrderFact:
    """One order as far as value is concerned; `total` already nets its return lines."""

    ordered_on: date
    total: Decimal
    payment_due_on: date | None = None
    paid_on: date | None = None


@dataclass(frozen=True, slots=True)
class PurchaseHistory:
    """The non-cancelled, non-deleted orders up to the reference day, sorted by day.

    Whoever builds it does the filtering and sorting (a query does both for free).
    """

    orders: tuple[OrderFact, ...]
    # Worked out on construction: a recompute asks every customer's history for both.
    total_spend: Decimal = field(init=False, repr=False, compare=False)
    """Everything spent; a refund (a negative total) takes its amount off."""
    usual_interval_days: int | None = field(init=False, repr=False, compare=False)
    """The median gap in days between consecutive distinct order days, None with fewer
    than two such days. Between two middle gaps it is their mean, rounded half up to a
    whole day, the unit anyone will read it in."""

    def __post_init__(self) -> None:
        total = _ZERO
        gaps: list[int] = []
        previous: date | None = None
        for order in self.orders:
            total += order.total
            day = order.ordered_on
            if previous is not None and day != previous:
                gaps.append((day - previous).days)
            previous = day
        object.__setattr__(self, "total_spend", total)
        object.__setattr__(self, "usual_interval_days", _median(gaps))

    @property
    def order_count(self) -> int:
        return len(self.orders)

    @property
    def first_order_on(self) -> date | None:
        return self.orders[0].ordered_on if self.orders else None

    @property
    def last_order_on(self) -> date | None:
        return self.orders[-1].ordered_on if self.orders else None

    @property
    def average_spend(self) -> Decimal | None:
        """Spend per order to the cent (half up), None without orders."""
        if not self.orders:
            return None
        return round_half_up(self.total_spend / len(self.orders), _CENT)


def _median(values: list[int]) -> int | None:
    """The median, rounded half up between two middle values; None for no values."""
    if not values:
        return None
    values.sort()
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle] + 1) // 2


def round_half_up(value: Decimal, step: Decimal) -> Decimal:
    """`value` to a multiple of `step` (0.01, 1, ...), halves away from zero as on a receipt."""
    return value.quantize(step, rounding=ROUND_HALF_UP)


def amount_text(amount: Decimal) -> str:
    """An amount as a plain string to the cent, the form problem parameters take."""
    return str(round_half_up(amount, _CENT))


def last_order_by(history: PurchaseHistory, day: date) -> date | None:
    """The day of the last order on or before `day`, None if there is none."""
    index = bisect_right(history.orders, day, key=_ordered_on)
    return history.orders[index - 1].ordered_on if index else None


def orders_and_spend_between(
    history: PurchaseHistory, first: date, last: date
) -> tuple[int, Decimal]:
    """How many orders fall from `first` to `last` (both days included) and their spend,
    found with one search where the two functions below need one each."""
    orders = history.orders
    start = bisect_left(orders, first, key=_ordered_on)
    end = bisect_right(orders, last, lo=start, key=_ordered_on)
    total = _ZERO
    for index in range(start, end):
        total += orders[index].total
    return end - start, total


def spend_between(history: PurchaseHistory, first: date, last: date) -> Decimal:
    """Spend on the orders from `first` to `last`, both days included."""
    return orders_and_spend_between(history, first, last)[1]


def orders_between(history: PurchaseHistory, first: date, last: date) -> int:
    """How many orders fall from `first` to `last`, both days included."""
    return orders_and_spend_between(history, first, last)[0]


def history_of(orders: Iterable[OrderRecord], day: date) -> PurchaseHistory:
    """The purchase history made of `orders`: those not cancelled and not dated after
    `day`, in day order."""
    facts = sorted(
        (
            OrderFact(order.ordered_on, order.total, order.payment_due_on, order.paid_on)
            for order in orders
            if order.status is not OrderStatus.CANCELLED and order.ordered_on <= day
        ),
        key=lambda fact: fact.ordered_on,
    )
    return PurchaseHistory(tuple(facts))
