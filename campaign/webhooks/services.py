"""The webhooks API: `webhook_emit` for the apps; the sweep, retry, test and retention for beat
and staff.

from campaign.webhooks import events
from campaign.webhooks.services import webhook_emit

with transaction.atomic():
    ...  # the change that is the event
    webhook_emit(event=events.SIGNATURE_CONFIRMED, data={...}, personal={"email": ...})
"""

import logging
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from campaign.batched_deletes import DEFAULT_BATCH_SIZE, delete_in_batches
from campaign.identities import mailbox_key
from campaign.outbox import broker_breaker
from campaign.webhooks import delivery, events
from campaign.webhooks.models import WebhookDelivery, WebhookEndpoint
from campaign.webhooks.selectors import endpoints_subscribed

log = logging.getLogger(__name__)

Status = WebhookDelivery.Status


def timestamp(moment: datetime) -> str:
    """A time as payloads give it: ISO 8601 in UTC, to the second, with a Z."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def webhook_emit(
    *,
    event: str,
    data: Mapping,
    personal: Mapping | None = None,
    occurred_at: datetime | None = None,
) -> list[WebhookDelivery]:
    """Write one delivery per active endpoint subscribed to `event`; they are sent after commit.

    Call it inside the transaction that makes the change the event reports: if it rolls back,
    no delivery exists. Each row's payload is fixed now (write-once): `{"id", "type", "created",
    "data"}`, where `data` is `data` plus `personal` (the supporter's email…) only for endpoints
    allowed personal data. The supporter's request only writes the rows (one SELECT of the
    endpoints when none subscribes); after commit a task per row is published, or, when the
    broker is down, the sweep sends them. Raises ValueError for an unknown event name.
    """
    if event not in events.ALL:
        raise ValueError(f"Unknown webhook event {event!r}.")
    endpoints = endpoints_subscribed(event)
    if not endpoints:
        return []
    return _write(event=event, endpoints=endpoints, data=data, personal=personal, at=occurred_at)


def _write(*, event, endpoints, data, personal, at) -> list[WebhookDelivery]:
    event_id = f"evt_{uuid.uuid4().hex}"
    created = timestamp(at or timezone.now())
    rows = [
        WebhookDelivery(
            endpoint=endpoint,
            event=event,
            event_id=event_id,
            payload={
                "id": event_id,
                "type": event,
                "created": created,
                "data": {**data, **(personal or {})}
                if endpoint.include_personal_data
                else dict(data),
            },
        )
        for endpoint in endpoints
    ]
    address = (personal or {}).get("email", "")
    for row in rows:
        if row.endpoint.include_personal_data and address:
            row.mailbox_key = mailbox_key(address)
    WebhookDelivery.objects.bulk_create(rows)
    ids = [row.pk for row in rows]
    transaction.on_commit(lambda: publish_deliveries(ids))
    return rows


def publish_deliveries(delivery_ids: Iterable[int]) -> int:
    """Hand rows to workers; a down broker never fails the caller (the sweep catches up).

    Shares the outbox's breaker: after a failed publish, web requests skip the broker for
    OUTBOX_PUBLISH_PAUSE_SECONDS, whatever they publish. Returns how many were published.
    """
    from campaign.webhooks.tasks import deliver_webhook

    published = 0
    for delivery_id in delivery_ids:
        if broker_breaker.is_open():
            log.info("webhooks: broker down lately, delivery %s left to the sweep", delivery_id)
            break
        try:
            # retry=False: a down broker fails at once (socket timeouts in CELERY_BROKER_*).
            deliver_webhook.apply_async(args=[delivery_id], retry=False)
        except Exception as error:
            broker_breaker.trip()
            log.warning(
                "webhooks: could not publish delivery %s (%s); the sweep will",
                delivery_id,
                type(error).__name__,
            )
            break
        published += 1
    return published


def webhooks_sweep(*, deliver_here: bool = False) -> dict:
    """Catch up on what the normal path missed, and send retries when due. Run by beat.

    Rows left `sending` past their lease go back to the queue; then due rows of open endpoints
    are published (or, with `deliver_here`, sent by this process: no broker needed).
    """
    reclaimed = delivery.requeue_expired_leases()
    if reclaimed:
        log.warning("webhooks: took back %s deliveries whose worker stopped", reclaimed)
    ids = delivery.due_ids(per_endpoint=settings.WEBHOOKS_SWEEP_MAX_PER_ENDPOINT)
    report = {"reclaimed": reclaimed, "due": len(ids), "published": 0, "outcomes": {}}
    if deliver_here:
        for delivery_id in ids:
            outcome = delivery.deliver(delivery_id)
            status = outcome.status if outcome else "skipped"
            report["outcomes"][status] = report["outcomes"].get(status, 0) + 1
        return report
    broker_breaker.reset()  # background path: always try the broker
    report["published"] = publish_deliveries(ids)
    return report


def webhook_delivery_retry(*, deliveries: Iterable[WebhookDelivery]) -> int:
    """Queue failed or waiting deliveries again now, with a fresh attempt budget, and reopen
    their endpoints (staff retry after fixing the receiver). Sent rows are left alone."""
    ids = [d.pk for d in deliveries]
    with transaction.atomic():
        retried = list(
            WebhookDelivery.objects.select_for_update()
            .filter(pk__in=ids, status__in=[Status.FAILED, Status.QUEUED])
            .values_list("pk", "endpoint_id")
        )
        WebhookDelivery.objects.filter(pk__in=[pk for pk, _ in retried]).update(
            status=Status.QUEUED, attempts=0, next_attempt_at=timezone.now()
        )
        WebhookEndpoint.objects.filter(pk__in={endpoint for _, endpoint in retried}).update(
            consecutive_failures=0, paused_until=None
        )
        transaction.on_commit(lambda: publish_deliveries([pk for pk, _ in retried]))
    return len(retried)


def webhook_endpoint_send_test(*, endpoint: WebhookEndpoint) -> WebhookDelivery:
    """Queue a `webhook.test` event to `endpoint`, subscribed to it or not, sent after commit.

    An inactive endpoint's rows wait until it is switched on, as every delivery does."""
    with transaction.atomic():
        (row,) = _write(
            event=events.TEST,
            endpoints=[endpoint],
            data={"message": "A test event from Chorus: your endpoint receives and verifies."},
            personal=None,
            at=None,
        )
    return row


def webhook_delivery_purge_expired(
    *, now: datetime | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> int:
    """Delete the deliveries that finished more than WEBHOOKS_RETENTION_DAYS ago; returns how
    many. Run daily (beat); running it again deletes nothing more.

    Finished: sent (at `sent_at`), or failed for good, by a refusal or after
    WEBHOOKS_MAX_ATTEMPTS (at its last due attempt, `next_attempt_at`, which a staff retry moves
    on). Queued rows and rows being sent are never deleted, however old. Deleted `batch_size`
    rows per transaction, so a large table never holds one long transaction.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.WEBHOOKS_RETENTION_DAYS)
    finished = WebhookDelivery.objects.filter(
        # Implied by the two below (a row finishes after it is created): lets the index on
        # created_at narrow the scan.
        created_at__lt=cutoff
    ).filter(
        Q(status=Status.SENT, sent_at__lt=cutoff)
        | Q(status=Status.FAILED, next_attempt_at__lt=cutoff)
    )
    deleted = delete_in_batches(finished, batch_size=batch_size)
    if deleted:
        log.info("webhooks: deleted %s deliveries finished before %s", deleted, cutoff.date())
    return deleted
