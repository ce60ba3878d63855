"""`crmdesk export …` run in-process through `main()`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from factories import add_rep
from python_calamine import CalamineWorkbook

from crmdesk.cli import main
from crmdesk.db.engine import Database
from crmdesk.domain.customers import CustomerDraft, CustomerFilter
from crmdesk.domain.enums import CustomerLevel, LifecycleStage
from crmdesk.domain.orders import OrderDraft, OrderLineDraft
from crmdesk.services.customers import CustomerService
from crmdesk.services.orders import OrderService


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def filled(database: Database, db_path: Path) -> Path:
    """Four customers of two stages, two owned by 周八; the database file's path."""
    rep_id = add_rep(database, "周八")
    service = CustomerService(database)
    for code, name, stage, owner in (
        ("KH-1", "张三", LifecycleStage.STABILITY, rep_id),
        ("KH-2", "李四", LifecycleStage.DECLINE, rep_id),
        ("KH-3", "王五", LifecycleStage.STABILITY, None),
        ("KH-4", "赵六", LifecycleStage.STABILITY, rep_id),
    ):
        service.create(
            CustomerDraft(
                name=name, code=code, lifecycle_stage=stage, owner_id=owner, level=CustomerLevel.VIP
            )
        )
    return db_path


def test_export_customers_with_filters_and_order(
    capsys: pytest.CaptureFixture[str], filled: Path, exports: Path
) -> None:
    path = exports / "客户.xlsx"

    code, out, err = run(
        capsys,
        "export", "customers", str(path), "--db", str(filled),
        "--stage", "稳定期", "--owner", "周八", "--sort", "code", "--descending",
    )  # fmt: skip

    assert (code, err) == (0, "")
    assert out.startswith("Exported 2 customers in ") and out.rstrip().endswith(str(path))
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:2] == ["编号", "客户名称"]
    assert [row[:2] for row in rows[1:]] == [["KH-4", "赵六"], ["KH-1", "张三"]]


def test_english_export(capsys: pytest.CaptureFixture[str], filled: Path, exports: Path) -> None:
    path = exports / "customers.xlsx"

    code, _out, _err = run(
        capsys,
        "--db", str(filled), "export", "customers", str(path),
        "--level", "vip", "--stage", "decline", "--language", "en",
    )  # fmt: skip

    assert code == 0
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:3] == ["Code", "Customer name", "Type"]
    assert [row[1] for row in rows[1:]] == ["李四"]


def test_all_fields_export_has_the_import_headers_and_keeps_the_filters(
    capsys: pytest.CaptureFixture[str], filled: Path, exports: Path
) -> None:
    path = exports / "archive.xlsx"

    code, out, _err = run(
        capsys,
        "export", "customers", str(path), "--db", str(filled), "--all-fields",
        "--owner", "周八", "--language", "en",
    )  # fmt: skip

    assert code == 0 and out.startswith("Exported 3 customers in ")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:9] == [
        "Code", "Name", "Type", "Industry", "Source", "Level", "Lifecycle stage", "Owner", "Phone",
    ]  # fmt: skip
    assert [(row[0], row[1], row[7]) for row in rows[1:]] == [
        ("KH-1", "张三", "周八"),
        ("KH-2", "李四", "周八"),
        ("KH-4", "赵六", "周八"),
    ]


def test_an_unknown_owner_is_a_plain_error_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], filled: Path, exports: Path
) -> None:
    code, out, err = run(
        capsys,
        "export",
        "customers",
        str(exports / "x.xlsx"),
        "--db",
        str(filled),
        "--owner",
        "无名",
    )

    assert (code, out) == (1, "")
    assert err == "crmdesk: owner: There is no sales rep called 无名.\n"
    assert list(exports.iterdir()) == []


def test_an_unknown_stage_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], filled: Path, exports: Path
) -> None:
    code, _out, err = run(
        capsys, "export", "customers", str(exports / "x.xlsx"), "--db", str(filled), "--stage", "x"
    )

    assert code == 2
    assert "'x' is none of exploration, formation" in err


def test_export_orders_writes_one_row_per_line_under_the_import_headers(
    capsys: pytest.CaptureFixture[str], database: Database, filled: Path, exports: Path
) -> None:
    with CustomerService(database).iter_rows(CustomerFilter()) as customers:
        customer_id = next(c.id for c in customers.rows if c.code == "KH-3")
    order = OrderService(database).create(
        OrderDraft(
            customer_id,
            date(2024, 5, 6),
            (
                OrderLineDraft("茶叶", 2, Decimal("50.00"), Decimal("10.00"), "T-1"),
                OrderLineDraft("茶杯", -1, Decimal("8.50")),
            ),
        )
    )
    path = exports / "orders.xlsx"

    code, out, _err = run(capsys, "export", "orders", str(path), "--db", str(filled))

    assert code == 0 and out.startswith("Exported 2 order lines in ")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:8] == ["订单号", "客户", "下单日期", "产品", "货号", "数量", "单价", "金额"]
    assert [row[:8] for row in rows[1:]] == [
        [order.number, "KH-3", date(2024, 5, 6), "茶叶", "T-1", 2, 50, 90],
        [order.number, "KH-3", date(2024, 5, 6), "茶杯", "", -1, 8.5, -8.5],
    ]


def test_export_report(capsys: pytest.CaptureFixture[str], filled: Path, exports: Path) -> None:
    path = exports / "report.xlsx"

    code, out, _err = run(capsys, "export", "report", str(path), "--db", str(filled))

    assert code == 0 and out.startswith("Exported the report (")
    assert CalamineWorkbook.from_path(str(path)).sheet_names == ["汇总", "客户", "待办回访", "投诉"]


def test_export_template(capsys: pytest.CaptureFixture[str], exports: Path) -> None:
    path = exports / "contacts.xlsx"

    code, out, _err = run(capsys, "export", "template", "contacts", str(path))

    assert code == 0 and out.startswith("Wrote the import template for contacts")
    workbook = CalamineWorkbook.from_path(str(path))
    assert workbook.sheet_names == ["联系人", "填写说明"]
    assert workbook.get_sheet_by_index(0).to_python()[0][:2] == ["客户", "姓名"]
