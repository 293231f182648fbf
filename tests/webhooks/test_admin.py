"""Webhooks in the admin: endpoints with their secret and a test event; deliveries read-only,
filtered, retried."""

import pytest
from django.urls import reverse

from campaign.webhooks import events
from campaign.webhooks.delivery import deliver
from campaign.webhooks.models import WebhookDelivery, WebhookEndpoint
from campaign.webhooks.services import webhook_emit

pytestmark = pytest.mark.django_db

Status = WebhookDelivery.Status


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "password")
    client.force_login(user)
    return client


def test_it_adds_an_endpoint_with_a_generated_secret_shown_on_its_page(admin_client, receiver):
    response = admin_client.post(
        reverse("admin:webhooks_webhookendpoint_add"),
        {
            "name": "CRM",
            "url": receiver.url,
            "events": [events.SIGNATURE_CONFIRMED],
            "active": "on",
        },
    )

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == [events.SIGNATURE_CONFIRMED]
    assert endpoint.secret.startswith("whsec_")
    assert endpoint.include_personal_data is False
    page = admin_client.get(reverse("admin:webhooks_webhookendpoint_change", args=[endpoint.pk]))
    assert endpoint.secret in page.content.decode()


def test_it_refuses_a_local_url_in_production(admin_client, settings):
    settings.WEBHOOKS_ALLOW_LOCAL_URLS = False

    response = admin_client.post(
        reverse("admin:webhooks_webhookendpoint_add"),
        {"name": "CRM", "url": "https://127.0.0.1/hooks", "active": "on"},
    )

    assert response.status_code == 200
    assert "private or local address" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_send_test_event_delivers_a_signed_test_event(
    admin_client, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:webhooks_webhookendpoint_changelist"),
            {"action": "send_test", "_selected_action": [endpoint.pk]},
            follow=True,
        )

    assert response.status_code == 200
    row = WebhookDelivery.objects.get()
    assert row.event == events.TEST
    assert row.status == Status.SENT  # published on commit, delivered (eager in tests)
    assert receiver.received[0].headers["X-Chorus-Event"] == "webhook.test"


def test_deliveries_are_listed_and_filtered_by_status(admin_client, endpoint, receiver):
    receiver.answer(410)
    (row,) = webhook_emit(event=events.SIGNATURE_CONFIRMED, data={"signature_id": 1})
    deliver(row.pk)

    url = reverse("admin:webhooks_webhookdelivery_changelist")
    failed = admin_client.get(url, {"status__exact": "failed"})
    sent = admin_client.get(url, {"status__exact": "sent"})
    assert failed.context["cl"].result_count == 1
    assert sent.context["cl"].result_count == 0


def test_a_delivery_cannot_be_edited_added_or_deleted(admin_client, endpoint):
    (row,) = webhook_emit(event=events.SIGNATURE_CONFIRMED, data={"signature_id": 1})
    change_url = reverse("admin:webhooks_webhookdelivery_change", args=[row.pk])

    admin_client.post(change_url, {"payload": '{"forged": true}', "status": "sent"})

    row.refresh_from_db()
    assert row.payload["data"] == {"signature_id": 1}
    assert admin_client.get(reverse("admin:webhooks_webhookdelivery_add")).status_code == 403
    delete_url = reverse("admin:webhooks_webhookdelivery_delete", args=[row.pk])
    assert admin_client.get(delete_url).status_code == 403


def test_retry_queues_a_failed_delivery_again_and_sends_it(
    admin_client, endpoint, receiver, django_capture_on_commit_callbacks
):
    receiver.answer(410, 200)
    (row,) = webhook_emit(event=events.SIGNATURE_CONFIRMED, data={"signature_id": 1})
    deliver(row.pk)
    assert WebhookDelivery.objects.get(pk=row.pk).status == Status.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:webhooks_webhookdelivery_changelist"),
            {"action": "retry", "_selected_action": [row.pk]},
        )

    row.refresh_from_db()
    assert row.status == Status.SENT
    assert len(receiver.received) == 2
