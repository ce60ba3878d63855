"""The wizard's preview: the first rows after cleaning with each problem on its cell, the
dry run's counts (run in the background, again whenever a choice changes), what to do with
duplicates, and whether bad rows stop the whole file."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from crmdesk.domain.errors import CrmError
from crmdesk.domain.import_fields import FIELDS, ImportEntity
from crmdesk.domain.import_results import (
    DuplicatePolicy,
    ImportCancelledError,
    ImportCounts,
    ImportOptions,
    ImportResult,
)
from crmdesk.services.import_sources import ImportSource, SourceRow, cleaned_rows
from crmdesk.services.importing import plan_import
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.import_wizard_common import (
    ImportDraft,
    error_label,
    field_label,
    import_error_text,
    show_error,
)
from crmdesk.ui.formatting import format_count
from crmdesk.ui.models.import_preview_model import ImportPreviewModel
from crmdesk.ui.tasks import JobControl

PREVIEW_ROWS = 200
# Not offered for overwriting: the import never changes a stored code, and adds tags and
# contacts rather than replacing them.
_NOT_OVERWRITTEN = frozenset({"code", "tags", "contact_name"})


class CountsView(QGroupBox):
    """The five counts of an import, as planned or as done."""

    def __init__(self, *, planned: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if planned:
            self.setTitle(self.tr("What the import will do"))
            texts = (
                self.tr("New:"),
                self.tr("Updates:"),
                self.tr("Duplicates, skipped:"),
                self.tr("Possible duplicates, held back:"),
                self.tr("Rejected (problems):"),
            )
        else:
            self.setTitle(self.tr("What the import did"))
            texts = (
                self.tr("Created:"),
                self.tr("Updated:"),
                self.tr("Duplicates, skipped:"),
                self.tr("Possible duplicates, held back:"),
                self.tr("Rejected (problems):"),
            )
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for key, text in zip(
            ("created", "updated", "skipped", "review", "rejected"), texts, strict=True
        ):
            value = QLabel("–")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(60)
            self.values[key] = value
            form.addRow(text, value)

    def show_counts(self, counts: ImportCounts | None) -> None:
        for key, label in self.values.items():
            label.setText("–" if counts is None else format_count(getattr(counts, key)))


class PreviewPage(QWizardPage):
    def __init__(self, context: UiContext, draft: ImportDraft) -> None:
        super().__init__()
        self._context = context
        self.draft = draft
        self._runs = 0
        self._control: JobControl | None = None
        self.plan: ImportResult | None = None
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(
            self.tr(
                "The first rows as they will be imported. Cells with a problem are red; point "
                "at one to read what is wrong. Nothing has been changed yet."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))

        self.counts = CountsView(planned=True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.error = error_label()
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setMaximumSectionSize(240)

        top = QHBoxLayout()
        counts_side = QVBoxLayout()
        counts_side.addWidget(self.counts)
        counts_side.addWidget(self.progress)
        counts_side.addStretch(1)
        top.addLayout(counts_side)
        top.addWidget(self._duplicates_box(), 1)
        top.addWidget(self._bad_rows_box())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)

    # --- the choices --------------------------------------------------------------------

    def _duplicates_box(self) -> QGroupBox:
        self.duplicates_box = QGroupBox(self.tr("Rows that match a stored customer"))
        self.skip_radio = QRadioButton(self.tr("Skip them"))
        self.fill_radio = QRadioButton(self.tr("Update: fill the customer's empty fields"))
        self.overwrite_radio = QRadioButton(self.tr("Update: also overwrite these fields:"))
        self.create_radio = QRadioButton(self.tr("Create a new customer anyway"))
        self.skip_radio.setChecked(True)
        self.duplicate_choice = QButtonGroup(self)
        for radio in (self.skip_radio, self.fill_radio, self.overwrite_radio, self.create_radio):
            self.duplicate_choice.addButton(radio)
        self.duplicate_choice.buttonToggled.connect(self._choice_toggled)
        self.overwrite_list = QListWidget()
        self.overwrite_list.setMaximumHeight(110)
        self.overwrite_list.itemChanged.connect(self._choices_changed)

        layout = QVBoxLayout(self.duplicates_box)
        for radio in (self.skip_radio, self.fill_radio, self.overwrite_radio):
            layout.addWidget(radio)
        layout.addWidget(self.overwrite_list)
        layout.addWidget(self.create_radio)
        return self.duplicates_box

    def _bad_rows_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("When some rows have problems"))
        self.valid_rows_radio = QRadioButton(self.tr("Import the valid rows"))
        self.nothing_radio = QRadioButton(self.tr("Import nothing"))
        self.valid_rows_radio.setChecked(True)
        self.bad_rows_choice = QButtonGroup(self)
        self.bad_rows_choice.addButton(self.valid_rows_radio)
        self.bad_rows_choice.addButton(self.nothing_radio)
        self.bad_rows_choice.buttonToggled.connect(self._choice_toggled)
        self.create_customers = QCheckBox(self.tr("Create the customers that are not stored yet"))
        self.create_customers.toggled.connect(self._choices_changed)
        note = QLabel(
            self.tr(
                "Rows not imported can be saved as a workbook with the reason for each "
                "after the import."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.valid_rows_radio)
        layout.addWidget(self.nothing_radio)
        layout.addWidget(self.create_customers)
        layout.addWidget(note)
        layout.addStretch(1)
        box.setMaximumWidth(320)
        return box

    def options(self) -> ImportOptions:
        """The choices made on this page."""
        entity = self.draft.entity
        policy = DuplicatePolicy.SKIP
        if self.fill_radio.isChecked() or self.overwrite_radio.isChecked():
            policy = DuplicatePolicy.UPDATE
        elif self.create_radio.isChecked():
            policy = DuplicatePolicy.CREATE
        overwrite = frozenset(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._overwrite_items()
            if item.checkState() is Qt.CheckState.Checked
        )
        return ImportOptions(
            entity,
            on_duplicate=policy,
            overwrite=overwrite if self.overwrite_radio.isChecked() else frozenset(),
            all_or_nothing=self.nothing_radio.isChecked(),
            create_customers=entity is ImportEntity.ORDERS and self.create_customers.isChecked(),
        )

    # --- QWizardPage ----------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        source = self.draft.source
        assert source is not None
        # Customers and contacts are matched against stored ones; other records are not.
        matched = self.draft.entity in (ImportEntity.CUSTOMERS, ImportEntity.CONTACTS)
        self.duplicates_box.setVisible(matched)
        self.create_customers.setVisible(self.draft.entity is ImportEntity.ORDERS)
        self._fill_overwrite_list(source)
        self._show_rows(source, [])
        self._dry_run()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.plan is not None

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        self.draft.options = self.options()
        return self.plan is not None

    def stop(self) -> None:
        """Stop a dry run still going (the wizard is closing)."""
        if self._control is not None:
            self._control.cancel()

    # --- the dry run ----------------------------------------------------------------------

    def _dry_run(self) -> None:
        source = self.draft.source
        assert source is not None
        self.stop()
        self._runs += 1
        number = self._runs
        self.plan = None
        self.counts.show_counts(None)
        self.progress.setRange(0, 0)
        self.progress.show()
        show_error(self.error, "")
        self.completeChanged.emit()
        options = self.options()
        database = self._context.workspace.database
        clock = self._context.workspace.clock

        def work(control: JobControl) -> tuple[list[SourceRow], ImportResult]:
            rows = cleaned_rows(source, PREVIEW_ROWS)
            plan = plan_import(
                database,
                source,
                options,
                progress=control.progress,
                cancelled=lambda: control.cancelled,
                clock=clock,
            )
            return rows, plan

        def done(answer: tuple[list[SourceRow], ImportResult]) -> None:
            if number == self._runs:
                rows, plan = answer
                self._control = None
                self.plan = plan
                self.progress.hide()
                self.counts.show_counts(plan.counts)
                self._show_rows(source, rows)
                self.model.set_outcomes({outcome.number: outcome for outcome in plan.outcomes})
                self.table.resizeColumnsToContents()
                self.completeChanged.emit()

        def progressed(done_steps: int, total: int) -> None:
            if number == self._runs and total:
                self.progress.setRange(0, total)
                self.progress.setValue(done_steps)

        def failed(error: CrmError) -> None:
            if number == self._runs and not isinstance(error, ImportCancelledError):
                self._control = None
                self.progress.hide()
                show_error(self.error, import_error_text(error))

        self._control = self._context.tasks.job(
            work, done, owner=self, progress=progressed, change=None, failed=failed
        )

    def _show_rows(self, source: ImportSource, rows: Sequence[SourceRow]) -> None:
        fields = {f.key: f for f in FIELDS[source.entity]}
        keys = list(dict.fromkeys(source.mapping.columns.values()))
        columns_of = {key: tuple(source.mapping.columns_of(key)) for key in keys}
        self.model.set_rows(rows, [fields[key] for key in keys], columns_of)

    def _fill_overwrite_list(self, source: ImportSource) -> None:
        chosen = {
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._overwrite_items()
            if item.checkState() is Qt.CheckState.Checked
        }
        self.overwrite_list.blockSignals(True)
        self.overwrite_list.clear()
        mapped = dict.fromkeys(source.mapping.columns.values())
        for import_field in FIELDS[source.entity]:
            if import_field.key in mapped and import_field.key not in _NOT_OVERWRITTEN:
                item = QListWidgetItem(field_label(import_field))
                item.setData(Qt.ItemDataRole.UserRole, import_field.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = import_field.key in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.overwrite_list.addItem(item)
        self.overwrite_list.blockSignals(False)
        self.overwrite_list.setEnabled(self.overwrite_radio.isChecked())

    def _overwrite_items(self) -> list[QListWidgetItem]:
        return [self.overwrite_list.item(i) for i in range(self.overwrite_list.count())]

    def _choice_toggled(self, _button: QRadioButton, checked: bool) -> None:
        # A radio group toggles twice per choice (one off, one on); act once.
        if checked:
            self._choices_changed()

    def _choices_changed(self) -> None:
        self.overwrite_list.setEnabled(self.overwrite_radio.isChecked())
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            self._dry_run()
