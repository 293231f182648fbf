"""Celery tasks of the webhooks. Thin: messages carry row ids only; the work is in delivery.py.

Retries are not Celery's: a failed attempt sets the row's `next_attempt_at` and the sweep (beat,
every WEBHOOKS_SWEEP_SECONDS) publishes it when due, so one rule (due, endpoint open) decides
what goes, whoever published it. Running a task twice is harmless: rows are claimed first.
"""

from celery import shared_task
from django.conf import settings

from campaign.webhooks import delivery

# Well inside the lease, so a row is never sent by two workers at once.
_LIMITS = {
    "soft_time_limit": settings.WEBHOOKS_LEASE_SECONDS * 0.5,
    "time_limit": settings.WEBHOOKS_LEASE_SECONDS * 0.75,
}


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True, **_LIMITS)
def deliver_webhook(delivery_id: int) -> str:
    """Send one queued delivery (a no-op if it is taken, not due, or its endpoint paused)."""
    outcome = delivery.deliver(delivery_id)
    return outcome.status if outcome else "skipped"


@shared_task(acks_late=True, ignore_result=True)
def sweep_webhooks() -> dict:
    """Every WEBHOOKS_SWEEP_SECONDS (beat): take back expired leases, publish due rows."""
    from campaign.webhooks.services import webhooks_sweep

    return webhooks_sweep()


@shared_task(acks_late=True, ignore_result=True)
def purge_finished_deliveries() -> int:
    """Daily (beat): delete the deliveries finished longer ago than WEBHOOKS_RETENTION_DAYS."""
    from campaign.webhooks.services import webhook_delivery_purge_expired

    return webhook_delivery_purge_expired()
