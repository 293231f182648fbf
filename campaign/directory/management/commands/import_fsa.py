"""Import FSA → riding pairs (CSV `fsa,fed_code`, several rows per FSA, or the JSON sample)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.directory.importers import ImportFailed
from campaign.directory.importers.directory import fsa_import
from campaign.directory.importers.parsing import parse_fsa


class Command(BaseCommand):
    help = (
        "Import which ridings each FSA reaches into, from a CSV `fsa,fed_code` (one row per "
        "pair) or a JSON object {FSA: {ridingId, ...}}. Pairs are added on top of existing ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="For each FSA in the file, remove the pairs the file does not list.",
        )

    def handle(self, *args, file: Path, replace: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        try:
            counts = fsa_import(pairs=parse_fsa(data), replace=replace)
        except ImportFailed as error:
            raise CommandError(f"{file.name}: {error}") from error
        self.stdout.write(counts.summary("FSA pairs"))
