"""The supporter's removal page: the signed link in their emails, then "done".

GET shows what will be removed and a button; only the POST removes (mail scanners follow
links). A link that was cut, altered or has expired, or whose data is gone already, gets a
page saying so, and nothing changes.
"""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from campaign.outbox import Suppression
from campaign.privacy import services
from campaign.privacy.links import LinkExpired, LinkInvalid, removal_token_read
from campaign.privacy.registry import link_target


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def supporter_data_remove(request, token: str):
    """The removal link's page: GET asks, POST erases everything under the link's mailbox."""
    try:
        kind, object_id = removal_token_read(token)
    except LinkExpired:
        return _problem(request, "expired", status=410)
    except LinkInvalid:
        return _problem(request, "invalid", status=400)
    target = link_target(kind, object_id)
    if target is None:
        return _problem(request, "gone", status=404)
    if request.method == "POST":
        services.supporter_data_erase(
            actor=None, address=target.mailbox_key, reason=Suppression.Reason.SELF_REMOVAL
        )
        return redirect("privacy:removed")
    return render(
        request, "privacy/remove.html", {"token": token, "description": target.description}
    )


@require_safe
def supporter_data_removed(request):
    """After removing: what was done. The same for everyone (it names nobody)."""
    return render(request, "privacy/removed.html")


def _problem(request, problem: str, *, status: int):
    return render(request, "privacy/remove_problem.html", {"problem": problem}, status=status)
