"""Reads of the campaign app, for views and other apps."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from campaign.models import Campaign, DonationLink, SourceDocument, content_hash


def campaign_list_public() -> QuerySet[Campaign]:
    """Published and closed campaigns, newest first, for the home page."""
    return Campaign.objects.public().order_by("status", "-published_at")


def campaign_get_public(*, slug: str, preview: bool = False) -> Campaign:
    """A campaign supporters may see, with what its page shows; 404 for drafts and unknowns.

    With `preview` (staff only: campaign.previews decides), a draft campaign too."""
    campaigns = Campaign.objects.all() if preview else Campaign.objects.public()
    return get_object_or_404(
        campaigns.prefetch_related(
            "sources",
            "petitions",
            "letter_templates__targets",
            Prefetch("donation_links", queryset=DonationLink.objects.order_by("id")),
        ),
        slug=slug,
    )


def campaign_publish_warnings(*, campaign: Campaign) -> list[str]:
    """What an organiser should still fill in on a published campaign (nothing blocks it)."""
    warnings = [
        _("%(campaign)s: the donation link for %(organisation)s has no URL yet.")
        % {"campaign": campaign.title, "organisation": link.organisation}
        for link in campaign.donation_links.filter(url="")
    ]
    if campaign.letters_in_test_mode:
        warnings.append(
            _("%(campaign)s: letters are in test mode and go to the test address.")
            % {"campaign": campaign.title}
        )
    return warnings


def source_document_get_by_text(*, text: str) -> SourceDocument | None:
    """The document already imported with exactly this text (documents are their text's hash)."""
    return SourceDocument.objects.filter(sha256=content_hash(text)).first()
