"""The base of the read-only tables that show a list of rows held in memory: one table
row per row, a fixed set of columns, headers across the top only. Subclasses fill
`_rows` (between beginResetModel and endResetModel) and say what the columns are called
and what each cell shows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from crmdesk.domain.list_columns import ListColumn
from crmdesk.ui.formatting import format_date, format_instant
from crmdesk.ui.i18n import current_language
from crmdesk.ui.labels import enum_label

ModelIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def column_count(self) -> int:
        raise NotImplementedError

    def header(self, section: int) -> str:
        """The name of column `section`, which is one of the table's."""
        raise NotImplementedError

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What the cell of `row` in `column` holds in `role`; None for nothing."""
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.column_count()

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.column_count()
        ):
            return self.header(section)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)


class ListColumnTableModel(RowTableModel[Row]):
    """Rows shown in the columns a list defines (see domain/list_columns.py), the same
    columns its export writes."""

    def __init__(self, columns: Sequence[ListColumn[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: tuple[ListColumn[Row], ...] = tuple(columns)

    def column_count(self) -> int:
        return len(self.columns)

    def header(self, section: int) -> str:
        return self.columns[section].header(current_language())


def value_text(value: object) -> str:
    """A column's value as a cell shows it: labels named, days and instants written the
    way the current language writes them."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return enum_label(value)
    if isinstance(value, datetime):
        return format_instant(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)
