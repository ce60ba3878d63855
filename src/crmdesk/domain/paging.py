"""Paging and sorting requests for lists, answered by SQL in db/repositories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class PageRequest:
    offset: int = 0
    limit: int = 100
    sort_by: str | None = None  # one of the list's sort keys; None for its default order
    descending: bool = False


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int  # rows matching the filter, on all pages
    offset: int
