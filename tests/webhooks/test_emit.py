"""webhook_emit: one row per subscribed endpoint, payload fixed at once, in the caller's
transaction, published after commit (or left to the sweep when the broker is down)."""

import pytest
from django.db import transaction

from campaign.webhooks import events
from campaign.webhooks.models import WebhookDelivery
from campaign.webhooks.services import webhook_emit, webhooks_sweep
from tests.factories.webhooks import WebhookEndpointFactory
from tests.webhooks.brokers import DOWN, publishing_to

pytestmark = pytest.mark.django_db

Status = WebhookDelivery.Status


def _confirmed(**kwargs):
    return webhook_emit(
        event=events.SIGNATURE_CONFIRMED,
        data={"signature_id": 1},
        personal={"email": "sam@example.org"},
        **kwargs,
    )


def test_it_writes_one_row_per_active_subscribed_endpoint():
    crm, _letters_only, _off = (
        WebhookEndpointFactory(),
        WebhookEndpointFactory(events=[events.LETTER_SENT]),
        WebhookEndpointFactory(active=False),
    )

    rows = _confirmed()

    assert [row.endpoint for row in rows] == [crm]


def test_every_endpoints_copy_of_an_event_has_the_same_event_id_and_its_own_delivery_id():
    WebhookEndpointFactory.create_batch(2)

    first, second = _confirmed()

    assert first.event_id == second.event_id == first.payload["id"]
    assert first.event_id.startswith("evt_")
    assert first.uuid != second.uuid


def test_it_writes_nothing_when_no_endpoint_subscribes():
    assert _confirmed() == []
    assert not WebhookDelivery.objects.exists()


def test_the_email_goes_only_to_endpoints_allowed_personal_data():
    WebhookEndpointFactory(name="crm", include_personal_data=True)
    WebhookEndpointFactory(name="stats")

    rows = {row.endpoint.name: row for row in _confirmed()}

    assert rows["crm"].payload["data"] == {"signature_id": 1, "email": "sam@example.org"}
    assert rows["stats"].payload["data"] == {"signature_id": 1}


def test_the_payload_is_fixed_when_the_event_happens():
    endpoint = WebhookEndpointFactory()
    (row,) = _confirmed()

    endpoint.include_personal_data = True
    endpoint.save()

    row.refresh_from_db()
    assert "email" not in row.payload["data"]


def test_it_refuses_an_unknown_event():
    WebhookEndpointFactory()

    with pytest.raises(ValueError, match="Unknown webhook event"):
        webhook_emit(event="signature.deleted", data={})


def test_a_rolled_back_transaction_leaves_no_delivery():
    WebhookEndpointFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        _confirmed()
        raise RuntimeError("the event's own change failed")

    assert not WebhookDelivery.objects.exists()


def test_it_publishes_only_after_commit(django_capture_on_commit_callbacks, receiver):
    WebhookEndpointFactory(url=receiver.url)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        (row,) = _confirmed()
        assert receiver.received == []

    for callback in callbacks:
        callback()  # the commit: eager Celery in tests delivers at once
    row.refresh_from_db()
    assert row.status == Status.SENT
    assert len(receiver.received) == 1


def test_a_down_broker_leaves_rows_queued_and_the_sweep_delivers_them(
    django_capture_on_commit_callbacks, receiver
):
    WebhookEndpointFactory(url=receiver.url)

    with publishing_to(DOWN), django_capture_on_commit_callbacks(execute=True):
        (row,) = _confirmed()

    row.refresh_from_db()
    assert row.status == Status.QUEUED
    assert receiver.received == []
    report = webhooks_sweep(deliver_here=True)
    assert report["outcomes"] == {"sent": 1}
    row.refresh_from_db()
    assert row.status == Status.SENT


def test_a_process_reads_the_endpoints_once_per_cache_period(settings, django_assert_num_queries):
    from campaign.webhooks.selectors import active_endpoints

    settings.WEBHOOKS_ENDPOINTS_CACHE_SECONDS = 60
    active_endpoints.forget()
    WebhookEndpointFactory()
    _confirmed()

    with django_assert_num_queries(1):  # the INSERT of the delivery row; no endpoint read
        _confirmed()

    active_endpoints.forget()


def test_an_endpoint_added_is_heard_once_the_cache_period_ends(settings):
    from campaign.webhooks.selectors import active_endpoints

    settings.WEBHOOKS_ENDPOINTS_CACHE_SECONDS = 60
    active_endpoints.forget()
    _confirmed()  # no endpoint yet: the empty list is kept
    WebhookEndpointFactory()

    assert _confirmed() == []
    active_endpoints.forget()  # what the end of the period does
    assert len(_confirmed()) == 1
