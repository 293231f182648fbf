"""Least privilege and a trail: organisers cannot rewrite what supporters wrote, and every staff
change to the directory or to supporters' data is in an append-only audit log staff can read."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from campaign.audit.models import AppendOnly, AuditLog
from campaign.directory.models import OfficeHolder, Representative
from campaign.outbox.models import Suppression
from petitions.models import Signature
from tests.directory.conftest import FIXTURES
from tests.factories.directory import OfficeFactory, RepresentativeFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def current_data(response, **overrides) -> dict:
    """What the admin change form would post back unchanged, with `overrides`."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[form.add_prefix(name)] = "on" if value is True else value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return {**data, **overrides}


def test_it_logs_an_organisers_edit_of_an_mps_email_with_before_and_after(
    organiser_client, organiser
):
    mp = RepresentativeFactory(email="old@parl.gc.ca")
    url = reverse("admin:directory_representative_change", args=[mp.pk])

    response = organiser_client.post(
        url, current_data(organiser_client.get(url), email="new@parl.gc.ca")
    )

    assert response.status_code == 302
    assert Representative.objects.get().email == "new@parl.gc.ca"
    [entry] = AuditLog.objects.all()
    assert entry.actor == "alice"
    assert entry.actor_id == organiser.pk
    assert entry.action == AuditLog.Action.CHANGE
    assert entry.model == "directory.representative"
    assert entry.object_id == str(mp.pk)
    assert entry.changes == {"email": ["old@parl.gc.ca", "new@parl.gc.ca"]}


def test_it_logs_an_office_holder_added_on_its_office(organiser_client):
    office = OfficeFactory()
    url = reverse("admin:directory_office_change", args=[office.pk])
    data = current_data(organiser_client.get(url))
    data.update(
        {
            "holders-0-name": "Anita Anand",
            "holders-0-started_at_0": "2025-05-13",
            "holders-0-started_at_1": "09:00:00",
            "holders-0-email": "anita.anand@parl.gc.ca",
            "holders-0-source": OfficeHolder.Source.ADMIN,
        }
    )

    response = organiser_client.post(url, data)

    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    holder = OfficeHolder.objects.get()
    entry = AuditLog.objects.get(model="directory.officeholder")
    assert entry.action == AuditLog.Action.ADD
    assert entry.object_id == str(holder.pk)
    assert entry.changes["email"] == [None, "anita.anand@parl.gc.ca"]


def test_it_logs_a_directory_import(organiser_client):
    upload = SimpleUploadedFile("ridings.csv", (FIXTURES / "ridings.csv").read_bytes())

    organiser_client.post(reverse("admin:directory_import"), {"kind": "ridings", "file": upload})

    entry = AuditLog.objects.get()
    assert entry.action == AuditLog.Action.IMPORT
    assert "Ridings: 5 created" in entry.note


def test_it_does_not_let_an_organiser_edit_a_signers_name_or_comment(organiser_client):
    signature = SignatureFactory(petition=PetitionFactory(), first_name="Marie", comment="Mine.")
    url = reverse("admin:petitions_signature_change", args=[signature.pk])

    response = organiser_client.post(
        url, {"first_name": "Changed", "last_name": "X", "comment": "Not mine."}
    )

    assert response.status_code == 403
    signature.refresh_from_db()
    assert (signature.first_name, signature.comment) == ("Marie", "Mine.")
    page = organiser_client.get(url).content.decode()
    assert 'name="first_name"' not in page
    assert 'name="comment"' not in page


def test_it_logs_hiding_a_comment_which_stays_an_action(organiser_client):
    signature = SignatureFactory(petition=PetitionFactory(), comment="Mine.")

    organiser_client.post(
        reverse("admin:petitions_signature_changelist"),
        {"action": "hide_comments", "_selected_action": [signature.pk]},
    )

    assert Signature.objects.get().comment_hidden is True
    entry = AuditLog.objects.get()
    assert (entry.model, entry.object_id) == ("petitions.signature", str(signature.pk))
    assert entry.changes == {"comment_hidden": ["False", "True"]}
    assert entry.note == "hide_comments"


def test_it_logs_a_suppression_without_keeping_the_address(organiser_client):
    organiser_client.post(
        reverse("admin:outbox_suppression_add"),
        {"address": "sam@example.org", "reason": "manual", "detail": "asked by phone"},
    )

    suppression = Suppression.objects.get()
    entry = AuditLog.objects.get()
    assert entry.object_id == str(suppression.pk)
    assert "sam@example.org" not in str(entry.changes) + entry.object_repr


def test_staff_read_the_log_but_nobody_edits_or_deletes_it(organiser_client, client, data_staff):
    RepresentativeFactory()
    entry = AuditLog.objects.create(actor="alice", action="change", model="directory.riding")

    assert organiser_client.get(reverse("admin:audit_auditlog_changelist")).status_code == 200
    client.force_login(data_staff)
    assert client.get(reverse("admin:audit_auditlog_change", args=[entry.pk])).status_code == 200
    response = organiser_client.post(
        reverse("admin:audit_auditlog_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert organiser_client.get(reverse("admin:audit_auditlog_add")).status_code == 403


def test_the_log_is_append_only_in_django_and_in_the_database():
    entry = AuditLog.objects.create(actor="alice", action="change", model="directory.riding")

    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        AuditLog.objects.all().delete()
    with pytest.raises(AppendOnly):
        AuditLog.objects.update(actor="mallory")
    if connection.vendor == "postgresql":
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("UPDATE audit_auditlog SET actor = 'mallory'")
    assert AuditLog.objects.get().actor == "alice"
