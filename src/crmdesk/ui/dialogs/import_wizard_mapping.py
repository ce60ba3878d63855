"""The wizard's column mapping: one row per column of the file with an example value and
the field it goes to (guessed from its header), required fields nobody feeds flagged, and
the mapping saved to or loaded from a file for the next import."""

from __future__ import annotations

from collections import Counter
from itertools import islice

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from crmdesk.domain.errors import CrmError
from crmdesk.domain.import_fields import FIELDS
from crmdesk.services.import_sources import ColumnMapping, missing_required
from crmdesk.ui import export_actions
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs import import_wizard_common as common
from crmdesk.ui.dialogs.import_wizard_common import (
    ImportDraft,
    error_label,
    field_label,
    import_error_text,
    show_error,
)
from crmdesk.ui.models.import_preview_model import raw_text

HEADER_COLUMN, EXAMPLE_COLUMN, FIELD_COLUMN = range(3)
_EXAMPLES = 3  # values under a header shown as its example


class MappingPage(QWizardPage):
    def __init__(self, context: UiContext, draft: ImportDraft) -> None:
        super().__init__()
        self._context = context
        self.draft = draft
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Each column of the file goes to the field chosen beside it. The choices were "
                "made from the column names; correct them where they are wrong."
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Example"), self.tr("Imports as")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HEADER_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EXAMPLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.error = error_label()
        self.save_button = QPushButton(self.tr("Save mapping…"))
        self.save_button.clicked.connect(self.save_mapping)
        self.load_button = QPushButton(self.tr("Load mapping…"))
        self.load_button.clicked.connect(self.load_mapping)
        self._valid = False

        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # --- what tests and the wizard use ----------------------------------------------------

    def combo(self, column: int) -> QComboBox:
        """The field chooser of the file's column `column` (0-based)."""
        widget = self.table.cellWidget(column, FIELD_COLUMN)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> ColumnMapping:
        """The mapping as the combos show it."""
        columns = {
            row: key
            for row in range(self.table.rowCount())
            if (key := self.combo(row).currentData()) is not None
        }
        return ColumnMapping(columns)

    # --- QWizardPage ----------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        source = self.draft.source
        assert source is not None
        examples = self._examples(source.header_row, len(source.headers))
        self.table.setRowCount(len(source.headers))
        for row, header in enumerate(source.headers):
            self.table.setItem(row, HEADER_COLUMN, QTableWidgetItem(header))
            self.table.setItem(row, EXAMPLE_COLUMN, QTableWidgetItem(examples[row]))
            self.table.setCellWidget(row, FIELD_COLUMN, self._field_combo())
        self._show_mapping(source.mapping)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self._valid

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        return self._valid

    # --- saving and loading ---------------------------------------------------------------

    def save_mapping(self) -> None:
        source = self.draft.source
        assert source is not None
        path = export_actions.ask_save_path(
            self._context,
            self,
            self.tr("Save the column mapping"),
            f"mapping-{self.draft.entity.value}.json",
            self.tr("Column mappings (*.json)"),
        )
        if path is None:
            return
        try:
            path.write_text(self.mapping().to_json(source.headers), encoding="utf-8")
        except OSError as exc:
            show_error(self.error, self._file_error(path.name, exc))

    def load_mapping(self) -> None:
        source = self.draft.source
        assert source is not None
        path = common.choose_open_path(
            self, self.tr("Load a column mapping"), self.tr("Column mappings (*.json)")
        )
        if path is None:
            return
        try:
            mapping = ColumnMapping.from_json(path.read_text(encoding="utf-8"), source.headers)
        except OSError as exc:
            show_error(self.error, self._file_error(path.name, exc))
        except CrmError as error:
            show_error(self.error, import_error_text(error))
        else:
            self._show_mapping(mapping)

    # --- inner workings -------------------------------------------------------------------

    def _field_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(not imported)"), None)
        for import_field in FIELDS[self.draft.entity]:
            combo.addItem(field_label(import_field), import_field.key)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _examples(self, header_row: int, width: int) -> list[str]:
        rows = list(islice(self.draft.head, header_row, None))
        examples = []
        for column in range(width):
            cells = (raw_text(row[column]) for row in rows if column < len(row))
            examples.append(", ".join(islice((cell for cell in cells if cell), _EXAMPLES)))
        return examples

    def _show_mapping(self, mapping: ColumnMapping) -> None:
        for row in range(self.table.rowCount()):
            combo = self.combo(row)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(row))))
            combo.blockSignals(False)
        self._changed()

    def _changed(self) -> None:
        source = self.draft.source
        assert source is not None
        mapping = self.mapping()
        problem = self._problem(mapping)
        self._valid = not problem
        show_error(self.error, problem)
        if self._valid:
            self.draft.source = source.with_mapping(mapping)
        self.completeChanged.emit()

    def _problem(self, mapping: ColumnMapping) -> str:
        fields = {f.key: f for f in FIELDS[self.draft.entity]}
        used = Counter(mapping.columns.values())
        doubled = [fields[key] for key, n in used.items() if n > 1 and not fields[key].repeatable]
        if doubled:
            return self.tr("Several columns are imported as “{field}”; choose one.").format(
                field=field_label(doubled[0])
            )
        missing = missing_required(mapping, self.draft.entity)
        if missing:
            return self.tr("Choose the column that holds: {fields}.").format(
                fields=", ".join(field_label(f) for f in missing)
            )
        return ""

    def _file_error(self, name: str, error: OSError) -> str:
        return self.tr("Could not use {file}: {reason}").format(
            file=name, reason=error.strerror or str(error)
        )
