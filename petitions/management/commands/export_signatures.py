"""`manage.py export_signatures --petition SLUG --output FILE|-`: the signatory export as CSV.

The same choices and checks as the admin's export (petitions/export_form.py), the same
stream and log (campaign.exports). Bad input: one line on stderr, exit status 2, no file.
"""

from django.core.management.base import BaseCommand, CommandError

from campaign.exports.commands import (
    BAD_INPUT,
    Progress,
    add_common_arguments,
    command_user,
    output_check,
    output_open,
)
from campaign.exports.forms import errors_in_one_line
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
        data = {
            "petition": options["petition"] or "",
            "columns": [c.strip() for c in options["columns"].split(",") if c.strip()],
            "since": options["since"] or "",
            "until": options["until"] or "",
            "province": options["province"] or "",
            "riding": options["riding"] or "",
            "newsletter_only": options["newsletter_only"],
            "include_unconfirmed": options["include_unconfirmed"],
            "excel": options["excel"],
        }
        petition = Petition.objects.filter(slug=data["petition"]).first()
        user = command_user(
            username=options["user"],
            permission=EXPORT_PERMISSION,
            kind=KIND,
            subject=signature_export_subject(petition),
            filters={k: v for k, v in data.items() if v},
        )
        form = SignatureExportForm(data)
        if not form.is_valid():
            raise CommandError(errors_in_one_line(form), returncode=BAD_INPUT)
        output_check(options["output"])
        export = form.export()
        progress = Progress(total_rows=signature_export_rows(export).count)
        chunks = signature_export_stream(
            export=export, actor=user, via=ExportLog.Via.COMMAND, progress=progress
        )
        with output_open(options["output"], self.stdout) as out:
            for chunk in chunks:
                out.write(chunk)
        progress.done()
        if options["output"] != "-" and options["verbosity"] > 0:
            self.stderr.write(
                f"{progress.written} signatures of {export.petition.slug} "
                f"exported to {options['output']}"
            )
