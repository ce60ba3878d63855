"""The wizard's last two pages: the import running in the background (rows a second, rows
left, Cancel that changes nothing), and its result (counts, the rows not imported saved as
a workbook, Undo)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from crmdesk.domain.errors import CrmError
from crmdesk.domain.import_results import ImportResult, UndoResult
from crmdesk.services.importing import run_import, undo_import, write_errors_workbook
from crmdesk.ui import export_actions
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import import_wizard_common as common
from crmdesk.ui.dialogs.import_wizard_common import (
    ImportDraft,
    error_label,
    import_error_text,
    show_error,
)
from crmdesk.ui.dialogs.import_wizard_preview import CountsView
from crmdesk.ui.formatting import format_count
from crmdesk.ui.tasks import JobControl

# What an import (or its undo) may change: customers with their contacts and tags, and
# orders with the customers they create.
IMPORT_CHANGE = Change.of(Topic.CUSTOMERS, Topic.ORDERS)


@dataclass(frozen=True)
class Pace:
    rows_done: int
    rows_total: int
    per_second: int | None  # None until a first measure is possible
    rows_left: int


class Throughput:
    """Rows a second and rows left from the progress an import reports, which counts each
    row twice: once when it is read and checked, once when it is written."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._started = now()

    def pace(self, steps_done: int, steps_total: int) -> Pace:
        rows_total = steps_total // 2
        rows_done = min(rows_total, steps_done // 2)
        elapsed = self._now() - self._started
        per_second = round(rows_done / elapsed) if elapsed > 0 and rows_done else None
        return Pace(rows_done, rows_total, per_second, rows_total - rows_done)


class RunPage(QWizardPage):
    finished = Signal()  # the import ended; the result page follows
    back_wanted = Signal()  # after a cancel: back to the preview to choose again

    def __init__(self, context: UiContext, draft: ImportDraft) -> None:
        super().__init__()
        self._context = context
        self.draft = draft
        self._control: JobControl | None = None
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(
            self.tr("All rows are written at once at the end; until then nothing changes.")
        )
        self.progress = QProgressBar()
        self.pace_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.message = error_label()
        self.back_button = QPushButton(self.tr("Back to the choices"))
        self.back_button.clicked.connect(self.back_wanted)
        self.back_button.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.pace_label)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(2)

    @property
    def running(self) -> bool:
        return self._control is not None

    def cancel(self) -> None:
        if self._control is not None:
            self._control.cancel()
            self.cancel_button.setEnabled(False)
            self.pace_label.setText(self.tr("Stopping…"))

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        source = self.draft.source
        assert source is not None
        self.draft.result = None
        self.progress.setRange(0, 0)
        self.pace_label.setText(self.tr("Reading {file}…").format(file=source.path.name))
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.back_button.hide()
        show_error(self.message, "")
        options = self.draft.options
        database = self._context.workspace.database
        clock = self._context.workspace.clock
        throughput = Throughput()

        def work(control: JobControl) -> ImportResult:
            return run_import(
                database,
                source,
                options,
                progress=control.progress,
                cancelled=lambda: control.cancelled,
                clock=clock,
            )

        def progressed(done: int, total: int) -> None:
            if total and self._control is not None and not self._control.cancelled:
                self.progress.setRange(0, total)
                self.progress.setValue(done)
                self.pace_label.setText(self._pace_text(throughput.pace(done, total)))

        self._control = self._context.tasks.job(
            work,
            self._done,
            owner=self,
            progress=progressed,
            change=IMPORT_CHANGE,
            failed=self._failed,
        )

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.draft.result is not None

    def _done(self, result: ImportResult) -> None:
        self._control = None
        self.draft.result = result
        self.completeChanged.emit()
        self.finished.emit()

    def _failed(self, error: CrmError) -> None:
        self._control = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.pace_label.clear()
        self.cancel_button.hide()
        self.back_button.show()
        show_error(self.message, import_error_text(error))

    def _pace_text(self, pace: Pace) -> str:
        if pace.per_second is None:
            return self.tr("{done} of {total} rows").format(
                done=format_count(pace.rows_done), total=format_count(pace.rows_total)
            )
        return self.tr("{done} of {total} rows · {speed} rows a second · {left} rows left").format(
            done=format_count(pace.rows_done),
            total=format_count(pace.rows_total),
            speed=format_count(pace.per_second),
            left=format_count(pace.rows_left),
        )


