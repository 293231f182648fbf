"""Public pages of the campaign app."""

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from campaign import selectors


@require_safe
def home(request):
    """Published and closed campaigns, newest first."""
    return render(request, "campaign/home.html", {"campaigns": selectors.campaign_list_public()})


@require_safe
def campaign_detail(request, slug: str):
    """One campaign: its summary, what supporters can do, and its sources (404 for drafts)."""
    campaign = selectors.campaign_get_public(slug=slug)
    return render(request, "campaign/detail.html", {"campaign": campaign})


@require_safe
def privacy(request):
    """What Chorus keeps about supporters, why, and for how long."""
    return render(
        request,
        "campaign/privacy.html",
        {"OUTBOX_RETENTION_DAYS": settings.OUTBOX_RETENTION_DAYS},
    )


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
