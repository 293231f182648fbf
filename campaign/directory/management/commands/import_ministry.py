"""Import the federal ministry: the open-data minister list, or a CSV of a shuffle."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.directory.importers import ImportFailed
from campaign.directory.importers.ministry import ministry_file_import


class Command(BaseCommand):
    help = (
        "Import offices and their holders from the Government of Canada open-data minister "
        "list (JSON) or a CSV `portfolio,holder,since[,until][,email]`. A new holder's start "
        "ends the previous holder's tenure."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        try:
            counts = ministry_file_import(data=data)
        except ImportFailed as error:
            raise CommandError(f"{file.name}: {error}") from error
        self.stdout.write(counts.summary("Office holders"))
