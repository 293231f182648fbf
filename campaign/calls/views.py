"""The call page (script, numbers, an "I called" button per office) and its thank-you page.

The call page carries each visitor's CSRF token in its forms, so it is never cached (as the
petition's sign page); the campaign page, which links to it, has none. A press is a POST,
answered with a redirect to the thank-you page whatever happened to the count (counted now,
counted before, over the rate limit), so the answer says nothing about who called.
"""

from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_safe

from campaign import previews
from campaign.calls import selectors, services, supporters
from campaign.calls.forms import CalledForm
from campaign.calls.throttle import call_first_press_throttled
from campaign.models import CallPage


def _page(request, page: CallPage, *, status: int = 200):
    offices = selectors.call_page_offices(page=page)
    context = {
        "page": page,
        "campaign": page.campaign,
        "offices": offices,
        "total": selectors.call_total(offices),
    }
    response = render(request, "campaign/call.html", context, status=status)
    add_never_cache_headers(response)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@previews.previewable
def call_page(request, campaign: str, slug: str):
    """GET: the page. POST (from an office's button): count the call once for this supporter
    and thank them. Closed campaigns show the page without buttons and refuse a press (409);
    so does a staff preview of a draft campaign, with the buttons shown disabled."""
    page = previews.public_or_preview(
        request, selectors.call_page_get_public, campaign_slug=campaign, page_slug=slug
    )
    if request.method != "POST":
        return _page(request, page)
    if not page.campaign.is_open:
        return _page(request, page, status=409)
    form = CalledForm(request.POST, page=page)
    if not form.is_valid():
        return _page(request, page, status=400)
    thanks = redirect("campaign:call_thanks", campaign=campaign, slug=slug)
    supporter = supporters.supporter_id(request)
    if supporter is None:
        if call_first_press_throttled(request):
            return thanks  # counts nothing; thanked all the same
        supporter = supporters.supporter_id_new()
        supporters.supporter_cookie_set(thanks, supporter)
    services.call_record(page=page, target=form.cleaned_data["office"], supporter=supporter)
    return thanks


@require_safe
def call_thanks(request, campaign: str, slug: str):
    """After a press: the same thanks for everyone, with the way back to the other offices."""
    page = selectors.call_page_get_public(campaign_slug=campaign, page_slug=slug)
    return render(request, "campaign/call_thanks.html", {"page": page, "campaign": page.campaign})
