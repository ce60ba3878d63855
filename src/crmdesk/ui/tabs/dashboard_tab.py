"""The dashboard tab: KPI tiles over charts of customer value, revenue, the lifecycle,
complaint deadlines and satisfaction. A click on a segment or a stage asks for the
customer list filtered to it; the segments can be recomputed and the whole exported."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customer_value import ValueRunSummary
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.dashboard import CSAT_DAYS, ComplaintStanding, DashboardFigures, standing_label
from crmdesk.domain.enums import LifecycleStage, ValueSegment
from crmdesk.domain.errors import CrmError, JobCancelledError
from crmdesk.domain.exports import ExportSummary
from crmdesk.services.dashboard_report import write_dashboard_report
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.value_settings_dialog import edit_value_settings
from crmdesk.ui.export_actions import (
    ask_save_path,
    dated_file_name,
    notify_saved,
    show_failure,
)
from crmdesk.ui.formatting import format_count, format_date, format_instant, format_money
from crmdesk.ui.i18n import current_language
from crmdesk.ui.labels import enum_label
from crmdesk.ui.tasks import JobControl
from crmdesk.ui.widgets.charts import PALETTE, BarChart, TrendChart, TrendLine
from crmdesk.ui.widgets.scrolled import scrolled

T = TypeVar("T")

SHOWN_TOPICS = (
    Topic.ORDERS,
    Topic.VALUE,
    Topic.CUSTOMERS,
    Topic.COMPLAINTS,
    Topic.FOLLOW_UPS,
    Topic.SURVEYS,
)
# A burst of changes (an import, a recompute) reads the figures again once, not per change.
RELOAD_DELAY_MS = 1_000
THOUSAND = 1_000  # the revenue chart counts in thousands, or its axis would take half of it
CSAT_RANGE = (1.0, 5.0)
NPS_RANGE = (-100.0, 100.0)


def _tile_frame(widget: QFrame) -> None:
    widget.setFrameShape(QFrame.Shape.StyledPanel)


def _caption(text: str) -> QLabel:
    """A tile's title: what its figures count, quieter than they are."""
    label = QLabel(text)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _figure_label() -> QLabel:
    """A tile's figure, in large bold type."""
    label = QLabel("–")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    return label


class Tile(QFrame):
    """A KPI tile: what it counts, the figure in large type, a line of detail."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _tile_frame(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.title = _caption(title)
        self.value = _figure_label()
        self.detail = QLabel()
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class StageTile(QFrame):
    """The customers in each lifecycle stage, side by side in funnel order."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _tile_frame(self)
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(2)
        layout.addWidget(_caption(title), 0, 0, 1, len(LifecycleStage))
        self.counts: dict[LifecycleStage, QLabel] = {}
        for column, stage in enumerate(LifecycleStage):
            self.counts[stage] = _figure_label()
            layout.addWidget(self.counts[stage], 1, column)
            layout.addWidget(QLabel(enum_label(stage)), 2, column)
        layout.setRowStretch(3, 1)

    def show_counts(self, counts: Mapping[LifecycleStage, int]) -> None:
        for stage, label in self.counts.items():
            label.setText(format_count(counts[stage]))


