"""Public pages of the campaign app."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from campaign import selectors


@require_safe
def home(request):
    return render(request, "campaign/home.html", {"campaigns": selectors.campaign_list_public()})


@require_safe
def campaign_detail(request, slug: str):
    campaign = selectors.campaign_get_public(slug=slug)
    return render(request, "campaign/detail.html", {"campaign": campaign})


@require_safe
def privacy(request):
    return render(request, "campaign/privacy.html")
