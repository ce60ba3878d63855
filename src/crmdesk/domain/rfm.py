"""RFM: recency, frequency and monetary value, their quintile scores 1–5, and the eight
value segments of DESIGN.md §7 (each axis compared with the population's mean)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from crmdesk.domain.enums import ValueSegment
from crmdesk.domain.purchase_history import (
    PurchaseHistory,
    last_order_by,
    orders_and_spend_between,
)

QUINTILES = 5
_CUT_POINTS = range(1, QUINTILES)
_Value = TypeVar("_Value", int, Decimal)

# (R above average, F above average, M above average) → segment; "above" for recency
# means more recent than average.
_SEGMENTS: dict[tuple[bool, bool, bool], ValueSegment] = {
    (True, True, True): ValueSegment.IMPORTANT_VALUE,
    (True, False, True): ValueSegment.IMPORTANT_DEVELOP,
    (False, True, True): ValueSegment.IMPORTANT_KEEP,
    (False, False, True): ValueSegment.IMPORTANT_RETAIN,
    (True, True, False): ValueSegment.GENERAL_VALUE,
    (True, False, False): ValueSegment.GENERAL_DEVELOP,
    (False, True, False): ValueSegment.GENERAL_KEEP,
    (False, False, False): ValueSegment.GENERAL_RETAIN,
}


@dataclass(frozen=True, slots=True)
class RfmInput:
    """One customer's three measures; recency is None for someone who never ordered."""

    recency_days: int | None
    frequency: int
    monetary: Decimal


@dataclass(frozen=True, slots=True)
class RfmPopulation:
    """What a customer is scored against: the four quintile cut points of each axis and
    the means, over the customers who have ordered at least once."""

    recency_borders: tuple[int, ...]
    frequency_borders: tuple[int, ...]
    monetary_borders: tuple[Decimal, ...]
    mean_recency: Decimal
    mean_frequency: Decimal
    mean_monetary: Decimal
    customers: int

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready value; Decimals are strings so that nothing is lost."""
        return {
            "recency_borders": list(self.recency_borders),
            "frequency_borders": list(self.frequency_borders),
            "monetary_borders": [str(value) for value in self.monetary_borders],
            "mean_recency": str(self.mean_recency),
            "mean_frequency": str(self.mean_frequency),
            "mean_monetary": str(self.mean_monetary),
            "customers": self.customers,
        }

    @classmethod
    def from_json(cls, value: object) -> RfmPopulation:
        """The population `to_json` gave; ValueError when `value` is not one."""
        if not isinstance(value, dict):
            raise ValueError(f"not an RFM population: {value!r}")
        try:
            return cls(
                recency_borders=tuple(int(item) for item in value["recency_borders"]),
                frequency_borders=tuple(int(item) for item in value["frequency_borders"]),
                monetary_borders=tuple(Decimal(item) for item in value["monetary_borders"]),
                mean_recency=Decimal(value["mean_recency"]),
                mean_frequency=Decimal(value["mean_frequency"]),
                mean_monetary=Decimal(value["mean_monetary"]),
                customers=int(value["customers"]),
            )
        except (KeyError, TypeError, InvalidOperation) as error:
            raise ValueError(f"not an RFM population: {value!r}") from error


@dataclass(frozen=True, slots=True)
class RfmResult:
    r_score: int
    f_score: int
    m_score: int
    segment: ValueSegment


def rfm_input(history: PurchaseHistory, reference_day: date, window_start: date) -> RfmInput:
    """Recency counts from the last order up to the reference day (orders after it are
    ignored); frequency and monetary value cover the window [window_start, reference_day]."""
    last = last_order_by(history, reference_day)
    if last is None:
        return RfmInput(None, 0, Decimal(0))
    frequency, monetary = orders_and_spend_between(history, window_start, reference_day)
    return RfmInput((reference_day - last).days, frequency, monetary)


def rfm_population(inputs: Iterable[RfmInput]) -> RfmPopulation | None:
    """Cut points and means over the customers who ever ordered; None if nobody did."""
    recencies: list[int] = []
    frequencies: list[int] = []
    monetaries: list[Decimal] = []
    for item in inputs:
        if item.recency_days is not None:
            recencies.append(item.recency_days)
            frequencies.append(item.frequency)
            monetaries.append(item.monetary)
    count = len(recencies)
    if count == 0:
        return None
    recencies.sort()
    frequencies.sort()
    monetaries.sort()
    return RfmPopulation(
        recency_borders=_cut_points(recencies),
        frequency_borders=_cut_points(frequencies),
        monetary_borders=_cut_points(monetaries),
        mean_recency=Decimal(sum(recencies)) / count,
        mean_frequency=Decimal(sum(frequencies)) / count,
        mean_monetary=sum(monetaries, Decimal(0)) / count,
        customers=count,
    )


def score_rfm(value: RfmInput, population: RfmPopulation) -> RfmResult | None:
    """Quintile scores and segment; None for a customer who never ordered.

    A score counts the cut points strictly below the value, so equal values always get
    equal scores, even where a quintile border falls among them."""
    recency = value.recency_days
    if recency is None:
        return None
    above = (
        recency <= population.mean_recency,
        value.frequency >= population.mean_frequency,
        value.monetary >= population.mean_monetary,
    )
    return RfmResult(
        r_score=QUINTILES - bisect_left(population.recency_borders, recency),
        f_score=1 + bisect_left(population.frequency_borders, value.frequency),
        m_score=1 + bisect_left(population.monetary_borders, value.monetary),
        segment=_SEGMENTS[above],
    )


def _cut_points(ordered: list[_Value]) -> tuple[_Value, ...]:
    """The nearest-rank quintile borders of sorted values: cut k is v[ceil(k·n/5) − 1]."""
    count = len(ordered)
    return tuple(ordered[(k * count + QUINTILES - 1) // QUINTILES - 1] for k in _CUT_POINTS)
