"""The signatory export: which signatures, which columns, safe cells, the BOM, and the log."""

import csv
import datetime
import io
from types import SimpleNamespace

import pytest
import time_machine
from django.utils import timezone

from campaign.consent.scopes import NEWSLETTER
from campaign.exports import cells
from campaign.exports.models import ExportLog
from petitions.exports import SignatureExport, signature_export_stream
from tests.factories.consent import ConsentEventFactory
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db


def export(data_staff, **options) -> list[list[str]]:
    """The rows of an export (header first), as a spreadsheet would read them."""
    chunks = signature_export_stream(
        export=SignatureExport(**options), actor=data_staff, via=ExportLog.Via.ADMIN
    )
    text = b"".join(chunks).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def names(rows) -> list[str]:
    return [row[0] for row in rows[1:]]


def test_it_exports_confirmed_signatures_in_the_default_columns(data_staff, petition):
    SignatureFactory(
        petition=petition,
        first_name="Marie",
        last_name="Tremblay",
        postal_code="K1A 0A6",
        province="ON",
        riding_code="35079",
        riding_name="Ottawa Centre",
        confirmed=True,
    )

    rows = export(data_staff, petition=petition)

    assert rows == [
        ["First name", "Last name", "Postal code", "Province", "Riding code", "Riding"],
        ["Marie", "Tremblay", "K1A 0A6", "ON", "35079", "Ottawa Centre"],
    ]


def test_it_leaves_out_unconfirmed_and_flagged_signatures_by_default(data_staff, petition):
    SignatureFactory(petition=petition, first_name="Confirmed", confirmed=True)
    SignatureFactory(petition=petition, first_name="Pending")
    SignatureFactory(petition=petition, first_name="Flagged", confirmed=True, flagged=True)

    assert names(export(data_staff, petition=petition)) == ["Confirmed"]


def test_it_includes_unconfirmed_signatures_when_asked_but_never_flagged_ones(data_staff, petition):
    SignatureFactory(petition=petition, first_name="Confirmed", confirmed=True)
    SignatureFactory(petition=petition, first_name="Pending")
    SignatureFactory(petition=petition, first_name="Flagged", flagged=True)

    rows = export(data_staff, petition=petition, include_unconfirmed=True)

    assert sorted(names(rows)) == ["Confirmed", "Pending"]


def test_it_exports_only_the_petition_asked_for(data_staff, petition):
    SignatureFactory(petition=petition, first_name="Mine", confirmed=True)
    SignatureFactory(first_name="Other petition", confirmed=True)

    assert names(export(data_staff, petition=petition)) == ["Mine"]


def test_it_writes_every_column_in_a_fixed_order(data_staff, petition, settings):
    settings.TIME_ZONE = "America/Toronto"
    signed = datetime.datetime(2026, 11, 2, 15, 30, tzinfo=datetime.UTC)
    with time_machine.travel(signed, tick=False):
        SignatureFactory(
            petition=petition,
            first_name="Marie",
            last_name="Tremblay",
            email="Marie@Example.org",
            newsletter_opt_in=True,
            newsletter_consent_text="Send me news, I can unsubscribe.",
            newsletter_consent_at=timezone.now(),
            consent_page="/petitions/visas/sign/",
            confirmed_at=signed + datetime.timedelta(minutes=5),
        )
    ConsentEventFactory(campaign=petition.campaign, address="marie@example.org")

    rows = export(
        data_staff,
        petition=petition,
        columns=("confirmed_at", "signed_at", "consent", "email", "name"),
    )

    assert rows == [
        [
            "First name",
            "Last name",
            "Email",
            "Consents to campaign updates now",
            "Consent wording",
            "Consent given at",
            "Signed on page",
            "Signed at",
            "Confirmed at",
        ],
        [
            "Marie",
            "Tremblay",
            "Marie@Example.org",
            "yes",
            "Send me news, I can unsubscribe.",
            "2026-11-02 10:30:00",
            "/petitions/visas/sign/",
            "2026-11-02 10:30:00",
            "2026-11-02 10:35:00",
        ],
    ]


@pytest.mark.parametrize(
    "name",
    [
        '=HYPERLINK("http://x","y")',
        "+cmd|' /C calc'!A0",
        "-1+1",
        "@SUM(A1)",
        "\tTab",
        "\rReturn",
    ],
)
def test_it_exports_a_name_a_spreadsheet_would_run_with_a_leading_apostrophe(
    data_staff, petition, name
):
    # The sign form refuses such names; an older row or another way in must still be safe.
    SignatureFactory(petition=petition, first_name=name, confirmed=True)

    assert names(export(data_staff, petition=petition)) == ["'" + name]


