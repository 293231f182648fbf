"""Reads of the campaign app, for views and other apps."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from campaign.directory.importers.parsing import match_key
from campaign.directory.selectors import office_holder_current
from campaign.models import (
    CallPage,
    Campaign,
    DonationLink,
    SourceDocument,
    Target,
    content_hash,
)


def campaign_list_public() -> QuerySet[Campaign]:
    """Published and closed campaigns, newest first, for the home page."""
    return Campaign.objects.public().order_by("status", "-published_at")


def campaign_theme_get(*, slug: str) -> Campaign:
    """A campaign with a colour of its own, for its stylesheet; 404 otherwise. Drafts too: a
    staff preview shows their colour, and a colour tells nothing about what a draft says."""
    return get_object_or_404(
        Campaign.objects.exclude(brand_colour="").only("slug", "brand_colour"), slug=slug
    )


def campaign_share_card_get(*, slug: str) -> Campaign:
    """A public campaign with only what its share image draws (title in both languages, and
    what its cache version hashes); 404 for drafts and unknowns. Lighter than
    `campaign_get_public`, which prefetches everything the campaign page shows."""
    return get_object_or_404(Campaign.objects.public(), slug=slug)


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
            Prefetch("call_pages", queryset=CallPage.objects.order_by("id")),
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
    warnings.extend(
        _("%(campaign)s: %(warning)s") % {"campaign": campaign.title, "warning": warning}
        for warning in campaign_role_warnings(campaign=campaign)
    )
    return warnings


# --- Targets by role: who their offices' holders are now --------------------------------------


def _letter_role_targets(campaign: Campaign) -> list[Target]:
    """The campaign's targets by role that a letter template writes to."""
    return list(
        Target.objects.filter(
            campaign=campaign, office__isnull=False, letter_templates__isnull=False
        )
        .select_related("office")
        .distinct()
        .order_by("id")
    )


def campaign_publish_refusals(*, campaign: Campaign) -> list[str]:
    """Why the campaign cannot be published now (empty: it can); one sentence per reason.

    A letter written to an office nobody holds, or whose holder the directory has no address
    for, would reach nobody: campaign_publish refuses it, whichever way it is published.
    """
    refusals = []
    for target in _letter_role_targets(campaign):
        holder = office_holder_current(office=target.office)
        if holder is None:
            refusals.append(
                _(
                    "%(campaign)s: nobody holds the office of %(office)s now, so its letter "
                    "has no recipient. Import the ministry, or make the target a fixed "
                    "recipient."
                )
                % {"campaign": campaign.title, "office": target.office.title_en}
            )
        elif not holder.letter_email:
            refusals.append(
                _(
                    "%(campaign)s: %(holder)s holds the office of %(office)s, but the "
                    "directory has no address for them. Give the office holder an email."
                )
                % {
                    "campaign": campaign.title,
                    "holder": holder.name,
                    "office": target.office.title_en,
                }
            )
    return refusals


def campaign_role_warnings(*, campaign: Campaign) -> list[str]:
    """Targets by role whose document names someone who no longer holds the office.

    The letters go to the holder now regardless; the organiser may want to edit the wording.
    """
    warnings = []
    for target in _letter_role_targets(campaign):
        holder = office_holder_current(office=target.office)
        if not target.document_name or holder is None:
            continue
        if match_key(target.document_name) != match_key(holder.name):
            warnings.append(
                _("The document names %(named)s as %(office)s; %(holder)s holds the office now.")
                % {
                    "named": target.document_name,
                    "office": target.office.title_en,
                    "holder": holder.name,
                }
            )
    return warnings


def source_document_get_by_text(*, text: str) -> SourceDocument | None:
    """The document already imported with exactly this text (documents are their text's hash)."""
    return SourceDocument.objects.filter(sha256=content_hash(text)).first()
