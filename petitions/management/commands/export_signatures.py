"""`manage.py export_signatures --petition SLUG --output FILE|-`: the signatory export as CSV.

The same choices and checks as the admin's export (petitions/export_form.py), the same
stream and log (campaign.exports). Bad input: one line on stderr, exit status 2, no file;
an account without the export permission: one line, exit status 1, logged.
"""

from django.core.management.base import BaseCommand

from campaign.exports.commands import add_common_arguments, export_command_run
from campaign.exports.models import ExportLog
from petitions.export_form import SignatureExportForm
from petitions.exports import (
    COLUMNS,
    DEFAULT_COLUMNS,
    EXPORT_PERMISSION,
    KIND,
    signature_export_rows,
    signature_export_stream,
    signature_export_subject,
)
from petitions.models import Petition


class Command(BaseCommand):
    help = "Export a petition's signatories as CSV (confirmed only, unless asked)."

    def add_arguments(self, parser):
        parser.add_argument("--petition", metavar="SLUG", help="The petition's slug.")
        parser.add_argument("--since", metavar="YYYY-MM-DD", help="Signed on or after.")
        parser.add_argument("--until", metavar="YYYY-MM-DD", help="Signed on or before.")
        parser.add_argument("--province", metavar="XX", help="Province code: ON, QC…")
        parser.add_argument("--riding", metavar="CODE", help="Riding code (the directory's).")
        parser.add_argument("--newsletter-only", action="store_true")
        parser.add_argument("--include-unconfirmed", action="store_true")
        parser.add_argument(
            "--columns",
            default=",".join(DEFAULT_COLUMNS),
            help=f"Comma-separated, from: {', '.join(COLUMNS)} (default: %(default)s).",
        )
        add_common_arguments(parser)

    def handle(self, *args, **options):
        slug = options["petition"] or ""
        rows = export_command_run(
            self,
            options=options,
            data={
                "petition": slug,
                "columns": [c.strip() for c in options["columns"].split(",") if c.strip()],
                "since": options["since"] or "",
                "until": options["until"] or "",
                "province": options["province"] or "",
                "riding": options["riding"] or "",
                "newsletter_only": options["newsletter_only"],
                "include_unconfirmed": options["include_unconfirmed"],
                "excel": options["excel"],
            },
            form_class=SignatureExportForm,
            permission=EXPORT_PERMISSION,
            kind=KIND,
            subject=signature_export_subject(Petition.objects.filter(slug=slug).first()),
            stream=lambda export, user, progress: signature_export_stream(
                export=export, actor=user, via=ExportLog.Via.COMMAND, progress=progress
            ),
            count=lambda export: signature_export_rows(export).count(),
        )
        if options["output"] != "-" and options["verbosity"] > 0:
            self.stderr.write(f"{rows} signatures of {slug} exported to {options['output']}")
