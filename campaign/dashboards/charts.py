"""Charts drawn on the server: SVG coordinates and a sentence describing each chart.

The template (templates/campaign/dashboards/_chart.html) writes the SVG with a <title> and
<desc> for screen readers and the data as a table beside it. Colours come from CSS classes in
static/chorus/admin.css: the Content-Security-Policy refuses inline style, and no script runs.
"""

from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from campaign.dashboards.registry import Chart

WIDTH = 720
HEIGHT = 220
# Room for the axis labels: left for the values, below for the dates.
LEFT = 48
BOTTOM = 24
TOP = 8


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PlottedSeries:
    label: str
    number: int  # 1-based: the CSS class chorus-series-N colours it
    points: str  # for <polyline points="…">
    bars: list[Bar]


@dataclass(frozen=True)
class Plot:
    width: int
    height: int
    left: int
    baseline: float
    top: int
    peak: int
    series: list[PlottedSeries]
    first_day: str
    last_day: str
    description: str
    rows: list[tuple]  # the data table: (day, value of each series)


def plot(chart: Chart, *, width: int = WIDTH, height: int = HEIGHT) -> Plot:
    """Coordinates for every series of `chart`, scaled so its largest value touches the top."""
    days = list(chart.days)
    peak = max((max(s.values, default=0) for s in chart.series), default=0)
    scale_top = peak or 1
    plot_height = height - BOTTOM - TOP
    baseline = height - BOTTOM
    step = (width - LEFT) / max(len(days), 1)

    def y(value: int) -> float:
        return round(baseline - value * plot_height / scale_top, 1)

    plotted = []
    for number, series in enumerate(chart.series, start=1):
        bars, points = [], []
        for index, value in enumerate(series.values):
            x = LEFT + index * step
            points.append(f"{round(x + step / 2, 1)},{y(value)}")
            if chart.kind == "bars" and number == 1:
                top = y(value)
                bars.append(
                    Bar(
                        x=round(x + step * 0.1, 1),
                        y=top,
                        width=round(step * 0.8, 1),
                        height=round(baseline - top, 1),
                    )
                )
        plotted.append(
            PlottedSeries(
                label=series.label,
                number=number,
                points=" ".join(points) if not bars else "",
                bars=bars,
            )
        )
    return Plot(
        width=width,
        height=height,
        left=LEFT,
        baseline=baseline,
        top=TOP,
        peak=peak,
        series=plotted,
        first_day=date_format(days[0], "SHORT_DATE_FORMAT") if days else "",
        last_day=date_format(days[-1], "SHORT_DATE_FORMAT") if days else "",
        description=describe(chart),
        rows=[(day, *(s.values[i] for s in chart.series)) for i, day in enumerate(days)],
    )


def describe(chart: Chart) -> str:
    """One sentence per series: its last value or total, and its busiest day."""
    days = list(chart.days)
    if not days:
        return _("No days to show.")
    sentences = [
        _("From %(first)s to %(last)s.")
        % {"first": date_format(days[0]), "last": date_format(days[-1])}
    ]
    for series in chart.series:
        values = list(series.values)
        if not any(values):
            sentences.append(_("%(label)s: none.") % {"label": series.label})
            continue
        if chart.cumulative:
            sentences.append(
                _("%(label)s: %(start)s, then %(end)s at the end.")
                % {
                    "label": series.label,
                    "start": number_format(values[0], force_grouping=True),
                    "end": number_format(values[-1], force_grouping=True),
                }
            )
            continue
        peak = max(values)
        peak_day = days[values.index(peak)]
        sentences.append(
            _("%(label)s: %(total)s in all, most on %(day)s (%(peak)s).")
            % {
                "label": series.label,
                "total": number_format(sum(values), force_grouping=True),
                "day": date_format(peak_day),
                "peak": number_format(peak, force_grouping=True),
            }
        )
    return " ".join(sentences)
