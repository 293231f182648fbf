"""The per-address signing limit: how many signatures one client address may add to one petition
per period (PETITIONS_SIGN_RATELIMIT, "20/h"). Those over it are stored flagged: never emailed,
never counted, and the supporter saw the same thank-you page as everyone else.

Why the email worker counts, not the sign request
-------------------------------------------------
A signature counts only once confirmed, and only the link in its first confirmation email can
confirm it; so counting it just before that email goes (`signature_check`, called by
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

from django.conf import settings
from django.core.cache import cache
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


def signature_check(signature: Signature) -> bool:
    """Count a new signature against its address's limit on its petition, once, and flag it
    when over; returns whether it is flagged now.

    One conditional UPDATE claims the count, so a signature is counted once however many of
    its confirmations are sent, and never again after an organiser clears its flag. A broken
    cache limits no one: a supporter's signature is worth more than a missed flag.
    """
    if signature.is_flagged:
        return True
    if not signature.rate_limit_pending:
        return False
    claimed = Signature.objects.filter(pk=signature.pk, rate_limit_pending=True).update(
        rate_limit_pending=False
    )
    signature.rate_limit_pending = False
    if not claimed:
        return False
    try:
        over = _count_over_limit(signature)
    except Exception:
        log.warning("petitions: rate limit unavailable for signature %s", signature.pk)
        return False
    if not over:
        return False
    Signature.objects.filter(pk=signature.pk).update(flag_reason=Signature.FlagReason.RATE_LIMIT)
    # is_flagged is the database's to compute; the rest of the worker's batch reads this object.
    signature.flag_reason = Signature.FlagReason.RATE_LIMIT
    signature.is_flagged = True
    log.info("petitions: signature %s flagged, over its address's limit", signature.pk)
    return True


def _count_over_limit(signature: Signature) -> bool:
    """Count `signature` in its address's window of signing time on its petition; True when
    that makes it more than the limit allows."""
    limit, period = _sign_rate()
    window = int(signature.created_at.timestamp()) // period
    # ip_hash is salted per petition; "" when the address was unknown (all such share a count).
    key = f"petitions:sign-limit:{signature.petition_id}:{signature.ip_hash}:{window}"
    timeout = period + KEPT_AFTER_WINDOW
    if cache.add(key, 1, timeout=timeout):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # the count expired between the two calls: it starts again here
            cache.add(key, 1, timeout=timeout)
            count = 1
    return count > limit
