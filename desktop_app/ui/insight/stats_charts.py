"""The Statistics window's pictures (QtCharts): where the space goes by category as a pie,
count and size per category as bars, and a monthly histogram of when data last changed.

Each builder returns a ready QChartView; sizes are plotted in the unit that fits the
largest value, so the axis reads "GiB" rather than a ten-digit number.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from desktop_app.core.humanize import human_size
from desktop_app.ui.insight.stats_view import Share
from desktop_app.ui.shell.i18n import translate

_UNITS = ("bytes", "KiB", "MiB", "GiB", "TiB", "PiB")


def size_unit(largest: int) -> tuple[str, float]:
    """The unit name and divisor that keep the largest plotted size between 1 and 1024."""
    divisor, index = 1.0, 0
    while largest >= 1024 * divisor and index < len(_UNITS) - 1:
        divisor *= 1024
        index += 1
    return _UNITS[index], divisor


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart, parent)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(320, 240)
    return view


def pie_chart(shares: Sequence[Share], title: str, parent: QWidget | None = None) -> QChartView:
    """Size per share as a pie; the legend gives each slice's size and share of the total."""
    series = QPieSeries()
    series.setObjectName("pieSeries")
    total = sum(s.size for s in shares) or 1
    for share in shares:
        if share.size <= 0:
            continue
        # The legend beside the pie names every slice with its size and share (labels on
        # the slices themselves would run off the chart's edge for long names).
        series.append(
            f"{share.label} {human_size(share.size)} ({100 * share.size / total:.0f}%)",
            float(share.size))
    chart = QChart()
    chart.setTitle(title if series.count() else translate(
        "StatsCharts", "{title}: nothing stored here").format(title=title))
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return _view(chart, "categoryPie", parent)


def _axes(chart: QChart, series: QBarSeries | QHorizontalBarSeries, labels: list[str],
          unit: str, top: float) -> None:
    """Category labels along the bars' base, values (in `unit`) along their length, from
    0 to `top` (an empty chart, with `top` 0, still gets a valid axis)."""
    horizontal = isinstance(series, QHorizontalBarSeries)
    categories = QBarCategoryAxis()
    categories.append(labels)
    if not horizontal and len(labels) > 12:
        categories.setLabelsAngle(-90)  # months: upright, so "2025-03" is never cut
    values = QValueAxis()
    values.setTitleText(unit)
    values.setLabelFormat("%.0f" if unit == "objects" else "%.1f")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal
                  else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal
                  else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)
    values.setRange(0.0, top if top > 0 else 1.0)
    if top > 0:
        values.applyNiceNumbers()


def bar_chart(shares: Sequence[Share], title: str, name: str, by_size: bool,
              parent: QWidget | None = None) -> QChartView:
    """One horizontal bar per share (so long labels read in full): its size, in the unit
    that fits, or its number of objects."""
    if by_size:
        unit, divisor = size_unit(max((s.size for s in shares), default=0))
    else:
        unit, divisor = "objects", 1.0
    bars = QBarSet(translate(
        "StatsCharts", "Size") if by_size else translate(
        "StatsCharts", "Objects"))
    values = [(s.size if by_size else s.count) / divisor for s in reversed(shares)]
    for value in values:  # the first share on top
        bars.append(value)
    series = QHorizontalBarSeries()
    series.setObjectName(f"{name}Series")
    series.append(bars)
    series.setBarWidth(min(0.8, 0.25 * max(len(shares), 1)))  # one class: not a wall of blue
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    _axes(chart, series, [s.label for s in reversed(shares)], unit, max(values, default=0))
    chart.legend().hide()
    return _view(chart, name, parent)


def month_histogram(months: Sequence[Share], parent: QWidget | None = None) -> QChartView:
    """Size last changed per month, oldest month on the left."""
    unit, divisor = size_unit(max((m.size for m in months), default=0))
    sizes = QBarSet(translate(
        "StatsCharts", "Size ({unit}) by month of last change").format(unit=unit))
    values = [month.size / divisor for month in months]
    for value in values:
        sizes.append(value)
    series = QBarSeries()
    series.setObjectName("monthSeries")
    series.append(sizes)
    chart = QChart()
    chart.setTitle(translate("StatsCharts", "When the data last changed"))
    chart.addSeries(series)
    _axes(chart, series, [m.label for m in months], unit, max(values, default=0))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return _view(chart, "monthHistogram", parent)
