"""Client for Open North's Represent API (https://represent.opennorth.ca).

Two uses: a postal code's federal ridings (`/postcodes/<CODE>/?sets=`), cached for 30 days, and the
full House of Commons list (`/representatives/house-of-commons/`, paged) for the directory sync.
Network trouble never reaches a supporter: lookups return [] and the caller falls back; the
caller also checks each riding's name against the directory before trusting its code.
"""

import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.cache import cache

from campaign.directory.importers.parsing import federal_riding_code

log = logging.getLogger(__name__)

CACHE_SECONDS = 30 * 24 * 60 * 60
# Bumped whenever what a cached answer means changes (v2: only the current federal set counts).
CACHE_VERSION = "v2"


class RepresentUnavailable(Exception):
    """The API could not be reached or answered with something we cannot use."""


class RepresentNotFound(RepresentUnavailable):
    """The API answered 404: for `/postcodes/`, a postal code Represent does not know."""


class RepresentBusy(RepresentUnavailable):
    """Not asked: the shared rate budget is spent, or Represent asked us to back off."""


# Open North's documented limit (https://represent.opennorth.ca/api/, "Rate limits"): free up
# to 60 requests a minute, above which it may answer 503. REPRESENT_API_RATE_LIMIT is counted
# for every process and worker together, in the Django cache.
RATE_WINDOW_SECONDS = 60
RATE_KEY = "directory:represent:rate:{window}"
BACKOFF_KEY = "directory:represent:backoff-until"
# A Retry-After longer than this is read as this: Represent is then off for an hour at most.
MAX_BACKOFF_SECONDS = 60 * 60


def _sleep(seconds: float) -> None:
    """Only the weekly sync ever waits (tests replace this)."""
    time.sleep(seconds)


