"""The parts of an .xlsx package around its cells: styles, the workbook and its sheet
list, relationships, content types, document properties, each sheet's frame (frozen
header, column widths, autofilter), and the zip that holds them.

Everything is written by hand with the standard library: the minimal SpreadsheetML that
Excel, LibreOffice, openpyxl and python-calamine open without complaint.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from typing import IO

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MONEY_FORMAT = "#,##0.00"
INTEGER_FORMAT = "0"
# For dates and times found in columns that are not typed (the raw cells of an import's
# error workbook): the formats openpyxl gives such values, seconds included.
TIMESTAMP_FORMAT = "yyyy-mm-dd h:mm:ss"
TIME_FORMAT = "h:mm:ss"
DURATION_FORMAT = "[hh]:mm:ss"

HEADER_FILL_RGB = "FFDDEBF7"
HEADER_BORDER_RGB = "FF8EA9C1"

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class Style(IntEnum):
    """Cell styles (indexes into cellXfs) that the writer's cells refer to."""

    DEFAULT = 0
    HEADER = 1
    QUOTED = 2  # text that stays text when edited, whatever it starts with
    DATE = 3
    DATETIME = 4
    MONEY = 5
    INTEGER = 6
    TIMESTAMP = 7
    TIME = 8
    DURATION = 9


# Excel's built-in number formats need no numFmt element; the others get ids from 164 on.
_BUILT_IN_FORMATS = {"0": 1, "#,##0.00": 4, "h:mm:ss": 21}
_STYLE_FORMATS = {
    Style.DATE: DATE_FORMAT,
    Style.DATETIME: DATETIME_FORMAT,
    Style.MONEY: MONEY_FORMAT,
    Style.INTEGER: INTEGER_FORMAT,
    Style.TIMESTAMP: TIMESTAMP_FORMAT,
    Style.TIME: TIME_FORMAT,
    Style.DURATION: DURATION_FORMAT,
}


def escape_text(text: str) -> str:
    """`text` fit for XML character data."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(text: str) -> str:
    """`text` fit for an XML attribute in double quotes."""
    return escape_text(text).replace('"', "&quot;")


def column_letter(number: int) -> str:
    """The letters of the 1-based column `number`: 1 → A, 27 → AA."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass(frozen=True)
class SheetPart:
    """One worksheet of the package: its frame and its `<row>` elements, UTF-8 encoded,
    in `rows_xml` (read from its start)."""

    title: str
    widths: Sequence[float]
    last_row: int  # the header included; 0 for a sheet with nothing at all
    rows_xml: IO[bytes]

    @property
    def filter_ref(self) -> str | None:
        """The autofilter's range: the header and the data; None without columns."""
        if not self.widths:
            return None
        return f"A1:{column_letter(len(self.widths))}{max(self.last_row, 1)}"


def write_package(path: Path, sheets: Sequence[SheetPart]) -> None:
    """Write a complete .xlsx of `sheets` (at least one) at `path`."""
    now = datetime.now(UTC)
    parts = {
        "[Content_Types].xml": _content_types(len(sheets)),
        "_rels/.rels": _package_relationships(),
        "docProps/app.xml": _app_properties(),
        "docProps/core.xml": _core_properties(now),
        "xl/workbook.xml": _workbook(sheets),
        "xl/_rels/workbook.xml.rels": _workbook_relationships(len(sheets)),
        "xl/styles.xml": _styles(),
    }
    stamp = (now.year, now.month, now.day, now.hour, now.minute, now.second)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(_entry(name, stamp), xml)
        for number, sheet in enumerate(sheets, start=1):
            head = _sheet_head(sheet, selected=number == 1).encode()
            tail = _sheet_tail(sheet).encode()
            body_size = sheet.rows_xml.seek(0, 2)
            sheet.rows_xml.seek(0)
            entry = _entry(f"xl/worksheets/sheet{number}.xml", stamp)
            entry.file_size = len(head) + body_size + len(tail)  # lets zipfile pick zip64
            with archive.open(entry, "w") as member:
                member.write(head)
                shutil.copyfileobj(sheet.rows_xml, member, 1 << 20)
                member.write(tail)


