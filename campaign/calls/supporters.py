"""Who pressed "I called", without accounts: a random id in a signed cookie.

The id is made on a supporter's first press and set then (a page that was only read sets
nothing). It is signed (django.core.signing, with its own salt), so it cannot be written by
hand: a cookie whose signature fails is ignored and replaced by a new id, which counts as a
new supporter, no more than clearing cookies does (and first presses are rate-limited per
client address: campaign.calls.throttle). It is sent only to the call pages (`/calls/`).
"""

import uuid

from django.conf import settings
from django.core.signing import BadSignature
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "chorus_caller"
COOKIE_PATH = "/calls/"
_SALT = "campaign.calls.supporter"


def _max_age() -> int:
    return settings.CALLS_COOKIE_DAYS * 24 * 60 * 60


def supporter_id(request: HttpRequest) -> uuid.UUID | None:
    """The id in the request's cookie, if it carries a good signature and has not expired."""
    try:
        value = request.get_signed_cookie(COOKIE_NAME, salt=_SALT, max_age=_max_age())
        return uuid.UUID(value)
    except (KeyError, BadSignature, ValueError):
        return None


def supporter_id_new() -> uuid.UUID:
    return uuid.uuid4()


def supporter_cookie_set(response: HttpResponse, supporter: uuid.UUID) -> None:
    """Remember the supporter on this browser, for CALLS_COOKIE_DAYS."""
    response.set_signed_cookie(
        COOKIE_NAME,
        supporter.hex,
        salt=_SALT,
        max_age=_max_age(),
        path=COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
