"""Confirmation tokens: signed (so they cannot be forged or altered) and valid for 7 days.

The token carries only the signature's id; the signing key is the site's SECRET_KEY, salted
for this use so a token made elsewhere in Chorus never passes here.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing

_SALT = "petitions.signature-confirmation"


class TokenInvalid(Exception):
    """The token was tampered with or is not one of ours."""


class TokenExpired(Exception):
    """The token is genuine but older than the confirmation window."""


def confirmation_token_make(*, signature_id: int) -> str:
    """A URL-safe token for the confirmation link of this signature (read back by
    confirmation_token_read within PETITIONS_CONFIRMATION_DAYS)."""
    return signing.dumps(signature_id, salt=_SALT, compress=False)


def confirmation_token_read(token: str) -> int:
    """The signature id a token stands for; raises TokenInvalid or TokenExpired."""
    max_age = timedelta(days=settings.PETITIONS_CONFIRMATION_DAYS)
    try:
        value = signing.loads(token, salt=_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except signing.BadSignature as error:
        raise TokenInvalid from error
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise TokenInvalid
    return value
