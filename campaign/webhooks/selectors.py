"""Which endpoints hear an event: the one read of the endpoint table on the hot paths.

Every confirmation and every letter sent asks it, and the table is a handful of rows that
change only when staff edit them, so each process keeps the active list for
WEBHOOKS_ENDPOINTS_CACHE_SECONDS (5 by default) instead of a query per event. An endpoint
added or switched off takes effect within that time; events in between follow the old list.
"""

import threading
import time

from django.conf import settings

from campaign.webhooks.models import WebhookEndpoint


class _ActiveEndpoints:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._endpoints: list[WebhookEndpoint] = []
        self._read_at: float | None = None

    def get(self) -> list[WebhookEndpoint]:
        ttl = settings.WEBHOOKS_ENDPOINTS_CACHE_SECONDS
        now = time.monotonic()
        with self._lock:
            if ttl > 0 and self._read_at is not None and now - self._read_at < ttl:
                return self._endpoints
        endpoints = list(WebhookEndpoint.objects.filter(active=True).order_by("pk"))
        with self._lock:
            self._endpoints, self._read_at = endpoints, now
        return endpoints

    def forget(self) -> None:
        with self._lock:
            self._read_at = None


active_endpoints = _ActiveEndpoints()


def endpoints_subscribed(event: str) -> list[WebhookEndpoint]:
    """The active endpoints subscribed to `event` (JSON containment is not portable to
    SQLite, and the list is short: filtered here)."""
    return [endpoint for endpoint in active_endpoints.get() if endpoint.subscribes_to(event)]


def event_is_heard(event: str) -> bool:
    """Whether any active endpoint would receive `event`: callers skip building it if not."""
    return bool(endpoints_subscribed(event))