def test_it_keeps_commas_quotes_and_line_breaks_inside_their_cell(data_staff, petition):
    SignatureFactory(
        petition=petition,
        newsletter_opt_in=True,
        newsletter_consent_text='Yes, "news"\nplease',
        confirmed=True,
    )

    rows = export(data_staff, petition=petition, columns=("consent",))

    assert rows[1][1] == 'Yes, "news"\nplease'


def test_it_starts_with_a_byte_order_mark_for_excel_only(data_staff, petition):
    SignatureFactory(petition=petition, first_name="Émilie", confirmed=True)

    for_excel = b"".join(
        signature_export_stream(
            export=SignatureExport(petition=petition, excel=True), actor=data_staff, via="admin"
        )
    )
    plain = b"".join(
        signature_export_stream(
            export=SignatureExport(petition=petition), actor=data_staff, via="admin"
        )
    )

    assert for_excel.startswith('\ufeff"First name"'.encode())
    assert plain.startswith(b'"First name"')
    assert "Émilie".encode() in plain


def test_it_ends_every_line_with_crlf(data_staff, petition):
    SignatureFactory(petition=petition, confirmed=True)

    data = b"".join(
        signature_export_stream(
            export=SignatureExport(petition=petition), actor=data_staff, via="admin"
        )
    )

    assert data.count(b"\r\n") == 2 and data.endswith(b"\r\n")


class TestFilters:
    def test_it_filters_by_day_signed_in_the_sites_time_zone_both_days_included(
        self, data_staff, petition, settings
    ):
        settings.TIME_ZONE = "America/Toronto"
        for name, when in [
            ("Too early", "2026-11-10T04:59:59Z"),  # 23:59:59 on Nov 9 in Toronto
            ("First day", "2026-11-10T05:00:00Z"),
            ("Last day", "2026-11-13T04:59:59Z"),  # 23:59:59 on Nov 12
            ("Too late", "2026-11-13T05:00:00Z"),
        ]:
            with time_machine.travel(when, tick=False):
                SignatureFactory(petition=petition, first_name=name, confirmed=True)

        rows = export(
            data_staff,
            petition=petition,
            since=datetime.date(2026, 11, 10),
            until=datetime.date(2026, 11, 12),
        )

        assert names(rows) == ["First day", "Last day"]

    def test_it_filters_by_province(self, data_staff, petition):
        SignatureFactory(petition=petition, first_name="Ontario", province="ON", confirmed=True)
        SignatureFactory(petition=petition, first_name="Quebec", province="QC", confirmed=True)

        assert names(export(data_staff, petition=petition, province="QC")) == ["Quebec"]

    def test_it_filters_by_riding(self, data_staff, petition):
        SignatureFactory(
            petition=petition, first_name="Centre", riding_code="35079", confirmed=True
        )
        SignatureFactory(petition=petition, first_name="West", riding_code="35082", confirmed=True)

        assert names(export(data_staff, petition=petition, riding_code="35082")) == ["West"]

    def test_it_keeps_only_those_who_consent_now_when_asked(self, data_staff, petition):
        SignatureFactory(
            petition=petition,
            first_name="Yes",
            email="yes@example.org",
            newsletter_opt_in=True,
            confirmed=True,
        )
        ConsentEventFactory(campaign=petition.campaign, address="yes@example.org")
        SignatureFactory(petition=petition, first_name="No", confirmed=True)

        assert names(export(data_staff, petition=petition, newsletter_only=True)) == ["Yes"]

    def test_it_leaves_out_a_signer_who_unsubscribed_after_ticking_the_box(
        self, data_staff, petition
    ):
        # The box ticked at signing is history; the ledger says what they agree to now.
        SignatureFactory(
            petition=petition,
            first_name="Left",
            email="left@example.org",
            newsletter_opt_in=True,
            confirmed=True,
        )
        ConsentEventFactory(campaign=petition.campaign, address="left@example.org")
        ConsentEventFactory(campaign=petition.campaign, address="left@example.org", withdrawn=True)

        assert names(export(data_staff, petition=petition, newsletter_only=True)) == []


