"""The petitions' figures for the admin dashboards (registered in PetitionsConfig.ready).

Aggregates only: a campaign with a million signatures costs a few GROUP BYs over its
petitions' rows (on signature_petition_day_idx and the partial index of counted ones).
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.dashboards.periods import counts_per_day, running_total
from campaign.dashboards.registry import Chart, FigureSource, Link, Section, Series, Table, Window
from petitions import selectors
from petitions.delivery_page import PERMISSION as DELIVERY_PERMISSION
from petitions.models import COUNTED, Petition, Signature


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def campaign_summaries(campaign_ids: list[int], window: Window) -> dict[int, list]:
    """Per campaign: signatures counted today, counted in all, and the confirmation rate (of
    the signatures not flagged, the share confirmed)."""
    rows = (
        Signature.objects.filter(petition__campaign_id__in=campaign_ids)
        .values("petition__campaign_id")
        .annotate(
            today=Count("pk", filter=COUNTED & Q(confirmed_at__gte=window.today_start)),
            counted=Count("pk", filter=COUNTED),
            genuine=Count("pk", filter=Q(is_flagged=False)),
        )
        .order_by()
    )
    return {
        row["petition__campaign_id"]: [
            row["today"],
            row["counted"],
            _percent(row["counted"], row["genuine"]),
        ]
        for row in rows
    }


def campaign_sections(campaign, window: Window) -> list[Section]:
    """One section per petition: signed and confirmed per day, the running count, provinces."""
    return [_petition_section(petition, window) for petition in campaign.petitions.order_by("pk")]


def _petition_section(petition: Petition, window: Window) -> Section:
    counted = Signature.objects.filter(COUNTED, petition=petition)
    confirmed = counts_per_day(counted, field="confirmed_at", window=window)
    signed = counts_per_day(
        Signature.objects.filter(petition=petition, is_flagged=False),
        field="created_at",
        window=window,
    )
    before = counted.filter(confirmed_at__lt=window.start).count()
    by_province, _by_riding = selectors.petition_counts_by_area(petition=petition)
    return Section(
        title=_("Petition: %(title)s") % {"title": petition.title},
        charts=[
            Chart(
                title=_("Signatures per day"),
                days=window.days,
                series=[
                    Series(label=_("signed"), values=signed),
                    Series(label=_("confirmed and counted"), values=confirmed),
                ],
            ),
            Chart(
                title=_("Signatures counted, cumulative"),
                days=window.days,
                series=[Series(label=_("counted"), values=running_total(confirmed, before=before))],
                cumulative=True,
            ),
        ],
        tables=[
            Table(
                title=_("Signatures counted by province"),
                headers=[_("Province"), _("Signatures")],
                rows=[(area.name, area.count) for area in by_province],
                empty=_("none counted yet."),
            ),
            Table(
                title=_("Signatures by source"),
                headers=[_("Source"), _("Signed"), _("Counted")],
                rows=[
                    (row.source or _("(none)"), row.signed, row.counted)
                    for row in selectors.signature_counts_by_source(petition=petition)
                ],
                empty=_("none yet."),
            ),
        ],
        links=[
            Link(
                label=_("Printable list of signers for the target"),
                url=reverse("admin:petitions_petition_delivery", args=[petition.pk]),
                permission=DELIVERY_PERMISSION,
            ),
            Link(
                label=_("The petition in the admin"),
                url=reverse("admin:petitions_petition_change", args=[petition.pk]),
                permission="petitions.view_petition",
            ),
        ],
    )


def campaign_outbox_related(campaign) -> list:
    """What the campaign's petition emails are queued for: signatures (confirmations) and
    petitions (progress emails to the target)."""
    return [
        Signature.objects.filter(petition__campaign=campaign),
        Petition.objects.filter(campaign=campaign),
    ]


SOURCE = FigureSource(
    name="petitions",
    columns=[
        gettext_lazy("Signatures today"),
        gettext_lazy("Signatures"),
        gettext_lazy("Confirmation rate"),
    ],
    summaries=campaign_summaries,
    sections=campaign_sections,
    outbox_related=campaign_outbox_related,
    order=10,
)
