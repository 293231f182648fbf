"""Public pages of the campaign app."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from campaign import branding, previews, selectors, share_images
from campaign.languages import current_language
from campaign.sharing import share_image_version

# A theme's address changes with its colour (Campaign.theme_url), so it can be kept a year.
THEME_MAX_AGE = 365 * 24 * 3600


@require_safe
def home(request):
    """Published and closed campaigns, newest first."""
    return render(request, "campaign/home.html", {"campaigns": selectors.campaign_list_public()})


@require_safe
@previews.previewable
def campaign_detail(request, slug: str):
    """One campaign: its summary, what supporters can do, and its sources (404 for drafts,
    except to staff, who get a preview)."""
    campaign = previews.public_or_preview(request, selectors.campaign_get_public, slug=slug)
    return render(request, "campaign/detail.html", {"campaign": campaign})


@require_safe
def campaign_theme(request, slug: str):
    """A campaign's colours as a stylesheet (campaign.branding); 404 when it has none."""
    campaign = selectors.campaign_theme_get(slug=slug)
    response = HttpResponse(branding.theme_css(campaign.brand_colour), content_type="text/css")
    patch_cache_control(response, public=True, max_age=THEME_MAX_AGE)
    return response


def _period(days: int) -> str:
    """A period for people: "2 years" for a whole number of years (a 29 February or two
    among them: 1,461 days is "4 years"), else "400 days"."""
    years, rest = divmod(days, 365)
    if years and rest <= (years + 3) // 4:
        return ngettext("%(n)d year", "%(n)d years", years) % {"n": years}
    return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}


@require_safe
def privacy(request):
    """What Chorus keeps about supporters, why, and for how long."""
    # The periods the retention tasks enforce, so the page cannot promise something else.
    retention = {
        "unconfirmed_days": settings.PETITIONS_UNCONFIRMED_DAYS,
        "ip_hash_days": settings.PETITIONS_IP_HASH_DAYS,
        "after_close": _period(settings.PETITIONS_RETENTION_AFTER_CLOSE_DAYS),
        "email_days": settings.OUTBOX_RETENTION_DAYS,
        "mailings_after_close": _period(settings.MAILINGS_AFTER_CLOSE_DAYS),
        "consent_after_close": _period(settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS),
        "webhook_days": settings.WEBHOOKS_RETENTION_DAYS,
        "call_cookie_days": settings.CALLS_COOKIE_DAYS,
    }
    return render(request, "campaign/privacy.html", {"retention": retention})


@never_cache
@require_safe
def healthz(request):
    """For load balancers and the compose healthcheck: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not healthy"
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


# A week: the address changes with the campaign (`?v=` its updated_at), so a new title is a new
# address and a long life in caches never shows an old one.
SHARE_IMAGE_SECONDS = 7 * 24 * 60 * 60


@require_safe
def share_image(request, slug: str):
    """The campaign's preview card (og:image): a PNG we draw, in the page's language."""
    campaign = selectors.campaign_share_card_get(slug=slug)
    png = share_images.share_image_png(
        slug=campaign.slug,
        language=current_language(),
        version=share_image_version(campaign),
        title=str(campaign.shown.title),
        footer=_("Chorus · Act with us"),
    )
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=SHARE_IMAGE_SECONDS, immutable=True)
    return response
