"""Cell values as spreadsheets hold them, turned into what the program stores.

Each cleaner takes one cell as python-calamine or the CSV reader gives it (str, float, int,
bool, date, datetime, time, timedelta; "" for an empty cell) and returns the cleaned value,
None when the cell is empty or only looks filled ("—", "N/A", "无" …), or a `Problem`
(an English template naming the value as the user sees it) when the cell cannot be read.

The cleaners run once per cell of a whole file, so the common cases come first and
nothing raises on the way: `cleaner_for()` picks a field's cleaner once per column.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TypeAlias

from crmdesk.domain.contact_details import normalise_email, normalise_phone, normalise_wechat
from crmdesk.domain.errors import Problem, problem_template
from crmdesk.domain.import_fields import ENUM_SYNONYMS, ImportField, ValueKind
from crmdesk.domain.labels import Language, label, parse_label
from crmdesk.domain.search_text import fold

# The cleaned value, None for an empty cell, or what is wrong with the cell.
Cleaner: TypeAlias = Callable[[object], object]

_PLACEHOLDERS = ("-", "--", "---", "—", "——", "–", "/", "n/a", "#n/a", "null", "none", "nil",
                 "(blank)", "(空)", "（空）", "无", "空", "暂无", "没有")  # fmt: skip
# Spelled every way people write them, so that a cell is looked up without lower-casing.
_EMPTY_LIKE = frozenset(
    spelling for text in _PLACEHOLDERS for spelling in (text, text.upper(), text.title())
)

_NOT_A_PHONE = problem_template("'{value}' is not a phone number.")
_NOT_AN_EMAIL = problem_template("'{value}' is not an e-mail address.")
_NOT_A_WECHAT = problem_template("'{value}' is not a WeChat id.")
_NOT_A_DATE = problem_template("'{value}' is not a date.")
_NOT_A_DATETIME = problem_template("'{value}' is not a date and time.")
_AMBIGUOUS_DATE = problem_template(
    "'{value}' could be either of two dates; write it as 2024-01-31."
)
_NOT_MONEY = problem_template("'{value}' is not an amount of money.")
_NOT_A_NUMBER = problem_template("'{value}' is not a number.")
_NOT_WHOLE = problem_template("'{value}' is not a whole number.")
_NOT_YES_NO = problem_template("'{value}' is not yes or no.")
_NOT_A_CHOICE = problem_template("'{value}' is not one of: {choices}.")


def _problem(template: str, value: object) -> Problem:
    return Problem(template, {"value": cell_text(value)})


# --- text -------------------------------------------------------------------------------

# Full-width digits and Latin letters, and the ideographic space, made half-width. Text
# keeps the rest: the full-width ，（）of Chinese typography are right in Chinese text.
_FULL_WIDTH = re.compile("[０-９Ａ-Ｚａ-ｚ\u3000]")
_HALF_WIDTH = {
    **{code: code - 0xFEE0 for code in range(ord("０"), ord("９") + 1)},
    **{code: code - 0xFEE0 for code in range(ord("Ａ"), ord("Ｚ") + 1)},
    **{code: code - 0xFEE0 for code in range(ord("ａ"), ord("ｚ") + 1)},
    0x3000: ord(" "),
}


def cell_text(value: object) -> str:
    """A cell as the user sees it: numbers without a trailing ".0", dates in ISO form."""
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _tidy(text: str) -> str:
    """Trimmed, full-width digits and letters made half-width."""
    text = text.strip()
    if text.isascii() or not _FULL_WIDTH.search(text):
        return text
    return text.translate(_HALF_WIDTH).strip()


def _folded(text: str) -> str:
    """Trimmed and folded for parsing (NFKC): every full-width or compatibility
    character as its plain form."""
    text = text.strip()
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text).strip()


def is_empty_like(value: object) -> bool:
    """Whether a cell is empty or holds only a placeholder such as "—", "N/A" or "无"."""
    if value is None:
        return True
    if isinstance(value, str):
        text = _tidy(value)
        return not text or text in _EMPTY_LIKE
    return False


def clean_text(value: object) -> str | None:
    if type(value) is str:
        text = _tidy(value)
        return None if not text or text in _EMPTY_LIKE else text
    if value is None:
        return None
    return cell_text(value)


def _text_of(value: object) -> str | None:
    """The folded text of a cell to be parsed, None when it is empty-like."""
    text = _folded(value) if isinstance(value, str) else cell_text(value)
    return None if not text or text in _EMPTY_LIKE else text


# --- phones, e-mail, WeChat ---------------------------------------------------------------

# A plain mobile number is its own stored form; contact_details decides everything else.
_PLAIN_MOBILE = re.compile(r"1[3-9]\d{9}")
# 1.3812345678E+10: a phone number that went through a program showing numbers that way.
_EXPONENT = re.compile(r"\d+(?:\.\d+)?[eE]\+?\d+")
_FLOAT_TEXT = re.compile(r"(\d+)\.0+")
_PHONE_SEPARATORS = re.compile(r"\s*(?:[/,;、|\n\r]|\s{2,})\s*")
_SPACES = re.compile(r"\s+")


def clean_phones(value: object) -> list[str] | Problem | None:
    """One or several phone numbers in their stored forms, in the order written."""
    if type(value) is float or type(value) is int:
        if value > 0 and float(value).is_integer():
            return _phones_from_digits(str(int(value)), value)
        return _problem(_NOT_A_PHONE, value)
    text = _text_of(value)
    if text is None:
        return None
    if _PLAIN_MOBILE.fullmatch(text):
        return [text]
    digits = _digits_of_number_text(text)
    if digits is not None:
        return _phones_from_digits(digits, value)
    phones: list[str] = []
    for part in _PHONE_SEPARATORS.split(text):
        found = _phones_in(part)
        if found is None:
            return Problem(_NOT_A_PHONE, {"value": part})
        phones.extend(phone for phone in found if phone not in phones)
    return phones or None


def _phones_in(part: str) -> list[str] | None:
    """The numbers in one part of a cell: one number, possibly written with spaces, or
    several separated by spaces; None when it holds something else."""
    if not part:
        return []
    phone = normalise_phone(part)
    if phone is not None:
        return [phone]
    pieces = _SPACES.split(part)
    if len(pieces) < 2:
        return None
    phones = [normalise_phone(piece) for piece in pieces]
    return None if None in phones else [phone for phone in phones if phone]


def _digits_of_number_text(text: str) -> str | None:
    """The digits of a whole number written as text with an exponent or a ".0"."""
    if _EXPONENT.fullmatch(text):
        number = Decimal(text)
        return str(int(number)) if number == number.to_integral_value() else None
    float_text = _FLOAT_TEXT.fullmatch(text)
    return float_text.group(1) if float_text else None


def _phones_from_digits(digits: str, raw: object) -> list[str] | Problem:
    if _PLAIN_MOBILE.fullmatch(digits):
        return [digits]
    # A number cell loses the leading zero of a landline: 02112345678 becomes 2112345678.
    phone = normalise_phone(digits) or normalise_phone("0" + digits)
    return [phone] if phone else _problem(_NOT_A_PHONE, raw)


def clean_email(value: object) -> str | Problem | None:
    text = _text_of(value)
    if text is None:
        return None
    return normalise_email(text) or _problem(_NOT_AN_EMAIL, value)


def clean_wechat(value: object) -> str | Problem | None:
    text = _text_of(value)
    if text is None:
        return None
    return normalise_wechat(text) or _problem(_NOT_A_WECHAT, value)


# --- dates and times ---------------------------------------------------------------------

_EXCEL_EPOCH = datetime(1899, 12, 30)
_LAST_SERIAL = 2_958_465  # 9999-12-31
_FIRST_COMPACT, _LAST_COMPACT = 1000_01_01, 9999_12_31
_SECONDS_PER_DAY = 86_400
_TIME = (
    r"(?:[\sT]*(?P<hour>\d{1,2})\s*[:时点]\s*(?P<minute>\d{1,2})\s*分?"
    r"(?:\s*:?\s*(?P<second>\d{1,2})(?:\.\d+)?\s*秒?)?)?"
)
_YEAR_FIRST = re.compile(
    r"(?P<year>\d{4})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?" + _TIME
)
_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})" + _TIME)
# 5/1/2024: day first in China and Europe, month first in America; read only when the
# numbers leave no doubt.
_YEAR_LAST = re.compile(r"(?P<first>\d{1,2})[-/.](?P<later>\d{1,2})[-/.](?P<year>\d{4})" + _TIME)


def clean_date(value: object) -> date | Problem | None:
    """A calendar day; a time of day in the cell is dropped."""
    if type(value) is date:
        return value
    moment = _moment(value, _NOT_A_DATE)
    return moment.date() if isinstance(moment, datetime) else moment


def clean_datetime(value: object) -> datetime | Problem | None:
    """A naive datetime: the wall-clock time written in the sheet (midnight when the cell
    holds a day only)."""
    return _moment(value, _NOT_A_DATETIME)


def _moment(value: object, template: str) -> datetime | Problem | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if type(value) is float or type(value) is int:
        return _from_number(value) or _problem(template, value)
    if not isinstance(value, str):
        return None if value is None else _problem(template, value)
    text = _folded(value)
    if not text or text in _EMPTY_LIKE:
        return None
    return _from_text(text, template)


def _from_number(value: float) -> datetime | None:
    value = float(value)
    if not math.isfinite(value):
        return None
    if value.is_integer() and _FIRST_COMPACT <= value <= _LAST_COMPACT:
        number = int(value)  # 20240105 typed into a cell formatted as a number
        return _valid(number // 10_000, number // 100 % 100, number % 100)
    if 1 <= value <= _LAST_SERIAL:
        return _EXCEL_EPOCH + timedelta(seconds=round(value * _SECONDS_PER_DAY))
    return None


def _from_text(text: str, template: str) -> datetime | Problem:
    match = _YEAR_FIRST.fullmatch(text) or _COMPACT.fullmatch(text)
    if match:
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    else:
        match = _YEAR_LAST.fullmatch(text)
        if match is None:
            return Problem(template, {"value": text})
        first, later = int(match["first"]), int(match["later"])
        if first != later and first <= 12 and later <= 12:
            return Problem(_AMBIGUOUS_DATE, {"value": text})
        year = int(match["year"])
        month, day = (later, first) if first > 12 else (first, later)
    clock = (int(match["hour"] or 0), int(match["minute"] or 0), int(match["second"] or 0))
    return _valid(year, month, day, *clock) or Problem(template, {"value": text})


def _valid(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime | None:
    """The datetime, or None for one that does not exist (2024-02-30, 25:00)."""
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


# --- numbers and money -------------------------------------------------------------------

_CURRENCY = re.compile(r"RMB|CNY|USD|US\$|HK\$|人民币|[¥$€£元圆]", re.IGNORECASE)
_UNIT = re.compile(r"(?:[件个箱台套只瓶包支盒袋条张本双份]|pcs?|units?)$", re.IGNORECASE)
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_MINUS_SIGNS = "-−–"  # hyphen, the minus sign, and the en dash people type for it
_TEN_THOUSAND = "万"


def clean_money(value: object) -> Decimal | Problem | None:
    """An amount: ¥1,234.50, 1，234元, RMB 12, 1.5万, -12, −12 and (12) all read."""
    return _number(value, _CURRENCY, _NOT_MONEY)


def clean_quantity(value: object) -> Decimal | Problem | None:
    """A number, negative on returns; a unit after it (件, 个, pcs) is ignored."""
    return _number(value, _UNIT, _NOT_A_NUMBER)


def clean_integer(value: object) -> int | Problem | None:
    number = _number(value, _UNIT, _NOT_A_NUMBER)
    if not isinstance(number, Decimal):
        return number
    if number != number.to_integral_value():
        return _problem(_NOT_WHOLE, value)
    return int(number)


def _number(value: object, ignored: re.Pattern[str], template: str) -> Decimal | Problem | None:
    if type(value) is float:
        if not math.isfinite(value):
            return _problem(template, value)
        # repr() is the shortest text that reads back as this float: 2.08, not 2.0799…
        return Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    if type(value) is int:
        return Decimal(value)
    if not isinstance(value, str):
        return None if value is None else _problem(template, value)
    text = _folded(value)
    if not text or text in _EMPTY_LIKE:
        return None
    number = _parse_number(ignored.sub("", text).replace(" ", ""))
    return Problem(template, {"value": text}) if number is None else number


def _parse_number(text: str) -> Decimal | None:
    negative = text.startswith("(") and text.endswith(")")
    if negative:
        text = text[1:-1]
    if text and text[0] in _MINUS_SIGNS:
        negative, text = True, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    scale = 1
    if text.endswith(_TEN_THOUSAND):
        scale, text = 10_000, text[: -len(_TEN_THOUSAND)]
    if _GROUPED_NUMBER.fullmatch(text):
        text = text.replace(",", "")
    elif not _PLAIN_NUMBER.fullmatch(text):
        return None
    number = Decimal(text) * scale
    return -number if negative else number


# --- yes/no and enumerations -------------------------------------------------------------

_YES = frozenset({"是", "是的", "对", "y", "yes", "true", "1", "√", "✓", "✔"})
_NO = frozenset({"否", "不是", "n", "no", "false", "0", "×", "✗", "✘"})


def clean_boolean(value: object) -> bool | Problem | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = _text_of(value)
    if text is None:
        return None
    folded = text.lower()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return _problem(_NOT_YES_NO, value)


def clean_enum(enum: type[StrEnum], value: object) -> StrEnum | Problem | None:
    """The member of `enum` that a cell names by stored value, English or Chinese label
    (domain/labels.py) or a common synonym (domain/import_fields.py)."""
    text = _text_of(value)
    if text is None:
        return None
    member = parse_label(enum, text) or _enum_synonyms(enum).get(_enum_key(text))
    if member is None:
        return Problem(_NOT_A_CHOICE, {"value": text, "choices": _choices(enum)})
    return member


@functools.cache
def _enum_synonyms(enum: type[StrEnum]) -> dict[str, StrEnum]:
    return {_enum_key(text): member for text, member in ENUM_SYNONYMS.get(enum, {}).items()}


@functools.cache
def _choices(enum: type[StrEnum]) -> str:
    return ", ".join(
        f"{label(member, Language.ENGLISH)}/{label(member, Language.CHINESE)}" for member in enum
    )


def _enum_key(text: str) -> str:
    return "".join(fold(text).split())


def _remembering(clean: Cleaner) -> Cleaner:
    """`clean` with each distinct cell cleaned once: for columns that repeat a few words
    (enumerations, yes/no), a dictionary look-up beats parsing every cell."""
    seen: dict[object, object] = {}
    missing = object()

    def remembered(value: object) -> object:
        cleaned = seen.get(value, missing)
        if cleaned is missing:
            cleaned = seen[value] = clean(value)
        return cleaned

    return remembered


# --- choosing the cleaner of a field -----------------------------------------------------

_CLEANERS: dict[ValueKind, Cleaner] = {
    ValueKind.TEXT: clean_text,
    ValueKind.PHONES: clean_phones,
    ValueKind.EMAIL: clean_email,
    ValueKind.WECHAT: clean_wechat,
    ValueKind.DATE: clean_date,
    ValueKind.DATETIME: clean_datetime,
    ValueKind.MONEY: clean_money,
    ValueKind.QUANTITY: clean_quantity,
    ValueKind.INTEGER: clean_integer,
}


def cleaner_for(import_field: ImportField) -> Cleaner:
    """A cleaner for the cells of one column of `import_field` (use one per column)."""
    if import_field.kind is ValueKind.ENUM:
        enum = import_field.enum
        if enum is None:
            raise ValueError(f"Field {import_field.key!r} is an enumeration without its enum.")
        return _remembering(functools.partial(clean_enum, enum))
    if import_field.kind is ValueKind.BOOLEAN:
        return _remembering(clean_boolean)
    return _CLEANERS[import_field.kind]
