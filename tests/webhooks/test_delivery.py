"""Sending a delivery to a real local HTTP server: signed, retried, failed, never doubled."""

import json
import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from campaign.webhooks import delivery, events, signing
from campaign.webhooks.models import WebhookDelivery
from campaign.webhooks.services import webhook_emit, webhooks_sweep

Status = WebhookDelivery.Status

pytestmark = pytest.mark.django_db


def _emit(**data) -> WebhookDelivery:
    (row,) = webhook_emit(event=events.SIGNATURE_CONFIRMED, data={"signature_id": 7, **data})
    return row


def _later(minutes: float):
    return time_machine.travel(timezone.now() + timedelta(minutes=minutes), tick=True)


def test_it_signs_the_body_so_the_receiver_can_verify_it(endpoint, receiver):
    row = _emit(petition="visas")

    assert delivery.deliver(row.pk).status == "sent"

    (request,) = receiver.received
    signing.verify(
        secret=endpoint.secret, body=request.body, header=request.headers["X-Chorus-Signature"]
    )
    assert request.headers["X-Chorus-Event"] == "signature.confirmed"
    assert request.headers["X-Chorus-Delivery"] == str(row.uuid)
    payload = json.loads(request.body)
    assert payload["id"] == row.event_id
    assert payload["data"] == {"signature_id": 7, "petition": "visas"}


def test_a_signature_made_with_another_secret_does_not_verify(endpoint, receiver):
    delivery.deliver(_emit().pk)

    (request,) = receiver.received
    with pytest.raises(signing.SignatureError):
        signing.verify(
            secret="whsec_other", body=request.body, header=request.headers["X-Chorus-Signature"]
        )


def test_it_marks_a_2xx_sent(endpoint, receiver):
    receiver.answer(204)
    row = _emit()

    delivery.deliver(row.pk)

    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_status_code) == (Status.SENT, 1, 204)
    assert row.sent_at is not None


def test_a_500_is_retried_with_backoff_then_sent(endpoint, receiver):
    receiver.answer(500, 200)
    row = _emit()

    outcome = delivery.deliver(row.pk)

    row.refresh_from_db()
    assert outcome.status == "retry"
    assert row.status == Status.QUEUED
    assert (row.attempts, row.last_status_code) == (1, 500)
    # Base 10 s: the first retry waits 5 to 10 s.
    assert timedelta(seconds=5) <= row.next_attempt_at - timezone.now() <= timedelta(seconds=10)
    assert delivery.deliver(row.pk) is None, "not due yet"
    with _later(minutes=2):
        webhooks_sweep(deliver_here=True)
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_status_code) == (Status.SENT, 2, 200)
    first, second = receiver.received
    assert first.body == second.body
    assert first.headers["X-Chorus-Delivery"] == second.headers["X-Chorus-Delivery"]


def test_the_wait_doubles_with_each_failure(endpoint, receiver):
    receiver.answer(503)
    row = _emit()
    waits = []
    for minutes in (0, 2, 4):
        with _later(minutes=minutes):
            waits.append(delivery.deliver(row.pk).retry_in)

    assert 5 <= waits[0] <= 10
    assert 10 <= waits[1] <= 20
    assert 20 <= waits[2] <= 40


def test_a_hanging_endpoint_times_out_quickly_and_is_retried(endpoint, receiver):
    receiver.answer((200, 3.0), 200)  # answers after 3 s, past the 0.5 s read timeout
    row = _emit()

    started = time.monotonic()
    outcome = delivery.deliver(row.pk)
    elapsed = time.monotonic() - started

    row.refresh_from_db()
    assert outcome.status == "retry"
    assert elapsed < 1.5
    assert row.status == Status.QUEUED
    assert "Timed out" in row.last_error
    with _later(minutes=2):
        webhooks_sweep(deliver_here=True)
    row.refresh_from_db()
    assert row.status == Status.SENT


@pytest.mark.parametrize("status", [400, 401, 404, 410, 422])
def test_a_4xx_fails_at_once(endpoint, receiver, status):
    receiver.answer(status)
    row = _emit()

    assert delivery.deliver(row.pk).status == "failed"

    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_status_code) == (Status.FAILED, 1, status)
    assert row.last_error.startswith(f"HTTP {status}")


@pytest.mark.parametrize("status", [408, 429])
def test_a_timeout_or_rate_limit_answer_is_retried(endpoint, receiver, status):
    receiver.answer(status)
    row = _emit()

    assert delivery.deliver(row.pk).status == "retry"


def test_a_redirect_is_not_followed_and_fails(endpoint, receiver):
    receiver.answer(301)
    row = _emit()

    assert delivery.deliver(row.pk).status == "failed"
    assert "redirects are not followed" in WebhookDelivery.objects.get(pk=row.pk).last_error


def test_it_gives_up_after_the_maximum_attempts(endpoint, receiver, settings):
    settings.WEBHOOKS_MAX_ATTEMPTS = 3
    receiver.answer(500)
    row = _emit()
    for minutes in (0, 10, 20):
        with _later(minutes=minutes):
            delivery.deliver(row.pk)

    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.FAILED, 3)
    assert row.last_error.startswith("Gave up after 3 attempts")


def test_a_failing_endpoint_is_paused_and_then_probed_with_one_delivery(endpoint, receiver):
    receiver.answer(500)
    first, second, _third = _emit(n=1), _emit(n=2), _emit(n=3)

    delivery.deliver(first.pk)

    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 1
    assert delivery.deliver(second.pk) is None, "paused: not even tried"
    assert len(receiver.received) == 1
    receiver.answer(200)
    with _later(minutes=2):
        report = webhooks_sweep(deliver_here=True)
        assert report["outcomes"] == {"sent": 1}, "one probe while the endpoint was failing"
        webhooks_sweep(deliver_here=True)  # healthy again: the rest follow
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {Status.SENT}


def test_only_one_of_two_claims_wins(endpoint):
    row = _emit()

    assert delivery.claim(row.pk) is True
    assert delivery.claim(row.pk) is False


def test_the_sweep_takes_back_a_row_whose_worker_died(endpoint, receiver):
    row = _emit()
    assert delivery.claim(row.pk)  # and the worker dies before sending

    assert webhooks_sweep(deliver_here=True)["reclaimed"] == 0, "lease still running"
    with _later(minutes=2):
        report = webhooks_sweep(deliver_here=True)

    assert report["reclaimed"] == 1
    assert WebhookDelivery.objects.get(pk=row.pk).status == Status.SENT
    assert len(receiver.received) == 1


def test_an_inactive_endpoint_gets_nothing_until_switched_on(endpoint, receiver):
    row = _emit()
    endpoint.active = False
    endpoint.save()

    assert delivery.deliver(row.pk) is None
    webhooks_sweep(deliver_here=True)
    assert receiver.received == []
    endpoint.active = True
    endpoint.save()
    webhooks_sweep(deliver_here=True)
    assert len(receiver.received) == 1
