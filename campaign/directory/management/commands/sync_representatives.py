"""Refresh the MP directory from the Represent API (the weekly beat task does the same)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from campaign.directory.importers import ImportFailed
from campaign.directory.represent import RepresentUnavailable
from campaign.directory.sync import representatives_sync


class Command(BaseCommand):
    help = "Fetch the House of Commons from the Represent API (REPRESENT_API_URL) and import it."

    def handle(self, *args, **options):
        try:
            counts = representatives_sync()
        except RepresentUnavailable as error:
            raise CommandError(
                f"Represent API unreachable at {settings.REPRESENT_API_URL} ({error}); "
                "nothing changed."
            ) from error
        except ImportFailed as error:
            raise CommandError(f"Represent API: {error}") from error
        self.stdout.write(counts.summary("Representatives (Represent API)"))
