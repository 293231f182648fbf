"""How many new supporters one client address may add to the call counts.

Each supporter counts once per office, through the id in their signed cookie; clearing the
cookie makes a new supporter. So what is limited is first presses, those without a good
cookie, per client address (CALLS_FIRST_PRESS_RATELIMIT): a script clearing its cookies in a
loop is stopped, while a supporter calling every office of every page never meets the limit.
"""

from django.conf import settings
from django.http import HttpRequest

from campaign.client_addresses import client_over_limit


def call_first_press_throttled(request: HttpRequest) -> bool:
    """Count one first press from this client; True when it is over the limit."""
    return client_over_limit(
        request, group="campaign.calls.first_press", rate=settings.CALLS_FIRST_PRESS_RATELIMIT
    )
