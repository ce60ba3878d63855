"""File → Import…: a wizard that takes a spreadsheet from the file to the records.

Pages: the file and what it holds; the sheet and its header row; the column mapping; a
preview with the dry run's counts and the choices about duplicates and bad rows; the
import itself with progress and Cancel; the result, with the rows not imported as a
workbook and an Undo. Everything that reads the file or the database runs in the
background through the task runner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crmdesk.domain.errors import CrmError
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.services.import_sources import OpenedFile, open_for_import
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import import_wizard_common as common
from crmdesk.ui.dialogs.import_wizard_common import (
    SPREADSHEET_FILTER,
    ImportDraft,
    entity_name,
    error_label,
    import_error_text,
    show_error,
)
from crmdesk.ui.dialogs.import_wizard_mapping import MappingPage
from crmdesk.ui.dialogs.import_wizard_preview import PreviewPage
from crmdesk.ui.dialogs.import_wizard_run import ResultPage, RunPage
from crmdesk.ui.dialogs.saving_dialog import run_dialog
from crmdesk.ui.formatting import format_count
from crmdesk.ui.models.import_sheet_model import SheetHeadModel

FILE_PAGE, SHEET_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RUN_PAGE, RESULT_PAGE = range(6)
WIZARD_SIZE = (1000, 680)


def run_import_wizard(context: UiContext, parent: QWidget | None, path: Path | None = None) -> bool:
    """Show the import wizard (reading `path` at once when given); True when an import was
    written (and not undone)."""
    wizard = ImportWizard(context, parent, path)
    run_dialog(wizard)
    result = wizard.draft.result
    return result is not None and result.applied and not wizard.result_page.undone


class ImportWizard(QWizard):
    def __init__(
        self, context: UiContext, parent: QWidget | None = None, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from a spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.resize(*WIZARD_SIZE)
        self.draft = ImportDraft()
        self.file_page = FilePage(context, self.draft)
        self.sheet_page = SheetPage(context, self.draft)
        self.mapping_page = MappingPage(context, self.draft)
        self.preview_page = PreviewPage(context, self.draft)
        self.run_page = RunPage(context, self.draft)
        self.result_page = ResultPage(context, self.draft)
        for number, page in (
            (FILE_PAGE, self.file_page),
            (SHEET_PAGE, self.sheet_page),
            (MAPPING_PAGE, self.mapping_page),
            (PREVIEW_PAGE, self.preview_page),
            (RUN_PAGE, self.run_page),
            (RESULT_PAGE, self.result_page),
        ):
            self.setPage(number, page)
        self.run_page.finished.connect(self.next)
        self.run_page.back_wanted.connect(self.back)
        if path is not None:
            self.file_page.read(path)

    def reject(self) -> None:
        """Cancel asks a running import to stop (nothing is changed then) rather than
        leaving it behind; otherwise it closes the wizard."""
        if self.run_page.running:
            self.run_page.cancel()
            return
        self.preview_page.stop()
        super().reject()


class _ReadingPage(QWizardPage):
    """A page that (re)reads the file in the background and keeps what it read in the
    draft. Each read is numbered, so that a slow answer to an older one is dropped."""

    def __init__(self, context: UiContext, draft: ImportDraft) -> None:
        super().__init__()
        self._context = context
        self.draft = draft
        self._reads = 0
        self.reading = False
        self.error = error_label()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.draft.source is not None and not self.reading

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        # QWizard.next() moves on from an incomplete page unless this says no.
        return self.isComplete()

    def _read(self, path: Path, entity: ImportEntity, sheet: str | None) -> None:
        self._reads += 1
        number = self._reads
        self.reading = True
        self.draft.source = None
        show_error(self.error, "")
        self.completeChanged.emit()

        def opened(file: OpenedFile) -> None:
            if number == self._reads:
                self.reading = False
                self.draft.path, self.draft.entity = path, entity
                self.draft.source, self.draft.head = file.source, file.head
                self._opened()
                self.completeChanged.emit()

        def refused(error: CrmError) -> None:
            if number == self._reads:
                self.reading = False
                show_error(self.error, import_error_text(error))
                self._refused()
                self.completeChanged.emit()

        self._context.tasks.read(
            lambda: open_for_import(path, entity, sheet), opened, owner=self, failed=refused
        )

    def _opened(self) -> None:
        """Show what was read."""

    def _refused(self) -> None:
        """Show that nothing could be read."""


class FilePage(_ReadingPage):
    def __init__(self, context: UiContext, draft: ImportDraft) -> None:
        super().__init__(context, draft)
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "Excel workbooks (.xlsx, .xls, .xlsb), OpenDocument spreadsheets (.ods) and "
                "CSV files can be imported."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose)
        self.entity_combo = QComboBox()
        for entity in ImportEntity:
            self.entity_combo.addItem(entity_name(entity), entity)
        self.entity_combo.currentIndexChanged.connect(self._entity_changed)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("The rows are:"), self.entity_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def choose(self) -> None:
        path = common.choose_open_path(
            self,
            self.tr("Import from a spreadsheet"),
            self.tr("Spreadsheets ({patterns})").format(patterns=SPREADSHEET_FILTER),
        )
        if path is not None:
            self.read(path)

    def read(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.summary.setText(self.tr("Reading {file}…").format(file=path.name))
        self._read(path, self._entity(), None)

    def _entity(self) -> ImportEntity:
        # Qt hands a str-based enum back as a plain str.
        return ImportEntity(self.entity_combo.currentData())

    def _entity_changed(self) -> None:
        # Another kind of record: the sheet holding it and the mapping are chosen anew.
        if self.path_edit.text():
            self.read(Path(self.path_edit.text()))

    def _opened(self) -> None:
        source = self.draft.source
        assert source is not None
        self.summary.setText(
            self.tr(
                "Sheet “{sheet}”: {rows} rows of data under the column names in row {header}."
            ).format(
                sheet=source.sheet,
                rows=format_count(source.row_count),
                header=format_count(source.header_row),
            )
        )

    def _refused(self) -> None:
        self.summary.clear()


class SheetPage(_ReadingPage):
    def __init__(self, context: UiContext, draft: ImportDraft) -> None:
        super().__init__(context, draft)
        self.setTitle(self.tr("Choose the sheet"))
        self.setSubTitle(
            self.tr(
                "The sheet that holds the data is chosen for you. The row with the column "
                "names is highlighted; the rows below it are imported."
            )
        )
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(20)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.header_note = QLabel()
        self.head_model = SheetHeadModel(self)
        self.head_view = QTableView()
        self.head_view.setModel(self.head_model)
        self.head_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.head_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.head_view.verticalHeader().setDefaultSectionSize(22)
        self.head_view.horizontalHeader().setMaximumSectionSize(260)

        form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.header_note)
        layout.addWidget(self.error)
        layout.addWidget(self.head_view, 1)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        if self.draft.source is not None:
            self.sheet_combo.addItems(list(self.draft.source.sheets))
            self.sheet_combo.setCurrentText(self.draft.source.sheet)
        self.sheet_combo.blockSignals(False)
        self._opened()

    def _sheet_chosen(self) -> None:
        assert self.draft.path is not None
        self._read(self.draft.path, self.draft.entity, self.sheet_combo.currentText())

    def _opened(self) -> None:
        source = self.draft.source
        if source is None:
            return
        self.head_model.set_rows(self.draft.head, source.header_row)
        self.head_view.resizeColumnsToContents()
        self.header_note.setText(
            self.tr("The column names are in row {row}; {count} rows of data are below it.").format(
                row=format_count(source.header_row), count=format_count(source.row_count)
            )
        )

    def _refused(self) -> None:
        self.head_model.set_rows([], 0)
        self.header_note.clear()
