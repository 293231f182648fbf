"""The ledger in the admin: data staff read it; nobody adds, edits or deletes a row there."""

import pytest
from django.urls import reverse

from tests.factories.consent import ConsentEventFactory

pytestmark = pytest.mark.django_db


def test_data_staff_read_the_ledger(client, data_staff):
    event = ConsentEventFactory(address="jane@example.org")
    client.force_login(data_staff)

    listing = client.get(reverse("admin:consent_consentevent_changelist"))
    detail = client.get(reverse("admin:consent_consentevent_change", args=[event.pk]))

    assert listing.status_code == 200
    assert "jane@example.org" in listing.content.decode()
    assert detail.status_code == 200
    assert 'type="submit"' not in detail.content.decode().split('id="content-main"')[1]


def test_no_one_can_add_or_delete_a_row(admin_client):
    event = ConsentEventFactory()

    assert admin_client.get(reverse("admin:consent_consentevent_add")).status_code == 403
    delete = reverse("admin:consent_consentevent_delete", args=[event.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403


def test_organisers_do_not_see_the_ledger(client, organiser):
    client.force_login(organiser)

    response = client.get(reverse("admin:consent_consentevent_changelist"))

    assert response.status_code == 403
