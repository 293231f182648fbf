"""The unsubscribe link of every mailing: a signed token naming a person and a scope.

The person is their mailbox's keyed hash (campaign.identities.mailbox_hash), never the address:
a URL ends up in logs, browser histories and mail clients' caches. Signed with SECRET_KEY under
its own salt, so no other token of Chorus opens it. It does not expire: CASL and RFC 8058 want
an unsubscribe link to keep working, and using it only ever withdraws consent.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from campaign.consent.scopes import scope_is_valid
from campaign.identities import mailbox_hash

_SALT = "campaign.consent.unsubscribe"


class TokenInvalid(Exception):
    """The token was tampered with, cut, or is not an unsubscribe token."""


def _signer() -> signing.Signer:
    # No timestamp: the link never expires, and one person's link for one campaign stays the
    # same in every mailing.
    return signing.Signer(salt=_SALT)


def unsubscribe_token_make(*, address: str, scope: str) -> str:
    """The URL-safe token of the unsubscribe link for `address` and `scope`."""
    return _signer().sign_object([mailbox_hash(address), scope])


def unsubscribe_token_read(token: str) -> tuple[str, str]:
    """(mailbox hash, scope) of a token; raises TokenInvalid."""
    try:
        value = _signer().unsign_object(token)
    except signing.BadSignature as error:
        raise TokenInvalid from error
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)):
        raise TokenInvalid
    hashed, scope = value
    if len(hashed) != 64 or not scope_is_valid(scope):
        raise TokenInvalid
    return hashed, scope


def unsubscribe_url(*, address: str, scope: str, language: str) -> str:
    """The full unsubscribe link (SITE_URL + the page), in `language`."""
    token = unsubscribe_token_make(address=address, scope=scope)
    with translation.override(language):
        return settings.SITE_URL + reverse("consent:unsubscribe", kwargs={"token": token})
