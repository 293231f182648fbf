"""The rendered public petition pages, kept per process for PETITIONS_PAGE_CACHE_SECONDS.

The pages hold no per-user data (no CSRF token, no cookie), so one rendering serves every
visitor; browsers and proxies may keep them as long (Cache-Control: public). A page holds the
count as it was when rendered, so the count shown is at most that many seconds old.
"""

import logging

from django.core.cache import caches

log = logging.getLogger(__name__)


def _cache():
    return caches["petition_pages"]


def _key(*, slug: str, variant: str, language: str) -> str:
    return f"{variant}:{language}:{slug}"


def page_get(*, slug: str, variant: str, language: str) -> bytes | None:
    return _cache().get(_key(slug=slug, variant=variant, language=language))


def page_set(*, slug: str, variant: str, language: str, content: bytes) -> None:
    _cache().set(_key(slug=slug, variant=variant, language=language), content)


def page_forget(*, petition_id: int) -> None:
    """Drop this process's copies of a petition's pages (other processes expire on time)."""
    from django.conf import settings

    from petitions.models import Petition

    slug = Petition.objects.filter(pk=petition_id).values_list("slug", flat=True).first()
    if slug is None:
        return
    keys = [
        _key(slug=slug, variant=variant, language=code)
        for variant in ("page", "json")
        for code, _name in settings.LANGUAGES
    ]
    _cache().delete_many(keys)