class TestLog:
    def test_it_logs_who_exported_what_with_which_filters_columns_and_rows(
        self, data_staff, petition
    ):
        SignatureFactory.create_batch(3, petition=petition, province="QC", confirmed=True)

        export(
            data_staff,
            petition=petition,
            province="QC",
            columns=("name", "email"),
            since=datetime.date(2026, 1, 1),
        )

        log = ExportLog.objects.get()
        assert (log.actor, log.actor_id, log.via, log.kind) == (
            "bob",
            data_staff.pk,
            "admin",
            "signatures",
        )
        assert log.subject == f"petition {petition.slug}"
        assert log.filters == {"petition": petition.slug, "province": "QC", "since": "2026-01-01"}
        assert log.columns == ["name", "email"]
        assert (log.rows, log.outcome) == (3, ExportLog.Outcome.COMPLETED)
        assert log.finished_at is not None

    def test_it_logs_an_export_the_reader_abandoned_with_the_rows_sent(self, data_staff, petition):
        SignatureFactory.create_batch(2, petition=petition, confirmed=True)
        chunks = signature_export_stream(
            export=SignatureExport(petition=petition), actor=data_staff, via="admin"
        )

        next(chunks)  # the header, then the reader goes away
        chunks.close()

        log = ExportLog.objects.get()
        assert (log.outcome, log.rows) == (ExportLog.Outcome.INTERRUPTED, 0)

    @pytest.mark.parametrize("state", ["draft", "closed"])
    def test_it_exports_and_logs_a_draft_or_closed_petition(self, data_staff, state):
        from tests.factories.petitions import PetitionFactory

        petition = PetitionFactory(**{state: True})
        SignatureFactory(petition=petition, first_name="Kept", confirmed=True)

        assert names(export(data_staff, petition=petition)) == ["Kept"]
        assert ExportLog.objects.get().rows == 1


def test_a_database_that_cannot_render_lines_gets_the_same_bytes_from_python(
    data_staff, petition, settings, monkeypatch
):
    # `make run` serves from SQLite, which has neither ascii() nor time zones in SQL.
    settings.TIME_ZONE = "America/Toronto"
    SignatureFactory(
        petition=petition,
        first_name='=HYPERLINK("http://x","y")',
        last_name='Côté, "Jr"\nII',
        email="marie@example.org",
        newsletter_opt_in=True,
        newsletter_consent_text="Send me news.",
        newsletter_consent_at=timezone.now(),
        confirmed=True,
    )
    SignatureFactory(
        petition=petition, first_name="Émilie", newsletter_opt_in=False, confirmed=True
    )
    every_column = ("name", "email", "postal_code", "province", "riding", "consent")
    every_column += ("signed_at", "confirmed_at")
    rendered_by_postgresql = export(data_staff, petition=petition, columns=every_column)

    monkeypatch.setattr(cells, "connections", {"default": SimpleNamespace(vendor="sqlite")})
    rendered_by_python = export(data_staff, petition=petition, columns=every_column)

    assert rendered_by_python == rendered_by_postgresql
    assert rendered_by_python[1][0] == '\'=HYPERLINK("http://x","y")'


def test_it_says_no_for_a_signer_who_unsubscribed_after_ticking_the_box(data_staff, petition):
    SignatureFactory(
        petition=petition, email="Left@Example.org", newsletter_opt_in=True, confirmed=True
    )
    ConsentEventFactory(campaign=petition.campaign, address="left@example.org")
    ConsentEventFactory(campaign=petition.campaign, address="LEFT@example.org", withdrawn=True)

    rows = export(data_staff, petition=petition, columns=("consent",))

    assert rows[1][0] == "no"


def test_it_exports_the_organisation_newsletter_consent_from_the_ledger(data_staff, petition):
    SignatureFactory(
        petition=petition,
        first_name="Ana",
        email="ana@example.org",
        organisation_newsletter_opt_in=True,
        organisation_newsletter_consent_text="Send me the newsletter.",
        confirmed=True,
    )
    ConsentEventFactory(scope=NEWSLETTER, address="ana@example.org")
    SignatureFactory(petition=petition, first_name="Ben", confirmed=True)

    rows = export(data_staff, petition=petition, columns=("name", "organisation_newsletter"))

    assert rows == [
        ["First name", "Last name", "Consents to the newsletter now", "Newsletter wording shown"],
        ["Ana", rows[1][1], "yes", "Send me the newsletter."],
        ["Ben", rows[2][1], "no", ""],
    ]
