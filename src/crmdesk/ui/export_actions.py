"""The window's exports: the customer list as shown, any other table as shown (follow-up
agenda and lists, complaints), the report workbook, and the import templates.

Each asks for a file name (in the folder used last), then writes in the background with a
progress dialog whose Cancel leaves no file behind, and says where the file went.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from crmdesk.domain.clock import local_today
from crmdesk.domain.complaint_columns import COMPLAINT_COLUMNS
from crmdesk.domain.complaints import ComplaintFilter, ComplaintRow
from crmdesk.domain.errors import CrmError, JobCancelledError
from crmdesk.domain.exports import ExportSummary
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.labels import Language
from crmdesk.domain.list_columns import ListColumn
from crmdesk.domain.paging import PageRequest
from crmdesk.services import exporting
from crmdesk.services.templates import write_import_template
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.import_wizard_common import entity_name, import_error_text
from crmdesk.ui.formatting import format_count
from crmdesk.ui.i18n import current_language
from crmdesk.ui.tabs.customers_tab import ShownCustomers
from crmdesk.ui.tasks import JobControl

R = TypeVar("R")

FOLDER_KEY = "files/last_folder"
XLSX_SUFFIX = ".xlsx"
_COMPLAINT_PAGE = 2_000


# --- questions and notices (tests replace these functions) ---------------------------------


def choose_save_path(
    parent: QWidget | None, caption: str, suggested: Path, name_filter: str = ""
) -> Path | None:
    """Ask where to save; None when the user cancels."""
    name, _chosen = QFileDialog.getSaveFileName(
        parent, caption, str(suggested), name_filter or _xlsx_filter()
    )
    return Path(name) if name else None


def notify_saved(parent: QWidget | None, path: Path, rows: int | None) -> None:
    """Say where the file went (and how many rows it holds)."""
    if rows is None:
        text = QCoreApplication.translate("export", "Saved {file}.").format(file=str(path))
    else:
        text = QCoreApplication.translate("export", "{count} rows exported to {file}.").format(
            count=format_count(rows), file=str(path)
        )
    QMessageBox.information(parent, QCoreApplication.translate("export", "Export"), text)


def show_failure(parent: QWidget | None, error: CrmError) -> None:
    QMessageBox.warning(
        parent, QCoreApplication.translate("export", "Export"), import_error_text(error)
    )


# --- file names ----------------------------------------------------------------------------


def ask_save_path(
    context: UiContext,
    parent: QWidget | None,
    caption: str,
    file_name: str,
    name_filter: str = "",
) -> Path | None:
    """Ask where to save `file_name`, offering the folder used last, and remember the
    folder chosen. A workbook's name gets its .xlsx when the user left it out."""
    folder = str(context.settings.value(FOLDER_KEY, "") or "") or _documents()
    path = choose_save_path(parent, caption, Path(folder) / file_name, name_filter)
    if path is None:
        return None
    if not name_filter and path.suffix.lower() != XLSX_SUFFIX:
        path = path.with_name(path.name + XLSX_SUFFIX)
    context.settings.setValue(FOLDER_KEY, str(path.parent))
    return path


def dated_file_name(context: UiContext, chinese: str, english: str, day: date | None = None) -> str:
    """A workbook's suggested name in the window's language, stamped with the day."""
    stamp = (day or local_today(context.workspace.clock)).strftime("%Y%m%d")
    stem = chinese if current_language() is Language.CHINESE else english
    return f"{stem}-{stamp}{XLSX_SUFFIX}"


def _documents() -> str:
    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())


def _xlsx_filter() -> str:
    return QCoreApplication.translate("export", "Excel workbooks (*.xlsx)")


# --- the exports ---------------------------------------------------------------------------

# Writes the export to the path the user chose, reporting to the job's control.
ExportWork = Callable[[Path, JobControl], ExportSummary]


def export_customers_shown(
    context: UiContext, parent: QWidget | None, shown: ShownCustomers
) -> bool:
    """Export the customer list as shown: its filter, order and visible columns. True when
    the export started."""
    database = context.workspace.database
    clock = context.workspace.clock
    language = current_language()

    def work(path: Path, control: JobControl) -> ExportSummary:
        return exporting.export_customers(
            database,
            path,
            shown.criteria,
            sort_by=shown.sort_by,
            descending=shown.descending,
            column_keys=shown.column_keys,
            language=language,
            progress=control.progress,
            cancelled=lambda: control.cancelled,
            clock=clock,
        )

    return _export(
        context,
        parent,
        QCoreApplication.translate("export", "Export the customer list"),
        dated_file_name(context, "客户列表", "customers"),
        QCoreApplication.translate("export", "Exporting customers…"),
        work,
    )


