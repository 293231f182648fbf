"""Periodic work of the petitions app (thin: the work is in petitions.counters)."""

from celery import shared_task

from petitions import counters, target_updates
from petitions.models import Petition


@shared_task
def rebuild_open_petition_counts() -> int:
    """Recount open petitions, so a counter that drifted is right again within minutes (a
    closed one's count no longer changes; its readers recount it when it expires)."""
    petitions = list(Petition.objects.open())
    for petition in petitions:
        count = counters.count_rebuild(petition.pk)
        # Catches up a progress email whose trigger was lost (cache or broker down).
        if target_updates.target_update_due(petition=petition, count=count):
            target_updates.petition_target_update_send(petition_id=petition.pk)
    return len(petitions)


@shared_task
def send_target_update(petition_id: int) -> None:
    """Email the petition's target the new signers, if a multiple of N was reached."""
    target_updates.petition_target_update_send(petition_id=petition_id)


@shared_task
def purge_expired_signatures() -> None:
    """Daily: apply the retention periods of the privacy notice."""
    from petitions.services import signature_purge_expired

    signature_purge_expired()
