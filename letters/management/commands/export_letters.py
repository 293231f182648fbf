"""`manage.py export_letters --campaign SLUG --output FILE|-`: the letters report as CSV.

Letters sent per recipient, riding and day (letters/exports.py), with the admin's checks
(letters/export_form.py) and the export log. Bad input: one line, exit status 2, no file.
"""

from django.core.management.base import BaseCommand

from campaign.exports.commands import add_common_arguments, export_command_run
from campaign.exports.models import ExportLog
from campaign.models import Campaign
from letters.export_form import LetterExportForm
from letters.exports import EXPORT_PERMISSION, KIND, letter_export_stream, letter_export_subject


class Command(BaseCommand):
    help = "Export a campaign's letters sent, per recipient, riding and day, as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", metavar="SLUG", help="The campaign's slug.")
        parser.add_argument("--since", metavar="YYYY-MM-DD", help="Sent on or after.")
        parser.add_argument("--until", metavar="YYYY-MM-DD", help="Sent on or before.")
        parser.add_argument("--province", metavar="XX", help="Supporters' province code.")
        parser.add_argument("--riding", metavar="CODE", help="Supporters' riding code.")
        add_common_arguments(parser)

    def handle(self, *args, **options):
        slug = options["campaign"] or ""
        rows = export_command_run(
            self,
            options=options,
            data={
                "campaign": slug,
                "since": options["since"] or "",
                "until": options["until"] or "",
                "province": options["province"] or "",
                "riding": options["riding"] or "",
                "excel": options["excel"],
            },
            form_class=LetterExportForm,
            permission=EXPORT_PERMISSION,
            kind=KIND,
            subject=letter_export_subject(Campaign.objects.filter(slug=slug).first()),
            stream=lambda export, user, progress: letter_export_stream(
                export=export, actor=user, via=ExportLog.Via.COMMAND, progress=progress
            ),
        )
        if options["output"] != "-" and options["verbosity"] > 0:
            self.stderr.write(f"{rows} rows of {slug}'s letters exported to {options['output']}")
