"""The unsubscribe link of every mailing (RFC 8058): a page with a button, and the one-click POST.

GET asks (mail scanners follow links, and must not unsubscribe anyone); POST withdraws at
once, whether it comes from the page's button or from a mail client's one-click request
(`List-Unsubscribe=One-Click`, sent without cookies or a CSRF token, hence csrf_exempt:
forging it can only unsubscribe the link's own person). A token that was cut or altered gets
a 400 page; a link used again gets the same page as the first time.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from campaign.consent import services
from campaign.consent.links import TokenInvalid, unsubscribe_token_read
from campaign.consent.scopes import scope_describe

ONE_CLICK_VALUE = "One-Click"


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """GET: what the link unsubscribes from, and a button. POST: unsubscribed."""
    try:
        hashed, scope = unsubscribe_token_read(token)
    except TokenInvalid:
        return render(request, "consent/unsubscribe_invalid.html", status=400)
    context = {"token": token, "what": scope_describe(scope)}
    if request.method == "POST":
        services.consent_unsubscribe(
            mailbox_hash=hashed,
            scope=scope,
            one_click=request.POST.get("List-Unsubscribe") == ONE_CLICK_VALUE,
            page=request.build_absolute_uri(request.path),
        )
        return render(request, "consent/unsubscribed.html", context)
    return render(request, "consent/unsubscribe.html", context)
