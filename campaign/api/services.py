"""Writes of API tokens: make one (its key shown once), revoke it, note its use.

Keys are 256 random bits, so a plain SHA-256 of the key is enough to find and check it: no
slow hash is needed against guessing, and a lookup is one indexed equality.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from campaign.api.models import ApiToken
from campaign.api.scopes import SCOPES, scopes_missing_permission

# Every key starts with it, so a secret scanner (and a person) can tell what leaked.
KEY_PREFIX = "chorus_"
PREFIX_SHOWN = 12
# last_used_at is written at most this often per token: not one UPDATE per request.
LAST_USED_PRECISION = timedelta(minutes=1)


class ScopeRefused(ValueError):
    """A scope that does not exist, or that the token's user may not hold."""


@dataclass(frozen=True)
class CreatedToken:
    """A new token and its key: the only time the key exists outside the caller's hands."""

    token: ApiToken
    key: str


def key_hash(key: str) -> str:
    """What is stored of a key, and what a request's key is looked up by."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def api_token_create(*, user, name: str, scopes: list[str]) -> CreatedToken:
    """Make a token for `user` with `scopes`; returns it with its key, which is not kept.

    Raises ScopeRefused when `user` is not active staff, a scope is unknown or `user` lacks its
    permission: a token never reads more than its user could in the admin.
    """
    if not (user.is_active and user.is_staff):
        raise ScopeRefused(f"{user.get_username()} is not an active staff user")
    unknown = [scope for scope in scopes if scope not in SCOPES]
    if unknown:
        raise ScopeRefused(f"unknown scopes: {', '.join(unknown)}")
    if not scopes:
        raise ScopeRefused("a token needs at least one scope")
    missing = scopes_missing_permission(user, scopes)
    if missing:
        raise ScopeRefused(f"{user.get_username()} may not hold: {', '.join(missing)}")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=key[:PREFIX_SHOWN],
        key_hash=key_hash(key),
        scopes=sorted(set(scopes)),
    )
    return CreatedToken(token=token, key=key)


def api_token_revoke(*, token: ApiToken) -> bool:
    """Refuse the token from now on; returns whether it was revoked now (False if it was
    already). A conditional update: revoking twice keeps the first time."""
    return bool(
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


def api_token_touch(*, token: ApiToken) -> None:
    """Note that the token was used now, unless that was noted less than a minute ago."""
    now = timezone.now()
    stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
    ApiToken.objects.filter(stale, pk=token.pk).update(last_used_at=now)
