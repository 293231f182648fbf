"""`manage.py sweep_outbox`: what beat runs every minute, by hand (e.g. after a broker outage)."""

from django.core.management.base import BaseCommand, CommandError

from campaign.outbox.services import outbox_sweep


class Command(BaseCommand):
    help = (
        "Take back rows stuck in 'sending' past their lease and publish delivery batches for "
        "every due row. With --deliver, send them from this process (no broker needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--deliver",
            action="store_true",
            help="Send due rows from this process instead of publishing tasks.",
        )

    def handle(self, *args, deliver: bool, **options):
        try:
            report = outbox_sweep(deliver_here=deliver)
        except Exception as error:  # the database is down: one line, non-zero exit
            raise CommandError(f"sweep failed: {type(error).__name__}: {error}") from error
        self.stdout.write(
            "reclaimed {reclaimed}, due {due}, batches published {batches}, "
            "delivered here {delivered}".format(**report)
        )
