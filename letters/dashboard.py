"""The letters' figures for the admin dashboards (registered in LettersConfig.ready)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.dashboards.periods import counts_per_day
from campaign.dashboards.registry import Chart, FigureSource, Link, Section, Series, Table, Window
from campaign.directory.models import PROVINCE_CHOICES
from letters import reports
from letters.models import Letter

PROVINCE_NAMES = dict(PROVINCE_CHOICES)
# Ridings listed on the dashboard (the report page lists them all).
TOP_RIDINGS = 15


def campaign_summaries(campaign_ids: list[int], window: Window) -> dict[int, list]:
    sent = reports.letters_sent_per_campaign(campaign_ids=campaign_ids)
    return {campaign_id: [n] for campaign_id, n in sent.items()}


def campaign_sections(campaign, window: Window) -> list[Section]:
    """Letters confirmed per day, and letters sent by province and riding."""
    if not campaign.letter_templates.exists():
        return []
    per_day = counts_per_day(
        Letter.objects.filter(campaign=campaign, status=Letter.Status.CONFIRMED, test_mode=False),
        field="confirmed_at",
        window=window,
    )
    ridings = reports.letters_sent_per_riding(campaign=campaign)
    return [
        Section(
            title=_("Letters"),
            charts=[
                Chart(
                    title=_("Letters confirmed per day"),
                    days=window.days,
                    series=[Series(label=_("letters"), values=per_day)],
                    kind="bars",
                )
            ],
            tables=[
                Table(
                    title=_("Letters sent by province"),
                    headers=[_("Province"), _("Letters")],
                    rows=[
                        (PROVINCE_NAMES.get(code, code), n)
                        for code, n in reports.letters_sent_per_province(campaign=campaign)
                    ],
                    empty=_("none sent yet."),
                ),
                Table(
                    title=_("Letters sent by riding (the %(n)d with most)") % {"n": TOP_RIDINGS},
                    headers=[_("Riding"), _("Letters")],
                    rows=[
                        (row.label or _("Riding not known"), row.sent)
                        for row in ridings[:TOP_RIDINGS]
                    ],
                    empty=_("none sent yet."),
                ),
                Table(
                    title=_("Letters by source"),
                    headers=[_("Source"), _("Written"), _("Confirmed")],
                    rows=[
                        (row.source or _("(none)"), row.written, row.confirmed)
                        for row in reports.letters_by_source(campaign=campaign)
                    ],
                    empty=_("none yet."),
                ),
            ],
            links=[
                Link(
                    label=_("Letters report: per recipient and per riding, with dates"),
                    url=reverse("admin:letters_letter_report", args=[campaign.pk]),
                    permission="letters.view_letter",
                )
            ],
        )
    ]


def campaign_outbox_related(campaign) -> list:
    """Every letter email (confirmation, the letters, copies) is queued for its Letter."""
    return [Letter.objects.filter(campaign=campaign)]


SOURCE = FigureSource(
    name="letters",
    columns=[gettext_lazy("Letters sent")],
    summaries=campaign_summaries,
    sections=campaign_sections,
    outbox_related=campaign_outbox_related,
    order=20,
)
