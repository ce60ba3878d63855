"""The import preview as a Qt table: the first rows of the file after cleaning, one column
per mapped field, each problem on its cell (red, with the problem as the tooltip), and what
the dry run says will happen to each row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from crmdesk.domain.errors import Problem
from crmdesk.domain.import_fields import ImportField, ValueKind
from crmdesk.domain.import_results import RowAction, RowOutcome
from crmdesk.services.import_sources import SourceRow
from crmdesk.ui.dialogs.import_wizard_common import action_name, field_label
from crmdesk.ui.formatting import format_date, format_money
from crmdesk.ui.labels import enum_label
from crmdesk.ui.messages import problem_text
from crmdesk.ui.models.row_table_model import RowTableModel

PROBLEM_BACKGROUND = QColor("#f8d7da")
REVIEW_BACKGROUND = QColor("#fff3cd")
SKIPPED_FOREGROUND = QColor("#777777")
_ROW_COLUMN = 0
_RESULT_COLUMN = 1
_FIXED_COLUMNS = 2


def raw_text(value: object) -> str:
    """A cell as the file holds it: whole numbers without ".0", dates without midnight."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def cleaned_text(value: object, kind: ValueKind) -> str:
    """A cleaned value as the record will hold it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ImportPreview", "Yes")
            if value
            else QCoreApplication.translate("ImportPreview", "No")
        )
    if isinstance(value, StrEnum):
        return enum_label(value)
    if isinstance(value, datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, Decimal) and kind is ValueKind.MONEY:
        return format_money(value)
    return str(value).replace("\n", " / ")


class ImportPreviewModel(RowTableModel[SourceRow]):
    """Row number, result, then the mapped fields in the order of their columns."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields: list[ImportField] = []
        self._columns_of: dict[str, tuple[int, ...]] = {}
        self._outcomes: dict[int, RowOutcome] = {}

    def set_rows(
        self,
        rows: Sequence[SourceRow],
        fields: Sequence[ImportField],
        columns_of: Mapping[str, tuple[int, ...]],
    ) -> None:
        """Show `rows` in the columns of `fields`; `columns_of` gives the file's columns of
        each field, whose cells a problem cell shows as they were written."""
        self.beginResetModel()
        self._rows = list(rows)
        self._fields = list(fields)
        self._columns_of = dict(columns_of)
        self._outcomes = {}
        self.endResetModel()

    def set_outcomes(self, outcomes: Mapping[int, RowOutcome]) -> None:
        """What the dry run says of each row, by row number."""
        self._outcomes = dict(outcomes)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, _RESULT_COLUMN), self.index(len(self._rows) - 1, _RESULT_COLUMN)
            )

    def field_column(self, key: str) -> int:
        """The table column that shows field `key`."""
        return _FIXED_COLUMNS + next(i for i, f in enumerate(self._fields) if f.key == key)

    def column_count(self) -> int:
        return _FIXED_COLUMNS + len(self._fields)

    def header(self, section: int) -> str:
        if section == _ROW_COLUMN:
            return QCoreApplication.translate("ImportPreview", "Row")
        if section == _RESULT_COLUMN:
            return QCoreApplication.translate("ImportPreview", "Result")
        return field_label(self._fields[section - _FIXED_COLUMNS])

    def cell(self, row: SourceRow, column: int, role: int) -> object:
        if column == _ROW_COLUMN:
            return row.number if role == Qt.ItemDataRole.DisplayRole else None
        if column == _RESULT_COLUMN:
            return self._result_data(self._outcomes.get(row.number), role)
        import_field = self._fields[column - _FIXED_COLUMNS]
        problem = row.problems.get(import_field.key)
        if problem is not None:
            return self._problem_data(row, import_field.key, problem, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return cleaned_text(row.values.get(import_field.key), import_field.kind)
        return None

    def _problem_data(self, row: SourceRow, key: str, problem: Problem, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            cells = (raw_text(row.raw[c]) for c in self._columns_of.get(key, ()))
            return " / ".join(cell for cell in cells if cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem_text(problem)
        return None

    def _result_data(self, outcome: RowOutcome | None, role: int) -> object:
        if outcome is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return action_name(outcome.action)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(problem_text(reason) for reason in outcome.reasons) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if outcome.action is RowAction.REJECT:
                return PROBLEM_BACKGROUND
            if outcome.action is RowAction.REVIEW:
                return REVIEW_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and outcome.action is RowAction.SKIP:
            return SKIPPED_FOREGROUND
        return None
