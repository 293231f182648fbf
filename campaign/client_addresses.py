"""Who is on the other end of a request: the client's address, for rate limits and IP hashes.

Shared by every supporter form (petitions, letters) so they all believe the same thing: only
settings.CLIENT_IP_HEADER, the header the trusted proxy sets, and only when it holds an
address; any other header is whatever the client says.
"""

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

log = logging.getLogger(__name__)


def client_ip(request: HttpRequest) -> str:
    """The client's address, from the trusted proxy's header when one is configured.

    When the header is a list (X-Forwarded-For), the last entry is the one our proxy added.
    A header that holds no address falls back to the peer (REMOTE_ADDR); "" if neither is one.
    Worked out once per request (the rate limit and the IP hash both ask).
    """
    try:
        return request._chorus_client_ip
    except AttributeError:
        request._chorus_client_ip = _client_ip(request)
        return request._chorus_client_ip


def _client_ip(request: HttpRequest) -> str:
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


def client_over_limit(request: HttpRequest, *, group: str, rate: str) -> bool:
    """Count one POST from this client in `group`; True when it is over `rate`.

    Counts live in the cache. When the cache is down nobody is limited: a supporter's action
    matters more than the brake, and each brake has another guard behind it (an email to
    confirm, one count per supporter).
    """
    try:
        return is_ratelimited(
            request, group=group, key=ratelimit_key, rate=rate, method="POST", increment=True
        )
    except Exception:
        log.warning("%s: rate limit unavailable (cache down); request allowed", group)
        return False


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
