"""The customer list as a Qt table model that reads only what is painted.

A list of 1,000,000 customers is never loaded whole: the model knows how many rows match
and keeps a few pages of them. Asking for a row whose page is not here returns a
placeholder and asks for the page; the pages asked for while one event-loop turn paints
are fetched together, and while a fetch runs only the latest paint's wishes are kept, so
dragging the scroll bar across the list fetches just where it stops. A new query (search,
filter, sort) shows its first page as soon as it arrives and the count follows. Results
of a query that has since been replaced are dropped (by generation number).
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from crmdesk.domain.customer_columns import CUSTOMER_COLUMNS
from crmdesk.domain.customers import CustomerFilter, CustomerSummary
from crmdesk.domain.list_columns import CellKind, ListColumn
from crmdesk.domain.paging import PageRequest
from crmdesk.ui.context import UiContext
from crmdesk.ui.formatting import format_instant
from crmdesk.ui.i18n import current_language

PAGE_SIZE = 50
# Pages kept in memory: a few screens up and down from where the user looks.
MAX_PAGES = 40
PLACEHOLDER = "…"
PLACEHOLDER_COLUMN = "name"  # where a row still being read shows the placeholder

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CustomerQuery:
    """What the list shows: which customers, in which order."""

    criteria: CustomerFilter = field(default_factory=CustomerFilter)
    sort_by: str | None = None  # a CustomerSort key; None for the default order
    descending: bool = False


@dataclass(frozen=True)
class _Counts:
    matching: int
    everyone: int


class CustomerListModel(QAbstractTableModel):
    """Rows of `CustomerSummary`, columns from `CUSTOMER_COLUMNS`."""

    query_loaded = Signal()  # the first page of a new query is shown
    pages_loaded = Signal()  # rows arrived (after scrolling or a refresh)
    counted = Signal(int, int)  # customers matching the query, all live customers

    def __init__(
        self,
        context: UiContext,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._page_size = page_size
        self._max_pages = max_pages
        self.columns: tuple[ListColumn[CustomerSummary], ...] = CUSTOMER_COLUMNS
        self._placeholder_column = [c.key for c in self.columns].index(PLACEHOLDER_COLUMN)
        self._query = CustomerQuery()
        self._generation = 0
        self._rows = 0
        self._counts: _Counts | None = None
        self._pages: OrderedDict[int, list[CustomerSummary]] = OrderedDict()
        # After a refresh: the previous rows, shown until their page is read again.
        self._stale: dict[int, list[CustomerSummary]] = {}
        self._asked: set[int] = set()  # pages painted without data in this event-loop turn
        self._next: set[int] = set()  # pages to fetch once the running fetch is back
        self._fetching = False
        self._awaiting_first = False  # a new query is being read: the old rows ask nothing
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._take_wishes)
        self.pages_fetched = 0  # for tests and the benchmark: pages read so far

    # --- what the list shows ----------------------------------------------------------

    @property
    def query(self) -> CustomerQuery:
        return self._query

    @property
    def counts(self) -> tuple[int, int] | None:
        """(matching, all) once counted."""
        return None if self._counts is None else (self._counts.matching, self._counts.everyone)

    def set_query(self, query: CustomerQuery) -> None:
        """Show other customers or another order; the rows change when the first page
        arrives, so the list never flashes empty while one types."""
        self._query = query
        self._start(refresh=False)

    def set_criteria(self, criteria: CustomerFilter) -> None:
        self.set_query(replace(self._query, criteria=criteria))

    def refresh(self) -> None:
        """Read the same query again after a write: rows stay where they are and are
        replaced page by page as they come back."""
        self._start(refresh=True)

    def customer_id(self, row: int) -> uuid.UUID | None:
        """The customer on `row`, if its page is loaded."""
        summary = self._summary(row, ask=False)
        return summary.id if summary else None

    def summary(self, row: int) -> CustomerSummary | None:
        return self._summary(row, ask=False)

    def row_of(self, customer_id: uuid.UUID) -> int | None:
        """The row of a customer among the loaded pages."""
        for page, rows in self._pages.items():
            for offset, summary in enumerate(rows):
                if summary.id == customer_id:
                    return page * self._page_size + offset
        return None

    def loaded_ids(self, first: int, last: int) -> list[uuid.UUID]:
        """The customers of rows `first` to `last` whose pages are loaded, top to bottom;
        only loaded pages are looked at, however many rows the span covers."""
        ids: list[uuid.UUID] = []
        for page in sorted(self._pages):
            start, rows = page * self._page_size, self._pages[page]
            begin, end = max(first - start, 0), min(last - start + 1, len(rows))
            ids.extend(summary.id for summary in rows[begin:end])
        return ids

    def loaded_rows(self) -> int:
        """How many rows are held in memory (at most `max_pages` pages)."""
        return sum(len(rows) for rows in self._pages.values())

    # --- Qt's model interface ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header(current_language())
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        column = self.columns[index.column()]
        summary = self._summary(index.row(), ask=True)
        if summary is not None:
            return _shown(column, summary)
        if role == Qt.ItemDataRole.DisplayRole and index.column() == self._placeholder_column:
            return PLACEHOLDER
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column in SQL; columns without a sort key keep the current order."""
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort_by, self._query.descending):
            self.set_query(replace(self._query, sort_by=key, descending=descending))

    # --- fetching -----------------------------------------------------------------------

    def _start(self, *, refresh: bool) -> None:
        self._generation += 1
        self._asked.clear()
        self._next.clear()
        self._fetching = False
        if refresh and self._rows and not self._awaiting_first:
            self._stale = dict(self._pages)
            self._pages.clear()
            # Repainting asks again for the pages on screen, which are then read anew.
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._rows - 1, len(self.columns) - 1)
            )
            self._count()
            return
        self._stale = {}
        self._awaiting_first = True
        self._fetch_first()

    def _fetch_first(self) -> None:
        generation, query = self._generation, self._query
        customers = self._context.workspace.customers
        request = PageRequest(0, self._page_size, query.sort_by, query.descending)
        self._context.tasks.read(
            lambda: customers.rows(query.criteria, request),
            lambda rows: self._first_page_arrived(generation, rows),
            owner=self,
        )

    def _first_page_arrived(self, generation: int, rows: list[CustomerSummary]) -> None:
        if generation != self._generation:
            return
        self.pages_fetched += 1
        self._awaiting_first = False
        self._pages.clear()
        self._pages[0] = rows
        # Rows change in place rather than by a reset, which would also reset the
        # header's column widths and order.
        self._counts = None
        self._resize(len(rows))
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._rows - 1, len(self.columns) - 1)
            )
        self.query_loaded.emit()
        self.pages_loaded.emit()
        self._count(known=len(rows) if len(rows) < self._page_size else None)

    def _count(self, known: int | None = None) -> None:
        """Count the matches (unless the first page already told) and all customers."""
        generation, criteria = self._generation, self._query.criteria
        customers = self._context.workspace.customers
        everyone_only = criteria == CustomerFilter()

        def count() -> _Counts:
            everyone = customers.count_all()
            if known is not None:
                return _Counts(known, everyone)
            return _Counts(everyone if everyone_only else customers.count(criteria), everyone)

        self._context.tasks.read(
            count, lambda counts: self._counted(generation, counts), owner=self
        )

    def _counted(self, generation: int, counts: _Counts) -> None:
        if generation != self._generation:
            return
        self._counts = counts
        self._resize(counts.matching)
        self.counted.emit(counts.matching, counts.everyone)

    def _resize(self, rows: int) -> None:
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        elif rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()

    def _summary(self, row: int, *, ask: bool) -> CustomerSummary | None:
        if not 0 <= row < self._rows:
            return None
        page, offset = divmod(row, self._page_size)
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
        else:
            if ask:
                self._ask(page)
            rows = self._stale.get(page)
        return rows[offset] if rows is not None and offset < len(rows) else None

    def _ask(self, page: int) -> None:
        if self._awaiting_first:
            return
        self._asked.add(page)
        if not self._flush.isActive():
            self._flush.start()

    def _take_wishes(self) -> None:
        # The latest paint's wishes replace older ones that were not fetched yet.
        self._next, self._asked = self._asked, set()
        if not self._fetching:
            self._fetch(self._next)

    def _fetch(self, pages: set[int]) -> None:
        wanted = sorted(pages - set(self._pages))
        self._next = set()
        if not wanted:
            return
        self._fetching = True
        generation, query = self._generation, self._query
        customers, size = self._context.workspace.customers, self._page_size

        def read() -> dict[int, list[CustomerSummary]]:
            return {
                page: customers.rows(
                    query.criteria,
                    PageRequest(page * size, size, query.sort_by, query.descending),
                )
                for page in wanted
            }

        self._context.tasks.read(
            read, lambda pages: self._pages_arrived(generation, pages), owner=self
        )

    def _pages_arrived(self, generation: int, pages: dict[int, list[CustomerSummary]]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        for page, rows in pages.items():
            self.pages_fetched += 1
            self._stale.pop(page, None)
            self._pages[page] = rows
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
            first = page * self._page_size
            last = min(first + self._page_size, self._rows) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        self.pages_loaded.emit()
        if self._next:
            self._fetch(self._next)


def _shown(column: ListColumn[CustomerSummary], summary: CustomerSummary) -> object:
    value = column.shown(summary, current_language())
    if column.kind is CellKind.DATETIME and isinstance(value, datetime):
        return format_instant(value)
    return value
