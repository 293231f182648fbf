"""Import the list of MPs from a file: Represent JSON, House of Commons XML, or CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.directory.importers import ImportFailed
from campaign.directory.importers.directory import representatives_file_import


class Command(BaseCommand):
    help = (
        "Import Members of Parliament from a Represent JSON page, a House of Commons XML export "
        "or a CSV with a header row. Members missing from a full list are marked former."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Only add and update (a by-election): do not mark absent members former.",
        )

    def handle(self, *args, file: Path, partial: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        try:
            kind, counts = representatives_file_import(data=data, partial=partial)
        except ImportFailed as error:
            raise CommandError(f"{file.name}: {error}") from error
        self.stdout.write(counts.summary(f"Representatives ({kind})"))
