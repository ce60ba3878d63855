"""Dates, times, numbers and money shown the way the current language writes them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale, QObject

CURRENCY_SYMBOL = "¥"


def format_date(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def format_instant(instant: datetime | None) -> str:
    """An aware instant in the computer's time zone, to the minute."""
    if instant is None:
        return ""
    local = instant.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def format_count(count: int) -> str:
    return QLocale().toString(count)


def format_money(amount: Decimal | None) -> str:
    """¥1,234.50 with the locale's separators; computed from the Decimal, never a float."""
    if amount is None:
        return ""
    locale = QLocale()
    cents = int(abs(amount).quantize(Decimal("0.01")) * 100)
    whole = locale.toString(cents // 100)
    sign = locale.negativeSign() if amount < 0 else ""
    return f"{sign}{CURRENCY_SYMBOL}{whole}{locale.decimalPoint()}{cents % 100:02d}"


class _Units(QObject):
    """Counted units. lupdate offers plural forms ("%n …(s)" → "1 day" / "3 days") only
    for a class's tr(), hence a class for these texts."""

    def days(self, count: int) -> str:
        return self.tr("%n day(s)", "", count)


_UNITS = _Units()


def format_days(days: int) -> str:
    """A number of days, such as the time left before a deadline."""
    return _UNITS.days(days)
