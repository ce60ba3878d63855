"""Small QtCharts views for the dashboard: a bar chart whose bars can be clicked and a
two-line trend with an axis each, in one palette so that charts side by side match."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

T = TypeVar("T")

# One colour per kind of figure, the same wherever it appears.
PALETTE = {
    "customers": QColor("#3b6fb6"),
    "revenue": QColor("#2f9e8f"),
    "stages": QColor("#5a8f3c"),
    "complaints": QColor("#d9822b"),
    "csat": QColor("#3b6fb6"),
    "nps": QColor("#c2504a"),
}
_AXIS_FONT_POINTS = 8
_TITLE_FONT_POINTS = 10
# Room beyond the longest bar for its value label.
_HEADROOM = 1.15
_TICKS = 4  # about this many steps along a value axis
_LABEL_COLOR = QColor("#333333")


def _new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSize(_TITLE_FONT_POINTS)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(0)
    chart.legend().hide()
    return chart


def _small(axis: QBarCategoryAxis | QValueAxis) -> None:
    font = QFont(axis.labelsFont())
    font.setPointSize(_AXIS_FONT_POINTS)
    axis.setLabelsFont(font)


def _view(view: QChartView, chart: QChart) -> None:
    view.setChart(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(200, 150)


class BarChart(QChartView):
    """One bar per category, each labelled with its value. Horizontal bars read from the
    top down, in the order given. Clicking a bar emits its category's index."""

    bar_clicked = Signal(int)

    def __init__(
        self,
        title: str,
        color: QColor,
        *,
        horizontal: bool = False,
        value_format: str = "%d",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        chart = _new_chart(title)
        self.bars = QBarSet("")
        self.bars.setColor(color)
        self.bars.setBorderColor(color)
        self.bars.setLabelColor(_LABEL_COLOR)
        self.series: QAbstractBarSeries = QHorizontalBarSeries() if horizontal else QBarSeries()
        self.series.append(self.bars)
        self.series.setBarWidth(0.7)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        self.series.setLabelsPrecision(12)
        self.series.clicked.connect(lambda index, _bars: self.bar_clicked.emit(self._given(index)))
        chart.addSeries(self.series)
        self.category_axis = QBarCategoryAxis()
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat(value_format)
        for axis in (self.category_axis, self.value_axis):
            _small(axis)
        self.category_axis.setGridLineVisible(False)
        # Horizontal bars are drawn from the bottom up, so they are handed over reversed
        # for the first to be on top (the axis's setReverse leaves bar series alone).
        self._reversed = horizontal
        if horizontal:
            chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.category_axis)
        self.series.attachAxis(self.value_axis)
        _view(self, chart)

    def set_bars(self, categories: Sequence[str], values: Sequence[float]) -> None:
        """Show one bar per category, in the order given."""
        if self.bars.count():
            self.bars.remove(0, self.bars.count())
        self.bars.append(self._drawn(list(values)))
        self.category_axis.clear()
        self.category_axis.append(self._drawn(list(categories)))
        _fit_axis(self.value_axis, min([0.0, *values]), max([0.0, *values]) * _HEADROOM)

    def values(self) -> list[float]:
        """The values shown, in the order given to `set_bars`."""
        return self._drawn([self.bars.at(index) for index in range(self.bars.count())])

    def categories(self) -> list[str]:
        return self._drawn(list(self.category_axis.categories()))

    def _drawn(self, items: list[T]) -> list[T]:
        """`items` in the order the bars are drawn (or back, drawing being symmetric)."""
        return items[::-1] if self._reversed else items

    def _given(self, index: int) -> int:
        """The index in `set_bars`'s order of the bar drawn at `index`."""
        return self.bars.count() - 1 - index if self._reversed else index


@dataclass(frozen=True)
class TrendLine:
    """One line of a trend: its name, a value per category (None: no point there) and
    the range and label format of its axis."""

    name: str
    values: Sequence[float | None]
    low: float
    high: float
    label_format: str
    color: QColor


class TrendChart(QChartView):
    """Two lines over the same categories (months), the first on the left axis, the
    second on the right, with a legend naming them."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = _new_chart(title)
        legend = chart.legend()
        legend.show()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        font = QFont(legend.font())
        font.setPointSize(_AXIS_FONT_POINTS)
        legend.setFont(font)
        self.category_axis = QBarCategoryAxis()
        self.category_axis.setGridLineVisible(False)
        _small(self.category_axis)
        chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignBottom)
        self.lines: list[QLineSeries] = []
        self.value_axes: list[QValueAxis] = []
        for side in (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight):
            series = QLineSeries()
            series.setPointsVisible(True)
            chart.addSeries(series)
            axis = QValueAxis()
            _small(axis)
            chart.addAxis(axis, side)
            series.attachAxis(self.category_axis)
            series.attachAxis(axis)
            self.lines.append(series)
            self.value_axes.append(axis)
        self.value_axes[1].setGridLineVisible(False)
        _view(self, chart)

    def set_trend(self, categories: Sequence[str], left: TrendLine, right: TrendLine) -> None:
        self.category_axis.clear()
        self.category_axis.append(list(categories))
        for series, axis, line in zip(self.lines, self.value_axes, (left, right), strict=True):
            series.clear()
            series.setName(line.name)
            pen = series.pen()
            pen.setColor(line.color)
            pen.setWidth(2)
            series.setPen(pen)
            series.setColor(line.color)
            for index, value in enumerate(line.values):
                if value is not None:
                    series.append(index, value)
            axis.setRange(line.low, line.high)
            axis.setLabelFormat(line.label_format)
            axis.setLinePenColor(line.color)
            axis.setLabelsColor(line.color)

    def points(self, line: int) -> list[tuple[float, float]]:
        return [(point.x(), point.y()) for point in self.lines[line].points()]


def _fit_axis(axis: QValueAxis, low: float, high: float) -> None:
    """Range `axis` over `low`…`high` (widened to round numbers) with ticks on round
    steps of 1, 2 or 5 times a power of ten (whole numbers), about four of them."""
    span = max(high - low, 1.0)
    magnitude = 10 ** max(0, math.floor(math.log10(span / _TICKS)))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude * _TICKS >= span)
    axis.setRange(math.floor(low / step) * step, math.ceil(high / step) * step)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
