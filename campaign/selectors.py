"""Reads of the campaign app, for views and other apps."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from campaign.models import Campaign, DonationLink


def campaign_list_public() -> QuerySet[Campaign]:
    """Published and closed campaigns, newest first, for the home page."""
    return Campaign.objects.public().order_by("status", "-published_at")


def campaign_get_public(*, slug: str) -> Campaign:
    """A campaign supporters may see, with what its page shows; 404 for drafts and unknowns."""
    return get_object_or_404(
        Campaign.objects.public().prefetch_related(
            "sources",
            "petitions",
            "letter_templates",
            Prefetch("donation_links", queryset=DonationLink.objects.order_by("id")),
        ),
        slug=slug,
    )
