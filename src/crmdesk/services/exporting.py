"""Exports to .xlsx: any list as shown (its columns, filter and order), the customer list,
the customer archive and the order lines (every field the import reads back), and the
report workbook (summary, customers, follow-ups due, complaints and deadlines).

Every export streams: rows are read from one snapshot of the database a chunk at a time
and written as they come, progress is reported and a cancel honoured every few hundred
rows, and a cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from crmdesk.db.engine import Database
from crmdesk.db.repositories.order_export import count_order_lines, stream_order_lines
from crmdesk.db.repositories.report import complaints, follow_ups_due, report_counts
from crmdesk.domain.clock import Clock, local_day, system_clock
from crmdesk.domain.customer_columns import CUSTOMER_COLUMNS
from crmdesk.domain.customers import CustomerFilter, CustomerSort, CustomerSummary
from crmdesk.domain.errors import Problem, ValidationError, problem_template
from crmdesk.domain.exports import (
    CUSTOMER_ARCHIVE_COLUMNS,
    FOLLOW_UPS_DUE_WITHIN_DAYS,
    ORDER_LINE_ARCHIVE_COLUMNS,
    ExportCancelledError,
    ExportSummary,
    ReportCounts,
    RowStream,
    complaint_report_columns,
    follow_up_due_columns,
)
from crmdesk.domain.labels import Language, label
from crmdesk.domain.list_columns import CellKind, ListColumn
from crmdesk.domain.progress import CancelCheck, ProgressCallback
from crmdesk.io.xlsx_writer import ColumnFormat, XlsxWriter
from crmdesk.services.customers import CustomerService

R = TypeVar("R")

# Rows between two progress reports and cancel checks: often enough for a progress bar
# to move smoothly, rarely enough to cost nothing measurable.
_CHECK_EVERY = 500

_SHEET_TITLES = {
    "customers": ("Customers", "客户"),
    "summary": ("Summary", "汇总"),
    "follow_ups": ("Follow-ups due", "待办回访"),
    "complaints": ("Complaints", "投诉"),
    "order_lines": ("Order lines", "订单明细"),
}


def export_rows(
    path: Path,
    sheet_title: str,
    columns: Sequence[ListColumn[R]],
    rows: Iterable[R],
    language: Language,
    *,
    total: int | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportSummary:
    """Write `rows` to a one-sheet workbook at `path`: the `columns` with headers in
    `language`. ExportCancelledError when `cancelled()` turns true; no file is left then."""
    tracker = ExportTracker(path, total, progress, cancelled)
    with XlsxWriter(path) as writer:
        write_sheet(writer, sheet_title, columns, rows, language, tracker)
        tracker.finish()
    return ExportSummary(path, tracker.done)


def export_customers(
    database: Database,
    path: Path,
    criteria: CustomerFilter,
    *,
    sort_by: str | None = None,
    descending: bool = False,
    column_keys: Sequence[str] | None = None,
    language: Language = Language.CHINESE,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    clock: Clock = system_clock,
) -> ExportSummary:
    """The customer list as the window shows it: the customers `criteria` selects, in the
    list's order, with the columns `column_keys` (None: all) in that order."""
    columns = customer_columns(column_keys)
    service = CustomerService(database, clock)
    with service.iter_rows(criteria, sort_by, descending) as customers:
        return _export_stream(path, "customers", columns, customers, language, progress, cancelled)


def export_customer_archive(
    database: Database,
    path: Path,
    language: Language = Language.CHINESE,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    *,
    criteria: CustomerFilter | None = None,
    sort_by: str | None = CustomerSort.CODE,
    descending: bool = False,
    clock: Clock = system_clock,
) -> ExportSummary:
    """Every field of the customers `criteria` selects (None: all), one column per field
    of the customer import under the import's own headers, so that importing the file
    into another database gives the same customers back."""
    service = CustomerService(database, clock)
    with service.iter_archive(criteria or CustomerFilter(), sort_by, descending) as customers:
        return _export_stream(
            path, "customers", CUSTOMER_ARCHIVE_COLUMNS, customers, language, progress, cancelled
        )


