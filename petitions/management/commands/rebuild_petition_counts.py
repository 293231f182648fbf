"""Recount signatures from the table into the cached counters (after an outage, a restore)."""

from django.core.management.base import BaseCommand, CommandError

from petitions import counters
from petitions.models import Petition


class Command(BaseCommand):
    help = "Rebuild the cached public signature counts from the signatures table."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these petitions (default: all).")

    def handle(self, *args, slugs, **options):
        petitions = Petition.objects.order_by("pk")
        if slugs:
            petitions = petitions.filter(slug__in=slugs)
            missing = set(slugs) - set(petitions.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No petition with slug: {', '.join(sorted(missing))}")
        try:
            for petition in petitions:
                count = counters.count_rebuild(petition.pk)
                self.stdout.write(f"{petition.slug}: {count}")
        except Exception as error:  # Redis (or the database) is down: one line, non-zero exit
            raise CommandError(f"Could not store the counts in the cache: {error}") from error
