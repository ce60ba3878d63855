"""The table view of the window's lists (customers, follow-ups, complaints)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def list_table(model: QAbstractItemModel, selection: QAbstractItemView.SelectionMode) -> QTableView:
    """A read-only view of `model`: whole rows are selected, every row is one line in
    alternating colours, and rows are not numbered."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    return table


def fit_columns(table: QTableView, max_width: int) -> None:
    """Size the columns to the rows shown, none wider than `max_width`: long texts are cut
    rather than pushing the other columns out of sight."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for section in range(header.count()):
        header.resizeSection(section, min(header.sectionSize(section), max_width))