def export_order_lines(
    database: Database,
    path: Path,
    language: Language = Language.CHINESE,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ExportSummary:
    """Every line of every order, one row per line under the order import's headers and
    carrying its order's facts, so that importing the file into a database that has the
    same customers (and reps) gives the same orders back."""
    with database.unit_of_work(write=False) as uow:
        total = count_order_lines(uow.session)
        with closing(stream_order_lines(uow.session)) as lines:
            stream = RowStream(total, lines)
            return _export_stream(
                path,
                "order_lines",
                ORDER_LINE_ARCHIVE_COLUMNS,
                stream,
                language,
                progress,
                cancelled,
            )


def _export_stream(
    path: Path,
    sheet: str,
    columns: Sequence[ListColumn[R]],
    stream: RowStream[R],
    language: Language,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
) -> ExportSummary:
    """One sheet of `stream`'s rows, titled by the sheet key `sheet` in `language`."""
    return export_rows(
        path,
        _sheet_title(sheet, language),
        columns,
        stream.rows,
        language,
        total=stream.total,
        progress=progress,
        cancelled=cancelled,
    )


def export_report(
    database: Database,
    path: Path,
    language: Language = Language.CHINESE,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    clock: Clock = system_clock,
) -> ExportSummary:
    """The report workbook: a summary sheet of counts, every customer, the follow-ups due
    within a week or overdue, and every complaint with where it stands against its
    deadline, all as of `clock()`."""
    now = clock()
    today = local_day(now)
    with database.unit_of_work(write=False) as uow:
        counts = report_counts(uow.session, today, now)
        due = follow_ups_due(uow.session, today, today + timedelta(days=FOLLOW_UPS_DUE_WITHIN_DAYS))
        complaint_rows = complaints(uow.session)
    summary = _summary_lines(counts, today, language)
    with (
        CustomerService(database, clock).iter_rows(CustomerFilter()) as customers,
        XlsxWriter(path) as writer,
    ):
        rows = len(summary) + customers.total + len(due) + len(complaint_rows)
        tracker = ExportTracker(path, rows, progress, cancelled)

        def sheet(key: str, columns: Sequence[ListColumn[R]], rows: Iterable[R]) -> None:
            write_sheet(writer, _sheet_title(key, language), columns, rows, language, tracker)

        sheet("summary", _SUMMARY_COLUMNS, summary)
        sheet("customers", CUSTOMER_COLUMNS, customers.rows)
        sheet("follow_ups", follow_up_due_columns(language), due)
        sheet("complaints", complaint_report_columns(language, now), complaint_rows)
        tracker.finish()
    return ExportSummary(path, tracker.done)


def customer_columns(keys: Sequence[str] | None) -> tuple[ListColumn[CustomerSummary], ...]:
    """The customer list's columns called `keys`, in that order; None: all of them."""
    if keys is None:
        return CUSTOMER_COLUMNS
    by_key = {column.key: column for column in CUSTOMER_COLUMNS}
    unknown = [key for key in keys if key not in by_key]
    if unknown or not keys:
        template = (
            problem_template("There is no column {keys}; the columns are {known}.")
            if unknown
            else problem_template("Choose at least one column; the columns are {known}.")
        )
        known = ", ".join(by_key)
        raise ValidationError(
            {"columns": Problem(template, {"keys": ", ".join(unknown), "known": known})}
        )
    return tuple(by_key[key] for key in keys)


class ExportTracker:
    """Counts the rows written over all sheets, reports progress and raises
    ExportCancelledError once the user has asked to stop."""

    def __init__(
        self,
        path: Path,
        total: int | None,
        progress: ProgressCallback | None,
        cancelled: CancelCheck | None,
    ) -> None:
        self._path = path
        self._total = total or 0
        self._progress = progress
        self._cancelled = cancelled
        self.done = 0

    def advance(self) -> None:
        self.done += 1
        if self.done % _CHECK_EVERY == 0:
            self._check()

    def finish(self) -> None:
        self._check()

    def _check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelledError(self._path)
        if self._progress is not None:
            self._progress(self.done, max(self._total, self.done) if self._total else 0)


def write_sheet(
    writer: XlsxWriter,
    title: str,
    columns: Sequence[ListColumn[R]],
    rows: Iterable[R],
    language: Language,
    tracker: ExportTracker,
) -> None:
    """A sheet of `rows` in `columns` headed in `language`, each row counted by `tracker`."""
    sheet = writer.add_sheet(
        title, [ColumnFormat(column.header(language), column.kind) for column in columns]
    )
    readers = [column.reader(language) for column in columns]
    for row in rows:
        sheet.append([read(row) for read in readers])
        tracker.advance()


def _sheet_title(key: str, language: Language) -> str:
    english, chinese = _SHEET_TITLES[key]
    return chinese if language is Language.CHINESE else english


# --- the summary sheet ----------------------------------------------------------------------


@dataclass(frozen=True)
class _SummaryLine:
    item: str
    value: int | date


_SUMMARY_COLUMNS: tuple[ListColumn[_SummaryLine], ...] = (
    ListColumn("item", "Item", "项目", CellKind.TEXT, lambda line: line.item),
    ListColumn("value", "Count", "数量", CellKind.INTEGER, lambda line: line.value),
)


def _summary_lines(counts: ReportCounts, today: date, language: Language) -> list[_SummaryLine]:
    def line(english: str, chinese: str, value: int | date) -> _SummaryLine:
        return _SummaryLine(chinese if language is Language.CHINESE else english, value)

    return [
        line("Report date", "报表日期", today),
        line("Customers", "客户总数", sum(counts.customers_by_stage.values())),
        *(
            line(
                f"Lifecycle stage: {label(stage, language)}",
                f"生命周期：{label(stage, language)}",
                n,
            )
            for stage, n in counts.customers_by_stage.items()
        ),
        *(
            line(f"Level: {label(level, language)}", f"等级：{label(level, language)}", n)
            for level, n in counts.customers_by_level.items()
        ),
        line("Open follow-ups", "待跟进回访", counts.open_follow_ups),
        line("Overdue follow-ups", "逾期回访", counts.overdue_follow_ups),
        line("Open complaints", "未办结投诉", counts.open_complaints),
        line("Overdue complaints", "超时投诉", counts.overdue_complaints),
    ]
