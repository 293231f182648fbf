"""Slugs for rows drafted from documents: readable, short, and free in their table."""

from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(text: str, *, taken: QuerySet, fallback: str, max_length: int = 70) -> str:
    """`text` as a slug of at most `max_length` characters (no trailing hyphen), with -2, -3…
    added until no row of `taken` (a queryset of the table, or of one campaign's rows) has it.
    """
    base = slugify(text)[:max_length].strip("-") or fallback
    slug, n = base, 2
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
