"""The outbox's writes other than queueing (campaign/outbox/queueing.py): publishing queued rows
to the workers, the sweep, retention, the staff actions (retry, cancel), and suppression.
"""

import logging
import math
import threading
import time
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from campaign.outbox import delivery
from campaign.outbox.models import OutboundEmail, Suppression
from campaign.outbox.purposes import supporter_purposes

log = logging.getLogger(__name__)

Status = OutboundEmail.Status


class _BrokerBreaker:
    """After a failed publish, skip publishing for a while: the sweep delivers those rows.

    One request may queue several emails (a letter to three ministers); with the broker hung,
    each publish would wait for its socket timeout. The first failure opens the breaker, so a
    request waits at most about one timeout, whatever it queues.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open_until = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self) -> None:
        with self._lock:
            self._open_until = time.monotonic() + settings.OUTBOX_PUBLISH_PAUSE_SECONDS

    def reset(self) -> None:
        with self._lock:
            self._open_until = 0.0


broker_breaker = _BrokerBreaker()


def _publish(task, *, args: list, countdown: float | None, what: str, breaker: bool) -> bool:
    if breaker and broker_breaker.is_open():
        log.info("outbox: broker recently unreachable, %s left to the sweep", what)
        return False
    try:
        # retry=False: a down broker fails at once (socket timeouts in CELERY_BROKER_*).
        task.apply_async(args=args, countdown=countdown, retry=False)
    except Exception as error:
        broker_breaker.trip()
        # The broker's own words (ids only ever travel in tasks, never addresses or text).
        log.warning(
            "outbox: could not publish %s (%s: %s); the sweep will",
            what,
            type(error).__name__,
            str(error)[:200],
        )
        return False
    broker_breaker.reset()
    return True


def publish_delivery(email_id: int, *, countdown: float | None = None) -> bool:
    """Hand the row to a worker; a broken broker never fails the caller (the sweep catches up).

    After a failure, further calls skip the broker for OUTBOX_PUBLISH_PAUSE_SECONDS.
    """
    from campaign.outbox.tasks import deliver_email

    return _publish(
        deliver_email, args=[email_id], countdown=countdown, what=f"email {email_id}", breaker=True
    )


def publish_batch() -> bool:
    """Ask a worker to deliver due rows in a batch over one SMTP connection.

    Used by the sweep and by batches handing on: background paths, so they always try the
    broker (a success closes the breaker again for the web requests).
    """
    from campaign.outbox.tasks import deliver_batch

    return _publish(deliver_batch, args=[], countdown=None, what="a batch", breaker=False)


# How long a freshly committed row may wait for the batch task that delivers it (seconds).
PUBLISH_WINDOW_SECONDS = 0.5


class _PublishWindow:
    """Until when a `deliver_batch` task published by this process is certain to run later.

    A plain float, read and written without a lock: two threads racing past an expired window
    both publish, which costs one spare task and loses nothing.
    """

    def __init__(self) -> None:
        self.covered_until = 0.0  # time.monotonic()

    def reset(self) -> None:
        self.covered_until = 0.0


publish_window = _PublishWindow()


def publish_delivery_soon(email_id: int) -> bool:
    """After a queued row commits: make sure a worker delivers it within about half a second.

    Publishing a Celery message costs about as much CPU as the rest of queueing an email, and a
    viral petition commits hundreds of confirmations a second, so rows committed close together
    share one task. The first row after the window publishes a `deliver_batch` task with a
    countdown of OUTBOX_PUBLISH_WINDOW_SECONDS (default PUBLISH_WINDOW_SECONDS); every row this
    process commits before that countdown ends publishes nothing, because that task runs after
    their commit and delivers every due row, whoever queued it (claims make a row go once).
    This relies on the web and worker clocks agreeing to well under the window (NTP); a row a
    task still missed is delivered by the next batch or by the sweep within a minute.

    Row by row as before (`publish_delivery`) with a window of 0, or when Celery runs tasks
    eagerly (tests, local use without Redis), where a countdown does not wait. A broken broker
    leaves the row to the sweep, as `publish_delivery` does, and opens the breaker.
    """
    now = time.monotonic()
    window = settings.OUTBOX_PUBLISH_WINDOW_SECONDS
    # Before Celery's configuration is read (through its proxies, about 0.1 ms): this is the
    # answer for nearly every row of a busy minute. covered_until is only ever set when tasks
    # are really published, so eager Celery never stops here.
    if window > 0 and now < publish_window.covered_until:
        return True
    from campaign.outbox.tasks import deliver_batch

    if window <= 0 or deliver_batch.app.conf.task_always_eager:
        return publish_delivery(email_id)
    if not _publish(deliver_batch, args=[], countdown=window, what="a batch", breaker=True):
        return False
    # Measured before publishing: the task's ETA (now + window, taken inside apply_async) is
    # no earlier than this, so every row committed until then is visible to that task.
    publish_window.covered_until = now + window
    return True


def outbox_sweep(*, deliver_here: bool = False) -> dict:
    """Catch up on everything the normal path missed. Run every minute by beat.

    Rows left `sending` past their lease go back to the queue; then one batch task is published
    per OUTBOX_BATCH_SIZE due rows (at most OUTBOX_SWEEP_MAX_BATCHES; each batch hands on while
    rows stay due). With `deliver_here` the rows are sent by this process instead, which needs
    no broker (the management command's --deliver).
    """
    reclaimed = delivery.requeue_expired_leases()
    if reclaimed:
        log.warning("outbox: took back %s rows whose worker stopped while sending", reclaimed)
    batch_size = settings.OUTBOX_BATCH_SIZE
    due = delivery.due_count(cap=batch_size * settings.OUTBOX_SWEEP_MAX_BATCHES)
    report = {"reclaimed": reclaimed, "due": due, "batches": 0, "delivered": 0}
    if deliver_here:
        while True:
            outcomes = delivery.deliver_due(limit=batch_size, budget_seconds=60)
            sent = sum(1 for o in outcomes if o.status == "sent")
            report["delivered"] += sent
            if not sent:
                # Nothing left, or the server refuses everything: the next sweep tries again.
                break
        return report
    for _ in range(math.ceil(due / batch_size)):
        if not publish_batch():
            break
        report["batches"] += 1
    return report


def outbound_email_redact_expired(*, now=None) -> int:
    """Erase what finished emails say once OUTBOX_RETENTION_DAYS have passed. Run daily.

    The delivery record stays (purpose, status, dates, Message-ID, what it served) so status
    pages and counts still work; the subject, bodies, headers, Reply-To and a supporter's own
    address are erased. Rows still queued or being sent are never touched. Returns the number
    of rows redacted.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    finished = OutboundEmail.objects.filter(
        created_at__lt=cutoff, status__in=[Status.SENT, Status.FAILED, Status.CANCELLED]
    ).exclude(body_text="")
    redacted = finished.update(subject="", body_text="", body_html="", headers={}, reply_to="")
    finished_for_supporters = OutboundEmail.objects.filter(
        created_at__lt=cutoff,
        status__in=[Status.SENT, Status.FAILED, Status.CANCELLED],
        purpose__in=supporter_purposes(),
    ).exclude(to="")
    finished_for_supporters.update(to="")
    if redacted:
        log.info("outbox: redacted %s emails older than %s days", redacted, cutoff.date())
    return redacted


def outbound_email_retry(*, emails: Iterable[OutboundEmail]) -> int:
    """Queue failed, cancelled or waiting rows again now, with a fresh attempt budget.

    Sent rows and rows being sent are left alone (retrying them would send twice), and so are
    rows retention has erased (no address, or no text and no template to render it from).
    Returns the number of rows queued.
    """
    ids = [e.pk for e in emails]
    with transaction.atomic():
        retried = list(
            OutboundEmail.objects.select_for_update()
            .filter(pk__in=ids, status__in=[Status.FAILED, Status.CANCELLED, Status.QUEUED])
            .exclude(to="")
            .exclude(body_text="", template="")
            .values_list("pk", flat=True)
        )
        OutboundEmail.objects.filter(pk__in=retried).update(
            status=Status.QUEUED,
            attempts=0,
            next_attempt_at=timezone.now(),
            pacing_slot_reserved=False,
        )
        for email_id in retried:
            transaction.on_commit(lambda email_id=email_id: publish_delivery(email_id))
    return len(retried)


def outbound_email_cancel(
    *, emails: Iterable[OutboundEmail], reason: str = "Cancelled by staff."
) -> int:
    """Cancel rows that are still queued. A row being sent or sent cannot be called back.

    `emails`: rows, or a queryset of them (cancelled in one UPDATE)."""
    rows = (
        emails
        if isinstance(emails, models.QuerySet)
        else OutboundEmail.objects.filter(pk__in=[e.pk for e in emails])
    )
    return rows.filter(status=Status.QUEUED).update(status=Status.CANCELLED, last_error=reason)


def suppression_add(
    *, address: str, reason: str, detail: str = "", source_email: OutboundEmail | None = None
) -> tuple[Suppression, int]:
    """Stop all further mail to `address`; cancel what is queued for it. Idempotent.

    Returns the suppression and the number of queued rows cancelled.
    """
    address = address.strip().lower()
    with transaction.atomic():
        suppression, _ = Suppression.objects.get_or_create(
            address=address,
            defaults={"reason": reason, "detail": detail[:500], "source_email": source_email},
        )
        cancelled = OutboundEmail.objects.filter(to__iexact=address, status=Status.QUEUED).update(
            status=Status.CANCELLED,
            last_error=Suppression.not_sent_error(suppression.reason),
        )
    return suppression, cancelled
