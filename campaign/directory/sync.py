"""Keeping the MP directory current from the Represent API (command and weekly task)."""

import logging
from collections import Counter

from django.conf import settings

from campaign.directory import represent
from campaign.directory.importers import ImportCounts, ImportFailed
from campaign.directory.importers.directory import representatives_import
from campaign.directory.importers.parsing import records_from_represent
from campaign.directory.models import Representative

log = logging.getLogger(__name__)


def representatives_sync() -> ImportCounts:
    """Fetch every page first, then import: an outage mid-way changes nothing.

    Each member's riding code comes from its `related.boundary_url` in the current federal
    set (REPRESENT_FEDERAL_BOUNDARY_SET); the import links it to the directory's riding of
    that code only when that riding bears the member's district name, else by name.

    Raises represent.RepresentUnavailable when the API cannot be reached, ImportFailed when
    what it returned cannot be imported.
    """
    objects: list[dict] = []
    for page in represent.house_of_commons_pages():
        objects.extend(page["objects"])
    boundary_set = settings.REPRESENT_FEDERAL_BOUNDARY_SET
    _warn_of_other_boundary_sets(objects, boundary_set)
    records = records_from_represent(objects, boundary_set)
    if not records:
        raise ImportFailed("Represent returned no members of the House of Commons")
    return representatives_import(records=records, source=Representative.Source.REPRESENT_API)


def _warn_of_other_boundary_sets(objects: list[dict], boundary_set: str) -> None:
    """Say so when members link to another boundary set: a new representation order is in."""
    others = Counter()
    for obj in objects:
        related = obj.get("related") if isinstance(obj, dict) else None
        url = related.get("boundary_url") if isinstance(related, dict) else None
        parts = str(url or "").strip("/").split("/")
        if len(parts) == 3 and parts[0] == "boundaries" and parts[1] != boundary_set:
            others[parts[1]] += 1
    if others:
        log.warning(
            "directory: %d House of Commons members link to boundaries outside %s (%s); their "
            "ridings are matched by name. Is REPRESENT_FEDERAL_BOUNDARY_SET current?",
            sum(others.values()),
            boundary_set,
            ", ".join(sorted(others)),
        )
