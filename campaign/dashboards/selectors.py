"""What the dashboards show: the live campaigns on the admin index, and one campaign's page.

Every figure comes from the registered sources (registry.py) and the outbox, as aggregates.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.dashboards.charts import Plot, plot
from campaign.dashboards.periods import counts_per_day_by, window_ending_today
from campaign.dashboards.registry import (
    Chart,
    Link,
    Section,
    Series,
    Table,
    Window,
    dashboard_sources,
)
from campaign.models import Campaign
from campaign.outbox import Health, OutboundEmail, emails_related_to, outbox_health

# Live campaigns listed on the admin index at most (newest published first).
INDEX_CAMPAIGNS = 20
NO_FIGURE = "—"


@dataclass(frozen=True)
class CampaignRow:
    campaign: Campaign
    values: list
    dashboard_url: str


@dataclass(frozen=True)
class IndexDashboard:
    columns: list[str]
    rows: list[CampaignRow]
    outbox: Health


def admin_index_dashboard(*, now: datetime | None = None) -> IndexDashboard:
    """The live (published) campaigns with each source's figures, and the outbox's health."""
    campaigns = list(
        Campaign.objects.filter(status=Campaign.Status.PUBLISHED).order_by("-published_at", "-pk")[
            :INDEX_CAMPAIGNS
        ]
    )
    ids = [campaign.pk for campaign in campaigns]
    window = window_ending_today(1, now=now)
    sources = dashboard_sources()
    summaries = [(source, source.summaries(ids, window) if ids else {}) for source in sources]
    rows = []
    for campaign in campaigns:
        values = []
        for source, by_campaign in summaries:
            values.extend(by_campaign.get(campaign.pk) or [NO_FIGURE] * len(source.columns))
        rows.append(
            CampaignRow(
                campaign=campaign,
                values=values,
                dashboard_url=reverse("admin:campaign_campaign_dashboard", args=[campaign.pk]),
            )
        )
    return IndexDashboard(
        columns=[column for source in sources for column in source.columns],
        rows=rows,
        outbox=outbox_health(),
    )


@dataclass(frozen=True)
class ShownSection:
    """A section as the page draws it: its charts plotted, its links those the user may open."""

    title: str
    charts: list[tuple[Chart, Plot, str]]  # the chart, its drawing, its element id
    tables: list[Table]
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class CampaignDashboard:
    campaign: Campaign
    window: Window
    sections: list[ShownSection]


# The outbox's statuses as the campaign page charts them: a row being sent is still waiting.
_OUTBOX_LINES = [
    (gettext_lazy("queued"), (OutboundEmail.Status.QUEUED, OutboundEmail.Status.SENDING)),
    (gettext_lazy("sent"), (OutboundEmail.Status.SENT,)),
    (gettext_lazy("failed"), (OutboundEmail.Status.FAILED,)),
]


def campaign_dashboard(*, campaign: Campaign, days: int, user) -> CampaignDashboard:
    """One campaign's page over the last `days` days: each source's sections, then its
    outbox (emails queued per day, by what became of them)."""
    window = window_ending_today(days)
    sources = dashboard_sources()
    sections = [section for source in sources for section in source.sections(campaign, window)]
    related = [queryset for source in sources for queryset in source.outbox_related(campaign)]
    sections.append(_outbox_section(related=related, window=window))
    return CampaignDashboard(
        campaign=campaign,
        window=window,
        sections=[
            _shown(section, number=number, user=user)
            for number, section in enumerate(sections, start=1)
        ],
    )


def _outbox_section(*, related, window: Window) -> Section:
    by_status = counts_per_day_by(
        emails_related_to(related), field="created_at", window=window, by="status"
    )
    zeros = [0] * len(window.days)
    series = []
    for label, statuses in _OUTBOX_LINES:
        values = zeros
        for status in statuses:
            values = [a + b for a, b in zip(values, by_status.get(status, zeros), strict=True)]
        series.append(Series(label=label, values=values))
    chart = Chart(
        title=_("Emails of this campaign per day, by what became of them"),
        days=window.days,
        series=series,
    )
    return Section(title=_("Outbox"), charts=[chart])


def _shown(section: Section, *, number: int, user) -> ShownSection:
    return ShownSection(
        title=section.title,
        charts=[
            (chart, plot(chart), f"chart-{number}-{index}")
            for index, chart in enumerate(section.charts, start=1)
        ],
        tables=list(section.tables),
        links=[
            link for link in section.links if not link.permission or user.has_perm(link.permission)
        ],
    )
