"""What each process keeps in its own memory for a few seconds: the hot path of a viral petition.

A hit costs no network round trip, which is what lets a petition page keep pace with a
constant page and keeps the sign path short. Everything here is safe to serve a little stale:

- rendered public pages (no per-user data: no CSRF token, no cookie, no messages), for
  PETITIONS_PAGE_CACHE_SECONDS; browsers and proxies may keep them as long
  (Cache-Control: public), so the count shown is at most that many seconds old;
- the public petition row behind the sign form, as long: a petition closed meanwhile still
  takes signatures for those seconds, but confirming always reads the row, so they never count;
- the riding of each forward sortation area (the letters directory's FSA table changes weekly).
"""

import time
from typing import Any

from django.conf import settings

RIDING_SECONDS = 300
MAX_ENTRIES = 5000

# key -> (expires at, value). A plain dict: no pickling, so a hit hands back the very bytes
# to send. Single-threaded workers make that safe; under threads each dict operation is atomic.
_store: dict[str, tuple[float, Any]] = {}


def _get(key: str) -> Any:
    entry = _store.get(key)
    if entry is None:
        return None
    if entry[0] < time.time():
        _store.pop(key, None)
        return None
    return entry[1]


def _set(key: str, value: Any, seconds: float | None = None) -> None:
    if len(_store) >= MAX_ENTRIES:
        _store.clear()
    ttl = settings.PETITIONS_PAGE_CACHE_SECONDS if seconds is None else seconds
    _store[key] = (time.time() + ttl, value)


def clear() -> None:
    """Forget everything (tests start from nothing)."""
    _store.clear()


def _page_key(*, slug: str, variant: str, language: str) -> str:
    return f"{variant}:{language}:{slug}"


def page_get(*, slug: str, variant: str, language: str) -> bytes | None:
    return _get(_page_key(slug=slug, variant=variant, language=language))


def page_set(
    *, slug: str, variant: str, language: str, content: bytes, seconds: float | None = None
) -> None:
    _set(_page_key(slug=slug, variant=variant, language=language), content, seconds)


def petition_get(*, slug: str):
    return _get(f"petition:{slug}")


def petition_set(*, slug: str, petition) -> None:
    _set(f"petition:{slug}", petition)


def riding_get(*, fsa: str) -> tuple[str, str] | None:
    return _get(f"riding:{fsa}")


def riding_set(*, fsa: str, riding: tuple[str, str]) -> None:
    _set(f"riding:{fsa}", riding, RIDING_SECONDS)


def page_forget(*, petition_id: int) -> None:
    """Drop this process's copies of a petition (other processes expire on time)."""
    from petitions.models import Petition

    slug = Petition.objects.filter(pk=petition_id).values_list("slug", flat=True).first()
    if slug is None:
        return
    for variant in ("page", "json"):
        for code, _name in settings.LANGUAGES:
            _store.pop(_page_key(slug=slug, variant=variant, language=code), None)
    _store.pop(f"petition:{slug}", None)
