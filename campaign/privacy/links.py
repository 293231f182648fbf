"""The "remove my data" link in every email a supporter gets: signed, long-lived, bounded.

The token names the object the email served (`["signature", 42]`), never the address: a URL
ends up in logs and browser histories. It is signed with SECRET_KEY under its own salt, so no
other token of Chorus (a confirmation link) opens this page, and it works for
PRIVACY_REMOVAL_LINK_DAYS after the email was written.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

_SALT = "campaign.privacy.removal"


class LinkInvalid(Exception):
    """The token was tampered with, cut, or is not one of ours."""


class LinkExpired(Exception):
    """The token is genuine but older than PRIVACY_REMOVAL_LINK_DAYS."""


def removal_token_make(*, kind: str, object_id: int) -> str:
    """A URL-safe token for the removal link of one object ("signature", "letter")."""
    return signing.dumps([kind, object_id], salt=_SALT, compress=False)


def removal_url(*, kind: str, object_id: int) -> str:
    """The full removal link for an email (SITE_URL + the page of `removal_token_make`)."""
    token = removal_token_make(kind=kind, object_id=object_id)
    return settings.SITE_URL + reverse("privacy:remove", kwargs={"token": token})


def removal_token_read(token: str) -> tuple[str, int]:
    """(kind, object id) of a token; raises LinkInvalid or LinkExpired."""
    max_age = timedelta(days=settings.PRIVACY_REMOVAL_LINK_DAYS)
    try:
        value = signing.loads(token, salt=_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    if not (isinstance(value, list) and len(value) == 2):
        raise LinkInvalid
    kind, object_id = value
    if not isinstance(kind, str) or type(object_id) is not int or object_id <= 0:
        raise LinkInvalid
    return kind, object_id