class ResultPage(QWizardPage):
    def __init__(self, context: UiContext, draft: ImportDraft) -> None:
        super().__init__()
        self._context = context
        self.draft = draft
        self.undone = False
        self.setTitle(self.tr("Done"))
        self.setSubTitle(
            self.tr("Every import is recorded; File → Import history… can undo it later too.")
        )
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.counts = CountsView(planned=False)
        self.save_button = QPushButton(self.tr("Save the rows not imported…"))
        self.save_button.clicked.connect(self.save_rows_not_imported)
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.clicked.connect(self.undo)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = error_label()

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts)
        counts_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(counts_row)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        result = self.draft.result
        assert result is not None
        self.undone = False
        self.counts.show_counts(result.counts)
        self.headline.setText(self._headline(result))
        self.save_button.setEnabled(bool(result.not_imported()))
        self.undo_button.setEnabled(result.applied)
        self.note.clear()
        show_error(self.error, "")

    def _headline(self, result: ImportResult) -> str:
        counts = result.counts
        if result.applied:
            return self.tr("{file} was imported: {created} created, {updated} updated.").format(
                file=result.file_name,
                created=format_count(counts.created),
                updated=format_count(counts.updated),
            )
        if self.draft.options.all_or_nothing and counts.not_imported:
            return self.tr(
                "Nothing was imported: {count} rows have problems or may be duplicates, and "
                "you chose to import nothing in that case. Save them, correct them and "
                "import the file again."
            ).format(count=format_count(counts.not_imported))
        return self.tr("Nothing was imported: no row was new or an update.")

    def save_rows_not_imported(self) -> None:
        source, result = self.draft.source, self.draft.result
        assert source is not None and result is not None
        stem = source.path.stem
        path = export_actions.ask_save_path(
            self._context,
            self,
            self.tr("Save the rows not imported"),
            self.tr("{name} - not imported.xlsx").format(name=stem),
        )
        if path is None:
            return
        entity = self.draft.entity
        self.save_button.setEnabled(False)

        def saved(count: int) -> None:
            self.save_button.setEnabled(True)
            self.note.setText(
                self.tr("{count} rows saved to {file}, with the reason in the last column.").format(
                    count=format_count(count), file=str(path)
                )
            )

        def failed(error: CrmError) -> None:
            self.save_button.setEnabled(True)
            show_error(self.error, import_error_text(error))

        reason = common.reason_in_words(entity)
        self._context.tasks.read(
            lambda: write_errors_workbook(source, result, entity, path, reason),
            saved,
            owner=self,
            failed=failed,
        )

    def undo(self) -> None:
        result = self.draft.result
        assert result is not None and result.batch_id is not None
        if not common.confirm_undo(self, result.file_name):
            return
        batch_id = result.batch_id
        database = self._context.workspace.database
        clock = self._context.workspace.clock
        self.undo_button.setEnabled(False)

        def undone(answer: UndoResult) -> None:
            self.undone = True
            self.note.setText(
                self.tr(
                    "The import was undone: {removed} records removed, {restored} put back "
                    "as they were."
                ).format(
                    removed=format_count(answer.removed), restored=format_count(answer.restored)
                )
            )

        def refused(error: CrmError) -> None:
            show_error(self.error, import_error_text(error))

        self._context.tasks.write(
            lambda: undo_import(database, batch_id, clock),
            undone,
            owner=self,
            change=IMPORT_CHANGE,
            failed=refused,
        )