def _take_slot() -> bool:
    """Count one request against the shared budget; False when it is spent.

    A sliding minute over two fixed one-minute counters: the previous minute counts for the
    share of it still inside the last 60 seconds. Concurrent callers may overshoot by a few.
    With the cache down the request goes unthrottled, rather than not at all.
    """
    limit = settings.REPRESENT_API_RATE_LIMIT
    now = time.time()
    window = int(now // RATE_WINDOW_SECONDS)
    current, previous = RATE_KEY.format(window=window), RATE_KEY.format(window=window - 1)
    try:
        counts = cache.get_many([previous, current])
        share = 1 - (now % RATE_WINDOW_SECONDS) / RATE_WINDOW_SECONDS
        if counts.get(previous, 0) * share + counts.get(current, 0) >= limit:
            return False
        cache.add(current, 0, 3 * RATE_WINDOW_SECONDS)
        cache.incr(current)
    except Exception:
        log.warning("directory: cache unavailable; Represent requests are not throttled")
    return True


def _backoff_left() -> float:
    """Seconds until Represent may be asked again after a 503 (0 when it may be now)."""
    try:
        until = cache.get(BACKOFF_KEY)
    except Exception:
        return 0.0
    return max(0.0, until - time.time()) if isinstance(until, int | float) else 0.0


def _back_off(retry_after: str | None) -> float:
    """Hold every process off Represent for Retry-After, else REPRESENT_API_BACKOFF_SECONDS."""
    seconds = _retry_after_seconds(retry_after)
    if seconds is None:
        seconds = float(settings.REPRESENT_API_BACKOFF_SECONDS)
    seconds = min(max(seconds, 1.0), MAX_BACKOFF_SECONDS)
    try:
        cache.set(BACKOFF_KEY, time.time() + seconds, int(seconds) + 1)
    except Exception:
        log.warning("directory: cache unavailable; cannot share Represent's back-off")
    return seconds


def _retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header in seconds: a number of seconds or an HTTP date; None if neither."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _get(path_or_url: str, *, params: dict | None = None, wait: float = 0) -> dict:
    """One answer of the API, within the shared rate budget and any back-off.

    `wait` is how long the caller may wait, in all, for the budget or a back-off to pass; a
    supporter's lookup waits not at all (RepresentBusy: it falls back to the local table).
    A 503 (or 429) starts a back-off shared by all processes and is retried while `wait`
    allows.
    """
    base = settings.REPRESENT_API_URL.rstrip("/")
    url = path_or_url if path_or_url.startswith("http") else f"{base}{path_or_url}"
    # The host only in messages: a /postcodes/ path carries the supporter's postal code.
    host = urlsplit(url).netloc
    waited = 0.0
    held_until = 0.0  # this call's own back-off, should the cache not keep the shared one
    while True:
        pause = max(_backoff_left(), held_until - time.time())
        reason = f"backing off {host} after a 503"
        if not pause and not _take_slot():
            pause = 1.0
            reason = f"{settings.REPRESENT_API_RATE_LIMIT} requests a minute to {host} reached"
        if pause:
            if waited + pause > wait:
                raise RepresentBusy(reason)
            _sleep(pause)
            waited += pause
            continue
        try:
            response = requests.get(
                url,
                params=params,
                timeout=settings.REPRESENT_API_TIMEOUT,
                headers={"User-Agent": "Chorus (advocacy campaigns)"},
            )
            if response.status_code in (429, 503):
                seconds = _back_off(response.headers.get("Retry-After"))
                held_until = time.time() + seconds
                log.warning(
                    "directory: Represent answered %s; not asked for %.0f s",
                    response.status_code,
                    seconds,
                )
                continue  # waits the back-off out, or raises RepresentBusy
            if response.status_code == 404:  # an HTML page, not JSON
                raise RepresentNotFound(f"HTTP 404 from {host}")
            response.raise_for_status()
            return response.json()
        except (requests.RequestException, ValueError) as error:
            raise RepresentUnavailable(f"{type(error).__name__} from {host}") from error


# A riding as a Represent answer names it: its code in the current set, and every name the
# answer gives it (the boundary's `name`, the members' `district_name`).
NamedRiding = tuple[str, tuple[str, ...]]


def ridings_from_postcode(payload: dict, boundary_set: str | None = None) -> list[NamedRiding]:
    """The federal ridings a `/postcodes/` answer names, the centroid's riding first.

    Only boundaries of `boundary_set` (settings.REPRESENT_FEDERAL_BOUNDARY_SET) count: an
    answer asked without `sets` also lists the 2013 order, whose codes number other ridings.
    Reads `boundaries_centroid` and `representatives_centroid` (the riding containing the
    code's centre), then `boundaries_concordance` and `representatives_concordance` (every
    riding the code reaches into, by official data). Open North's API page: "you must check
    both the centroid and concordance fields".
    """
    boundary_set = boundary_set or settings.REPRESENT_FEDERAL_BOUNDARY_SET
    named: list[tuple[str, str]] = []  # (boundary URL, name), in the order to offer them
    for match_type in ("centroid", "concordance"):
        for boundary in _objects(payload, f"boundaries_{match_type}"):
            named.append((boundary.get("url"), boundary.get("name")))
        for member in _objects(payload, f"representatives_{match_type}"):
            related = member.get("related") if isinstance(member.get("related"), dict) else {}
            named.append((related.get("boundary_url"), member.get("district_name")))
    ridings: dict[str, list[str]] = {}
    for url, name in named:
        code = federal_riding_code(str(url or ""), boundary_set)
        if not code:
            continue
        names = ridings.setdefault(code, [])
        name = " ".join(str(name or "").split())
        if name and name not in names:
            names.append(name)
    return [(code, tuple(names)) for code, names in ridings.items()]


def riding_codes_from_postcode(payload: dict, boundary_set: str | None = None) -> list[str]:
    """The codes of `ridings_from_postcode`, in its order."""
    return [code for code, _names in ridings_from_postcode(payload, boundary_set)]


def _objects(payload: dict, key: str) -> list[dict]:
    """The objects under `key`; Represent leaves a key out when it has nothing to list."""
    value = payload.get(key) if isinstance(payload, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def postcode_cache_key(compact_postal_code: str, boundary_set: str) -> str:
    """Where a postal code's answer is cached: versioned, and per boundary set.

    Answers cached under the old rule (`letters:represent:postcode:<CODE>`, code lists that
    may hold 2013-order codes) are never read again; they expire within their 30 days. A new
    boundary set starts from an empty cache too.
    """
    return f"directory:represent:postcode:{CACHE_VERSION}:{boundary_set}:{compact_postal_code}"


def postcode_ridings(postal_code: str) -> list[NamedRiding]:
    """The ridings Represent names for a normalised postal code, with the names it gives them.

    Asks `/postcodes/<CODE>/?sets=<the current federal set>`, so the answer holds only that
    set's boundaries and the MPs linked to them. Returns [] when the API is off or
    unavailable, or does not know the code (a 404, remembered for
    REPRESENT_UNKNOWN_POSTCODE_CACHE_SECONDS); the caller then uses the local table. The caller
    checks the codes against the directory (lookup.py).
    """
    if not settings.REPRESENT_API_ENABLED:
        return []
    compact = postal_code.replace(" ", "")
    boundary_set = settings.REPRESENT_FEDERAL_BOUNDARY_SET
    cache_key = postcode_cache_key(compact, boundary_set)
    try:
        cached = _cached_ridings(cache.get(cache_key))
    except Exception:  # a down cache only costs us the API call
        cached = None
    if cached is not None:
        return cached
    try:
        payload = _get(f"/postcodes/{compact}/", params={"sets": boundary_set})
    except RepresentNotFound:
        # Unknown to Represent: remembered as such for a while, not asked on every visit.
        ridings = []
    except RepresentBusy as error:
        log.info("directory: Represent not asked (%s); using the local table", error)
        return []
    except RepresentUnavailable as error:
        log.warning("directory: Represent lookup failed (%s); using the local table", error)
        return []
    else:
        ridings = ridings_from_postcode(payload, boundary_set)
    # Nothing known is kept for a shorter time: Represent adds postal codes now and then.
    seconds = CACHE_SECONDS if ridings else settings.REPRESENT_UNKNOWN_POSTCODE_CACHE_SECONDS
    try:
        cache.set(cache_key, ridings, seconds)
    except Exception:
        log.warning("directory: could not cache a Represent answer")
    return ridings


def _cached_ridings(value) -> list[NamedRiding] | None:
    """A cached answer, or None for a miss or for anything not in this version's shape."""
    if not isinstance(value, list):
        return None
    ridings: list[NamedRiding] = []
    for item in value:
        if not (isinstance(item, tuple | list) and len(item) == 2):
            return None
        code, names = item
        if not isinstance(code, str) or not isinstance(names, tuple | list):
            return None
        ridings.append((code, tuple(str(name) for name in names)))
    return ridings


def house_of_commons_pages() -> Iterator[dict]:
    """Every page of `/representatives/house-of-commons/`, following `meta.next`.

    Waits, up to REPRESENT_API_SYNC_MAX_WAIT seconds a page, for the shared rate budget or a
    503's back-off. Raises RepresentUnavailable on the first failure, so a sync never sees
    half a list.
    """
    next_url: str | None = "/representatives/house-of-commons/"
    params: dict | None = {"limit": 100}
    seen = 0
    while next_url:
        page = _get(next_url, params=params, wait=settings.REPRESENT_API_SYNC_MAX_WAIT)
        if not isinstance(page, dict) or not isinstance(page.get("objects"), list):
            raise RepresentUnavailable("unexpected answer shape")
        yield page
        params = None  # `next` carries its own query string
        next_url = (page.get("meta") or {}).get("next")
        seen += 1
        if seen > 100:
            raise RepresentUnavailable("too many pages")
