"""Paging and sorting requests for lists, answered by SQL in db/repositories."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from crmdesk.domain.validation import Problems

T = TypeVar("T")

# A page is what a screen or an export batch holds at once; anything larger belongs in a
# streamed export, not in one list call.
MAX_PAGE_SIZE = 10_000


@dataclass(frozen=True)
class PageRequest:
    offset: int = 0
    limit: int = 100
    sort_by: str | None = None  # one of the list's sort keys; None for its default order
    descending: bool = False

    def __post_init__(self) -> None:
        problems = Problems()
        if self.offset < 0:
            problems.add("offset", "The offset cannot be negative.")
        if not 1 <= self.limit <= MAX_PAGE_SIZE:
            problems.add("limit", "A page holds 1 to {maximum} rows.", maximum=MAX_PAGE_SIZE)
        problems.raise_if_any()

    def or_sorted_by(self, sort_by: str, *, descending: bool | None = None) -> PageRequest:
        """This request, or, when it leaves the order to the list, sorted by the list's
        default `sort_by` (`descending` if given, else in the direction asked for)."""
        if self.sort_by is not None:
            return self
        return replace(
            self, sort_by=sort_by, descending=self.descending if descending is None else descending
        )


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int  # rows matching the filter, on all pages
    offset: int
