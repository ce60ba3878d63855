"""A month calendar that marks each day with its follow-ups (overdue in red, planned in
the text colour, done greyed) and the care to remember on it: birthdays and holidays,
a dot each."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QCalendarWidget, QWidget

from crmdesk.domain.follow_ups import DayCount

OVERDUE_COLOR = QColor("#c62828")
DONE_COLOR = QColor("#9e9e9e")
BIRTHDAY_COLOR = QColor("#d81b60")
HOLIDAY_COLOR = QColor("#ef6c00")
CARE_DOT = 6
MARGIN = 3
# The grid shows six weeks: up to a week before the 1st and what follows the month.
DAYS_BEFORE_MONTH = 7
DAYS_SHOWN = 49


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FollowUpCalendar(QCalendarWidget):
    """`set_marks()` gives the counts and care reminders of the days shown; the range to
    ask for is `shown_range()`, which changes with the page (signal `currentPageChanged`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        self._counts: dict[date, DayCount] = {}
        self._birthdays: set[date] = set()
        self._holidays: set[date] = set()

    def selected_day(self) -> date:
        return to_date(self.selectedDate())

    def select_day(self, day: date) -> None:
        self.setSelectedDate(to_qdate(day))

    def shown_range(self) -> tuple[date, date]:
        """The first and last day the current page can show."""
        first = date(self.yearShown(), self.monthShown(), 1) - timedelta(days=DAYS_BEFORE_MONTH)
        return first, first + timedelta(days=DAYS_SHOWN - 1)

    def set_marks(
        self, counts: Sequence[DayCount], birthdays: Iterable[date], holidays: Iterable[date] = ()
    ) -> None:
        """The days' follow-up counts and the days to remember birthdays and holidays on."""
        self._counts = {count.day: count for count in counts}
        self._birthdays = set(birthdays)
        self._holidays = set(holidays)
        self.updateCells()

    def counts_on(self, day: date) -> DayCount | None:
        return self._counts.get(day)

    def has_birthday(self, day: date) -> bool:
        return day in self._birthdays

    def has_holiday(self, day: date) -> bool:
        return day in self._holidays

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802
        super().paintCell(painter, rect, qdate)
        day = to_date(qdate)
        count = self._counts.get(day)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        corner = rect.topLeft() + QPoint(MARGIN, MARGIN)
        for marked, color in ((self._birthdays, BIRTHDAY_COLOR), (self._holidays, HOLIDAY_COLOR)):
            if day in marked:
                painter.setBrush(color)
                painter.drawEllipse(QRect(corner, corner + QPoint(CARE_DOT, CARE_DOT)))
                corner += QPoint(CARE_DOT + MARGIN, 0)
        if count is not None:
            self._paint_counts(painter, rect, count)
        painter.restore()

    def _paint_counts(self, painter: QPainter, rect: QRect, count: DayCount) -> None:
        """The day's numbers along the bottom right: overdue, planned, done."""
        font = QFont(painter.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.75, 6.0))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        right = rect.right() - MARGIN
        bottom = rect.bottom() - MARGIN
        text_color = self.palette().color(self.palette().ColorRole.Text)
        for number, color in (
            (count.done, DONE_COLOR),
            (count.planned, text_color),
            (count.overdue, OVERDUE_COLOR),
        ):
            if not number:
                continue
            text = str(number)
            width = metrics.horizontalAdvance(text)
            painter.setPen(color)
            painter.drawText(QPoint(right - width, bottom - metrics.descent()), text)
            right -= width + MARGIN + 1
