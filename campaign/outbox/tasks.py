"""Celery tasks of the outbox. Thin: they carry only row ids; the work is in delivery.py."""

from celery import shared_task

from campaign.outbox import delivery


@shared_task(acks_late=True, reject_on_worker_lost=True)
def deliver_email(email_id: int) -> bool:
    """Deliver one queued row (a no-op if another run has claimed it)."""
    return delivery.deliver(email_id)
