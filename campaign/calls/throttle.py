"""How many new supporters one client address may add to the call counts.

Each supporter counts once per office, through the id in their signed cookie; clearing the
cookie makes a new supporter. So what is limited is first presses, those without a good
cookie, per client address (CALLS_FIRST_PRESS_RATELIMIT): a script clearing its cookies in a
loop is stopped, while a supporter calling every office of every page never meets the limit.
Counts live in the cache; when it is down, presses go through (a supporter's call matters more
than the brake, as for letters: letters/throttle.py).
"""

import logging

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from campaign.client_addresses import ratelimit_key

log = logging.getLogger(__name__)


def call_first_press_throttled(request: HttpRequest) -> bool:
    """Count one first press from this client; True when it is over the limit."""
    try:
        return is_ratelimited(
            request,
            group="campaign.calls.first_press",
            key=ratelimit_key,
            rate=settings.CALLS_FIRST_PRESS_RATELIMIT,
            method="POST",
            increment=True,
        )
    except Exception:
        log.warning("calls: rate limit unavailable (cache down); press allowed")
        return False
