"""Apply the signature retention periods now (the same as the daily task)."""

from django.core.management.base import BaseCommand

from petitions.services import signature_purge_expired


class Command(BaseCommand):
    help = "Delete expired unconfirmed signatures, clear old IP hashes, anonymise old signatures."

    def handle(self, *args, **options):
        outcome = signature_purge_expired()
        self.stdout.write(
            f"deleted {outcome.unconfirmed_deleted} unconfirmed, "
            f"cleared {outcome.ip_hashes_cleared} IP hashes, "
            f"anonymised {outcome.anonymised}"
        )
