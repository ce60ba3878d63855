"""What exports hand back, the rows of the report workbook (follow-ups coming due,
complaints against their deadline, the summary counts) and the columns of the archives
that import back (customers, order lines)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Generic, TypeVar

from crmdesk.domain.complaint_workflow import FINISHED_STATUSES
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    CustomerKind,
    CustomerLevel,
    FollowUpKind,
    LifecycleStage,
    OrderStatus,
    SourceChannel,
)
from crmdesk.domain.errors import JobCancelledError
from crmdesk.domain.import_fields import CUSTOMER_FIELDS, ORDER_FIELDS, ImportField
from crmdesk.domain.labels import Language
from crmdesk.domain.list_columns import CellKind, ListColumn

R = TypeVar("R")

# The report lists follow-ups due up to this many days ahead, and overdue ones.
FOLLOW_UPS_DUE_WITHIN_DAYS = 7
# A complaint this close to its deadline is flagged before it becomes overdue.
COMPLAINT_WARNING = timedelta(hours=24)


class ExportCancelledError(JobCancelledError):
    """The user stopped an export; no file was written at `path` (an older file there is
    left as it was)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    rows: int  # data rows written, over all sheets


@dataclass(frozen=True)
class RowStream(Generic[R]):
    """Rows read one after the other from one snapshot of the database, and how many
    there are (for a progress bar)."""

    total: int
    rows: Iterator[R]


@dataclass(frozen=True)
class CustomerArchiveRow:
    """Everything the customer import can fill in, as a customer holds it: people and
    referrers by what the import finds them by (a rep's name, a customer's code)."""

    code: str
    name: str
    kind: CustomerKind
    industry: str | None
    source: SourceChannel | None
    level: CustomerLevel
    lifecycle_stage: LifecycleStage
    owner_name: str | None
    phone: str | None
    phone_alt: str | None
    email: str | None
    wechat: str | None
    province: str | None
    city: str | None
    district: str | None
    address: str | None
    birthday: date | None
    referred_by_code: str | None
    notes: str | None
    tag_names: tuple[str, ...]
    primary_contact_name: str | None


@dataclass(frozen=True)
class OrderLineArchiveRow:
    """One line of an order with the facts of its order, as the order import reads a
    line-level sheet: the customer by code, the rep by name, money in major units."""

    order_number: str
    customer_code: str
    ordered_on: date
    product_name: str
    product_code: str | None
    quantity: int
    unit_price: Decimal
    line_total: Decimal
    status: OrderStatus
    payment_due_on: date | None
    paid_on: date | None
    rep_name: str | None
    notes: str | None


@dataclass(frozen=True)
class FollowUpDueRow:
    due_on: date
    overdue: bool
    customer_code: str
    customer_name: str
    kind: FollowUpKind
    title: str
    rep_name: str | None
    notes: str | None


@dataclass(frozen=True)
class ComplaintReportRow:
    number: str
    customer_code: str
    customer_name: str
    category: ComplaintCategory
    severity: ComplaintSeverity
    status: ComplaintStatus
    title: str
    owner_name: str | None
    received_at: datetime
    due_at: datetime


@dataclass(frozen=True)
class ReportCounts:
    customers_by_stage: Mapping[LifecycleStage, int]
    customers_by_level: Mapping[CustomerLevel, int]
    open_follow_ups: int
    overdue_follow_ups: int
    open_complaints: int
    overdue_complaints: int


