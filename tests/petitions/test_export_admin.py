"""The signatory export in the admin: who may use it, what a bad filter gets, the stream."""

import csv
import io

import pytest
from django.urls import reverse

from campaign.exports.models import ExportLog
from petitions.exports import DEFAULT_COLUMNS
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db

EXPORT = reverse("admin:petitions_petition_export")


def download(client, **params):
    """What pressing "Download CSV" sends: the default columns unless others are given."""
    return client.get(EXPORT, {"download": "1", "columns": list(DEFAULT_COLUMNS), **params})


def rows_of(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "password")


class TestRoles:
    def test_an_anonymous_visitor_gets_the_admin_login_page(self, client, petition):
        response = download(client, petition=petition.slug)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
        assert not ExportLog.objects.exists()

    def test_a_logged_in_user_without_staff_status_gets_the_login_page(
        self, client, outsider, petition
    ):
        client.force_login(outsider)

        response = download(client, petition=petition.slug)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))

    @pytest.mark.parametrize("params", [{}, {"download": "1"}], ids=["form", "download"])
    def test_an_organiser_without_the_export_permission_gets_403_and_it_is_logged(
        self, organiser_client, petition, params
    ):
        SignatureFactory(petition=petition, first_name="Secret", confirmed=True)

        response = organiser_client.get(EXPORT, {"petition": petition.slug, **params})

        assert response.status_code == 403
        assert b"Secret" not in response.content
        log = ExportLog.objects.get()
        assert (log.actor, log.outcome, log.subject) == (
            "alice",
            ExportLog.Outcome.REFUSED,
            f"petition {petition.slug}",
        )
        assert log.filters["petition"] == petition.slug

    def test_data_staff_download_the_csv(self, client, data_staff, petition):
        SignatureFactory(petition=petition, first_name="Marie", confirmed=True)
        client.force_login(data_staff)

        response = download(client, petition=petition.slug)

        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert f'filename="{petition.slug}-signatures-' in response["Content-Disposition"]
        assert "no-store" in response["Cache-Control"]
        assert rows_of(response)[1][0] == "Marie"
        assert ExportLog.objects.get().outcome == ExportLog.Outcome.COMPLETED

    def test_a_superuser_downloads_the_csv(self, client, superuser, petition):
        SignatureFactory(petition=petition, first_name="Marie", confirmed=True)
        client.force_login(superuser)

        response = download(client, petition=petition.slug)

        assert response.status_code == 200
        assert rows_of(response)[1][0] == "Marie"


class TestForm:
    def test_it_shows_the_form_with_the_petition_chosen_and_the_default_columns(
        self, client, data_staff, petition
    ):
        client.force_login(data_staff)

        response = client.get(EXPORT, {"petition": petition.slug})

        assert response.status_code == 200
        form = response.context["form"]
        assert form["petition"].value() == petition.slug
        assert form["columns"].value() == ["name", "postal_code", "province", "riding"]
        assert not ExportLog.objects.exists()

    @pytest.mark.parametrize(
        ("params", "named"),
        [
            ({"petition": "no-such-petition"}, "no-such-petition"),
            ({"since": "2026-13-45"}, "2026-13-45"),
            ({"until": "yesterday"}, "yesterday"),
            ({"since": "2026-11-05", "until": "2026-11-01"}, "2026-11-01"),
            ({"province": "XX"}, "XX"),
            ({"riding": "99999"}, "99999"),
            ({"columns": "ip_hash"}, "ip_hash"),
        ],
    )
    def test_a_bad_filter_gets_a_400_page_naming_the_value(
        self, client, data_staff, petition, params, named
    ):
        client.force_login(data_staff)

        response = download(client, **{"petition": petition.slug, **params})

        assert response.status_code == 400
        assert named in response.content.decode()
        assert not ExportLog.objects.exists()

    def test_no_column_at_all_is_refused(self, client, data_staff, petition):
        client.force_login(data_staff)

        response = client.get(EXPORT, {"download": "1", "petition": petition.slug})

        assert response.status_code == 400
        assert "Choose at least one column" in response.content.decode()

    def test_a_riding_the_directory_knows_is_accepted(self, client, data_staff, petition, ottawa):
        SignatureFactory(petition=petition, riding_code=ottawa.code, confirmed=True)
        client.force_login(data_staff)

        response = download(client, petition=petition.slug, riding=ottawa.code)

        assert response.status_code == 200
        assert len(rows_of(response)) == 2

    def test_the_excel_option_adds_a_byte_order_mark(self, client, data_staff, petition):
        client.force_login(data_staff)

        response = download(client, petition=petition.slug, excel="on")

        assert b"".join(response.streaming_content).startswith("\ufeff".encode())

    @pytest.mark.parametrize("state", ["draft", "closed"])
    def test_data_staff_export_a_draft_or_closed_petition(self, client, data_staff, state):
        petition = PetitionFactory(**{state: True})
        SignatureFactory(petition=petition, first_name="Kept", confirmed=True)
        client.force_login(data_staff)

        response = download(client, petition=petition.slug)

        assert rows_of(response)[1][0] == "Kept"
        assert ExportLog.objects.get().rows == 1


class TestLinks:
    def test_data_staff_see_the_export_link_on_the_petition_and_the_list(
        self, client, data_staff, petition
    ):
        client.force_login(data_staff)

        change = client.get(reverse("admin:petitions_petition_change", args=[petition.pk]))
        listing = client.get(reverse("admin:petitions_petition_changelist"))

        assert f"{EXPORT}?petition={petition.slug}" in change.content.decode()
        assert EXPORT in listing.content.decode()

    def test_organisers_see_no_export_link(self, organiser_client, petition):
        change = organiser_client.get(
            reverse("admin:petitions_petition_change", args=[petition.pk])
        )

        assert EXPORT not in change.content.decode()


class TestExportLogAdmin:
    def test_superusers_read_the_export_log(self, client, superuser, data_staff):
        ExportLog.objects.create(actor="bob", via="admin", kind="signatures", outcome="completed")
        client.force_login(superuser)

        response = client.get(reverse("admin:exports_exportlog_changelist"))

        assert response.status_code == 200
        assert b"bob" in response.content

    @pytest.mark.parametrize("persona", ["organiser", "data_staff"])
    def test_staff_cannot_read_the_export_log(self, client, persona, request):
        client.force_login(request.getfixturevalue(persona))

        response = client.get(reverse("admin:exports_exportlog_changelist"))

        assert response.status_code == 403
