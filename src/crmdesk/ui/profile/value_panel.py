"""The profile's value page: the customer's RFM scores and segment, lifetime value with
every input of its forecast, the suggested lifecycle stage with its reason, and the
scorecard with each component's score, weight and explanation."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customer_value import CustomerValueReport
from crmdesk.domain.enums import Grade, ScoreComponent
from crmdesk.domain.errors import CrmError, NotFoundError
from crmdesk.ui.changes import Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.value_settings_dialog import edit_value_settings
from crmdesk.ui.formatting import format_count, format_date, format_days, format_money
from crmdesk.ui.labels import enum_label
from crmdesk.ui.messages import problem_text
from crmdesk.ui.profile.customer_reads import CustomerReads
from crmdesk.ui.widgets.scrolled import scrolled

# What the page shows: a change to any of these, for its customer, makes it refresh.
_SHOWN_TOPICS = (
    Topic.ORDERS,
    Topic.VALUE,
    Topic.SETTINGS,
    Topic.COMPLAINTS,
    Topic.INTERACTIONS,
    Topic.SURVEYS,
    Topic.CUSTOMERS,
)
NOTE_STYLE = "color: palette(placeholder-text);"
NOTICE_STYLE = "background: #fff4ce; border: 1px solid #e0c060; padding: 4px;"
GRADE_COLORS = {Grade.A: "#2e7d32", Grade.B: "#1565c0", Grade.C: "#ef6c00", Grade.D: "#c62828"}
NO_VALUE = "—"


def format_number(value: Decimal | float, places: int) -> str:
    """A ratio or count with `places` decimals in the locale's style (not money)."""
    return QLocale().toString(float(value), "f", places)


def format_percent(share: Decimal) -> str:
    """0.25 → "25 %", 0.125 → "12.5 %"."""
    percent = share * 100
    places = 0 if percent == percent.to_integral_value() else 1
    return f"{format_number(percent, places)} %"


def scaled(label: QLabel, factor: float, *, bold: bool = True) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


def value_label() -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def figure_grid(rows: tuple[tuple[str, QLabel, QLabel], ...]) -> QGridLayout:
    """Rows of an operator (×, =), a caption and a right-aligned figure."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    for row, (operator, caption, figure) in enumerate(rows):
        grid.addWidget(QLabel(operator), row, 0)
        grid.addWidget(caption, row, 1)
        grid.addWidget(figure, row, 2)
    grid.setColumnStretch(1, 1)
    return grid


class RfmSection(QGroupBox):
    """Recency, frequency and monetary value against the population's means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("RFM"), parent)
        self.segment = scaled(QLabel(), 1.4)
        self.period = note()
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(NOTICE_STYLE)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, caption in enumerate(
            ("", self.tr("This customer"), self.tr("Score 1–5"), self.tr("Average"))
        ):
            if caption:
                header = note(caption)
                header.setAlignment(Qt.AlignmentFlag.AlignRight)
                grid.addWidget(header, 0, column)
        self.values: list[QLabel] = []
        self.scores: list[QLabel] = []
        self.means: list[QLabel] = []
        captions = (self.tr("Recency"), self.tr("Frequency"), self.tr("Monetary"))
        for row, caption in enumerate(captions, start=1):
            grid.addWidget(QLabel(caption), row, 0)
            for column, cells in enumerate((self.values, self.scores, self.means), start=1):
                cell = value_label()
                if cells is self.scores:
                    scaled(cell, 1.15)
                cells.append(cell)
                grid.addWidget(cell, row, column)
        grid.setColumnStretch(0, 1)
        self.population = note()
        layout = QVBoxLayout(self)
        layout.addWidget(self.segment)
        layout.addWidget(self.period)
        layout.addWidget(self.missing)
        layout.addLayout(grid)
        layout.addWidget(self.population)

    def show_report(self, report: CustomerValueReport) -> None:
        figures = report.rfm_input
        self.period.setText(
            self.tr("Orders and spend in the {days} days up to {day}.").format(
                days=format_count(report.settings.window_days),
                day=format_date(report.reference_day),
            )
        )
        self.values[0].setText(
            NO_VALUE if figures.recency_days is None else format_days(figures.recency_days)
        )
        self.values[1].setText(self.tr("%n order(s)", "", figures.frequency))
        self.values[2].setText(format_money(figures.monetary))

        rfm, population = report.rfm, report.population
        if rfm is None:
            self.segment.setText(self.tr("No segment"))
            self.missing.setText(
                self.tr("Not computed yet — recompute on the dashboard.")
                if population is None
                else self.tr("No orders up to {day}, so no segment.").format(
                    day=format_date(report.reference_day)
                )
            )
        else:
            self.segment.setText(enum_label(rfm.segment))
        self.missing.setVisible(rfm is None)
        scores = (rfm.r_score, rfm.f_score, rfm.m_score) if rfm else (None, None, None)
        for cell, score in zip(self.scores, scores, strict=True):
            cell.setText(NO_VALUE if score is None else str(score))

        if population is None:
            means = (NO_VALUE, NO_VALUE, NO_VALUE)
            self.population.clear()
        else:
            means = (
                format_days(round(population.mean_recency)),
                format_number(population.mean_frequency, 1),
                format_money(population.mean_monetary),
            )
            self.population.setText(
                self.tr(
                    "Averages and scores over the %n customer(s) who ever ordered.",
                    "",
                    population.customers,
                )
            )
        for cell, mean in zip(self.means, means, strict=True):
            cell.setText(mean)


