"""Import FSA → riding pairs (CSV `fsa,fed_code`, several rows per FSA, or the JSON sample)."""

from campaign.directory.importers.directory import fsa_import
from campaign.directory.importers.parsing import parse_fsa
from campaign.directory.management.file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Import which ridings each FSA reaches into, from a CSV `fsa,fed_code` (one row per "
        "pair) or a JSON object {FSA: {ridingId, ...}}. Pairs are added on top of existing ones."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="For each FSA in the file, remove the pairs the file does not list.",
        )

    def import_data(self, data: bytes, *, replace: bool = False, **options) -> str:
        return fsa_import(pairs=parse_fsa(data), replace=replace).summary("FSA pairs")