class Deadline(StrEnum):
    """Where a complaint stands against its deadline."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"  # within COMPLAINT_WARNING
    ON_TIME = "on_time"
    FINISHED = "finished"  # resolved or closed


def deadline(complaint: ComplaintReportRow, now: datetime) -> Deadline:
    if complaint.status in FINISHED_STATUSES:
        return Deadline.FINISHED
    if complaint.due_at < now:
        return Deadline.OVERDUE
    if complaint.due_at <= now + COMPLAINT_WARNING:
        return Deadline.DUE_SOON
    return Deadline.ON_TIME


# Computed, never stored, so these are not in domain/labels.py with the stored values.
_DEADLINE_LABELS: Mapping[Deadline, tuple[str, str]] = MappingProxyType(
    {
        Deadline.OVERDUE: ("Overdue", "已超时"),
        Deadline.DUE_SOON: ("Due within 24 h", "24小时内到期"),
        Deadline.ON_TIME: ("On time", "未到期"),
        Deadline.FINISHED: ("Finished", "已办结"),
    }
)
_OVERDUE_LABELS = {True: ("Overdue", "已逾期"), False: ("Due", "待跟进")}


def _in(language: Language, labels: tuple[str, str]) -> str:
    english, chinese = labels
    return chinese if language is Language.CHINESE else english


def follow_up_due_columns(language: Language) -> tuple[ListColumn[FollowUpDueRow], ...]:
    column = ListColumn[FollowUpDueRow]
    return (
        column("due_on", "Due on", "到期日", CellKind.DATE, lambda r: r.due_on),
        column(
            "state",
            "State",
            "状态",
            CellKind.TEXT,
            lambda r: _in(language, _OVERDUE_LABELS[r.overdue]),
        ),
        column(
            "customer_code", "Customer code", "客户编号", CellKind.TEXT, lambda r: r.customer_code
        ),
        column("customer_name", "Customer", "客户名称", CellKind.TEXT, lambda r: r.customer_name),
        column("kind", "Type", "类型", CellKind.LABEL, lambda r: r.kind),
        column("title", "Title", "标题", CellKind.TEXT, lambda r: r.title),
        column("rep", "Rep", "负责人", CellKind.TEXT, lambda r: r.rep_name),
        column("notes", "Notes", "备注", CellKind.TEXT, lambda r: r.notes),
    )


def complaint_report_columns(
    language: Language, now: datetime
) -> tuple[ListColumn[ComplaintReportRow], ...]:
    column = ListColumn[ComplaintReportRow]
    return (
        column("number", "Number", "投诉编号", CellKind.TEXT, lambda r: r.number),
        column(
            "customer_code", "Customer code", "客户编号", CellKind.TEXT, lambda r: r.customer_code
        ),
        column("customer_name", "Customer", "客户名称", CellKind.TEXT, lambda r: r.customer_name),
        column("category", "Category", "类别", CellKind.LABEL, lambda r: r.category),
        column("severity", "Severity", "严重程度", CellKind.LABEL, lambda r: r.severity),
        column("status", "Status", "状态", CellKind.LABEL, lambda r: r.status),
        column("title", "Title", "标题", CellKind.TEXT, lambda r: r.title),
        column("owner", "Owner", "负责人", CellKind.TEXT, lambda r: r.owner_name),
        column("received_at", "Received", "受理时间", CellKind.DATETIME, lambda r: r.received_at),
        column("due_at", "Due", "处理时限", CellKind.DATETIME, lambda r: r.due_at),
        column(
            "deadline",
            "Deadline",
            "时限状态",
            CellKind.TEXT,
            lambda r: _in(language, _DEADLINE_LABELS[deadline(r, now)]),
        ),
    )


# --- the archives -------------------------------------------------------------------------------
#
# One column per import field, headed by the field's label so that importing the file
# maps every column back without help. A field may give several columns: the two phones
# are "电话" and "电话2", since the import reads a header with a trailing number as the
# same field and gives the numbers of a row, in column order, to phone and phone_alt.
# A field may give none: the order import folds a country into the order's notes, and
# the notes column carries it back.

_Values = Mapping[str, tuple[CellKind, tuple[Callable[[R], object], ...]]]


def _import_columns(
    fields: tuple[ImportField, ...], values: _Values[R]
) -> tuple[ListColumn[R], ...]:
    columns: list[ListColumn[R]] = []
    for field in fields:  # a field missing from `values` fails here, when this loads
        kind, readers = values[field.key]
        key, en, zh = field.key, field.label_en, field.label_zh
        for number, value in enumerate(readers, start=1):
            if number == 1:
                columns.append(ListColumn(key, en, zh, kind, value))
            else:
                columns.append(
                    ListColumn(f"{key}_{number}", f"{en} {number}", f"{zh}{number}", kind, value)
                )
    return tuple(columns)


_ARCHIVE_VALUES: _Values[CustomerArchiveRow] = MappingProxyType(
    {
        "code": (CellKind.TEXT, (lambda r: r.code,)),
        "name": (CellKind.TEXT, (lambda r: r.name,)),
        "kind": (CellKind.LABEL, (lambda r: r.kind,)),
        "industry": (CellKind.TEXT, (lambda r: r.industry,)),
        "source": (CellKind.LABEL, (lambda r: r.source,)),
        "level": (CellKind.LABEL, (lambda r: r.level,)),
        "lifecycle_stage": (CellKind.LABEL, (lambda r: r.lifecycle_stage,)),
        "owner": (CellKind.TEXT, (lambda r: r.owner_name,)),
        "phone": (CellKind.TEXT, (lambda r: r.phone, lambda r: r.phone_alt)),
        "email": (CellKind.TEXT, (lambda r: r.email,)),
        "wechat": (CellKind.TEXT, (lambda r: r.wechat,)),
        "province": (CellKind.TEXT, (lambda r: r.province,)),
        "city": (CellKind.TEXT, (lambda r: r.city,)),
        "district": (CellKind.TEXT, (lambda r: r.district,)),
        "address": (CellKind.TEXT, (lambda r: r.address,)),
        "birthday": (CellKind.DATE, (lambda r: r.birthday,)),
        "referred_by": (CellKind.TEXT, (lambda r: r.referred_by_code,)),
        "notes": (CellKind.TEXT, (lambda r: r.notes,)),
        "tags": (CellKind.TEXT_LIST, (lambda r: r.tag_names,)),
        "contact_name": (CellKind.TEXT, (lambda r: r.primary_contact_name,)),
    }
)

CUSTOMER_ARCHIVE_COLUMNS = _import_columns(CUSTOMER_FIELDS, _ARCHIVE_VALUES)

_ORDER_LINE_VALUES: _Values[OrderLineArchiveRow] = MappingProxyType(
    {
        "order_number": (CellKind.TEXT, (lambda r: r.order_number,)),
        "customer": (CellKind.TEXT, (lambda r: r.customer_code,)),
        "ordered_on": (CellKind.DATE, (lambda r: r.ordered_on,)),
        "product": (CellKind.TEXT, (lambda r: r.product_name,)),
        "sku": (CellKind.TEXT, (lambda r: r.product_code,)),
        "quantity": (CellKind.INTEGER, (lambda r: r.quantity,)),
        "unit_price": (CellKind.MONEY, (lambda r: r.unit_price,)),
        "line_total": (CellKind.MONEY, (lambda r: r.line_total,)),
        "status": (CellKind.LABEL, (lambda r: r.status,)),
        "payment_due_on": (CellKind.DATE, (lambda r: r.payment_due_on,)),
        "paid_on": (CellKind.DATE, (lambda r: r.paid_on,)),
        "rep": (CellKind.TEXT, (lambda r: r.rep_name,)),
        "country": (CellKind.TEXT, ()),
        "notes": (CellKind.TEXT, (lambda r: r.notes,)),
    }
)

ORDER_LINE_ARCHIVE_COLUMNS = _import_columns(ORDER_FIELDS, _ORDER_LINE_VALUES)
