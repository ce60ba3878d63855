"""The complaint list's columns, shared by the table on screen and an exported workbook."""

from __future__ import annotations

from crmdesk.domain.complaints import ComplaintRow, ComplaintSort
from crmdesk.domain.list_columns import CellKind, ListColumn

Column = ListColumn[ComplaintRow]

COMPLAINT_COLUMNS: tuple[Column, ...] = (
    Column("number", "Number", "投诉编号", CellKind.TEXT, lambda r: r.number, ComplaintSort.NUMBER),
    Column("customer", "Customer", "客户", CellKind.TEXT, lambda r: r.customer_name),
    Column("title", "Title", "标题", CellKind.TEXT, lambda r: r.title, ComplaintSort.TITLE),
    Column("category", "Category", "类别", CellKind.LABEL, lambda r: r.category),
    Column(
        "severity",
        "Severity",
        "严重程度",
        CellKind.LABEL,
        lambda r: r.severity,
        ComplaintSort.SEVERITY,
    ),
    Column("status", "Status", "状态", CellKind.LABEL, lambda r: r.status, ComplaintSort.STATUS),
    Column("owner", "Owner", "负责人", CellKind.TEXT, lambda r: r.owner_name),
    Column(
        "received",
        "Received",
        "受理时间",
        CellKind.DATETIME,
        lambda r: r.received_at,
        ComplaintSort.RECEIVED_AT,
    ),
    Column("due", "Due", "截止时间", CellKind.DATETIME, lambda r: r.due_at, ComplaintSort.DUE_AT),
    # Whole hours until due, negative once overdue, empty once resolved or closed; the
    # window words it ("3 hours left", "2 days overdue"). Ordered by the due time.
    Column(
        "time_left",
        "Time left (hours)",
        "剩余时间（小时）",
        CellKind.INTEGER,
        lambda r: r.hours_left,
        ComplaintSort.DUE_AT,
    ),
)
