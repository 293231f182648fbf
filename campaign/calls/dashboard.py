"""The call pages' figures for the admin dashboards (registered in CampaignConfig.ready)."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.calls.selectors import call_page_offices
from campaign.dashboards.periods import counts_per_day
from campaign.dashboards.registry import Chart, FigureSource, Section, Series, Table, Window
from campaign.models import Call


def campaign_summaries(campaign_ids: list[int], window: Window) -> dict[int, list]:
    rows = (
        Call.objects.filter(page__campaign_id__in=campaign_ids)
        .values("page__campaign_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["page__campaign_id"]: [row["n"]] for row in rows}


def campaign_sections(campaign, window: Window) -> list[Section]:
    """Calls counted per day, and per office on each call page."""
    pages = list(campaign.call_pages.order_by("pk"))
    if not pages:
        return []
    return [
        Section(
            title=_("Calls"),
            charts=[
                Chart(
                    title=_("Calls counted per day"),
                    days=window.days,
                    series=[
                        Series(
                            label=_("calls"),
                            values=counts_per_day(
                                Call.objects.filter(page__campaign=campaign),
                                field="created_at",
                                window=window,
                            ),
                        )
                    ],
                    kind="bars",
                )
            ],
            tables=[
                Table(
                    title=_("Calls counted per office: %(page)s") % {"page": page.title},
                    headers=[_("Office"), _("Calls")],
                    rows=[(office.label, office.calls) for office in call_page_offices(page=page)],
                    empty=_("no office with a number."),
                )
                for page in pages
            ],
        )
    ]


SOURCE = FigureSource(
    name="calls",
    columns=[gettext_lazy("Calls")],
    summaries=campaign_summaries,
    sections=campaign_sections,
    order=30,
)
