"""Compile the translation catalogs (settings.LOCALE_PATHS) without GNU gettext."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from campaign.catalogs import catalog_compile, catalogs


class Command(BaseCommand):
    help = "Compile every .po file under LOCALE_PATHS to its .mo (pure Python: no msgfmt needed)."

    def handle(self, *args, **options):
        found = catalogs(settings.LOCALE_PATHS)
        if not found:
            raise CommandError(f"No .po file under {', '.join(map(str, settings.LOCALE_PATHS))}.")
        for po in found:
            try:
                catalog_compile(po)
            except (OSError, ValueError) as error:
                raise CommandError(f"{po} could not be compiled: {error}") from error
        self.stdout.write(f"Translations: {len(found)} catalogs compiled.")