def _entry(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


# --- worksheets -----------------------------------------------------------------------------


def _sheet_head(sheet: SheetPart, *, selected: bool) -> str:
    """Everything before the rows, in the schema's order: dimension, sheetViews (the
    header frozen), sheetFormatPr, cols, and the opening of sheetData."""
    dimension = sheet.filter_ref or "A1"
    tab = ' tabSelected="1"' if selected else ""
    columns = "".join(
        f'<col min="{n}" max="{n}" width="{width:g}" customWidth="1"/>'
        for n, width in enumerate(sheet.widths, start=1)
    )
    return (
        f'{_XML_DECLARATION}<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
        f'<dimension ref="{dimension}"/>'
        f'<sheetViews><sheetView{tab} workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"{f'<cols>{columns}</cols>' if columns else ''}"
        "<sheetData>"
    )


def _sheet_tail(sheet: SheetPart) -> str:
    ref = sheet.filter_ref
    autofilter = f'<autoFilter ref="{ref}"/>' if ref else ""
    return (
        f"</sheetData>{autofilter}"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )


# --- the workbook ---------------------------------------------------------------------------


def _workbook(sheets: Sequence[SheetPart]) -> str:
    entries = "".join(
        f'<sheet name="{escape_attribute(sheet.title)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, sheet in enumerate(sheets, start=1)
    )
    # Excel names each sheet's autofilter range this way, and expects to find it.
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
        f"{escape_text(_absolute_range(sheet.title, ref))}</definedName>"
        for n, sheet in enumerate(sheets)
        if (ref := sheet.filter_ref) is not None
    )
    names = f"<definedNames>{filters}</definedNames>" if filters else ""
    return (
        f'{_XML_DECLARATION}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
        '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>'
        f"<sheets>{entries}</sheets>{names}</workbook>"
    )


def _absolute_range(title: str, ref: str) -> str:
    """'Sheet title'!$A$1:$E$9 for `ref` A1:E9."""
    corners = []
    for corner in ref.split(":"):
        letters = corner.rstrip("0123456789")
        corners.append(f"${letters}${corner[len(letters) :]}")
    quoted = title.replace("'", "''")
    return f"'{quoted}'!{':'.join(corners)}"


def _styles() -> str:
    custom: dict[str, int] = {}
    for code in _STYLE_FORMATS.values():
        if code not in _BUILT_IN_FORMATS and code not in custom:
            custom[code] = 164 + len(custom)
    formats = "".join(
        f'<numFmt numFmtId="{number}" formatCode="{escape_attribute(code)}"/>'
        for code, number in custom.items()
    )
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    cell_formats = [
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1"'
        ' applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>',
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>',
    ]
    for style in Style:
        if style in _STYLE_FORMATS:
            code = _STYLE_FORMATS[style]
            number = _BUILT_IN_FORMATS.get(code) or custom[code]
            cell_formats.append(
                f'<xf numFmtId="{number}" fontId="0" fillId="0" borderId="0" xfId="0"'
                ' applyNumberFormat="1"/>'
            )
    assert len(cell_formats) == len(Style), "one cellXfs entry per Style, in order"
    return (
        f'{_XML_DECLARATION}<styleSheet xmlns="{_MAIN_NS}">'
        f'<numFmts count="{len(custom)}">{formats}</numFmts>'
        f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
        '<fills count="3">'
        '<fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill>'
        f'<fill><patternFill patternType="solid"><fgColor rgb="{HEADER_FILL_RGB}"/>'
        f'<bgColor rgb="{HEADER_FILL_RGB}"/></patternFill></fill>'
        "</fills>"
        '<borders count="2">'
        "<border><left/><right/><top/><bottom/><diagonal/></border>"
        f'<border><left/><right/><top/><bottom style="thin"><color rgb="{HEADER_BORDER_RGB}"/>'
        "</bottom><diagonal/></border>"
        "</borders>"
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        f'<cellXfs count="{len(cell_formats)}">{"".join(cell_formats)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


# --- package plumbing -----------------------------------------------------------------------


def _content_types(sheet_count: int) -> str:
    office = "application/vnd.openxmlformats-officedocument"
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml"'
        f' ContentType="{office}.spreadsheetml.worksheet+xml"/>'
        for n in range(1, sheet_count + 1)
    )
    return (
        f"{_XML_DECLARATION}"
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml"'
        f' ContentType="{office}.spreadsheetml.sheet.main+xml"/>'
        f"{sheets}"
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml"'
        ' ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{office}.extended-properties+xml"/>'
        "</Types>"
    )


def _relationships(targets: Sequence[tuple[str, str]]) -> str:
    """A relationships part: (type, target) pairs numbered rId1, rId2, …"""
    entries = "".join(
        f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, start=1)
    )
    return f'{_XML_DECLARATION}<Relationships xmlns="{_PACKAGE_REL_NS}">{entries}</Relationships>'


def _package_relationships() -> str:
    return _relationships(
        [
            (f"{_REL_NS}/officeDocument", "xl/workbook.xml"),
            (f"{_PACKAGE_REL_NS}/metadata/core-properties", "docProps/core.xml"),
            (f"{_REL_NS}/extended-properties", "docProps/app.xml"),
        ]
    )


def _workbook_relationships(sheet_count: int) -> str:
    # Sheets first, so that sheet n is rId{n} as the workbook part says.
    sheets = [
        (f"{_REL_NS}/worksheet", f"worksheets/sheet{n}.xml") for n in range(1, sheet_count + 1)
    ]
    return _relationships([*sheets, (f"{_REL_NS}/styles", "styles.xml")])


def _app_properties() -> str:
    return (
        f"{_XML_DECLARATION}<Properties"
        ' xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>crmdesk</Application></Properties>"
    )


def _core_properties(now: datetime) -> str:
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{_XML_DECLARATION}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>crmdesk</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
