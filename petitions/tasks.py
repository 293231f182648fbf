"""Periodic work of the petitions app (thin: the work is in petitions.counters)."""

from celery import shared_task

from petitions import counters
from petitions.models import Petition


@shared_task
def rebuild_open_petition_counts() -> int:
    """Recount open petitions, so a counter that drifted is right again within minutes (a
    closed one's count no longer changes; its readers recount it when it expires)."""
    ids = list(Petition.objects.open().values_list("pk", flat=True))
    for petition_id in ids:
        counters.count_rebuild(petition_id)
    return len(ids)


@shared_task
def purge_expired_signatures() -> None:
    """Daily: apply the retention periods of the privacy notice."""
    from petitions.services import signature_purge_expired

    signature_purge_expired()
