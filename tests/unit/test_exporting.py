"""Exports from a real database file, read back as a user's spreadsheet would show them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from factories import START, TestClock, add_rep
from python_calamine import CalamineWorkbook

from crmdesk.db.engine import Database
from crmdesk.db.models import Complaint
from crmdesk.db.repositories import customers as customer_queries
from crmdesk.domain.complaints import ComplaintDraft
from crmdesk.domain.customer_columns import CUSTOMER_COLUMNS
from crmdesk.domain.customers import CustomerDraft, CustomerFilter, CustomerSort
from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    CustomerLevel,
    FollowUpKind,
    LifecycleStage,
)
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.exports import ExportCancelledError
from crmdesk.domain.follow_ups import FollowUpDraft
from crmdesk.domain.labels import Language
from crmdesk.domain.list_columns import CellKind, ListColumn
from crmdesk.domain.paging import PageRequest
from crmdesk.services.complaints import ComplaintService
from crmdesk.services.customers import CustomerService
from crmdesk.services.exporting import export_customers, export_report, export_rows
from crmdesk.services.follow_ups import FollowUpService

STAGES = [LifecycleStage.STABILITY, LifecycleStage.DECLINE, LifecycleStage.EXPLORATION]


def sheet_values(path: Path, sheet: int = 0) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(sheet).to_python()


@pytest.fixture
def clock() -> TestClock:
    return TestClock()


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    """A folder of its own (the database file lies in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def customers(database: Database, clock: TestClock) -> CustomerService:
    """Seven customers over three stages and two levels, two with formula-like names."""
    service = CustomerService(database, clock)
    names = [
        "张三",
        "李四",
        "王五",
        '=HYPERLINK("http://evil.example","x")',
        "@SUM(1)",
        "赵六",
        "钱七",
    ]
    for number, name in enumerate(names):
        clock.advance(timedelta(hours=1))
        service.create(
            CustomerDraft(
                name=name,
                code=f"KH-{number:02d}",
                lifecycle_stage=STAGES[number % 3],
                level=CustomerLevel.VIP if number % 2 else CustomerLevel.NORMAL,
                city="杭州",
            )
        )
    return service


def test_customer_export_is_the_filtered_sorted_list_with_the_chosen_columns(
    database: Database, customers: CustomerService, clock: TestClock, tmp_path: Path
) -> None:
    criteria = CustomerFilter(lifecycle_stages=frozenset(STAGES[:2]))
    path = tmp_path / "客户.xlsx"

    summary = export_customers(
        database,
        path,
        criteria,
        sort_by=CustomerSort.CODE,
        descending=True,
        column_keys=["name", "code", "lifecycle_stage", "created"],
        clock=clock,
    )

    shown = customers.list(criteria, PageRequest(0, 100, CustomerSort.CODE, True)).items
    values = sheet_values(path)
    assert values[0] == ["客户名称", "编号", "生命周期", "创建时间"]
    assert [row[:3] for row in values[1:]] == [
        [c.name, c.code, {"stability": "稳定期", "decline": "退化期"}[c.lifecycle_stage]]
        for c in shown
    ]
    assert summary.rows == len(shown) == 5
    created = openpyxl.load_workbook(path).active["D2"]
    assert created.value == shown[0].created_at.astimezone().replace(tzinfo=None)
    assert created.number_format == "yyyy-mm-dd hh:mm"


def test_formula_like_names_come_back_as_text(
    database: Database, customers: CustomerService, tmp_path: Path
) -> None:
    path = tmp_path / "out.xlsx"
    export_customers(database, path, CustomerFilter(), column_keys=["name"])

    sheet = openpyxl.load_workbook(path).active
    cells = {cell.value: cell.data_type for (cell,) in sheet.iter_rows(min_row=2)}
    assert cells['=HYPERLINK("http://evil.example","x")'] == "s"
    assert cells["@SUM(1)"] == "s"


@pytest.mark.parametrize(
    ("sort_by", "descending"),
    [
        (CustomerSort.CODE, False),
        (CustomerSort.NAME, True),
        (CustomerSort.STAGE, False),  # read as one run per stage
        (CustomerSort.LEVEL, True),
    ],
)
def test_every_chunk_is_exported_in_the_lists_order(
    database: Database,
    customers: CustomerService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sort_by: CustomerSort,
    descending: bool,
) -> None:
    monkeypatch.setattr(customer_queries, "STREAM_CHUNK", 3)
    path = tmp_path / "out.xlsx"

    summary = export_customers(
        database, path, CustomerFilter(), sort_by=sort_by, descending=descending
    )

    shown = customers.list(CustomerFilter(), PageRequest(0, 100, sort_by, descending)).items
    assert [row[0] for row in sheet_values(path)[1:]] == [c.code for c in shown]
    assert summary.rows == 7


def test_english_headers_and_labels(
    database: Database, customers: CustomerService, tmp_path: Path
) -> None:
    path = tmp_path / "out.xlsx"
    export_customers(
        database,
        path,
        CustomerFilter(search="张三"),
        column_keys=["name", "level", "lifecycle_stage"],
        language=Language.ENGLISH,
    )

    assert CalamineWorkbook.from_path(str(path)).sheet_names == ["Customers"]
    assert sheet_values(path) == [
        ["Customer name", "Level", "Lifecycle stage"],
        ["张三", "Normal", "Stability"],
    ]


def test_unknown_columns_and_sort_keys_are_refused_before_any_file(
    database: Database, customers: CustomerService, exports: Path
) -> None:
    path = exports / "out.xlsx"
    with pytest.raises(ValidationError, match="no column salary"):
        export_customers(database, path, CustomerFilter(), column_keys=["name", "salary"])
    with pytest.raises(ValidationError, match="Cannot sort by"):
        export_customers(database, path, CustomerFilter(), sort_by="salary")
    assert list(exports.iterdir()) == []


def numbers(count: int) -> Iterator[int]:
    yield from range(count)


NUMBER_COLUMNS = (ListColumn[int]("n", "Number", "序号", CellKind.INTEGER, lambda n: n),)


def test_progress_is_reported_while_rows_stream(tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []

    export_rows(
        tmp_path / "out.xlsx",
        "序号",
        NUMBER_COLUMNS,
        numbers(1_200),
        Language.CHINESE,
        total=1_200,
        progress=lambda done, total: reports.append((done, total)),
    )

    assert reports == [(500, 1_200), (1_000, 1_200), (1_200, 1_200)]


def test_a_cancelled_export_leaves_no_file_and_no_temporary_file(tmp_path: Path) -> None:
    reports: list[int] = []

    with pytest.raises(ExportCancelledError):
        export_rows(
            tmp_path / "out.xlsx",
            "序号",
            NUMBER_COLUMNS,
            numbers(5_000),
            Language.CHINESE,
            progress=lambda done, _total: reports.append(done),
            cancelled=lambda: len(reports) >= 2,
        )

    assert reports == [500, 1_000]  # it stopped at the next check after the cancel
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_customer_export_leaves_no_file(
    database: Database, customers: CustomerService, exports: Path
) -> None:
    with pytest.raises(ExportCancelledError):
        export_customers(database, exports / "out.xlsx", CustomerFilter(), cancelled=lambda: True)
    assert list(exports.iterdir()) == []


# --- the report workbook --------------------------------------------------------------------


def add_complaint(
    database: Database,
    clock: TestClock,
    customer_id: uuid.UUID,
    title: str,
    received_at: datetime,
    severity: ComplaintSeverity,
    status: ComplaintStatus | None = None,
) -> None:
    record = ComplaintService(database, clock).open(
        ComplaintDraft(
            customer_id, ComplaintCategory.DELIVERY, severity, title, received_at=received_at
        )
    )
    if status is not None:  # straight to the status: the workflow is tested elsewhere
        with database.unit_of_work() as uow:
            complaint = uow.session.get(Complaint, record.id)
            assert complaint is not None
            complaint.status = status
            uow.commit()


def test_report_workbook(database: Database, clock: TestClock, tmp_path: Path) -> None:
    service = CustomerService(database, clock)
    rep_id = add_rep(database, "周八")
    stable = service.create(
        CustomerDraft(name="稳定客户", lifecycle_stage=LifecycleStage.STABILITY, owner_id=rep_id)
    )
    new = service.create(CustomerDraft(name="新客户", level=CustomerLevel.VIP))
    today = START.astimezone().date()
    follow_ups = FollowUpService(database, clock)
    for title, due_on in (
        ("逾期回访", today - timedelta(days=2)),
        ("三天后回访", today + timedelta(days=3)),
        ("十天后回访", today + timedelta(days=10)),
    ):
        follow_ups.create(
            FollowUpDraft(stable.id, FollowUpKind.CALLBACK, title, due_on, rep_id=rep_id)
        )
    now = START
    add_complaint(
        database, clock, new.id, "已超时", now - timedelta(days=3), ComplaintSeverity.HIGH
    )
    add_complaint(
        database, clock, new.id, "快到期", now - timedelta(hours=2), ComplaintSeverity.CRITICAL
    )
    add_complaint(database, clock, new.id, "未到期", now, ComplaintSeverity.LOW)
    add_complaint(
        database,
        clock,
        new.id,
        "已办结",
        now - timedelta(days=30),
        ComplaintSeverity.LOW,
        ComplaintStatus.CLOSED,
    )
    path = tmp_path / "报表.xlsx"

    summary = export_report(database, path, Language.CHINESE, clock=clock)

    workbook = CalamineWorkbook.from_path(str(path))
    assert workbook.sheet_names == ["汇总", "客户", "待办回访", "投诉"]
    counts = dict(map(tuple, workbook.get_sheet_by_name("汇总").to_python()[1:]))  # type: ignore[arg-type]
    assert counts["报表日期"] == today
    assert counts["客户总数"] == 2
    assert counts["生命周期：稳定期"] == 1 and counts["生命周期：考察期"] == 1
    assert counts["生命周期：流失"] == 0
    assert counts["等级：VIP客户"] == 1
    assert (counts["待跟进回访"], counts["逾期回访"]) == (3, 1)
    assert (counts["未办结投诉"], counts["超时投诉"]) == (3, 1)

    customers = workbook.get_sheet_by_name("客户").to_python()
    assert customers[0] == [column.header_zh for column in CUSTOMER_COLUMNS]
    assert sorted(row[1] for row in customers[1:]) == sorted(["稳定客户", "新客户"])

    due = workbook.get_sheet_by_name("待办回访").to_python()
    assert [(row[0], row[1], row[3], row[5], row[6]) for row in due[1:]] == [
        (today - timedelta(days=2), "已逾期", "稳定客户", "逾期回访", "周八"),
        (today + timedelta(days=3), "待跟进", "稳定客户", "三天后回访", "周八"),
    ]

    complaints = workbook.get_sheet_by_name("投诉").to_python()
    assert complaints[0][-1] == "时限状态"
    assert {row[6]: row[-1] for row in complaints[1:]} == {
        "已超时": "已超时",
        "快到期": "24小时内到期",
        "未到期": "未到期",
        "已办结": "已办结",
    }
    # date, total, 5 stages, 4 levels, 4 follow-up and complaint counts; then the lists
    assert summary.rows == 15 + 2 + 2 + 4
    due_cell = openpyxl.load_workbook(path)["待办回访"]["A2"]
    assert due_cell.number_format == "yyyy-mm-dd"
    assert due_cell.value == datetime.combine(today - timedelta(days=2), datetime.min.time())


def test_rows_stream_from_one_snapshot(
    database: Database, customers: CustomerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(customer_queries, "STREAM_CHUNK", 2)

    with customers.iter_rows(CustomerFilter(), CustomerSort.CODE) as stream:
        first = next(stream.rows)
        # Another program saves a customer and deletes one while the export runs.
        added = customers.create(CustomerDraft(name="孙九", code="KH-99"))
        customers.delete(customers.list(CustomerFilter(search="钱七")).items[0].id)
        rest = list(stream.rows)

    assert stream.total == 7
    assert [first.code, *(row.code for row in rest)] == [f"KH-{n:02d}" for n in range(7)]
    assert added.code not in {row.code for row in rest}


@pytest.mark.parametrize("language", list(Language))
def test_a_columns_reader_shows_what_the_list_shows(language: Language) -> None:
    """The export reads cells through `reader`, the window through `shown`: the same text."""
    rows = [
        (CustomerLevel.VIP, ("VIP", "老客户"), 3),
        (None, (), 0),
        (CustomerLevel.NORMAL, ("批发",), None),
        (CustomerLevel.VIP, ("VIP",), -1),
    ]
    columns = [
        ListColumn[tuple[object, ...]]("level", "Level", "等级", CellKind.LABEL, lambda r: r[0]),
        ListColumn[tuple[object, ...]]("tags", "Tags", "标签", CellKind.TEXT_LIST, lambda r: r[1]),
        ListColumn[tuple[object, ...]]("n", "N", "数", CellKind.INTEGER, lambda r: r[2]),
    ]

    for column in columns:
        read = column.reader(language)
        assert [read(row) for row in rows] == [column.shown(row, language) for row in rows]
    chinese = language is Language.CHINESE
    assert columns[0].reader(language)(rows[0]) == ("VIP客户" if chinese else "VIP")
    assert columns[1].reader(language)(rows[0]) == ("VIP、老客户" if chinese else "VIP, 老客户")
