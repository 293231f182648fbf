"""Celery tasks of mailings. Thin: ids only; the work is in services."""

from celery import shared_task

from campaign.mailings import services

# A task expands chunks for this long, then hands on to a fresh task (no task runs for long).
EXPAND_BUDGET_SECONDS = 30.0


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def expand_mailing(mailing_id: int) -> None:
    """Queue the mailing's recipients, a chunk per transaction; hand on while some are left."""
    if services.mailing_expand(mailing_id=mailing_id, budget_seconds=EXPAND_BUDGET_SECONDS):
        services.expansion_publish(mailing_id=mailing_id)


@shared_task(ignore_result=True)
def resume_mailings() -> int:
    """Beat, every minute: publish again every expansion still in progress."""
    return services.mailings_resume()


@shared_task(acks_late=True, ignore_result=True)
def forget_recipients_past_retention() -> int:
    """Daily (beat): forget who the mailings of campaigns past consent retention went to."""
    return services.recipients_forget_past_retention()
