"""How many letters one client address may submit: a brake on scripted floods of MPs' inboxes.

Counts live in the cache. When the cache is down we let the letter through: a supporter's
letter matters more than the brake, and confirmation by email still stands in the way.
"""

import logging

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

from campaign.client_addresses import ratelimit_key

log = logging.getLogger(__name__)


def letter_submit_throttled(request: HttpRequest) -> bool:
    """Count one submission from this client; True when it is over the limit."""
    try:
        return is_ratelimited(
            request,
            group="letters.submit",
            key=ratelimit_key,
            rate=settings.LETTERS_SUBMIT_RATELIMIT,
            method="POST",
            increment=True,
        )
    except Exception:
        log.warning("letters: rate limit unavailable (cache down); letter allowed")
        return False
