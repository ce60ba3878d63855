"""The profile's satisfaction page: the customer's latest CSAT and NPS answers, their
averages and monthly trend, and every answer in a table, where surveys are recorded and
deleted."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.clock import local_day
from crmdesk.domain.enums import SurveyKind
from crmdesk.domain.errors import CrmError
from crmdesk.domain.surveys import (
    DETRACTOR_HIGHEST,
    PROMOTER_LOWEST,
    SCORE_RANGES,
    MonthlySatisfaction,
    SatisfactionTrend,
    SurveyRecord,
)
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.survey_dialog import record_survey
from crmdesk.ui.formatting import format_date, format_instant
from crmdesk.ui.labels import enum_label
from crmdesk.ui.models.row_table_model import RowTableModel
from crmdesk.ui.profile.customer_reads import CustomerReads
from crmdesk.ui.widgets.list_table import fit_columns, list_table
from crmdesk.ui.widgets.questions import ask_yes_no

NO_VALUE = "—"
NOTE_STYLE = "color: palette(placeholder-text);"
MAX_COLUMN_WIDTH = 260
LINE_COLORS = {SurveyKind.CSAT: "#1565c0", SurveyKind.NPS: "#2e7d32"}
SPARKLINE_HEIGHT = 56
SCALE_WIDTH = 24  # room left of the line for the scale's two ends


def confirm_delete(parent: QWidget, response: SurveyRecord) -> bool:
    """Whether to delete the answer (tests replace this function to answer it)."""
    return ask_yes_no(
        parent,
        QCoreApplication.translate("SatisfactionPanel", "Delete survey answer"),
        QCoreApplication.translate(
            "SatisfactionPanel", "Delete the {kind} answer {score} given on {when}?"
        ).format(
            kind=enum_label(response.kind),
            score=response.score,
            when=format_instant(response.responded_at),
        ),
        default_yes=False,
    )


def format_score(value: Decimal) -> str:
    return QLocale().toString(float(value), "f", 2)


class Sparkline(QWidget):
    """A small line through one value per month on a fixed scale; months without a value
    are skipped, so the line joins the months that have one."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = QColor(color)
        self._values: list[Decimal | None] = []
        self._low, self._high = 0, 1
        self.setFixedHeight(SPARKLINE_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: Sequence[Decimal | None], low: int, high: int) -> None:
        self._values = list(values)
        self._low, self._high = low, high
        self.update()

    def plot_area(self) -> QRectF:
        """Where the line goes: right of the scale's numbers, clear of the edges."""
        return QRectF(self.rect()).adjusted(SCALE_WIDTH, 6, -6, -6)

    def points(self) -> list[QPointF]:
        """Where each month that has a value is drawn."""
        area = self.plot_area()
        count = len(self._values)
        step = area.width() / (count - 1) if count > 1 else 0.0
        span = self._high - self._low
        return [
            QPointF(
                area.left() + step * index if count > 1 else area.center().x(),
                area.bottom() - float(value - self._low) / span * area.height(),
            )
            for index, value in enumerate(self._values)
            if value is not None
        ]

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.plot_area()
        muted = self.palette().placeholderText().color()
        for value, y in ((self._high, area.top()), (self._low, area.bottom())):
            painter.setPen(muted)
            label = QRectF(0, y - 8, SCALE_WIDTH - 6, 16)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
            )
            guide = QPen(self.palette().mid().color())
            guide.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(guide)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        points = self.points()
        if not points:
            return
        path = QPainterPath(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(self._color, 2))
        painter.drawPath(path)
        painter.setBrush(self._color)
        for point in points:
            painter.drawEllipse(point, 3, 3)


