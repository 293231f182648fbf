"""Who is signing: email identity (for one signature per person) and the client's address.

Kept apart from services so the rules can be read (and tested) on their own.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.http import HttpRequest

# Providers that ignore dots in the local part; for them `j.smith` and `jsmith` are one mailbox.
_DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def email_key(email: str) -> str:
    """The identity of an address: lower case, `+tag` removed, Gmail dots removed.

    `Jane.Doe+petition@GoogleMail.com` and `janedoe@gmail.com` share one key, so signing twice
    with such variants finds the first signature instead of making a second one.
    """
    local, _, domain = email.strip().lower().rpartition("@")
    local = local.split("+", 1)[0] or local
    if domain in _DOTLESS_DOMAINS:
        domain = _DOTLESS_DOMAINS[domain]
        local = local.replace(".", "")
    return f"{local}@{domain}"


def client_ip(request: HttpRequest) -> str:
    """The client's address, from the trusted proxy's header when one is configured.

    Only settings.CLIENT_IP_HEADER is believed (any other header is whatever the client says).
    When the header is a list (X-Forwarded-For), the last entry is the one our proxy added.
    """
    header = settings.CLIENT_IP_HEADER
    candidate = ""
    if header:
        candidate = request.META.get(header, "").rsplit(",", 1)[-1].strip()
    if not _is_ip(candidate):
        candidate = request.META.get("REMOTE_ADDR", "")
    return candidate if _is_ip(candidate) else ""


def ratelimit_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit key function: the trusted client address."""
    return client_ip(request) or "unknown"


def ip_hash(*, ip: str, salt: str) -> str:
    """A salted hash of an address: enough to spot a flood, useless to find the person."""
    if not ip:
        return ""
    return hashlib.sha256(f"{salt}:{ip}".encode()).hexdigest()


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
