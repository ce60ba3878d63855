"""An import source made of rows in memory: what crmdesk.io's ImportSource hands over
(raw cells and cleaned values), without a file."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from crmdesk.domain.errors import Problem


@dataclass(frozen=True)
class Row:
    number: int
    raw: tuple[object, ...]
    values: Mapping[str, object]
    problems: Mapping[str, Problem] = field(default_factory=dict)


@dataclass(frozen=True)
class ListSource:
    """Rows as crmdesk.io's ImportSource hands them over: raw cells and cleaned values."""

    rows_: tuple[Row, ...]
    headers: tuple[str, ...]
    path: Path = Path("客户.xlsx")
    sheet: str = "客户"

    @property
    def row_count(self) -> int:
        return len(self.rows_)

    def rows(self) -> Iterator[Row]:
        return iter(self.rows_)
