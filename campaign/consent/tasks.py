"""Celery tasks of the consent ledger. Thin: the work is in services."""

from celery import shared_task

from campaign.consent import services


@shared_task(acks_late=True, ignore_result=True)
def purge_expired_consents() -> int:
    """Daily (beat): delete the consents of campaigns closed longer than their retention."""
    return services.consent_purge_expired()
