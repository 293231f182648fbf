"""Keeping the MP directory current from the Represent API (command and weekly task)."""

from letters import represent
from letters.importers import ImportCounts, ImportFailed
from letters.importers.directory import representatives_import
from letters.importers.parsing import records_from_represent
from letters.models import Representative


def representatives_sync() -> ImportCounts:
    """Fetch every page first, then import: an outage mid-way changes nothing.

    Raises represent.RepresentUnavailable when the API cannot be reached, ImportFailed when
    what it returned cannot be imported.
    """
    objects: list[dict] = []
    for page in represent.house_of_commons_pages():
        objects.extend(page["objects"])
    records = records_from_represent(objects)
    if not records:
        raise ImportFailed("Represent returned no members of the House of Commons")
    return representatives_import(records=records, source=Representative.Source.REPRESENT_API)
