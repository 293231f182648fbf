"""Import the list of MPs from a file: Represent JSON, House of Commons XML, or CSV."""

from campaign.directory.importers.directory import representatives_file_import
from campaign.directory.management.file_import import FileImportCommand


class Command(FileImportCommand):
    help = (
        "Import Members of Parliament from a Represent JSON page, a House of Commons XML export "
        "or a CSV with a header row. Members missing from a full list are marked former."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Only add and update (a by-election): do not mark absent members former.",
        )

    def import_data(self, data: bytes, *, partial: bool = False, **options) -> str:
        kind, counts = representatives_file_import(data=data, partial=partial)
        return counts.summary(f"Representatives ({kind})")
