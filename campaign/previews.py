"""Staff previews: a draft campaign's pages (campaign, petition, letters) before publishing.

A preview is served at the page's public URL, so its links lead to the other previews. The
public lookup runs first and only its 404 asks who is asking: a public page never reads the
session, so the petition page stays the same bytes for everyone (no `Vary: Cookie`). Staff
who may view campaigns then get the draft, and the request is marked as a preview:

- the page says so: base.html shows a banner, and `<meta name="robots" content="noindex">`,
  while `preview` is true (the context processor `campaign.context_processors.preview`);
- the response (views decorated with `previewable`) carries `X-Robots-Tag: noindex` and
  never-cache headers including `private`, so no proxy or CDN keeps it, and nothing of it
  goes into the process's cache of public pages;
- acting from it creates nothing: a draft campaign is not open, so signing is refused by the
  service, and the views refuse to sign or send a letter with a message that says why.
"""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.http import Http404
from django.utils.cache import add_never_cache_headers

T = TypeVar("T")

_MARK = "chorus_preview"


def can_preview(request) -> bool:
    """Staff who may view campaigns in the admin (organisers, data staff, superusers)."""
    user = request.user
    return user.is_active and user.is_staff and user.has_perm("campaign.view_campaign")


def public_or_preview(request, select: Callable[..., T], /, **lookup) -> T:
    """`select(**lookup)`, a selector of public pages that raises Http404; for staff, when it
    does, `select(**lookup, preview=True)`, and the request becomes a preview."""
    try:
        return select(**lookup)
    except Http404:
        if not can_preview(request):
            raise
    found = select(**lookup, preview=True)
    setattr(request, _MARK, True)
    return found


def is_preview(request) -> bool:
    return getattr(request, _MARK, False)


def previewable(view):
    """For views that call public_or_preview: a preview's response goes out marked."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if is_preview(request):
            response["X-Robots-Tag"] = "noindex"
            add_never_cache_headers(response)  # includes `private`: shared caches keep nothing
        return response

    return wrapped