class KindSummary(QGroupBox):
    """One kind of survey: the latest answer, the average and the monthly trend."""

    def __init__(self, kind: SurveyKind, parent: QWidget | None = None) -> None:
        super().__init__(enum_label(kind), parent)
        self.kind = kind
        self.latest = QLabel()
        font = QFont(self.latest.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.latest.setFont(font)
        self.latest_note = _note()
        self.average = QLabel()
        self.sparkline = Sparkline(LINE_COLORS[kind])
        self.months = _note()
        top = QHBoxLayout()
        top.addWidget(self.latest)
        top.addWidget(self.latest_note, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.average)
        layout.addWidget(self.sparkline)
        layout.addWidget(self.months)

    def show_trend(self, trend: SatisfactionTrend) -> None:
        scores = SCORE_RANGES[self.kind]
        if self.kind is SurveyKind.CSAT:
            latest, average, count = trend.csat_latest, trend.csat_average, trend.csat_count
        else:
            latest, average, count = trend.nps_latest, trend.nps_average, trend.nps_count
        if latest is None:
            self.latest.setText(NO_VALUE)
            self.latest_note.setText(self.tr("No answer yet"))
        else:
            self.latest.setText(f"{latest.score} / {scores[-1]}")
            when = self.tr("latest, {day}").format(day=format_date(local_day(latest.responded_at)))
            group = self._nps_group(latest.score) if self.kind is SurveyKind.NPS else ""
            self.latest_note.setText(f"{group} · {when}" if group else when)
        self.average.setText(
            self.tr("Average {average} of %n answer(s)", "", count).format(
                average=format_score(average)
            )
            if average is not None
            else ""
        )
        self.average.setVisible(average is not None)
        months = trend.months
        self.sparkline.set_values([self._monthly(m) for m in months], scores[0], scores[-1])
        self.sparkline.setVisible(count > 0)
        self.months.setText(
            self.tr("By month, {first} – {last}").format(
                first=_month_text(months[0]), last=_month_text(months[-1])
            )
            if count > 0 and len(months) > 1
            else ""
        )
        self.months.setVisible(count > 0 and len(months) > 1)

    def _monthly(self, month: MonthlySatisfaction) -> Decimal | None:
        return month.csat_average if self.kind is SurveyKind.CSAT else month.nps_average

    def _nps_group(self, score: int) -> str:
        if score >= PROMOTER_LOWEST:
            return self.tr("Promoter")
        if score <= DETRACTOR_HIGHEST:
            return self.tr("Detractor")
        return self.tr("Passive")


_CELLS: tuple[Callable[[SurveyRecord], str], ...] = (
    lambda r: format_instant(r.responded_at),
    lambda r: enum_label(r.kind),
    lambda r: str(r.score),
    lambda r: r.complaint_number or "",
    lambda r: " ".join((r.comment or "").split()),  # one line per answer
)
_TIPS: dict[int, Callable[[SurveyRecord], str]] = {4: lambda r: r.comment or ""}


class SurveyTableModel(RowTableModel[SurveyRecord]):
    def set_rows(self, rows: Sequence[SurveyRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> SurveyRecord:
        return self._rows[row]

    def column_count(self) -> int:
        return len(_CELLS)

    def cell(self, row: SurveyRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _CELLS[column](row)
        if role == Qt.ItemDataRole.ToolTipRole and column in _TIPS:
            return _TIPS[column](row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def header(self, section: int) -> str:
        headers = (
            self.tr("Answered"),
            self.tr("Question"),
            self.tr("Score"),
            self.tr("Complaint"),
            self.tr("Comment"),
        )
        return headers[section]


class SatisfactionPanel(QWidget):
    """One customer's survey answers; `show_customer(None)` empties it."""

    title_changed = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._reads = CustomerReads(
            self,
            context,
            (Topic.SURVEYS, Topic.COMPLAINTS),
            context.workspace.surveys.customer_trend,
            self._show,
        )
        self.trend: SatisfactionTrend | None = None  # what is shown

        self.summaries = {kind: KindSummary(kind) for kind in SurveyKind}
        self.record_button = QPushButton(self.tr("Record survey…"))
        self.record_button.clicked.connect(self.record)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.model = SurveyTableModel(self)
        self.table = list_table(self.model, QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.empty = _note(self.tr("No survey answers yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        summaries = QHBoxLayout()
        for summary in self.summaries.values():
            summaries.addWidget(summary, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(summaries)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.show_customer(None)

    def show_customer(self, customer_id: uuid.UUID | None) -> None:
        self._reads.show(customer_id)

    def record(self) -> None:
        """Ask for a survey answer of the customer shown and record it."""
        if self._reads.customer_id is not None:
            record_survey(self._context, self, self._reads.customer_id)

    def delete_selected(self) -> None:
        """Delete the chosen answer once the user confirms."""
        response = self._selected()
        if response is None or not confirm_delete(self, response):
            return
        surveys = self._context.workspace.surveys
        self.delete_button.setEnabled(False)
        self._context.tasks.write(
            lambda: surveys.delete(response.id, response.version),
            lambda _none: None,
            owner=self,
            change=Change.of(Topic.SURVEYS, customers=[response.customer_id]),
            failed=self._delete_refused,
        )

    def _show(self, trend: SatisfactionTrend | None) -> None:
        self.trend = trend
        responses = trend.responses if trend is not None else ()
        self.model.set_rows(responses)
        fit_columns(self.table, MAX_COLUMN_WIDTH)
        for summary in self.summaries.values():
            summary.setVisible(trend is not None)
            if trend is not None:
                summary.show_trend(trend)
        self.empty.setVisible(trend is not None and not responses)
        self.table.setVisible(bool(responses))
        self._update_actions()
        self.title_changed.emit(
            self.tr("Satisfaction ({count})").format(count=len(responses))
            if trend is not None
            else self.tr("Satisfaction")
        )

    def _selected(self) -> SurveyRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        self.record_button.setEnabled(self._reads.customer_id is not None)
        self.delete_button.setEnabled(self._selected() is not None)

    def _delete_refused(self, error: CrmError) -> None:
        # Usually someone else changed or deleted the answer meanwhile: show it as it is now.
        self._context.tasks.error.emit(error)
        self._reads.reload()


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


def _month_text(month: MonthlySatisfaction) -> str:
    return f"{month.month:%Y-%m}"
