"""Reading a user's file for an import: the right sheet, the header row under title rows,
cleaned rows numbered as Excel shows them, and a clear refusal of files that can't be read."""

from __future__ import annotations

import codecs
import re
import shutil
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from crmdesk.domain.enums import CustomerKind, CustomerLevel
from crmdesk.domain.import_errors import (
    EmptySpreadsheetError,
    InvalidMappingError,
    NotASpreadsheetError,
    PasswordProtectedError,
    SheetNotFoundError,
    SpreadsheetTooLargeError,
)
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.io import free_memory
from crmdesk.io.column_mapping import ColumnMapping
from crmdesk.io.import_source import ImportSource, open_source

DATA = Path(__file__).parent.parent / "data"
CUSTOMERS = ImportEntity.CUSTOMERS


def workbook(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def problems_of(source: ImportSource) -> dict[int, dict[str, str]]:
    return {
        row.number: {key: problem.message for key, problem in row.problems.items()}
        for row in source.rows()
        if row.problems
    }


def test_the_header_is_found_below_a_merged_title_and_rows_keep_their_numbers(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet["B1"] = "2024年重点客户名单"
    sheet.merge_cells("B1:F2")
    sheet["B3"] = "导出日期：2024-03-01"
    for column, header in zip(
        "BCDEF", ["客户名称", "手机", "客户类型", "负责人", "生日"], strict=True
    ):
        sheet[f"{column}5"] = header
    sheet.append([None, "上海某某贸易有限公司", 13812345678, "企业", "张三", date(1980, 5, 17)])
    sheet.append([])
    sheet.append([None, "李四", "1.3987654321E+10", "个人", "王五", "1975/3/8"])
    path = tmp_path / "客户名单.xlsx"
    book.save(path)

    source = open_source(path, CUSTOMERS)

    assert (source.sheet, source.header_row) == ("客户", 5)
    assert source.headers == ("客户名称", "手机", "客户类型", "负责人", "生日")
    assert dict(source.mapping.columns) == {
        0: "name", 1: "phone", 2: "kind", 3: "owner", 4: "birthday",
    }  # fmt: skip
    assert source.row_count == 2
    rows = list(source.rows())
    assert [row.number for row in rows] == [6, 8]
    assert rows[0].values == {
        "name": "上海某某贸易有限公司",
        "phone": ["13812345678"],
        "kind": CustomerKind.COMPANY,
        "owner": "张三",
        "birthday": date(1980, 5, 17),
    }
    assert rows[1].values["phone"] == ["13987654321"]
    assert rows[1].values["birthday"] == date(1975, 3, 8)
    assert rows[0].raw == ("上海某某贸易有限公司", 13812345678.0, "企业", "张三", date(1980, 5, 17))
    # The rows can be read again, for the preview and then for the import.
    assert [row.values for row in source.rows()] == [row.values for row in rows]


def test_a_two_line_header_with_merged_cells_takes_the_names_of_its_columns(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客户名称", "城市", "联系方式", None, "备注"])
    sheet.append([None, None, "手机", "座机", None])
    for cells in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
        sheet.merge_cells(cells)
    sheet.append(["某某公司", "杭州", 13812345678, "0571-12345678", "老客户"])
    path = workbook_path = tmp_path / "two_line_header.xlsx"
    book.save(workbook_path)

    source = open_source(path, CUSTOMERS)

    assert source.header_row == 2
    assert source.headers == ("客户名称", "城市", "手机", "座机", "备注")
    (row,) = source.rows()
    assert row.values["phone"] == ["13812345678", "0571-12345678"]
    assert row.values["city"] == "杭州"


def test_numbers_stored_as_text_and_text_stored_as_numbers(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "mixed.xlsx",
        {
            "Sheet": [
                ["客户编号", "客户名称", "电话", "座机", "客户等级", "邮箱"],
                [1001, "甲公司", 13812345678.0, "02112345678", "VIP客户", "A@Example.com"],
                ["1002", 12345, "13987654321", 2112345678, "普通", "—"],
                ["1003", "丙公司", "138-1234", None, "金牌", "not an address"],
            ]
        },
    )

    source = open_source(path, CUSTOMERS)
    rows = list(source.rows())

    assert [row.values["code"] for row in rows] == ["1001", "1002", "1003"]
    assert rows[1].values["name"] == "12345"
    assert rows[0].values["phone"] == ["13812345678", "021-12345678"]
    assert rows[1].values["phone"] == ["13987654321", "021-12345678"]
    assert [row.values["level"] for row in rows[:2]] == [CustomerLevel.VIP, CustomerLevel.NORMAL]
    assert rows[0].values["email"] == "a@example.com"
    assert rows[1].values["email"] is None
    assert problems_of(source) == {
        4: {
            "phone": "'138-1234' is not a phone number.",
            "level": "'金牌' is not one of: VIP/VIP客户, Key/重点客户, Normal/普通客户, "
            "Potential/潜在客户.",
            "email": "'not an address' is not an e-mail address.",
        }
    }
    assert rows[2].values["phone"] is None  # a problem leaves the value empty


def test_a_missing_required_value_is_a_problem_of_its_row(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "no_name.xlsx",
        {"Sheet": [["客户名称", "电话"], ["甲公司", "13812345678"], ["N/A", "13987654321"]]},
    )

    assert problems_of(open_source(path, CUSTOMERS)) == {3: {"name": "This field is required."}}


def set_cached_values(path: Path, cached: dict[str, str]) -> None:
    """Give formula cells the cached results that Excel would have saved with them
    (openpyxl writes formulas without results)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_part = "xl/worksheets/sheet1.xml"
    xml = parts[sheet_part].decode()
    for cell, value in cached.items():
        xml = re.sub(
            rf'<c r="{cell}"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?',
            rf'<c r="{cell}"\1><f>\2</f><v>{value}</v>',
            xml,
        )
    parts[sheet_part] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)


def test_formulas_read_as_the_results_excel_saved(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "formulas.xlsx",
        {
            "Sheet": [
                ["订单号", "下单日期", "产品", "数量", "单价", "金额"],
                ["A1", date(2024, 1, 5), "茶叶", 2, 10.5, "=D2*E2"],
                ["A2", date(2024, 1, 6), "茶具", 1, 99, "=D3*E3"],
            ]
        },
    )
    set_cached_values(path, {"F2": "21"})

    rows = list(open_source(path, ImportEntity.ORDERS).rows())

    assert rows[0].values["line_total"] == Decimal(21)
    # A formula saved without its result (as openpyxl writes them) reads as empty, as
    # python-calamine gives it: the line total is then left to be computed.
    assert rows[1].values["line_total"] is None


def test_the_sheet_holding_the_data_is_chosen_and_others_can_be_asked_for(
    tmp_path: Path,
) -> None:
    path = workbook(
        tmp_path / "several.xlsx",
        {
            "说明": [["请在“客户”表中填写客户信息"], ["手机号请填写11位"]],
            "客户": [["客户名称", "手机", "城市"], ["甲公司", 13812345678, "上海"]],
            "订单": [
                ["订单号", "客户", "下单日期", "产品", "数量"],
                ["A1", "甲公司", "2024-01-05", "茶", 1],
            ],
        },
    )
    book = openpyxl.load_workbook(path)
    book.create_sheet("隐藏").sheet_state = "hidden"
    book.save(path)

    customers = open_source(path, CUSTOMERS)
    assert customers.sheets == ("说明", "客户", "订单")
    assert customers.sheet == "客户"
    assert open_source(path, ImportEntity.ORDERS).sheet == "订单"
    assert open_source(path, CUSTOMERS, sheet="订单").mapping.columns_of("name") == [1]
    with pytest.raises(SheetNotFoundError) as raised:
        open_source(path, CUSTOMERS, sheet="Sheet1")
    assert str(raised.value) == (
        "several.xlsx has no sheet named 'Sheet1'. Its sheets are: '说明', '客户', '订单'."
    )


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("gb18030", ","), ("gbk", "\t"), ("utf-8-sig", ","), ("utf-8", ";"), ("utf-16", "\t")],
)
def test_csv_files_in_the_encodings_excel_writes(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    lines = [
        ["客户名称", "电话", "地址", "金额"],
        ["深圳某某科技有限公司", "13812345678", "深圳市南山区科技园1号, 3楼", "￥1,234.50"],
        ["", "", "", ""],
        ["张三", "02112345678", "上海市", "-12"],
    ]
    text = "\r\n".join(
        delimiter.join(f'"{cell}"' if delimiter in cell else cell for cell in line)
        for line in lines
    )
    path = tmp_path / "客户.csv"
    path.write_bytes(text.encode(encoding))

    source = open_source(path, CUSTOMERS)

    assert source.sheet == "客户"
    assert source.headers == ("客户名称", "电话", "地址", "金额")
    rows = list(source.rows())
    assert [row.number for row in rows] == [2, 4]
    assert rows[0].values["address"] == "深圳市南山区科技园1号, 3楼"
    assert rows[0].raw[3] == "￥1,234.50"
    assert [row.values["phone"] for row in rows] == [["13812345678"], ["021-12345678"]]


def test_a_gb18030_csv_whose_chinese_comes_late_is_not_mistaken_for_utf8(tmp_path: Path) -> None:
    lines = ["Name,Phone"] + [f"Customer {i},1381234{i:04d}" for i in range(5000)]
    lines.append("广州某某公司,13912345678")
    path = tmp_path / "export.csv"
    path.write_bytes("\n".join(lines).encode("gb18030"))

    rows = list(open_source(path, CUSTOMERS).rows())

    assert rows[-1].values["name"] == "广州某某公司"


def test_an_old_excel_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.xls"
    shutil.copy(DATA / "legacy_customers.xls", path)

    source = open_source(path, CUSTOMERS)
    assert source.sheets == ("客户", "说明")

    assert (source.sheet, source.header_row) == ("客户", 3)
    rows = list(source.rows())
    assert [row.values["name"] for row in rows] == ["上海某某贸易有限公司", "张三"]
    assert rows[0].values["phone"] == ["13812345678", "021-12345678"]
    assert rows[1].values["phone"] == ["13987654321"]
    assert [row.values["birthday"] for row in rows] == [date(1980, 5, 17), date(1975, 3, 8)]
    assert rows[0].values["level"] is CustomerLevel.VIP
    assert not problems_of(source)


def test_a_workbook_with_a_misleading_name_is_read_by_its_content(tmp_path: Path) -> None:
    path = workbook(tmp_path / "real.xlsx", {"Sheet": [["客户名称"], ["甲公司"]]})
    disguised = path.rename(tmp_path / "export.xls")

    assert [row.values for row in open_source(disguised, CUSTOMERS).rows()] == [{"name": "甲公司"}]


def test_the_chinese_lead_template(tmp_path: Path) -> None:
    source = open_source(DATA / "cn_leads_template.xlsx", CUSTOMERS)

    assert dict(source.mapping.columns) == {
        0: "name", 1: "contact_name", 2: "phone", 3: "email", 4: "wechat", 5: "address",
        6: "kind", 7: "city", 8: "notes", 9: "notes",
    }  # fmt: skip
    rows = list(source.rows())
    assert [row.values["name"] for row in rows] == ["XX小区物业管理处", "YY建材市场", "ZZ工厂"]
    assert rows[1].values["notes"] == "市场门口需要安装大型遮阳棚\n预算10万左右"
    assert rows[1].values["wechat"] == "li_wechat"
    # 类型 there means a line of business (物业, 商业, 工厂), not company or person: the
    # preview shows why, and the user maps the column to Industry instead.
    assert rows[0].problems["kind"].message == "'物业' is not one of: Company/企业, Person/个人."
    remapped = source.with_mapping(source.mapping.with_column(6, "industry"))
    assert [row.values["industry"] for row in remapped.rows()] == ["物业", "商业", "工厂"]
    assert not problems_of(remapped)


def test_the_online_retail_invoice_lines() -> None:
    source = open_source(DATA / "online_retail_slice.xlsx", ImportEntity.ORDERS)

    assert dict(source.mapping.columns) == {
        0: "order_number", 1: "sku", 2: "product", 3: "quantity", 4: "ordered_on",
        5: "unit_price", 6: "customer", 7: "country",
    }  # fmt: skip
    assert source.row_count == 500
    rows = list(source.rows())
    # Two stock adjustments in the shop's data have no description and no price.
    assert problems_of(source) == {
        65: {"product": "This field is required."},
        394: {"product": "This field is required."},
    }
    cancelled = [row for row in rows if str(row.values["order_number"]).startswith("C")]
    assert len(cancelled) >= 40
    assert all(isinstance(row.values["quantity"], Decimal) for row in rows)
    assert all(row.values["quantity"] < 0 for row in cancelled)
    assert sum(row.values["customer"] is None for row in rows) >= 40
    first = rows[0].values
    assert first["order_number"] == "C567940"
    assert first["sku"] == "22423"  # a stock code stored as a number, without ".0"
    assert first["customer"] == "16984"
    assert first["unit_price"] == Decimal("12.75")
    assert first["ordered_on"] == date(2011, 9, 22)


def test_a_saved_mapping_is_used_instead_of_the_guess(tmp_path: Path) -> None:
    path = workbook(tmp_path / "m.xlsx", {"Sheet": [["公司", "说明"], ["甲公司", "制造业"]]})
    mapping = ColumnMapping({0: "name", 1: "industry"})

    (row,) = open_source(path, CUSTOMERS, mapping=mapping).rows()

    assert row.values == {"name": "甲公司", "industry": "制造业"}
    with pytest.raises(InvalidMappingError):
        open_source(path, CUSTOMERS, mapping=ColumnMapping({0: "order_number"}))
    with pytest.raises(InvalidMappingError):
        open_source(path, CUSTOMERS, mapping=ColumnMapping({5: "name"}))


# --- files that cannot be imported -----------------------------------------------------


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.touch()
    with pytest.raises(EmptySpreadsheetError, match=r"^empty\.xlsx holds no data to import\.$"):
        open_source(path, CUSTOMERS)


def test_a_workbook_with_headers_only_or_blank_sheets(tmp_path: Path) -> None:
    headers_only = workbook(tmp_path / "headers.xlsx", {"客户": [["客户名称", "电话"], []]})
    with pytest.raises(EmptySpreadsheetError, match=r"Sheet '客户' of headers\.xlsx holds no data"):
        open_source(headers_only, CUSTOMERS)
    blank = workbook(tmp_path / "blank.xlsx", {"Sheet1": [], "Sheet2": []})
    with pytest.raises(EmptySpreadsheetError):
        open_source(blank, CUSTOMERS)


@pytest.mark.parametrize(
    ("name", "content", "detail"),
    [
        ("notes.xlsx", b"just some words, not a workbook\x00\x01\x02", "neither a workbook"),
        ("broken.xlsx", b"PK\x03\x04 this zip was cut short", "damaged"),
        ("page.xls", "<html><body><table><tr><td>客户</td></tr></table>".encode(), "web page"),
        ("photo.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "neither a workbook"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet(
    tmp_path: Path, name: str, content: bytes, detail: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(NotASpreadsheetError) as raised:
        open_source(path, CUSTOMERS)
    assert str(raised.value).startswith(f"{name} is not a spreadsheet that can be imported")
    assert detail in str(raised.value)


def test_a_zip_archive_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(NotASpreadsheetError, match="zip archive without a workbook"):
        open_source(path, CUSTOMERS)


def test_a_password_protected_workbook(tmp_path: Path) -> None:
    with pytest.raises(PasswordProtectedError) as raised:
        open_source(DATA / "password_protected.xlsx", CUSTOMERS)
    assert str(raised.value).startswith("password_protected.xlsx is protected by a password.")
    renamed = tmp_path / "客户.xls"
    shutil.copy(DATA / "password_protected.xlsx", renamed)
    with pytest.raises(PasswordProtectedError):
        open_source(renamed, CUSTOMERS)


def test_an_ole_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    # The signature of an OLE compound file (like an old Word document) and nothing else.
    path = tmp_path / "letter.xls"
    path.write_bytes(codecs.decode("d0cf11e0a1b11ae1", "hex") + bytes(1024))
    with pytest.raises(NotASpreadsheetError, match=r"^letter\.xls is not a spreadsheet"):
        open_source(path, CUSTOMERS)


def test_a_file_too_large_for_the_free_memory_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [["客户名称", "地址"]] + [[f"客户{i}", "某某市某某路" * 10] for i in range(2000)]
    path = workbook(tmp_path / "big.xlsx", {"Sheet": rows})
    monkeypatch.setattr(free_memory, "available_memory", lambda: 100_000)

    with pytest.raises(SpreadsheetTooLargeError) as raised:
        open_source(path, CUSTOMERS)

    assert raised.value.available_bytes == 100_000
    assert raised.value.needed_bytes > 1_000_000
    assert str(raised.value).startswith("big.xlsx is too large to read on this computer")


def test_free_memory_is_known_on_this_system() -> None:
    available = free_memory.available_memory()
    assert available is not None and available > 10_000_000


def test_datetimes_of_an_interaction_sheet(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "calls.xlsx",
        {
            "Sheet": [
                ["客户", "沟通方式", "沟通时间", "主题"],
                ["甲公司", "电话", datetime(2024, 3, 1, 9, 30), "询价"],
                ["乙公司", "上门", "2024年3月2日 14:00", "拜访"],
            ]
        },
    )
    rows = list(open_source(path, ImportEntity.INTERACTIONS).rows())
    assert [row.values["occurred_at"] for row in rows] == [
        datetime(2024, 3, 1, 9, 30),
        datetime(2024, 3, 2, 14, 0),
    ]
    assert [str(row.values["kind"]) for row in rows] == ["call", "visit"]
