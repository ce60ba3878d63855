"""The .xlsx package around the cells: every part is well-formed XML where Excel looks
for it, in the order the schema asks, so that spreadsheet programs open the file
without offering to repair it."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from crmdesk.domain.list_columns import CellKind
from crmdesk.io.xlsx_package import Style, column_letter, escape_attribute, escape_text
from crmdesk.io.xlsx_writer import ColumnFormat, XlsxWriter

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
COLUMNS = (ColumnFormat("名称"), ColumnFormat("金额", CellKind.MONEY))


@pytest.fixture
def package(tmp_path: Path) -> Iterator[zipfile.ZipFile]:
    path = tmp_path / "report.xlsx"
    with XlsxWriter(path) as writer:
        customers = writer.add_sheet("客户", COLUMNS)
        writer.add_sheet("Tom's & Jerry's", COLUMNS)
        for n in range(3):
            customers.append((f"客户{n}", n))
    archive = zipfile.ZipFile(path)
    yield archive
    archive.close()


def xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    return ElementTree.fromstring(archive.read(name))


def test_every_part_is_well_formed_and_declared(package: zipfile.ZipFile) -> None:
    names = package.namelist()
    assert names[0] == "[Content_Types].xml"
    for name in names:
        xml(package, name)  # raises on malformed XML
    declared = {
        entry.get("PartName")
        for entry in xml(package, "[Content_Types].xml").iter(f"{CONTENT_TYPES}Override")
    }
    parts = {f"/{name}" for name in names if not name.endswith(".rels")} - {"/[Content_Types].xml"}
    assert declared == parts


def test_relationships_point_at_parts_that_exist(package: zipfile.ZipFile) -> None:
    names = set(package.namelist())
    package_targets = {
        entry.get("Target")
        for entry in xml(package, "_rels/.rels").iter(f"{RELATIONSHIPS}Relationship")
    }
    assert package_targets == {"xl/workbook.xml", "docProps/core.xml", "docProps/app.xml"}
    targets = {
        entry.get("Id"): f"xl/{entry.get('Target')}"
        for entry in xml(package, "xl/_rels/workbook.xml.rels").iter(f"{RELATIONSHIPS}Relationship")
    }
    assert set(targets.values()) <= names and "xl/styles.xml" in targets.values()
    sheets = xml(package, "xl/workbook.xml").iter(f"{MAIN}sheet")
    assert [targets[sheet.get(REL_ID)] for sheet in sheets] == [
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
    ]


def test_each_autofilter_has_the_hidden_name_excel_expects(package: zipfile.ZipFile) -> None:
    names = [
        (name.get("name"), name.get("localSheetId"), name.get("hidden"), name.text)
        for name in xml(package, "xl/workbook.xml").iter(f"{MAIN}definedName")
    ]

    assert names == [
        ("_xlnm._FilterDatabase", "0", "1", "'客户'!$A$1:$B$4"),
        ("_xlnm._FilterDatabase", "1", "1", "'Tom''s & Jerry''s'!$A$1:$B$1"),
    ]


def test_a_sheets_elements_come_in_the_schemas_order(package: zipfile.ZipFile) -> None:
    sheet = xml(package, "xl/worksheets/sheet1.xml")

    assert [child.tag.removeprefix(MAIN) for child in sheet] == [
        "dimension",
        "sheetViews",
        "sheetFormatPr",
        "cols",
        "sheetData",
        "autoFilter",
        "pageMargins",
    ]
    pane = sheet.find(f"{MAIN}sheetViews/{MAIN}sheetView/{MAIN}pane")
    assert pane is not None and pane.attrib == {
        "ySplit": "1",
        "topLeftCell": "A2",
        "activePane": "bottomLeft",
        "state": "frozen",
    }


def test_styles_have_the_mandatory_fills_and_one_cell_format_per_style(
    package: zipfile.ZipFile,
) -> None:
    styles = xml(package, "xl/styles.xml")

    patterns = [fill.get("patternType") for fill in styles.iter(f"{MAIN}patternFill")]
    assert patterns[:2] == ["none", "gray125"]
    assert all(int(f.get("numFmtId", "0")) >= 164 for f in styles.iter(f"{MAIN}numFmt"))
    cell_formats = styles.find(f"{MAIN}cellXfs")
    assert cell_formats is not None and len(cell_formats) == len(Style)
    assert cell_formats.get("count") == str(len(Style))
    assert [style.get("name") for style in styles.iter(f"{MAIN}cellStyle")] == ["Normal"]
    assert cell_formats[Style.QUOTED].get("quotePrefix") == "1"


def test_number_formats_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    columns = [ColumnFormat(kind.value, kind) for kind in CellKind]
    with XlsxWriter(path) as writer:
        writer.add_sheet("s", columns).append([1] * len(columns))

    sheet = openpyxl.load_workbook(path).active
    formats = {cell.column_letter: cell.number_format for cell in sheet[2]}
    by_kind = dict(zip(CellKind, formats.values(), strict=True))
    assert by_kind[CellKind.MONEY] == "#,##0.00" and by_kind[CellKind.INTEGER] == "0"
    assert by_kind[CellKind.TEXT] == "General"
    # A number in a date column is no date: it is written as the number it is.
    assert by_kind[CellKind.DATE] == "General"


@pytest.mark.parametrize(
    ("number", "letters"), [(1, "A"), (26, "Z"), (27, "AA"), (702, "ZZ"), (703, "AAA")]
)
def test_column_letters(number: int, letters: str) -> None:
    assert column_letter(number) == letters


def test_escaping() -> None:
    assert escape_text('<a & "b">') == '&lt;a &amp; "b"&gt;'
    assert escape_attribute('<a & "b">') == "&lt;a &amp; &quot;b&quot;&gt;"
