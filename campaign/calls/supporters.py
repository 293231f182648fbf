"""Who pressed "I called", without accounts: a random id in a signed cookie.

The id is made on a supporter's first press and set then (a page that was only read sets
nothing). It is signed (django.core.signing, with its own salt), so it cannot be written by
hand: a cookie whose signature fails is ignored and replaced by a new id, which counts as a
new supporter, no more than clearing cookies does (and first presses are rate-limited per
client address: campaign.calls.throttle). It is sent only to the call pages: `/calls/` and
the same pages in the other languages (`/fr/calls/`), set once for each path.
"""

import uuid

from django.conf import settings
from django.core.signing import BadSignature
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "chorus_caller"
COOKIE_PATH = "/calls/"  # English; each other language has its own prefix (cookie_paths)
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


def cookie_paths() -> list[str]:
    """Where the call pages are, in every site language (campaign/urls.py: English has no
    prefix), so one cookie counts a supporter once whichever language they call in."""
    return [
        COOKIE_PATH if code == settings.LANGUAGE_CODE else f"/{code}{COOKIE_PATH}"
        for code, _name in settings.LANGUAGES
    ]


def supporter_cookie_set(response: HttpResponse, supporter: uuid.UUID) -> None:
    """Remember the supporter on this browser, for CALLS_COOKIE_DAYS, on every language's
    call pages.

    A response holds one cookie per name, so the other paths get copies of the first cookie
    under keys of their own: the browser keeps one cookie per name and path, and each call
    page gets back the one of its path, all with the same id."""
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
    first = response.cookies[COOKIE_NAME]
    for path in cookie_paths():
        if path != first["path"]:
            copy = first.copy()
            copy["path"] = path
            response.cookies[f"{COOKIE_NAME} {path}"] = copy  # a Morsel keeps its own name
