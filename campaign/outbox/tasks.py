"""Celery tasks of the outbox. Thin: their messages carry row ids only; the work is in delivery.py.

Every task is acknowledged late and given back if its worker dies (settings: acks_late,
reject_on_worker_lost); running one twice is harmless because rows are claimed before sending.
The leases on the rows a task claims are renewed while its worker lives, up to the task's hard
time limit (OUTBOX_TASK_TIME_LIMIT_SECONDS) and no longer (campaign/outbox/leases.py).
"""

from celery import shared_task
from django.conf import settings

from campaign.outbox import delivery
from campaign.outbox.services import publish_batch, publish_delivery

_TIME_LIMIT = settings.OUTBOX_TASK_TIME_LIMIT_SECONDS
_LIMITS = {"soft_time_limit": _TIME_LIMIT * 0.875, "time_limit": _TIME_LIMIT}
# A batch claims no new chunk after this long, well within the soft time limit.
BATCH_BUDGET_SECONDS = _TIME_LIMIT * 0.3


def _schedule(outcomes: list[delivery.Outcome]) -> None:
    """Publish a delayed task for each row that waits (retry or pacing) or was handed back."""
    for outcome in outcomes:
        if outcome.retry_in is None:
            continue
        if outcome.retry_in <= settings.OUTBOX_MAX_COUNTDOWN_SECONDS:
            publish_delivery(outcome.email_id, countdown=outcome.retry_in)
        # A longer wait has no task: the sweep publishes the row once it is due.


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True, **_LIMITS)
def deliver_email(self, email_id: int) -> str:
    """Deliver one queued row (a no-op if another run has claimed it or it is not due)."""
    outcome = delivery.deliver(email_id)
    if outcome is None:
        return "skipped"
    if (
        outcome.retry_in is not None
        and outcome.retry_in <= settings.OUTBOX_MAX_COUNTDOWN_SECONDS
        and not self.request.is_eager
    ):
        # Celery's retry: a new message with a countdown (always below the visibility timeout,
        # see checks.py). The row's next_attempt_at says the same, so the sweep agrees.
        raise self.retry(countdown=outcome.retry_in, max_retries=None)
    return outcome.status


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True, **_LIMITS)
def deliver_batch() -> int:
    """Deliver due rows over one SMTP connection; hand on to a new batch while more are due."""
    outcomes = delivery.deliver_due(
        limit=settings.OUTBOX_BATCH_SIZE, budget_seconds=BATCH_BUDGET_SECONDS
    )
    _schedule(outcomes)
    # Hand on while rows are due (at most one successor: the number of batches in flight stays
    # what the sweep started). Not after a batch that sent nothing: the server is unwell.
    if any(o.status == "sent" for o in outcomes) and delivery.due_count(cap=1):
        publish_batch()
    return len(outcomes)


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True, **_LIMITS)
def sweep_outbox() -> dict:
    """Every minute (beat): take back expired leases and publish batches for due rows."""
    from campaign.outbox.services import outbox_sweep

    return outbox_sweep()


@shared_task(acks_late=True, ignore_result=True)
def redact_expired_emails() -> int:
    """Daily (beat): erase the text and supporters' addresses of emails past retention."""
    from campaign.outbox.services import outbound_email_redact_expired

    return outbound_email_redact_expired()
