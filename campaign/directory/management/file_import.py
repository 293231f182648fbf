"""What every directory import command shares: read one file, import it, say one line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.directory.importers import ImportFailed


class FileImportCommand(BaseCommand):
    """A command taking one file; subclasses say how to import its bytes.

    A file that cannot be read, or cannot be imported, ends the command with one line naming
    it and a non-zero exit; nothing changed.
    """

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def import_data(self, data: bytes, **options) -> str:
        """Import `data`; return the summary line. Raises ImportFailed."""
        raise NotImplementedError

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {file}: {error.strerror}") from error
        try:
            summary = self.import_data(data, **options)
        except ImportFailed as error:
            raise CommandError(f"{file.name}: {error}") from error
        self.stdout.write(summary)
