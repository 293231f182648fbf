"""Keeping the MP directory current from the Represent API (command and weekly task)."""

from campaign.directory import represent
from campaign.directory.importers import ImportCounts, ImportFailed
from campaign.directory.importers.directory import representatives_import
from campaign.directory.importers.parsing import records_from_represent
from campaign.directory.models import Representative


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