def export_table_rows(
    context: UiContext,
    parent: QWidget | None,
    title: str,
    columns: Sequence[ListColumn[R]],
    rows: Sequence[R],
    day: date | None = None,
) -> bool:
    """Export rows a table shows (a follow-up agenda or list) in its columns, under
    `title` (the sheet's name and the start of the file's, dated `day` or today)."""
    language = current_language()

    def work(path: Path, control: JobControl) -> ExportSummary:
        return exporting.export_rows(
            path,
            title,
            columns,
            rows,
            language,
            total=len(rows),
            progress=control.progress,
            cancelled=lambda: control.cancelled,
        )

    return _export(
        context,
        parent,
        QCoreApplication.translate("export", "Export {title}").format(title=title),
        dated_file_name(context, title, title, day),
        QCoreApplication.translate("export", "Exporting…"),
        work,
    )


def export_complaints(
    context: UiContext,
    parent: QWidget | None,
    criteria: ComplaintFilter,
    sort_by: str | None = None,
    descending: bool = False,
) -> bool:
    """Export the complaint list as the complaints tab shows it: every complaint its
    filters select (not only the rows scrolled to so far), in its order and columns."""
    title = QCoreApplication.translate("export", "Complaints")
    complaints = context.workspace.complaints
    language = current_language()

    def work(path: Path, control: JobControl) -> ExportSummary:
        first = complaints.rows(criteria, PageRequest(0, _COMPLAINT_PAGE, sort_by, descending))

        def every_row() -> Iterator[ComplaintRow]:
            page = first
            while page.items:
                yield from page.items
                offset = page.offset + len(page.items)
                if offset >= page.total:
                    return
                request = PageRequest(offset, _COMPLAINT_PAGE, sort_by, descending)
                page = complaints.rows(criteria, request)

        return exporting.export_rows(
            path,
            title,
            COMPLAINT_COLUMNS,
            every_row(),
            language,
            total=first.total,
            progress=control.progress,
            cancelled=lambda: control.cancelled,
        )

    return _export(
        context,
        parent,
        QCoreApplication.translate("export", "Export the complaints"),
        dated_file_name(context, "投诉列表", "complaints"),
        QCoreApplication.translate("export", "Exporting complaints…"),
        work,
    )


def export_report(context: UiContext, parent: QWidget | None) -> bool:
    """The report workbook: summary, customers, follow-ups due, complaints."""
    database = context.workspace.database
    clock = context.workspace.clock
    language = current_language()

    def work(path: Path, control: JobControl) -> ExportSummary:
        return exporting.export_report(
            database,
            path,
            language,
            progress=control.progress,
            cancelled=lambda: control.cancelled,
            clock=clock,
        )

    return _export(
        context,
        parent,
        QCoreApplication.translate("export", "Export the report"),
        dated_file_name(context, "客户报表", "crm-report"),
        QCoreApplication.translate("export", "Writing the report…"),
        work,
    )


def save_import_template(context: UiContext, parent: QWidget | None, entity: ImportEntity) -> bool:
    """Save the import template of `entity` (headers, an example row, drop-down lists,
    instructions)."""
    language = current_language()

    def work(path: Path, _control: JobControl) -> ExportSummary:
        return ExportSummary(write_import_template(path, entity, language), 0)

    return _export(
        context,
        parent,
        QCoreApplication.translate("export", "Save the import template"),
        QCoreApplication.translate("export", "{records} import template.xlsx").format(
            records=entity_name(entity)
        ),
        QCoreApplication.translate("export", "Writing the template…"),
        work,
        count_rows=False,
    )


def _export(
    context: UiContext,
    parent: QWidget | None,
    caption: str,
    file_name: str,
    label: str,
    work: ExportWork,
    *,
    count_rows: bool = True,
) -> bool:
    """Ask where to save `file_name` (`caption` on the file dialog), then run `work` to
    that file in the background behind a progress dialog saying `label`, with Cancel.
    True when the export started."""
    path = ask_save_path(context, parent, caption, file_name)
    if path is None:
        return False
    dialog = QProgressDialog(label, QCoreApplication.translate("export", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("export", "Export"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)

    def finished() -> None:
        dialog.reset()
        dialog.deleteLater()

    def done(summary: ExportSummary) -> None:
        finished()
        notify_saved(parent, summary.path, summary.rows if count_rows else None)

    def failed(error: CrmError) -> None:
        finished()
        if not isinstance(error, JobCancelledError):
            show_failure(parent, error)

    control = context.tasks.job(
        lambda job: work(path, job),
        done,
        owner=dialog,
        progress=progressed,
        change=None,
        failed=failed,
    )
    dialog.canceled.connect(control.cancel)
    return True
