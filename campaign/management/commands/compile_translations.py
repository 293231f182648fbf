"""Compile the translation catalogs (settings.LOCALE_PATHS) without GNU gettext."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from campaign.catalogs import catalog_compile, catalogs, is_stale


class Command(BaseCommand):
    help = "Compile every .po file under LOCALE_PATHS to its .mo (pure Python: no msgfmt needed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale", action="store_true", help="Only catalogs whose .mo is older or missing."
        )

    def handle(self, *args, **options):
        found = catalogs(settings.LOCALE_PATHS)
        if not found:
            raise CommandError(f"No .po file under {', '.join(map(str, settings.LOCALE_PATHS))}.")
        compiled = 0
        for po in found:
            if options["if_stale"] and not is_stale(po):
                continue
            try:
                catalog_compile(po)
            except (OSError, ValueError) as error:
                raise CommandError(f"{po} could not be compiled: {error}") from error
            compiled += 1
        self.stdout.write(f"Translations: {compiled} of {len(found)} catalogs compiled.")
