"""What an app tells the dashboards, and the sources registered so far.

An app registers one `FigureSource` in its AppConfig.ready:

    dashboard_source_register(FigureSource(name="petitions", columns=[…], summaries=…, …))

The dashboards call it with campaign ids or a campaign, never the other way round, so
campaign/ imports no app and the apps import only this module's small types.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import QuerySet


@dataclass(frozen=True)
class Series:
    """One line (or the bars) of a chart: a value per day of the chart's `days`."""

    label: str
    values: Sequence[int]


@dataclass(frozen=True)
class Chart:
    """A chart over days; `kind` "bars" draws its first series as bars, "lines" every series
    as a line; `cumulative` series are running totals (described by where they end). The
    dashboards draw it as SVG with a title, a description and a data table."""

    title: str
    days: Sequence[date]
    series: Sequence[Series]
    kind: str = "lines"
    cumulative: bool = False


@dataclass(frozen=True)
class Table:
    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence]
    empty: str = ""


@dataclass(frozen=True)
class Link:
    """A page of the app's own; shown only to users holding `permission` (when given)."""

    label: str
    url: str
    permission: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    charts: Sequence[Chart] = ()
    tables: Sequence[Table] = ()
    links: Sequence[Link] = ()


@dataclass(frozen=True)
class Window:
    """The days a dashboard shows, oldest first, and the moment the first one starts."""

    days: Sequence[date]
    start: datetime
    today_start: datetime


@dataclass(frozen=True)
class FigureSource:
    """One app's figures.

    `columns`: the headings it adds to the admin index's table of live campaigns.
    `summaries(campaign_ids, window)`: for each campaign id, one value per column (campaigns
    it has nothing for may be missing: they show dashes).
    `sections(campaign, window)`: what it adds to the campaign's page.
    `outbox_related(campaign)`: querysets of the objects the campaign's emails are queued for
    (a Signature, a Letter…), so the page can chart the campaign's outbox.
    """

    name: str
    columns: Sequence[str]
    summaries: Callable[[list[int], Window], dict[int, list]]
    sections: Callable[..., list[Section]]
    outbox_related: Callable[..., list[QuerySet]] = field(default=lambda campaign: [])
    order: int = 50


_sources: dict[str, FigureSource] = {}


def dashboard_source_register(source: FigureSource) -> None:
    """Add (or replace, by name) an app's figures."""
    _sources[source.name] = source


def dashboard_sources() -> list[FigureSource]:
    """The registered sources, in their display order."""
    return sorted(_sources.values(), key=lambda source: (source.order, source.name))
