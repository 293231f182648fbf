"""The letters report as CSV: letters sent per recipient (MP or target), per riding, per day.

For organisers' reporting and for an office that asks how many constituents wrote: no
supporter's name or address is in it. A letter counts once it was sent to its recipient
(the outbox row carrying it is `sent`); letters written in test mode went to the test
address, not to the recipient, and are left out. The riding is the supporter's.
"""

import datetime
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from campaign.exports.cells import csv_row
from campaign.exports.services import export_stream, log_filters
from campaign.models import Campaign
from campaign.outbox import OutboundEmail
from letters.models import LetterRecipient
from letters.purposes import LetterPurpose

EXPORT_PERMISSION = "letters.export_letter"
KIND = "letters"
COLUMNS = ("recipient", "role", "riding_code", "riding", "province", "sent_on", "letters")
HEADER = (
    _("Recipient"),
    _("Role"),
    _("Riding code"),
    _("Riding"),
    _("Province"),
    _("Sent on"),
    _("Letters sent"),
)


@dataclass(frozen=True)
class LetterExport:
    """Which letters to count: a campaign's, sent between two days (the site's, both
    included), from supporters of a province or riding."""

    campaign: Campaign
    since: datetime.date | None = None
    until: datetime.date | None = None
    province: str = ""
    riding_code: str = ""
    excel: bool = False

    @property
    def filters(self) -> dict:
        """The filters as the ExportLog keeps them (only those set)."""
        return log_filters(
            campaign=self.campaign.slug,
            since=self.since,
            until=self.until,
            province=self.province,
            riding=self.riding_code,
            excel=self.excel,
        )


def letter_export_rows(export: LetterExport) -> QuerySet:
    """One row per recipient, riding and day, with the number of letters sent."""
    sent = OutboundEmail.objects.filter(
        message_id=OuterRef("message_id"),
        purpose=LetterPurpose.LETTER,
        status=OutboundEmail.Status.SENT,
    )
    rows = (
        LetterRecipient.objects.filter(campaign=export.campaign, letter__test_mode=False)
        .exclude(message_id="")
        .annotate(sent_at=Subquery(sent.values("sent_at")[:1]))
        .filter(sent_at__isnull=False)
        .annotate(sent_on=TruncDate("sent_at", tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)))
    )
    if export.since:
        rows = rows.filter(sent_on__gte=export.since)
    if export.until:
        rows = rows.filter(sent_on__lte=export.until)
    if export.province:
        rows = rows.filter(letter__riding__province=export.province)
    if export.riding_code:
        rows = rows.filter(letter__riding__code=export.riding_code)
    return (
        rows.values(
            "name",
            "role",
            "letter__riding__code",
            "letter__riding__name_en",
            "letter__riding__province",
            "sent_on",
        )
        .annotate(letters=Count("pk"))
        .order_by("sent_on", "name", "letter__riding__code")
    )


def letter_export_lines(export: LetterExport) -> Iterator[str]:
    """Each row as its CSV line (a few per recipient and day: built in Python)."""
    for row in letter_export_rows(export).iterator():
        yield csv_row(
            [
                row["name"],
                row["role"],
                row["letter__riding__code"],
                row["letter__riding__name_en"],
                row["letter__riding__province"],
                row["sent_on"].isoformat(),
                row["letters"],
            ]
        )


def letter_export_subject(campaign: Campaign | None) -> str:
    """How the ExportLog names an export of this campaign's letters report."""
    return f"campaign {campaign.slug}" if campaign else ""


def letter_export_stream(*, export: LetterExport, actor, via: str, progress=None):
    """The report as CSV bytes, logged (campaign.exports.services.export_stream)."""
    return export_stream(
        actor=actor,
        via=via,
        kind=KIND,
        subject=letter_export_subject(export.campaign),
        filters=export.filters,
        columns=COLUMNS,
        header=[str(header) for header in HEADER],
        lines=letter_export_lines(export),
        excel=export.excel,
        progress=progress,
    )
