"""How many letters one client address may submit: a brake on scripted floods of MPs' inboxes.

When the cache is down the letter goes through: confirmation by email still stands in the way.
"""

from django.conf import settings
from django.http import HttpRequest

from campaign.client_addresses import client_over_limit


def letter_submit_throttled(request: HttpRequest) -> bool:
    """Count one submission from this client; True when it is over the limit."""
    return client_over_limit(
        request, group="letters.submit", rate=settings.LETTERS_SUBMIT_RATELIMIT
    )
