"""Importing complaints (投诉): numbered from this device's series, due by their severity
under the team's SLA table, new with one opening event, refused rows returned in the
error workbook with their reasons, undo."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
from factories import START, TestClock, add_customer, add_rep
from import_workbooks import write_workbook

from crmdesk.db.engine import Database
from crmdesk.db.repositories.settings import put_value
from crmdesk.domain.complaints import ComplaintDraft, ComplaintFilter, ComplaintRecord
from crmdesk.domain.enums import ComplaintCategory, ComplaintSeverity, ComplaintStatus
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.domain.import_results import ImportOptions, RowAction
from crmdesk.io.import_source import open_source
from crmdesk.services.complaints import ComplaintService
from crmdesk.services.importing import REASON_HEADER, run_import, undo_import, write_errors_workbook

HEADER = ("客户", "投诉类别", "严重程度", "投诉主题", "投诉时间", "处理人")
COMPLAINTS = ImportOptions(ImportEntity.COMPLAINTS)


def stored(database: Database) -> list[ComplaintRecord]:
    service = ComplaintService(database, TestClock())
    return sorted(service.list(ComplaintFilter()).items, key=lambda c: c.number)


def test_complaints_get_numbers_due_times_and_an_opening_event(
    database: Database, tmp_path: Path
) -> None:
    customer = add_customer(database, "上海明达")
    rep = add_rep(database, "李四")
    with database.unit_of_work() as uow:
        put_value(uow.session, "complaint.due_hours", {"critical": 2}, START)
        uow.commit()
    file = write_workbook(
        tmp_path / "投诉.xlsx",
        HEADER,
        ("上海明达", "物流", "特急", "货物破损", "2024-03-10 10:00", "李四"),
        ("上海明达", "产品质量", None, "颜色不对", "2024-03-11", None),
        ("上海明达", None, None, "态度差", None, None),
    )

    result = run_import(
        database, open_source(file, ImportEntity.COMPLAINTS), COMPLAINTS, clock=TestClock()
    )

    assert result.counts.created == 3
    damaged, colour, rude = stored(database)  # numbered in the order of the rows
    prefix = damaged.number[:-5]
    assert re.fullmatch(r"TS-[2-9A-Z]{4}-", prefix)
    assert [c.number for c in (damaged, colour, rude)] == [
        f"{prefix}00001",
        f"{prefix}00002",
        f"{prefix}00003",
    ]
    received = datetime(2024, 3, 10, 10).astimezone(UTC)
    assert (damaged.category, damaged.severity, damaged.owner_id) == (
        ComplaintCategory.DELIVERY,
        ComplaintSeverity.CRITICAL,
        rep,
    )
    assert (damaged.received_at, damaged.due_at) == (received, received + timedelta(hours=2))
    # A day alone is 09:00 of it; a medium complaint is due three days later.
    colour_received = datetime(2024, 3, 11, 9).astimezone(UTC)
    assert (colour.severity, colour.received_at, colour.due_at) == (
        ComplaintSeverity.MEDIUM,
        colour_received,
        colour_received + timedelta(hours=72),
    )
    # Without a time of receipt the complaint came in when it was imported.
    assert (rude.category, rude.received_at) == (ComplaintCategory.OTHER, START)
    assert {c.status for c in (damaged, colour, rude)} == {ComplaintStatus.NEW}
    assert {c.customer_id for c in (damaged, colour, rude)} == {customer}
    history = ComplaintService(database).history(damaged.id)
    assert [(e.from_status, e.to_status, e.occurred_at) for e in history] == [
        (None, ComplaintStatus.NEW, received)
    ]
    # The form takes the next number of the same series afterwards.
    opened = ComplaintService(database, TestClock()).open(
        ComplaintDraft(customer, ComplaintCategory.SERVICE, ComplaintSeverity.LOW, "电话投诉")
    )
    assert opened.number == f"{prefix}00004"


def test_refused_rows_come_back_with_reasons_and_undo_removes_complaints_and_history(
    database: Database, tmp_path: Path
) -> None:
    add_customer(database, "上海明达")
    file = write_workbook(
        tmp_path / "投诉.xlsx",
        HEADER,
        ("上海明达", "服务", "严重", "没人接电话", "2024-03-14 16:00", None),
        ("上海明达", "服务", "严重", None, "2024-03-14", None),
        ("无此客户", "服务", "严重", "找不到客户", "2024-03-14", None),
        ("上海明达", "服务", "很大", "严重程度写错", "2024-03-14", None),
    )
    source = open_source(file, ImportEntity.COMPLAINTS)

    result = run_import(database, source, COMPLAINTS, clock=TestClock())

    assert [o.action for o in result.outcomes] == [RowAction.CREATE] + [RowAction.REJECT] * 3
    errors = tmp_path / "errors.xlsx"
    assert write_errors_workbook(source, result, ImportEntity.COMPLAINTS, errors) == 3
    rows = list(openpyxl.load_workbook(errors).active.iter_rows(values_only=True))
    assert rows[0] == (*HEADER, REASON_HEADER)
    assert [(row[3], row[-1]) for row in rows[1:3]] == [
        (None, "Title: This field is required."),
        ("找不到客户", "Customer: No customer has the code or name 无此客户."),
    ]
    assert str(rows[3][-1]).startswith("Severity:")
    assert [c.title for c in stored(database)] == ["没人接电话"]

    assert result.batch_id is not None
    assert undo_import(database, result.batch_id).removed == 2  # the complaint and its event
    assert stored(database) == []
