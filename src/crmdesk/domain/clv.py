"""Customer lifetime value: what a customer has brought in, and a forecast of the profit
still to come from average order value × yearly frequency × margin × expected years.

Every input is rounded the way it is shown, and the forecast multiplies the shown
inputs, so that a user who checks the sum on a calculator gets the same figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crmdesk.domain.purchase_history import PurchaseHistory, round_half_up

DAYS_PER_YEAR = 365
MAX_RETENTION = Decimal("0.95")  # nobody is certain to stay forever
DEFAULT_RETENTION = Decimal("0.5")  # with nobody to learn from, a coin toss
_CENT = Decimal("0.01")
_RATE = Decimal("0.0001")
_ZERO = Decimal(0)
_ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class ClvEstimate:
    historical_value: Decimal  # all spend so far, to the cent
    average_order_value: Decimal  # to the cent
    yearly_frequency: Decimal  # orders a year, 2 decimals
    margin: Decimal
    retention: Decimal  # chance a buyer buys again next year
    discount_rate: Decimal
    expected_years: Decimal  # discounted years still to come, 2 decimals
    forecast: Decimal  # future profit, to the cent


def estimate_clv(
    history: PurchaseHistory,
    reference_day: date,
    retention: Decimal,
    margin: Decimal,
    discount_rate: Decimal,
) -> ClvEstimate:
    """Historical value and forecast as of `reference_day` (see the module docstring)."""
    first = history.first_order_on
    average = history.average_spend or _ZERO
    if first is None:
        yearly_frequency = _ZERO
    else:
        years = max(_ONE, Decimal((reference_day - first).days) / DAYS_PER_YEAR)
        yearly_frequency = round_half_up(history.order_count / years, _CENT)
    # r / (1 + d − r): the sum over the years to come of r^t / (1 + d)^t.
    expected_years = round_half_up(retention / (_ONE + discount_rate - retention), _CENT)
    return ClvEstimate(
        historical_value=round_half_up(history.total_spend, _CENT),
        average_order_value=average,
        yearly_frequency=yearly_frequency,
        margin=margin,
        retention=retention,
        discount_rate=discount_rate,
        expected_years=expected_years,
        forecast=round_half_up(average * yearly_frequency * margin * expected_years, _CENT),
    )


def retention_rate(previous_buyers: int, retained: int) -> Decimal:
    """The share of last window's buyers who bought again in this one, to four decimals
    and at most 95 %; 50 % when there were no buyers to learn from."""
    if previous_buyers == 0:
        return DEFAULT_RETENTION
    share = round_half_up(Decimal(retained) / previous_buyers, _RATE)
    return min(MAX_RETENTION, max(_ZERO, share))
