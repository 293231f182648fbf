"""Import the federal ridings (code, English and French names) from a CSV file."""

from campaign.directory.importers.directory import ridings_import
from campaign.directory.importers.parsing import parse_ridings_csv
from campaign.directory.management.file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Import ridings from a CSV with a code (or OCD id) column and English/French names, "
        "such as the 2023 Representation Order list."
    )

    def import_data(self, data: bytes, **options) -> str:
        return ridings_import(records=parse_ridings_csv(data)).summary("Ridings")
