"""Reads of call pages: the public page, and its offices with how many called each."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from campaign.calls.drafting import OfficeName, office_label
from campaign.calls.phones import tel_uri
from campaign.models import CallPage, Campaign, Target


@dataclass(frozen=True)
class Office:
    """One office of a call page as the page shows it."""

    target: Target
    label: str
    phone: str
    tel: str
    calls: int


def call_page_get_public(*, campaign_slug: str, page_slug: str, preview: bool = False) -> CallPage:
    """A call page supporters may see (its campaign is published or closed), else 404. With
    `preview` (staff only: campaign.previews decides), one of a draft campaign too."""
    campaigns = Campaign.objects.all() if preview else Campaign.objects.public()
    return get_object_or_404(
        CallPage.objects.select_related("campaign"),
        campaign__in=campaigns,
        campaign__slug=campaign_slug,
        slug=page_slug,
    )


def _label(target: Target) -> str:
    named = OfficeName(
        name=target.name, role=target.role, kind=target.kind, organisation=target.organisation
    )
    return office_label(named) or target.phone


def call_page_offices(*, page: CallPage) -> list[Office]:
    """The page's offices (those with a number), in order, each with its count of supporters
    who said they called: counted in one query, never stored."""
    targets = (
        page.targets.exclude(phone="")
        .annotate(calls_made=Count("calls", filter=Q(calls__page=page)))
        .order_by("id")
    )
    return [
        Office(
            target=target,
            label=_label(target),
            phone=target.phone,
            tel=tel_uri(target.phone),
            calls=target.calls_made,
        )
        for target in targets
    ]


def call_total(offices: list[Office]) -> int:
    """All the calls a page's offices were called, by everyone (a supporter once per office)."""
    return sum(office.calls for office in offices)
