"""Celery tasks of the letters app. Thin: the work is in letters.sync."""

import logging

from celery import shared_task
from django.conf import settings

from campaign.directory.importers import ImportFailed
from campaign.directory.represent import RepresentUnavailable
from campaign.directory.sync import representatives_sync

log = logging.getLogger(__name__)


@shared_task(acks_late=True, ignore_result=True)
def sync_representatives() -> str:
    """Weekly: refresh the MP directory from Represent. Skipped while the API is switched off."""
    if not settings.REPRESENT_API_ENABLED:
        log.info("directory: Represent API disabled; directory sync skipped")
        return "skipped"
    try:
        counts = representatives_sync()
    except (RepresentUnavailable, ImportFailed) as error:
        # Next week's run tries again; the directory stays as it was.
        log.warning("directory: directory sync failed, nothing changed: %s", error)
        return "failed"
    log.info("directory: directory sync: %s", counts.summary("representatives"))
    return "done"
