"""The ESP's bounce webhook (Postmark's format, through django-anymail): signed, replay-safe."""

import base64
import json

import pytest
from django.core import mail

from campaign.outbox import queue_email, selectors
from campaign.outbox.models import OutboundEmail, ProcessedWebhookEvent, Suppression
from campaign.outbox.urls import esp_urlpatterns
from letters.purposes import LetterPurpose
from tests.factories.outbox import OutboundEmailFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.outbox.esp_urls")]

URL = "/outbox/esp/postmark/tracking/"
Status = OutboundEmail.Status


@pytest.fixture(autouse=True)
def _esp(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "postmark:s3cret"}


def _auth(credentials: str = "postmark:s3cret") -> dict:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(credentials.encode()).decode()}


def _bounce(email: OutboundEmail, *, event_id: int = 1001, kind: str = "HardBounce") -> dict:
    return {
        "RecordType": "Bounce",
        "ID": event_id,
        "Type": kind,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Metadata": {"outbox_id": str(email.pk)},
        "Description": "The server was unable to deliver your message (unknown user).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": email.to,
        "BouncedAt": "2026-11-21T10:00:00Z",
    }


def _complaint(address: str, *, event_id: int = 2002) -> dict:
    return {
        "RecordType": "SpamComplaint",
        "ID": event_id,
        "Type": "SpamComplaint",
        "MessageID": "00000000-0000-0000-0000-000000000000",
        "Email": address,
        "BouncedAt": "2026-11-21T10:00:00Z",
        "Description": "The subscriber explicitly marked this message as spam.",
    }


def _post(client, payload: dict, **headers):
    return client.post(URL, json.dumps(payload), content_type="application/json", **headers)


def test_it_fails_a_letter_whose_target_bounced_and_flags_the_address(client):
    letter = OutboundEmailFactory(
        to="minister@example.gc.ca", purpose=LetterPurpose.LETTER, status=Status.SENT
    )

    response = _post(client, _bounce(letter), **_auth())

    assert response.status_code == 200
    letter.refresh_from_db()
    assert letter.status == Status.FAILED
    assert "unknown user" in letter.last_error
    assert selectors.is_suppressed("Minister@example.gc.ca")
    assert selectors.suppression_for("minister@example.gc.ca").source_email == letter


def test_it_stops_all_further_mail_to_a_supporter_who_complained(client):
    queued = OutboundEmailFactory(to="supporter@example.org")

    _post(client, _complaint("supporter@example.org"), **_auth())
    later = queue_email(
        to="supporter@example.org",
        subject="Thanks",
        body_text="…",
        purpose=LetterPurpose.LETTER_COPY,
    )

    queued.refresh_from_db()
    assert queued.status == Status.CANCELLED
    assert later.status == Status.CANCELLED
    assert Suppression.objects.get().reason == Suppression.Reason.COMPLAINT
    assert mail.outbox == []


def test_it_changes_nothing_when_the_same_event_is_replayed(client):
    letter = OutboundEmailFactory(to="minister@example.gc.ca", status=Status.SENT)
    _post(client, _bounce(letter), **_auth())
    Suppression.objects.all().delete()  # staff lifted it; a replay must not bring it back
    OutboundEmail.objects.filter(pk=letter.pk).update(status=Status.SENT, last_error="")

    response = _post(client, _bounce(letter), **_auth())

    assert response.status_code == 200
    letter.refresh_from_db()
    assert letter.status == Status.SENT
    assert not Suppression.objects.exists()
    assert ProcessedWebhookEvent.objects.count() == 1


@pytest.mark.parametrize("credentials", [None, "postmark:wrong"])
def test_it_refuses_a_webhook_without_the_right_credentials(client, credentials):
    letter = OutboundEmailFactory(status=Status.SENT)

    headers = _auth(credentials) if credentials else {}
    response = _post(client, _bounce(letter), **headers)

    assert response.status_code in (400, 401, 403)
    letter.refresh_from_db()
    assert letter.status == Status.SENT
    assert not Suppression.objects.exists()


def test_it_ignores_deliveries_and_opens(client):
    letter = OutboundEmailFactory(status=Status.SENT)
    delivery = {
        "RecordType": "Delivery",
        "MessageID": "883953f4",
        "Recipient": letter.to,
        "DeliveredAt": "2026-11-21T10:00:00Z",
        "Metadata": {"outbox_id": str(letter.pk)},
    }

    assert _post(client, delivery, **_auth()).status_code == 200

    letter.refresh_from_db()
    assert letter.status == Status.SENT
    assert not Suppression.objects.exists()


def test_it_serves_the_webhook_only_when_an_esp_is_configured(settings):
    assert esp_urlpatterns() != []

    del settings.ANYMAIL

    assert esp_urlpatterns() == []


def test_it_logs_the_emails_id_never_the_address_or_the_reason(client, caplog):
    letter = OutboundEmailFactory(to="minister@example.gc.ca", status=Status.SENT)

    with caplog.at_level("DEBUG", logger="campaign.outbox"):
        _post(client, _bounce(letter), **_auth())
        _post(client, _bounce(letter), **_auth())  # the replay logs too

    assert f"for email {letter.pk}" in caplog.text
    for secret in ["minister", "example.gc.ca", "unknown user"]:
        assert secret not in caplog.text


@pytest.mark.parametrize("recipient", ["x" * 300 + "@example.org", "not an address"])
def test_it_falls_back_to_the_emails_own_address_when_the_reported_one_is_unusable(
    client, recipient
):
    letter = OutboundEmailFactory(to="minister@example.gc.ca", status=Status.SENT)

    response = _post(client, {**_bounce(letter), "Email": recipient}, **_auth())

    assert response.status_code == 200
    letter.refresh_from_db()
    assert letter.status == Status.FAILED
    assert list(Suppression.objects.values_list("address", flat=True)) == [letter.to]