class ClvSection(QGroupBox):
    """Historical value and the forecast, with each input of the forecast beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lifetime value"), parent)
        self.historical = scaled(value_label(), 1.2)
        self.forecast = scaled(value_label(), 1.2)
        self.average_order_value = value_label()
        self.yearly_frequency = value_label()
        self.margin = value_label()
        self.expected_years = value_label()
        self.retention = value_label()
        self.discount_rate = value_label()
        self.forecast_again = scaled(value_label(), 1.0)
        headline = figure_grid(
            (
                ("", QLabel(self.tr("Spent so far")), self.historical),
                ("", QLabel(self.tr("Forecast of future profit")), self.forecast),
            )
        )
        formula = figure_grid(
            (
                ("", QLabel(self.tr("Average order value")), self.average_order_value),
                ("×", QLabel(self.tr("Orders per year")), self.yearly_frequency),
                ("×", QLabel(self.tr("Margin")), self.margin),
                ("×", QLabel(self.tr("Expected remaining years")), self.expected_years),
                ("", note(self.tr("    = r ÷ (1 + d − r), retention r")), self.retention),
                ("", note(self.tr("    discount rate d")), self.discount_rate),
                ("=", QLabel(self.tr("Forecast")), self.forecast_again),
            )
        )
        layout = QVBoxLayout(self)
        layout.addLayout(headline)
        layout.addSpacing(6)
        layout.addWidget(note(self.tr("How the forecast is made:")))
        layout.addLayout(formula)
        layout.addWidget(
            note(
                self.tr(
                    "Retention r is the share of last window's buyers who bought again in "
                    "this one; the discount rate d makes later profit count for less."
                )
            )
        )

    def show_report(self, report: CustomerValueReport) -> None:
        clv = report.clv
        self.historical.setText(format_money(clv.historical_value))
        self.forecast.setText(format_money(clv.forecast))
        self.forecast_again.setText(format_money(clv.forecast))
        self.average_order_value.setText(format_money(clv.average_order_value))
        self.yearly_frequency.setText(format_number(clv.yearly_frequency, 2))
        self.margin.setText(format_percent(clv.margin))
        self.expected_years.setText(format_number(clv.expected_years, 2))
        self.retention.setText(format_percent(clv.retention))
        self.discount_rate.setText(format_percent(clv.discount_rate))


class LifecycleSection(QGroupBox):
    """The stage the customer is in, and the one their purchases suggest, with why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lifecycle"), parent)
        self.stage = scaled(value_label(), 1.1)
        self.suggested = scaled(value_label(), 1.1)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.pinned = QLabel(self.tr("Pinned by hand: the suggestion does not change it."))
        self.pinned.setWordWrap(True)
        self.pinned.setStyleSheet(NOTICE_STYLE)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Current stage")), 0, 0)
        grid.addWidget(self.stage, 0, 1)
        grid.addWidget(QLabel(self.tr("Suggested stage")), 1, 0)
        grid.addWidget(self.suggested, 1, 1)
        grid.addWidget(self.reason, 2, 0, 1, 2)
        grid.addWidget(self.pinned, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def show_report(self, report: CustomerValueReport) -> None:
        self.stage.setText(enum_label(report.stage))
        self.suggested.setText(enum_label(report.suggestion.stage))
        self.reason.setText(problem_text(report.suggestion.reason))
        self.pinned.setVisible(report.stage_pinned)


class ScorecardSection(QGroupBox):
    """The 0–100 total and grade, and per component a bar, its weight and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Scorecard"), parent)
        self.total = scaled(QLabel(), 1.8)
        self.grade = scaled(QLabel(), 2.4)
        self.weights_button = QPushButton(self.tr("Weights…"))
        self.weights_button.setToolTip(self.tr("Change the weights and the other value settings"))
        rows = QGridLayout()
        rows.setHorizontalSpacing(12)
        rows.setVerticalSpacing(2)
        rows.setColumnStretch(1, 1)
        rows.addWidget(note(self.tr("Weight")), 0, 2, Qt.AlignmentFlag.AlignRight)
        self.bars: dict[ScoreComponent, QProgressBar] = {}
        self.weights: dict[ScoreComponent, QLabel] = {}
        self.details: dict[ScoreComponent, QLabel] = {}
        for index, component in enumerate(ScoreComponent):
            row = 1 + 2 * index
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setFormat("%v")
            bar.setMaximumHeight(self.fontMetrics().height() + 4)
            self.bars[component] = bar
            self.weights[component] = value_label()
            self.details[component] = note()
            rows.addWidget(QLabel(enum_label(component)), row, 0)
            rows.addWidget(bar, row, 1)
            rows.addWidget(self.weights[component], row, 2)
            rows.addWidget(self.details[component], row + 1, 0, 1, 3)
        head = QHBoxLayout()
        head.addWidget(self.grade)
        head.addSpacing(12)
        head.addWidget(self.total)
        head.addStretch(1)
        head.addWidget(self.weights_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(rows)

    def show_report(self, report: CustomerValueReport) -> None:
        card = report.scorecard
        self.total.setText(self.tr("{score} / 100").format(score=card.total))
        self.grade.setText(enum_label(card.grade))
        self.grade.setStyleSheet(f"color: {GRADE_COLORS[card.grade]};")
        for part in card.components:
            self.bars[part.component].setValue(part.score)
            self.weights[part.component].setText(format_count(part.weight))
            self.details[part.component].setText(problem_text(part.detail))


class ValuePanel(QWidget):
    """One customer's value; `show_customer(None)` empties it."""

    title_changed = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        value = context.workspace.value
        self._reads = CustomerReads(
            self, context, _SHOWN_TOPICS, value.report, self._loaded, self._load_failed
        )
        self.report: CustomerValueReport | None = None  # what is shown

        self.message = note()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rfm = RfmSection()
        self.clv = ClvSection()
        self.lifecycle = LifecycleSection()
        self.scorecard = ScorecardSection()
        self.scorecard.weights_button.clicked.connect(self._edit_settings)
        self.sections: tuple[QWidget, ...] = (self.rfm, self.scorecard, self.lifecycle, self.clv)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.message)
        for section in self.sections:
            page_layout.addWidget(section)
        page_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(page))
        self.show_customer(None)

    def show_customer(self, customer_id: uuid.UUID | None) -> None:
        self._reads.show(customer_id)

    def _loaded(self, report: CustomerValueReport | None) -> None:
        if report is None:
            self._show(None, self.tr("Choose a customer to see their value."))
        else:
            self._show(report)

    def _load_failed(self, error: CrmError) -> None:
        if isinstance(error, NotFoundError):
            self._show(None, self.tr("This customer no longer exists."))
        else:
            self._context.tasks.error.emit(error)

    def _show(self, report: CustomerValueReport | None, message: str = "") -> None:
        self.report = report
        self.message.setText(message)
        self.message.setVisible(report is None)
        for section in self.sections:
            section.setVisible(report is not None)
        if report is None:
            self.title_changed.emit(self.tr("Value"))
            return
        self.rfm.show_report(report)
        self.clv.show_report(report)
        self.lifecycle.show_report(report)
        self.scorecard.show_report(report)
        self.title_changed.emit(
            self.tr("Value · {grade}").format(grade=enum_label(report.scorecard.grade))
        )

    def _edit_settings(self) -> None:
        edit_value_settings(self._context, self)