class DashboardTab(QWidget):
    customers_requested = Signal(object)  # a CustomerFilter

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        # Number each read, so that a slow answer to an older one is dropped.
        self._reads = 0
        self._figures: DashboardFigures | None = None
        self._stale = True  # read when next shown
        self._job: JobControl | None = None

        # The figures scroll, so that the window may be smaller than the charts want.
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addLayout(self._build_tiles())
        figures_layout.addLayout(self._build_charts(), 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_actions())
        layout.addWidget(scrolled(figures), 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_if_shown)
        context.tasks.changed.connect(self._on_changed)

    # --- what the window and the tests use ----------------------------------------------

    def figures(self) -> DashboardFigures | None:
        """The figures shown; None before the first read."""
        return self._figures

    def reload(self) -> None:
        """Read every figure again in the background."""
        self._stale = False
        self._reads += 1
        number = self._reads
        service = self._context.workspace.dashboard
        self._context.tasks.read(
            service.figures, lambda figures: self._show(number, figures), owner=self
        )

    def request_segment(self, segment: ValueSegment) -> None:
        """Ask for the customer list of one value segment (a click on its bar)."""
        self.customers_requested.emit(CustomerFilter(segments=frozenset({segment})))

    def request_stage(self, stage: LifecycleStage) -> None:
        """Ask for the customer list of one lifecycle stage (a click on its bar)."""
        self.customers_requested.emit(CustomerFilter(lifecycle_stages=frozenset({stage})))

    def recompute(self) -> bool:
        """Recompute every customer's value figures in the background, with progress and
        Cancel in the tab; False when another job of the tab is still running."""
        if self._job is not None:
            return False
        value = self._context.workspace.value
        self._start_job(
            self.tr("Recomputing customer value…"),
            lambda control: value.recompute(
                progress=control.progress, cancelled=lambda: control.cancelled
            ),
            lambda _summary: self._recomputed(),
            change=Change.of(Topic.VALUE, Topic.CUSTOMERS),
        )
        return True

    def edit_settings(self) -> None:
        edit_value_settings(self._context, self)

    def export_report(self) -> bool:
        """Ask where to save the dashboard as a workbook and write it in the background;
        True when the export started."""
        figures = self._figures
        if figures is None or self._job is not None:
            return False
        path = ask_save_path(
            self._context,
            self,
            self.tr("Export the dashboard"),
            dated_file_name(self._context, "仪表盘", "dashboard", figures.today),
        )
        if path is None:
            return False
        language = current_language()

        def work(control: JobControl) -> ExportSummary:
            return write_dashboard_report(
                path,
                figures,
                language,
                progress=control.progress,
                cancelled=lambda: control.cancelled,
            )

        self._start_job(
            self.tr("Writing the dashboard report…"),
            work,
            lambda summary: notify_saved(self, summary.path, None),
            change=None,
            failed=self._export_failed,
        )
        return True

    # --- reading and showing ------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_changed(self, change: Change) -> None:
        if change.touches(*SHOWN_TOPICS) and not self._reload_timer.isActive():
            self._reload_timer.start()

    def _reload_if_shown(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _show(self, number: int, figures: DashboardFigures) -> None:
        if number != self._reads:
            return
        self._figures = figures
        self._show_tiles(figures)
        self._show_charts(figures)
        self.run_label.setText(self._run_text(figures.last_run))
        self.export_button.setEnabled(self._job is None)

    def _show_tiles(self, figures: DashboardFigures) -> None:
        self.stage_tile.show_counts(figures.customers_by_stage)
        change = figures.revenue_change_percent
        self.revenue_tile.show_figure(
            format_money(figures.revenue_this_month),
            self.tr("Last month {amount}, {change}").format(
                amount=format_money(figures.revenue_last_month),
                change=_signed_percent(change) if change is not None else "–",
            ),
        )
        self.follow_up_tile.show_figure(format_count(figures.overdue_follow_ups))
        self.complaint_tile.show_figure(
            format_count(figures.open_complaints),
            self.tr("{count} overdue").format(count=format_count(figures.overdue_complaints)),
        )
        csat = figures.average_csat
        self.satisfaction_tile.show_figure(
            "–" if csat is None else _number(csat, 2),
            self.tr("CSAT out of 5, last {days} days").format(days=CSAT_DAYS),
        )

    def _show_charts(self, figures: DashboardFigures) -> None:
        segments = list(ValueSegment)
        self.segment_chart.set_bars(
            [enum_label(segment) for segment in segments],
            [figures.customers_by_segment[segment] for segment in segments],
        )
        self.stage_chart.set_bars(
            [enum_label(stage) for stage in LifecycleStage],
            [figures.customers_by_stage[stage] for stage in LifecycleStage],
        )
        self.revenue_chart.set_bars(
            [_month(entry.month) for entry in figures.revenue_by_month],
            [float(entry.revenue / THOUSAND) for entry in figures.revenue_by_month],
        )
        language = current_language()
        self.complaint_chart.set_bars(
            [standing_label(standing, language) for standing in ComplaintStanding],
            [figures.complaints_by_standing[standing] for standing in ComplaintStanding],
        )
        trend = figures.satisfaction_by_month
        self.satisfaction_chart.set_trend(
            [_month(entry.month) for entry in trend],
            TrendLine(
                self.tr("CSAT average (1–5)"),
                [_float(entry.csat_average) for entry in trend],
                *CSAT_RANGE,
                "%.1f",
                PALETTE["csat"],
            ),
            TrendLine(
                self.tr("NPS (−100 to 100)"),
                [_float(entry.nps) for entry in trend],
                *NPS_RANGE,
                "%d",
                PALETTE["nps"],
            ),
        )

    def _run_text(self, run: ValueRunSummary | None) -> str:
        if run is None:
            return self.tr("Segments not computed yet: press Recompute.")
        return self.tr("Segments as of {day}, computed {when}").format(
            day=format_date(run.reference_day), when=format_instant(run.computed_at)
        )

    # --- background jobs ----------------------------------------------------------------

    def _start_job(
        self,
        label: str,
        work: Callable[[JobControl], T],
        done: Callable[[T], object],
        *,
        change: Change | None,
        failed: Callable[[CrmError], object] | None = None,
    ) -> None:
        """Run `work` with the tab's progress bar and Cancel saying `label`; one job at a
        time. Without `failed`, the window reports errors (a cancel is not one)."""
        self.job_label.setText(label)
        self.progress.setRange(0, 0)
        for widget in (self.job_label, self.progress, self.cancel_button):
            widget.show()
        for button in (self.recompute_button, self.export_button):
            button.setEnabled(False)
        self._job = self._context.tasks.job(
            work,
            done,
            owner=self,
            progress=self._progressed,
            change=change,
            failed=failed,
            always=self._job_ended,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()

    def _job_ended(self) -> None:
        self._job = None
        for widget in (self.job_label, self.progress, self.cancel_button):
            widget.hide()
        self.recompute_button.setEnabled(True)
        self.export_button.setEnabled(self._figures is not None)

    def _recomputed(self) -> None:
        # The change announced with the result has queued a reload; the label should not
        # lag behind the progress bar that just went away.
        self._reload_timer.stop()
        self.reload()

    def _export_failed(self, error: CrmError) -> None:
        if not isinstance(error, JobCancelledError):
            show_failure(self, error)

    # --- layout -------------------------------------------------------------------------

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.run_label = QLabel()
        row.addWidget(self.run_label, 1)
        self.job_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(200)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel_job)
        for widget in (self.job_label, self.progress, self.cancel_button):
            widget.hide()
            row.addWidget(widget)
        self.recompute_button = QPushButton(self.tr("Recompute"))
        self.recompute_button.setToolTip(
            self.tr("Recompute every customer's RFM segment, lifecycle stage and score")
        )
        self.recompute_button.clicked.connect(self.recompute)
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.clicked.connect(self.edit_settings)
        self.export_button = QPushButton(self.tr("Export report…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_report)
        for button in (self.recompute_button, self.settings_button, self.export_button):
            row.addWidget(button)
        return row

    def _build_tiles(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.stage_tile = StageTile(self.tr("Customers by lifecycle stage"))
        self.revenue_tile = Tile(self.tr("Revenue this month"))
        self.follow_up_tile = Tile(self.tr("Overdue follow-ups"))
        self.complaint_tile = Tile(self.tr("Open complaints"))
        self.satisfaction_tile = Tile(self.tr("Average satisfaction"))
        row.addWidget(self.stage_tile, 3)
        for tile in (
            self.revenue_tile,
            self.follow_up_tile,
            self.complaint_tile,
            self.satisfaction_tile,
        ):
            row.addWidget(tile, 1)
        return row

    def _build_charts(self) -> QGridLayout:
        grid = QGridLayout()
        self.segment_chart = BarChart(
            self.tr("Customers by value segment"), PALETTE["customers"], horizontal=True
        )
        self.segment_chart.bar_clicked.connect(
            lambda index: self.request_segment(list(ValueSegment)[index])
        )
        self.revenue_chart = BarChart(
            self.tr("Revenue by month (thousand ¥)"), PALETTE["revenue"], value_format="%.0f"
        )
        self.revenue_chart.series.setLabelsVisible(False)
        self.stage_chart = BarChart(self.tr("Lifecycle funnel"), PALETTE["stages"], horizontal=True)
        self.stage_chart.bar_clicked.connect(
            lambda index: self.request_stage(list(LifecycleStage)[index])
        )
        self.complaint_chart = BarChart(
            self.tr("Complaints by deadline"), PALETTE["complaints"], horizontal=True
        )
        self.satisfaction_chart = TrendChart(self.tr("Satisfaction by month"))
        # Three bar charts on top, the two charts of twelve months below: on half the width
        # each, their month labels fit without being cut.
        for column, chart in enumerate(
            (self.segment_chart, self.stage_chart, self.complaint_chart)
        ):
            grid.addWidget(chart, 0, 2 * column, 1, 2)
        grid.addWidget(self.revenue_chart, 1, 0, 1, 3)
        grid.addWidget(self.satisfaction_chart, 1, 3, 1, 3)
        for column in range(6):
            grid.setColumnStretch(column, 1)
        return grid


def _month(first_day: date) -> str:
    """A month as a short axis label: "Mar" or "3月"."""
    return QLocale().toString(QDate(first_day.year, first_day.month, 1), "MMM")


def _number(value: Decimal, places: int) -> str:
    return QLocale().toString(float(value), "f", places)


def _signed_percent(change: Decimal) -> str:
    sign = "+" if change > 0 else ""
    return f"{sign}{_number(change, 1)}%"


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
