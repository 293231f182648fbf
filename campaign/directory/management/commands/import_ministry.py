"""Import the federal ministry: the open-data minister list, or a CSV of a shuffle."""

from campaign.directory.importers.ministry import ministry_file_import
from campaign.directory.management.file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Import offices and their holders from the Government of Canada open-data minister "
        "list (JSON) or a CSV `portfolio,holder,since[,until][,email]`. A new holder's start "
        "ends the previous holder's tenure."
    )

    def import_data(self, data: bytes, **options) -> str:
        return ministry_file_import(data=data).summary("Office holders")
