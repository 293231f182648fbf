"""What a consent is for, as the short string stored in the ledger and signed in links.

`campaign:<id>` is one campaign's updates; `newsletter` is the organisation's newsletter.
"""

from django.utils.translation import gettext as _

NEWSLETTER = "newsletter"
_CAMPAIGN_PREFIX = "campaign:"


def campaign_scope(campaign_id: int) -> str:
    """The scope of one campaign's updates."""
    return f"{_CAMPAIGN_PREFIX}{int(campaign_id)}"


def campaign_id_of(scope: str) -> int | None:
    """The campaign a scope names, or None (the newsletter, or not a scope at all)."""
    if scope.startswith(_CAMPAIGN_PREFIX) and scope[len(_CAMPAIGN_PREFIX) :].isdigit():
        return int(scope[len(_CAMPAIGN_PREFIX) :])
    return None


def scope_is_valid(scope: str) -> bool:
    return scope == NEWSLETTER or campaign_id_of(scope) is not None


def scope_describe(scope: str) -> str:
    """How a page names the scope to the person (the campaign's title, in their language)."""
    campaign_id = campaign_id_of(scope)
    if campaign_id is None:
        return _("the newsletter")
    from campaign.models import Campaign

    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        return _("a campaign's updates")
    return _("updates about “%(title)s”") % {"title": campaign.shown.title}
