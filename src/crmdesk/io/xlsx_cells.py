"""Cells as SpreadsheetML: one encoder per kind of column turns a value into its `<c>`
element, typed and styled, or into text that no spreadsheet program will run.

This is the hot loop of every export (a 100,000-customer list has 1.5 million cells), so
each encoder is a plain function that builds its element as one f-string.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from crmdesk.domain.list_columns import CellKind
from crmdesk.io.xlsx_package import Style, escape_text

CellEncoder = Callable[[str, object], str]
"""(cell reference such as "B7", value) → the cell's XML; "" leaves the cell empty."""

# OWASP's "CSV injection" list: text starting with one of these could be read as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_MAX_TEXT = 32_767  # characters a cell holds in Excel
# Characters XML 1.0 cannot carry (tab, line feed and carriage return can), and halves of
# surrogate pairs, which UTF-8 cannot encode.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
_SECONDS_PER_DAY = 86_400
_STYLE_ATTRIBUTE = {style: f' s="{int(style)}"' if style else "" for style in Style}


def encoder(kind: CellKind) -> CellEncoder:
    """The encoder for a column of `kind`: its typed values get the column's number
    format, anything else (a note in a date column) is written as it is."""
    return _ENCODERS.get(kind, any_cell)


def legal_text(text: str) -> str:
    """`text` without the characters an .xlsx file cannot hold, cut to what a cell holds."""
    if not text.isprintable():
        text = _ILLEGAL.sub("", text)
    return text[:_MAX_TEXT]


def text_cell(ref: str, text: str, style: Style = Style.DEFAULT) -> str:
    """An inline string cell. Text a spreadsheet could read as a formula gets the quote
    prefix: it is shown as typed and stays text when a person edits it."""
    text = legal_text(text)
    if not text:
        return ""
    if style is Style.DEFAULT and text.startswith(FORMULA_TRIGGERS):
        style = Style.QUOTED
    # Without "preserve", spreadsheet programs trim leading and trailing white space.
    opening = '<t xml:space="preserve">' if text[0].isspace() or text[-1].isspace() else "<t>"
    return (
        f'<c r="{ref}"{_STYLE_ATTRIBUTE[style]} t="inlineStr">'
        f"<is>{opening}{escape_text(text)}</t></is></c>"
    )


def any_cell(ref: str, value: object) -> str:
    """A value as its own type: text as safe text, numbers, booleans, dates and times
    typed, anything else as its text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return text_cell(ref, value)
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float | Decimal):
        return _number_cell(ref, value, Style.DEFAULT)
    if isinstance(value, datetime):
        return _value_cell(ref, Style.TIMESTAMP, repr(_datetime_serial(value)))
    if isinstance(value, date):
        return _value_cell(ref, Style.DATE, str(_day_serial(value)))
    if isinstance(value, time):
        return _value_cell(ref, Style.TIME, repr(_seconds(value) / _SECONDS_PER_DAY))
    if isinstance(value, timedelta):
        return _value_cell(ref, Style.DURATION, repr(value.total_seconds() / _SECONDS_PER_DAY))
    return text_cell(ref, str(value))


def _date_cell(ref: str, value: object) -> str:
    if isinstance(value, datetime):
        return _value_cell(ref, Style.DATE, str(_day_serial(local_naive(value).date())))
    if isinstance(value, date):
        return _value_cell(ref, Style.DATE, str(_day_serial(value)))
    return any_cell(ref, value)


def _datetime_cell(ref: str, value: object) -> str:
    if isinstance(value, datetime):
        return _value_cell(ref, Style.DATETIME, repr(_datetime_serial(value)))
    if isinstance(value, date):
        return _value_cell(ref, Style.DATETIME, str(_day_serial(value)))
    return any_cell(ref, value)


def _money_cell(ref: str, value: object) -> str:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return _number_cell(ref, value, Style.MONEY)
    return any_cell(ref, value)


def _integer_cell(ref: str, value: object) -> str:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return _number_cell(ref, value, Style.INTEGER)
    return any_cell(ref, value)


_ENCODERS: dict[CellKind, CellEncoder] = {
    CellKind.DATE: _date_cell,
    CellKind.DATETIME: _datetime_cell,
    CellKind.MONEY: _money_cell,
    CellKind.INTEGER: _integer_cell,
}


def _number_cell(ref: str, number: int | float | Decimal, style: Style) -> str:
    """A number written exactly; not-a-number and infinities have no cell value, so the
    cell stays empty."""
    if isinstance(number, int):
        return _value_cell(ref, style, int.__repr__(number))  # an IntEnum's digits, too
    if isinstance(number, float):
        return _value_cell(ref, style, repr(number)) if math.isfinite(number) else ""
    return _value_cell(ref, style, f"{number:f}") if number.is_finite() else ""


def _value_cell(ref: str, style: Style, value: str) -> str:
    return f'<c r="{ref}"{_STYLE_ATTRIBUTE[style]}><v>{value}</v></c>'


def local_naive(instant: datetime) -> datetime:
    """Excel has no time zones: an aware instant is written as the user's wall-clock time."""
    if instant.tzinfo is None:
        return instant
    return instant.astimezone().replace(tzinfo=None)


def _day_serial(day: date) -> int:
    """Excel's serial number of `day` in the 1900 date system, which counts a 29 February
    1900 that never was: days before March 1900 are one lower."""
    days = day.toordinal() - _EXCEL_EPOCH
    return days - 1 if 0 < days <= 60 else days


def _datetime_serial(instant: datetime) -> float:
    wall = local_naive(instant)
    return _day_serial(wall.date()) + _seconds(wall.time()) / _SECONDS_PER_DAY


def _seconds(clock: time) -> float:
    return clock.hour * 3600 + clock.minute * 60 + clock.second + clock.microsecond / 1e6
