"""What the import wizard's pages share: the choices made so far, the names of what can be
imported and of what happens to a row, the file-open question, and the import errors in
plain words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from crmdesk.domain.errors import CrmError
from crmdesk.domain.import_errors import (
    EmptySpreadsheetError,
    InvalidMappingError,
    NotASpreadsheetError,
    PasswordProtectedError,
    SheetNotFoundError,
    SpreadsheetTooLargeError,
)
from crmdesk.domain.import_fields import FIELDS, ImportEntity, ImportField
from crmdesk.domain.import_results import (
    ImportCancelledError,
    ImportOptions,
    ImportResult,
    RowAction,
    RowOutcome,
    UndoRefusedError,
)
from crmdesk.domain.labels import Language
from crmdesk.services.import_sources import ImportSource
from crmdesk.ui.formatting import format_count
from crmdesk.ui.i18n import current_language
from crmdesk.ui.messages import error_text, problem_text

SPREADSHEET_FILTER = "*.xlsx *.xls *.xlsb *.ods *.csv"
ERROR_STYLE = "color: #b00020;"


@dataclass
class ImportDraft:
    """What the pages have chosen so far, shared by all of them."""

    path: Path | None = None
    entity: ImportEntity = ImportEntity.CUSTOMERS
    source: ImportSource | None = None  # the sheet read, with the mapping chosen
    head: tuple[tuple[object, ...], ...] = ()  # the sheet's first rows as in the file
    options: ImportOptions = field(default_factory=lambda: ImportOptions(ImportEntity.CUSTOMERS))
    result: ImportResult | None = None  # the import, once it ran


def choose_open_path(parent: QWidget, caption: str, name_filter: str) -> Path | None:
    """Ask for a file to read; None when the user cancels (tests replace this function)."""
    name, _chosen = QFileDialog.getOpenFileName(parent, caption, "", name_filter)
    return Path(name) if name else None


def confirm_undo(parent: QWidget, file_name: str) -> bool:
    """Whether to undo the import of `file_name` (tests replace this function)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ImportWizard", "Undo the import"),
        QCoreApplication.translate(
            "ImportWizard",
            "Undo the import of {file}? The records it created are removed and the fields "
            "it overwrote are put back as they were.",
        ).format(file=file_name),
    )
    return answer == QMessageBox.StandardButton.Yes


def error_label() -> QLabel:
    """A word-wrapped line for a refusal, hidden until there is one."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def field_label(import_field: ImportField) -> str:
    return (
        import_field.label_zh if current_language() is Language.CHINESE else import_field.label_en
    )


def reason_in_words(entity: ImportEntity) -> Callable[[RowOutcome], str]:
    """Why a row was not imported, in the user's language, for the 错误原因 / Reason column
    of the rows given back: each problem after the name of its field, then the duplicate."""
    labels = {f.key: field_label(f) for f in FIELDS[entity]}

    def words(outcome: RowOutcome) -> str:
        parts = [
            f"{labels.get(key, key)}: {problem_text(problem)}"
            for key, problem in outcome.problems.items()
        ]
        if outcome.duplicate_of is not None and not outcome.problems:
            parts += [problem_text(reason) for reason in outcome.reasons]
        return " ".join(parts)

    return words


def entity_name(entity: ImportEntity) -> str:
    names = {
        ImportEntity.CUSTOMERS: QCoreApplication.translate("ImportWizard", "Customers"),
        ImportEntity.CONTACTS: QCoreApplication.translate("ImportWizard", "Contacts"),
        ImportEntity.ORDERS: QCoreApplication.translate("ImportWizard", "Orders"),
        ImportEntity.INTERACTIONS: QCoreApplication.translate("ImportWizard", "Interactions"),
        ImportEntity.FOLLOW_UPS: QCoreApplication.translate("ImportWizard", "Follow-ups"),
        ImportEntity.COMPLAINTS: QCoreApplication.translate("ImportWizard", "Complaints"),
    }
    return names[entity]


def action_name(action: RowAction) -> str:
    """What happens (or would happen) to a row, as the preview's result column says it."""
    names = {
        RowAction.CREATE: QCoreApplication.translate("ImportWizard", "New"),
        RowAction.UPDATE: QCoreApplication.translate("ImportWizard", "Update"),
        RowAction.SKIP: QCoreApplication.translate("ImportWizard", "Duplicate, skipped"),
        RowAction.REVIEW: QCoreApplication.translate("ImportWizard", "Possible duplicate"),
        RowAction.REJECT: QCoreApplication.translate("ImportWizard", "Rejected"),
    }
    return names[action]


def import_error_text(error: CrmError) -> str:
    """Why a file cannot be imported, or an import not undone, in the user's language."""
    match error:
        case PasswordProtectedError():
            return QCoreApplication.translate(
                "ImportWizard",
                "{file} is protected by a password. Open it in Excel, remove the password "
                "(File → Info → Protect Workbook), save it, and choose it again.",
            ).format(file=error.path.name)
        case NotASpreadsheetError():
            return QCoreApplication.translate(
                "ImportWizard",
                "{file} is not a spreadsheet that can be imported. Choose an Excel workbook "
                "(.xlsx, .xls, .xlsb), an OpenDocument spreadsheet (.ods) or a CSV file.",
            ).format(file=error.path.name)
        case EmptySpreadsheetError():
            return QCoreApplication.translate(
                "ImportWizard", "{file} holds no data to import."
            ).format(file=error.path.name)
        case SpreadsheetTooLargeError():
            return QCoreApplication.translate(
                "ImportWizard",
                "{file} is too large to read on this computer: it needs about {needed} MB of "
                "memory and {free} MB is free. Close other programs, or split the file.",
            ).format(
                file=error.path.name,
                needed=_megabytes(error.needed_bytes),
                free=_megabytes(error.available_bytes),
            )
        case SheetNotFoundError():
            return QCoreApplication.translate(
                "ImportWizard", "{file} has no sheet named “{sheet}”."
            ).format(file=error.path.name, sheet=error.sheet)
        case InvalidMappingError():
            return QCoreApplication.translate(
                "ImportWizard", "This file is not a column mapping saved by crmdesk."
            )
        case ImportCancelledError():
            return QCoreApplication.translate(
                "ImportWizard", "The import was cancelled; nothing was changed."
            )
        case UndoRefusedError():
            # The reason (already undone, records edited since …) comes from the
            # database in English; it is kept below the translated sentence.
            return (
                QCoreApplication.translate(
                    "ImportWizard", "This import cannot be undone; nothing was changed."
                )
                + f"\n\n{error}"
            )
    return error_text(error)


def _megabytes(size: int) -> str:
    return format_count(max(1, round(size / 1_000_000)))
