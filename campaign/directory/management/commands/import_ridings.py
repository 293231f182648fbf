"""Import the federal ridings (code, English and French names) from a CSV file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.directory.importers import ImportFailed
from campaign.directory.importers.directory import ridings_import
from campaign.directory.importers.parsing import parse_ridings_csv


class Command(BaseCommand):
    help = (
        "Import ridings from a CSV with a code (or OCD id) column and English/French names, "
        "such as the 2023 Representation Order list."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        try:
            counts = ridings_import(records=parse_ridings_csv(data))
        except ImportFailed as error:
            raise CommandError(f"{file.name}: {error}") from error
        self.stdout.write(counts.summary("Ridings"))
