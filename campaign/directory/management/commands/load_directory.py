"""Load the directory shipped with Chorus: ridings, MPs, FSAs and the ministry (make run)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from campaign.directory.importers import ImportFailed
from campaign.directory.snapshot import directory_snapshot_load


class Command(BaseCommand):
    help = (
        "Load the public data snapshot in campaign/directory/data/ (or --data-dir): the 2023 "
        "ridings, the current MPs, the FSA table and the federal ministry. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", type=Path, help="a folder holding the same files")

    def handle(self, *args, data_dir: Path | None, **options):
        try:
            loaded = directory_snapshot_load(data_dir=data_dir)
        except OSError as error:
            raise CommandError(f"cannot read {error.filename}: {error.strerror}") from error
        except ImportFailed as error:
            raise CommandError(str(error)) from error
        for item in loaded:
            self.stdout.write(item.summary)
