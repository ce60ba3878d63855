"""The recorded imports as a Qt table, newest first: when, which file, what it held, the
counts, and whether it was undone."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportBatchRecord
from crmdesk.ui.dialogs.import_wizard_common import entity_name
from crmdesk.ui.formatting import format_count, format_instant
from crmdesk.ui.models.row_table_model import RowTableModel

UNDONE_FOREGROUND = QColor("#777777")


def _file(batch: ImportBatchRecord) -> str:
    return f"{batch.file_name} ({batch.sheet})" if batch.sheet else batch.file_name


def _what(batch: ImportBatchRecord) -> str:
    # A kind of record this version does not know (recorded by a newer crmdesk) keeps
    # its stored name.
    try:
        return entity_name(ImportEntity(batch.entity))
    except ValueError:
        return batch.entity


_VALUES: tuple[Callable[[ImportBatchRecord], str], ...] = (
    lambda b: format_instant(b.started_at),
    _file,
    _what,
    lambda b: format_count(b.counts.created),
    lambda b: format_count(b.counts.updated),
    lambda b: format_count(b.counts.skipped),
    lambda b: format_count(b.counts.not_imported),
    lambda b: format_instant(b.undone_at),
)
_NUMBERS = range(3, 7)


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("ImportHistory", "When"),
        QCoreApplication.translate("ImportHistory", "File"),
        QCoreApplication.translate("ImportHistory", "Records"),
        QCoreApplication.translate("ImportHistory", "Created"),
        QCoreApplication.translate("ImportHistory", "Updated"),
        QCoreApplication.translate("ImportHistory", "Skipped"),
        QCoreApplication.translate("ImportHistory", "Not imported"),
        QCoreApplication.translate("ImportHistory", "Undone"),
    )


class ImportHistoryModel(RowTableModel[ImportBatchRecord]):
    def set_batches(self, batches: Sequence[ImportBatchRecord]) -> None:
        self.beginResetModel()
        self._rows = list(batches)
        self.endResetModel()

    def batch_at(self, row: int) -> ImportBatchRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_count(self) -> int:
        return len(_VALUES)

    def header(self, section: int) -> str:
        return _headers()[section]

    def cell(self, batch: ImportBatchRecord, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return _VALUES[column](batch)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and batch.undone_at is not None:
            return UNDONE_FOREGROUND
        return None
