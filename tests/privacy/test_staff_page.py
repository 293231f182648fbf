"""The supporters' data page in the admin: look up, export and delete one mailbox; roles."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from campaign.audit.models import AuditLog
from campaign.identities import mailbox_hash
from campaign.outbox.models import OutboundEmail, Suppression
from letters.models import Letter
from petitions.models import Signature
from tests.factories.outbox import OutboundEmailFactory
from tests.privacy.conftest import JANE

pytestmark = pytest.mark.django_db

LOOKUP = "admin:privacy_supporterdata_changelist"
EXPORT = "admin:privacy_supporterdata_export"
ERASE = "admin:privacy_supporterdata_erase"


@pytest.fixture
def staff_client(client, data_staff):
    client.force_login(data_staff)
    return client


def look_up(client, address=JANE):
    return client.post(reverse(LOOKUP), {"address": address})


def export(client, address=JANE):
    return client.post(reverse(EXPORT), {"address": address})


def erase(client, address=JANE, confirm=True):
    data = {"address": address, **({"confirm": "on"} if confirm else {})}
    return client.post(reverse(ERASE), data)


# --- Roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LOOKUP, EXPORT, ERASE])
def test_anonymous_visitors_get_the_login_page(client, url, jane_signature):
    response = client.post(reverse(url), {"address": JANE, "confirm": "on"})

    assert response.status_code == 302
    assert reverse("admin:login") in response.url
    assert Signature.objects.exists()


@pytest.mark.parametrize("url", [LOOKUP, EXPORT, ERASE])
def test_organisers_without_the_permission_get_403(organiser_client, url, jane_signature):
    response = organiser_client.post(reverse(url), {"address": JANE, "confirm": "on"})

    assert response.status_code == 403
    assert JANE.encode() not in response.content
    assert Signature.objects.exists()
    assert not AuditLog.objects.exists()


def test_organisers_do_not_see_the_page_in_the_admin_index(organiser_client):
    response = organiser_client.get(reverse("admin:index"))

    assert reverse(LOOKUP).encode() not in response.content


def test_data_staff_see_the_page_in_the_admin_index(staff_client):
    response = staff_client.get(reverse("admin:index"))

    assert reverse(LOOKUP).encode() in response.content


def test_staff_who_may_look_up_but_not_delete_get_403_on_delete(client, organiser, jane_signature):
    organiser.user_permissions.add(Permission.objects.get(codename="view_supporter_data"))
    client.force_login(organiser)

    assert look_up(client).status_code == 200
    assert erase(client).status_code == 403
    assert Signature.objects.exists()


# --- Look-up ---------------------------------------------------------------------------------


def test_the_page_shows_the_form(staff_client):
    response = staff_client.get(reverse(LOOKUP))

    assert response.status_code == 200
    assert b'name="address"' in response.content


def test_it_finds_every_spelling_of_one_mailbox(staff_client, jane_signature, jane_letter):
    response = look_up(staff_client, "janedoe@gmail.com")

    data = response.context["data"]
    by_name = {section.name: section.records for section in data.sections}
    assert [s["id"] for s in by_name["signatures"]] == [jane_signature.pk]
    assert [letter["id"] for letter in by_name["letters"]] == [jane_letter.pk]
    assert [e["to"] for e in by_name["emails"]] == [JANE]
    assert "Jane.Doe@gmail.com" in response.content.decode()


def test_it_shows_the_consent_held_with_a_signature(staff_client, jane_signature):
    response = look_up(staff_client)

    assert "Send me news about this campaign." in response.content.decode()


def test_a_look_up_is_audited_under_the_hash(staff_client, data_staff, jane_signature):
    look_up(staff_client)

    entry = AuditLog.objects.get()
    assert (entry.actor_id, entry.note) == (data_staff.pk, "looked up")
    assert entry.object_id == mailbox_hash(JANE)
    assert entry.changes["signatures"] == ["1", None]
    assert "jane" not in json.dumps(entry.changes).lower()


def test_a_malformed_address_is_a_form_error_and_nothing_is_logged(staff_client):
    response = look_up(staff_client, "not an address")

    assert response.status_code == 400
    assert b"Enter a valid email address." in response.content
    assert not AuditLog.objects.exists()


# --- Export ----------------------------------------------------------------------------------


def test_the_export_is_a_json_download_of_everything_held(
    staff_client, jane_signature, jane_letter
):
    response = export(staff_client, "JANEDOE@gmail.com")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    exported = json.loads(response.content)
    assert exported["mailbox_hash"] == mailbox_hash(JANE)
    assert exported["suppressed"] is None
    [signature] = exported["signatures"]
    assert (signature["email"], signature["petition"]) == (JANE, "visas")
    assert signature["newsletter_consent_text"] == "Send me news about this campaign."
    assert signature["newsletter_opt_in"] is True
    [letter] = exported["letters"]
    assert letter["body"].startswith("Dear Member")
    assert letter["recipients"] == [
        {"name": "Yasir Naqvi", "role": "", "email": "yasir.naqvi@parl.gc.ca"}
    ]
    assert [e["subject"] for e in exported["emails"]] == ["Confirm your signature"]


def test_the_export_hides_secret_links_in_emails(staff_client, jane_signature):
    OutboundEmailFactory(
        to=JANE, body_text="Follow it: http://testserver/letters/status/abc:def:ghi/"
    )

    exported = json.loads(export(staff_client).content)

    assert exported["emails"][-1]["body_text"] == (
        "Follow it: http://testserver/letters/status/[link removed]/"
    )


def test_an_export_is_audited(staff_client, jane_signature):
    export(staff_client)

    assert AuditLog.objects.get().note == "exported"


def test_a_get_on_the_export_is_refused(staff_client):
    assert staff_client.get(reverse(EXPORT)).status_code == 405


# --- Delete ----------------------------------------------------------------------------------


def test_delete_erases_everything_and_leaves_only_the_hash(
    staff_client, jane_signature, jane_letter
):
    response = erase(staff_client, "janedoe@gmail.com")

    assert response.status_code == 302
    assert not Signature.objects.exists()
    assert Letter.objects.get().supporter_email == ""
    assert not OutboundEmail.objects.exclude(to="").filter(to__icontains="jane").exists()
    suppression = Suppression.objects.get()
    assert (suppression.address, suppression.mailbox_hash) == ("", mailbox_hash(JANE))
    assert suppression.reason == Suppression.Reason.ERASURE


def test_delete_says_what_it_erased(staff_client, jane_signature):
    response = erase(staff_client)

    page = staff_client.get(response.url).content.decode()
    assert "Erased: 1 signatures, 0 letters, 1 emails." in page


def test_delete_without_ticking_the_box_changes_nothing(staff_client, jane_signature):
    response = erase(staff_client, confirm=False)

    assert response.status_code == 400
    assert b"Tick the box to confirm the deletion." in response.content
    assert Signature.objects.exists()
    assert not Suppression.objects.exists()


def test_a_deletion_is_audited_with_its_counts(staff_client, data_staff, jane_signature):
    erase(staff_client)

    entry = AuditLog.objects.get()
    assert (entry.actor_id, entry.note, entry.object_id) == (
        data_staff.pk,
        "erased",
        mailbox_hash(JANE),
    )
    assert entry.changes["signatures"] == ["1", None]


def test_after_deletion_a_look_up_shows_the_suppression_and_nothing_else(
    staff_client, jane_signature
):
    erase(staff_client)

    response = look_up(staff_client)

    assert response.context["data"].is_empty
    assert "Suppressed since" in response.content.decode()
