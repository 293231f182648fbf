"""The per-address signing limit: how many signatures one client address may add to one petition
per period (PETITIONS_SIGN_RATELIMIT, "20/h"). Those over it are stored flagged: never emailed,
never counted, and the supporter saw the same thank-you page as everyone else.

Why the email worker counts, not the sign request
-------------------------------------------------
A signature counts only once confirmed, and only the link in its first confirmation email can
confirm it; so counting it just before that email goes (`signatures_check`, called by
emails.confirmation_decide) judges every signature before it could ever count. UK
Petitions does the same: its email job checks the rate limit and marks the signature
fraudulent. In the request the count cost a tenth of a viral petition's sign path (the Redis
round trips and the cache calls, see petitions/README.md); the web workers are what a spike
saturates, while the email workers drain their queue at their own pace.

Why windows of signing time
---------------------------
The email workers can run behind (an outage, or a mail provider slower than a spike) and then
catch up faster than people signed. Windows of the time of counting would then lump hours of an
address's signatures into one window and wrongly flag a shared office or campus address. So
each window is a period of *signing* time, counted with the same two cache calls django-ratelimit
makes (add, then incr): django-ratelimit itself always counts in windows of the current time,
right for the letters form, which it still limits in the request (letters/throttle.py).
"""

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django_ratelimit.core import rate_re

from petitions.models import Signature

log = logging.getLogger(__name__)

_SECONDS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
# How long a window's count outlives the window: a backlog of up to this long is still judged
# with the whole window's count; after a longer one a window may be counted afresh (fewer
# flags, never more).
KEPT_AFTER_WINDOW = 6 * 60 * 60


def _sign_rate() -> tuple[int, int]:
    """(signatures, seconds) of PETITIONS_SIGN_RATELIMIT, read as django-ratelimit reads a rate
    ("20/h", "100/5m"; petitions.E001 refuses anything else at start-up)."""
    count, multiplier, unit = rate_re.fullmatch(settings.PETITIONS_SIGN_RATELIMIT).groups()
    return int(count), _SECONDS[unit or "s"] * int(multiplier or 1)


def signatures_check(signatures: Sequence[Signature]) -> None:
    """Count each new signature against its address's limit on its petition, once, in order,
    and flag those over it; each object's `is_flagged` says the outcome.

    One conditional UPDATE claims the counts of them all, so a signature is counted once
    however many of its confirmations are sent, and never again after an organiser clears its
    flag. The signatures of one window are counted with one pair of cache calls, each given
    the count it would have had counted alone, and one UPDATE flags those over. A broken
    cache limits no one: a supporter's signature is worth more than a missed flag.
    """
    pending: dict[int, list[Signature]] = {}
    for signature in signatures:
        if not signature.is_flagged and signature.rate_limit_pending:
            pending.setdefault(signature.pk, []).append(signature)
    if not pending:
        return
    claimed = _claim(list(pending))
    for same in pending.values():
        for signature in same:
            signature.rate_limit_pending = False
    over = _over_limit([same[0] for pk, same in pending.items() if pk in claimed])
    if not over:
        return
    Signature.objects.filter(pk__in=[s.pk for s in over]).update(
        flag_reason=Signature.FlagReason.RATE_LIMIT
    )
    for flagged in over:
        # is_flagged is the database's to compute; the rest of the worker's batch reads these.
        for signature in pending[flagged.pk]:
            signature.flag_reason = Signature.FlagReason.RATE_LIMIT
            signature.is_flagged = True
        log.info("petitions: signature %s flagged, over its address's limit", flagged.pk)


def _claim(ids: list[int]) -> set[int]:
    """Which of these signatures' counts this call claims (`rate_limit_pending` true -> false).

    One plain statement for the batch: the email worker's hot path, where the ORM's compiling
    of an UPDATE per email cost more than the statement itself.
    """
    quote = connection.ops.quote_name
    meta = Signature._meta
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    pending = quote(meta.get_field("rate_limit_pending").column)
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (  # names from the model, values as parameters
        f"UPDATE {table} SET {pending} = %s WHERE {pk} IN ({placeholders}) "  # noqa: S608
        f"AND {pending} = %s RETURNING {pk}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [False, *ids, True])
        return {row[0] for row in cursor.fetchall()}


def _over_limit(signatures: list[Signature]) -> list[Signature]:
    """Count `signatures` (new ones, in order) in their addresses' windows of signing time on
    their petitions; those the count takes over the limit."""
    windows: dict[str, list[Signature]] = {}
    try:
        limit, period = _sign_rate()
        for signature in signatures:
            window = int(signature.created_at.timestamp()) // period
            # ip_hash is salted per petition; "" when the address was unknown (all share a count).
            key = f"petitions:sign-limit:{signature.petition_id}:{signature.ip_hash}:{window}"
            windows.setdefault(key, []).append(signature)
    except Exception:
        for signature in signatures:
            log.warning("petitions: rate limit unavailable for signature %s", signature.pk)
        return []
    over = []
    for key, counted in windows.items():
        try:
            last = _count(key, len(counted), timeout=period + KEPT_AFTER_WINDOW)
        except Exception:
            for signature in counted:
                log.warning("petitions: rate limit unavailable for signature %s", signature.pk)
            continue
        first = last - len(counted) + 1
        over += [s for count, s in enumerate(counted, start=first) if count > limit]
    return over


def _count(key: str, added: int, *, timeout: int) -> int:
    """Add `added` signatures to a window's count and return the new count, with the two
    cache calls django-ratelimit makes (add, then incr)."""
    if cache.add(key, added, timeout=timeout):
        return added
    try:
        return cache.incr(key, added)
    except ValueError:  # the count expired between the two calls: it starts again here
        cache.add(key, added, timeout=timeout)
        return added
