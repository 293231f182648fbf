"""The public signature count: read from the cache, bumped on confirm, rebuilt from the table.

A page view never runs COUNT(*) while the counter is in the cache, and a signature never
updates the petition row (which would serialise every signer on one row lock). The counter
lives for PETITIONS_COUNT_TTL seconds; INCR keeps that expiry, so a counter that drifted
(a lost increment while Redis was down, a race with a rebuild) corrects itself at the next
rebuild, by a reader, by the periodic task or by `manage.py rebuild_petition_counts`.
"""

import logging

from django.conf import settings
from django.core.cache import cache

from petitions.models import COUNTED, Signature

log = logging.getLogger(__name__)


def _key(petition_id: int) -> str:
    return f"petitions:count:{petition_id}"


def count_from_table(petition_id: int) -> int:
    """What the counter should say: confirmed signatures that are not flagged."""
    return Signature.objects.filter(COUNTED, petition_id=petition_id).count()


def count_read(petition_id: int) -> int:
    """The public count: one cache read; the table only when the cache has none (or is down)."""
    try:
        value = cache.get(_key(petition_id))
    except Exception:
        log.warning("petitions: cache unavailable reading count of petition %s", petition_id)
        return count_from_table(petition_id)
    if value is not None:
        return int(value)
    value = count_from_table(petition_id)
    try:
        cache.add(_key(petition_id), value, settings.PETITIONS_COUNT_TTL)
    except Exception:
        log.warning("petitions: cache unavailable storing count of petition %s", petition_id)
    return value


def count_increment(petition_id: int) -> int | None:
    """Add one confirmed signature; returns the new count, or None when there was no counter
    to bump. A missing counter is left missing (the next read rebuilds it from the table,
    which already holds this signature)."""
    try:
        return cache.incr(_key(petition_id))
    except ValueError:
        return None
    except Exception:
        log.warning("petitions: cache unavailable; count of petition %s will catch up", petition_id)
        return None


def count_rebuild(petition_id: int) -> int:
    """Recount from the table and store it; returns the count."""
    value = count_from_table(petition_id)
    cache.set(_key(petition_id), value, settings.PETITIONS_COUNT_TTL)
    return value


def count_refresh(petition_id: int) -> None:
    """count_rebuild for a moderation step: the change is already committed, so a cache that is
    down must not fail it; the periodic rebuild (or the counter's expiry) catches up."""
    try:
        count_rebuild(petition_id)
    except Exception:
        log.warning("petitions: cache unavailable; count of petition %s will catch up", petition_id)
