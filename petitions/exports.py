"""The signatory export: which signatures, which columns, rendered as CSV lines.

Read by the admin's export view (petitions/export_views.py) and `manage.py export_signatures`,
both through SignatureExportForm (petitions/export_form.py), so they accept and refuse the same
things. The rows come from a server-side cursor, a batch at a time, and on PostgreSQL each row
is rendered to its CSV line in the query (campaign.exports.cells.csv_lines): Python only joins
lines, which keeps a million-row export near `COPY`'s speed (tests/bench/exports.py) with flat
memory. Elsewhere (the SQLite of `make run`) the same cells are rendered in Python.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from campaign.consent.scopes import NEWSLETTER, campaign_scope
from campaign.consent.selectors import consenting
from campaign.exports.cells import CsvCell, LocalTime, YesNo, csv_lines
from campaign.exports.services import BATCH_ROWS, export_stream, log_filters
from petitions.models import Petition, Signature

EXPORT_PERMISSION = "petitions.export_signature"
KIND = "signatures"


@dataclass(frozen=True)
class Column:
    """A column staff can ask for: its label on the form, its header cells, its SQL cells."""

    label: Promise
    headers: tuple[Promise, ...]
    cells: Callable[[str], tuple] = field(repr=False)  # the site's time zone -> expressions


def _text(*names: str) -> Callable[[str], tuple]:
    return lambda zone: tuple(CsvCell(F(name)) for name in names)


def _time(name: str) -> Callable[[str], tuple]:
    return lambda zone: (LocalTime(F(name), zone=zone),)


# The annotations signature_export_rows adds for the consent columns and filter.
_UPDATES_NOW = "campaign_updates_consent_now"
_NEWSLETTER_NOW = "newsletter_consent_now"

# In the order they appear in the file, whatever order they are asked for in.
COLUMNS: dict[str, Column] = {
    "name": Column(_("Name"), (_("First name"), _("Last name")), _text("first_name", "last_name")),
    "email": Column(_("Email"), (_("Email"),), _text("email")),
    "postal_code": Column(_("Postal code"), (_("Postal code"),), _text("postal_code")),
    "province": Column(_("Province"), (_("Province"),), _text("province")),
    "riding": Column(
        _("Riding (code and name)"),
        (_("Riding code"), _("Riding")),
        _text("riding_code", "riding_name"),
    ),
    # "Consents now" is the ledger's answer at the time of the export (campaign.consent): a
    # supporter who unsubscribed after signing says no, whatever box they ticked. The wording
    # and time are what they agreed to when they signed (the proof of that consent).
    "consent": Column(
        _("Campaign updates consent (consents now, wording shown, time, page)"),
        (
            _("Consents to campaign updates now"),
            _("Consent wording"),
            _("Consent given at"),
            _("Signed on page"),
        ),
        lambda zone: (
            YesNo(F(_UPDATES_NOW)),
            CsvCell(F("newsletter_consent_text")),
            LocalTime(F("newsletter_consent_at"), zone=zone),
            CsvCell(F("consent_page")),
        ),
    ),
    "organisation_newsletter": Column(
        _("Organisation newsletter consent (consents now, wording shown)"),
        (_("Consents to the newsletter now"), _("Newsletter wording shown")),
        lambda zone: (
            YesNo(F(_NEWSLETTER_NOW)),
            CsvCell(F("organisation_newsletter_consent_text")),
        ),
    ),
    "signed_at": Column(_("Signed at"), (_("Signed at"),), _time("created_at")),
    "confirmed_at": Column(_("Confirmed at"), (_("Confirmed at"),), _time("confirmed_at")),
}
# What a list handed to an MP's office or counted per riding needs; the address only when
# asked for, since a list with addresses is the one that gets misused.
DEFAULT_COLUMNS = ("name", "postal_code", "province", "riding")


@dataclass(frozen=True)
class SignatureExport:
    """What to export: a petition's signatures, filtered, in the chosen columns.

    Signatures flagged as abuse (honeypot, over the rate limit) are never exported; unconfirmed
    ones only with `include_unconfirmed`. Dates are the site's days (TIME_ZONE), both included,
    on the day the signature was made.
    """

    petition: Petition
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    since: datetime.date | None = None
    until: datetime.date | None = None
    province: str = ""
    riding_code: str = ""
    newsletter_only: bool = False
    include_unconfirmed: bool = False
    excel: bool = False

    def __post_init__(self):
        # Always the file's order, so two exports of the same columns have the same layout.
        object.__setattr__(self, "columns", tuple(key for key in COLUMNS if key in self.columns))

    @property
    def filters(self) -> dict:
        """The filters as the ExportLog keeps them (only those set)."""
        return log_filters(
            petition=self.petition.slug,
            since=self.since,
            until=self.until,
            province=self.province,
            riding=self.riding_code,
            newsletter_only=self.newsletter_only,
            include_unconfirmed=self.include_unconfirmed,
            excel=self.excel,
        )

    @property
    def header(self) -> list[str]:
        return [str(header) for key in self.columns for header in COLUMNS[key].headers]


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _consents_now(scope: str) -> Exists:
    """Whether the signer's mailbox consents to `scope` now, by the ledger."""
    return Exists(consenting(scope=scope).filter(mailbox_key=OuterRef("email_key")))


def signature_export_rows(export: SignatureExport) -> QuerySet:
    """The signatures `export` selects, oldest first, with whether each consents now to the
    campaign's updates and to the newsletter (only when a column or the filter reads it)."""
    rows = Signature.objects.filter(petition=export.petition, is_flagged=False)
    if "consent" in export.columns or export.newsletter_only:
        rows = rows.annotate(
            **{_UPDATES_NOW: _consents_now(campaign_scope(export.petition.campaign_id))}
        )
    if "organisation_newsletter" in export.columns:
        rows = rows.annotate(**{_NEWSLETTER_NOW: _consents_now(NEWSLETTER)})
    if not export.include_unconfirmed:
        rows = rows.filter(confirmed_at__isnull=False)
    if export.since:
        rows = rows.filter(created_at__gte=_day_start(export.since))
    if export.until:
        rows = rows.filter(created_at__lt=_day_start(export.until + datetime.timedelta(days=1)))
    if export.province:
        rows = rows.filter(province=export.province)
    if export.riding_code:
        rows = rows.filter(riding_code=export.riding_code)
    if export.newsletter_only:
        rows = rows.filter(**{_UPDATES_NOW: True})
    return rows.order_by("created_at", "pk")


def signature_export_lines(export: SignatureExport) -> Iterator[str]:
    """Each selected signature as its CSV line, read from a server-side cursor in batches."""
    zone = settings.TIME_ZONE
    cells = [cell for key in export.columns for cell in COLUMNS[key].cells(zone)]
    return csv_lines(signature_export_rows(export), cells, batch=BATCH_ROWS)


def signature_export_stream(
    *, export: SignatureExport, actor, via: str, progress=None
) -> Iterator[bytes]:
    """The export as CSV bytes, logged (campaign.exports.services.export_stream)."""
    return export_stream(
        actor=actor,
        via=via,
        kind=KIND,
        subject=signature_export_subject(export.petition),
        filters=export.filters,
        columns=export.columns,
        header=export.header,
        lines=signature_export_lines(export),
        excel=export.excel,
        progress=progress,
    )


def signature_export_subject(petition: Petition | None) -> str:
    """How the ExportLog names an export of this petition's signatures."""
    return f"petition {petition.slug}" if petition else ""
