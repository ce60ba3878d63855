"""The first rows of a sheet as they stand in the file, with the row the import takes the
column names from picked out, so the user can check the header row was found."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from crmdesk.ui.models.import_preview_model import raw_text

ModelIndex = QModelIndex | QPersistentModelIndex

HEADER_BACKGROUND = QColor("#ddebf7")


def column_letters(index: int) -> str:
    """Excel's name of a 0-based column: A … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


class SheetHeadModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[object, ...]] = []
        self._width = 0
        self._header_row = 0  # 1-based; 0: none

    def set_rows(self, rows: Sequence[tuple[object, ...]], header_row: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._width = max((len(row) for row in rows), default=0)
        self._header_row = header_row
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._width

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Horizontal:
            return column_letters(section) if 0 <= section < self._width else None
        return section + 1 if 0 <= section < len(self._rows) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        is_header = index.row() + 1 == self._header_row
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._rows[index.row()]
            return raw_text(row[index.column()]) if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and is_header:
            return HEADER_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and is_header:
            font = QFont()
            font.setBold(True)
            return font
        return None
