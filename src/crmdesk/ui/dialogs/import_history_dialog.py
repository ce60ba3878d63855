"""File → Import history…: the recorded imports, newest first, and Undo for one of them
(refused in plain words when records it wrote were edited since, or it was undone)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.errors import CrmError
from crmdesk.domain.import_results import ImportBatchRecord, UndoResult
from crmdesk.services.importing import import_history, undo_import
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import import_wizard_common as common
from crmdesk.ui.dialogs.import_wizard_common import error_label, import_error_text, show_error
from crmdesk.ui.dialogs.import_wizard_run import IMPORT_CHANGE
from crmdesk.ui.dialogs.saving_dialog import run_dialog
from crmdesk.ui.formatting import format_count
from crmdesk.ui.models.import_history_model import ImportHistoryModel

DIALOG_SIZE = (860, 420)


def show_import_history(context: UiContext, parent: QWidget | None) -> None:
    run_dialog(ImportHistoryDialog(context, parent))


class ImportHistoryDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWindowTitle(self.tr("Import history"))
        self.resize(*DIALOG_SIZE)
        self.model = ImportHistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = error_label()
        self.undo_button = QPushButton(self.tr("Undo this import…"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        database = self._context.workspace.database
        self._context.tasks.read(lambda: import_history(database), self._show, owner=self)

    def selected_batch(self) -> ImportBatchRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.batch_at(rows[0].row()) if rows else None

    def undo_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None or not common.confirm_undo(self, batch.file_name):
            return
        database = self._context.workspace.database
        clock = self._context.workspace.clock
        self.undo_button.setEnabled(False)
        show_error(self.error, "")

        def undone(answer: UndoResult) -> None:
            self.note.setText(
                self.tr(
                    "The import of {file} was undone: {removed} records removed, {restored} "
                    "put back as they were."
                ).format(
                    file=batch.file_name,
                    removed=format_count(answer.removed),
                    restored=format_count(answer.restored),
                )
            )
            self.reload()

        def refused(error: CrmError) -> None:
            show_error(self.error, import_error_text(error))
            self._selection_changed()

        self._context.tasks.write(
            lambda: undo_import(database, batch.id, clock),
            undone,
            owner=self,
            change=IMPORT_CHANGE,
            failed=refused,
        )

    def _show(self, batches: list[ImportBatchRecord]) -> None:
        self.model.set_batches(batches)
        if not batches:
            self.note.setText(self.tr("No file has been imported yet."))
        self._selection_changed()

    def _selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        batch = self.selected_batch()
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None)
