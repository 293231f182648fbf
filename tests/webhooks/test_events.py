"""The events apps emit: signature.confirmed (petitions) and letter.sent (letters, through the
outbox's after-sent hook). A supporter's request only writes rows; it never waits for a
receiver."""

import time
from unittest import mock

import pytest
from django.db import transaction
from django.urls import reverse

from campaign.outbox import delivery as outbox_delivery
from campaign.outbox.models import OutboundEmail
from campaign.webhooks import events
from campaign.webhooks.models import WebhookDelivery
from letters.purposes import LetterPurpose
from petitions.models import Signature
from petitions.services import signature_confirm
from petitions.tokens import confirmation_token_make
from tests.factories.letters import LetterRecipientFactory
from tests.factories.outbox import OutboundEmailFactory
from tests.factories.petitions import SignatureFactory
from tests.factories.webhooks import WebhookEndpointFactory
from tests.webhooks.brokers import publishing_to

pytestmark = pytest.mark.django_db

Status = WebhookDelivery.Status


def test_confirming_a_signature_emits_signature_confirmed():
    WebhookEndpointFactory(include_personal_data=True)
    signature = SignatureFactory(email="sam@example.org")

    signature_confirm(signature_id=signature.pk)

    (row,) = WebhookDelivery.objects.all()
    assert row.event == events.SIGNATURE_CONFIRMED
    data = row.payload["data"]
    assert data["signature_id"] == signature.pk
    assert data["petition"] == signature.petition.slug
    assert data["campaign"] == signature.petition.campaign.slug
    assert data["counted"] is True
    assert data["email"] == "sam@example.org"
    assert data["confirmed_at"].endswith("Z")


def test_confirming_twice_emits_once():
    WebhookEndpointFactory()
    signature = SignatureFactory()

    signature_confirm(signature_id=signature.pk)
    signature_confirm(signature_id=signature.pk)

    assert WebhookDelivery.objects.count() == 1


def test_a_confirmation_rolled_back_leaves_no_delivery():
    WebhookEndpointFactory()
    signature = SignatureFactory()

    with pytest.raises(RuntimeError), transaction.atomic():
        signature_confirm(signature_id=signature.pk)
        raise RuntimeError("rolled back")

    assert not WebhookDelivery.objects.exists()
    assert Signature.objects.get(pk=signature.pk).confirmed_at is None


def test_a_failed_webhook_write_leaves_the_signature_unconfirmed():
    """The confirmation and its event rows are one transaction: neither without the other."""
    WebhookEndpointFactory()
    signature = SignatureFactory()

    with (
        mock.patch.object(
            WebhookDelivery.objects, "bulk_create", side_effect=RuntimeError("disk full")
        ),
        pytest.raises(RuntimeError),
    ):
        signature_confirm(signature_id=signature.pk)

    assert Signature.objects.get(pk=signature.pk).confirmed_at is None


def test_the_confirm_request_does_not_wait_for_a_hanging_endpoint(
    client, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_READ_TIMEOUT_SECONDS = 2.0
    receiver.answer((200, 5.0))  # would hold a request that waited for it 2 s (the timeout)
    WebhookEndpointFactory(url=receiver.url)
    signature = SignatureFactory()
    token = confirmation_token_make(signature_id=signature.pk)

    # Published for real to the test Redis (no worker consumes it here).
    with publishing_to(settings.CELERY_BROKER_URL) as celery_app:
        try:
            started = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(reverse("petitions:confirm", kwargs={"token": token}))
            elapsed = time.monotonic() - started
        finally:
            celery_app.control.purge()

    assert response.status_code == 302
    assert elapsed < 1.0
    assert receiver.received == []
    (row,) = WebhookDelivery.objects.all()
    assert (row.status, row.attempts) == (Status.QUEUED, 0)


def _letter_email(recipient, purpose=LetterPurpose.LETTER):
    return OutboundEmailFactory(
        to="minister@example.org",
        purpose=purpose,
        message_id=recipient.message_id,
        related=recipient.letter,
    )


def test_a_letter_email_sent_emits_letter_sent():
    WebhookEndpointFactory()
    recipient = LetterRecipientFactory(
        name="Hon. Jane Minister", role="Minister of Foreign Affairs", message_id="<1@chorus>"
    )
    email = _letter_email(recipient)

    assert outbox_delivery.deliver(email.pk).status == "sent"

    (row,) = WebhookDelivery.objects.all()
    assert row.event == events.LETTER_SENT
    data = row.payload["data"]
    assert data["letter_id"] == recipient.letter.pk
    assert data["campaign"] == recipient.letter.campaign.slug
    assert data["recipient"] == {
        "name": "Hon. Jane Minister",
        "role": "Minister of Foreign Affairs",
        "kind": "target",
    }
    assert "email" not in data, "no personal data unless the endpoint allows it"


def test_the_supporters_copy_of_a_letter_emits_nothing():
    WebhookEndpointFactory()
    recipient = LetterRecipientFactory(message_id="<2@chorus>")
    email = _letter_email(recipient, purpose=LetterPurpose.LETTER_COPY)

    outbox_delivery.deliver(email.pk)

    assert not WebhookDelivery.objects.exists()


def test_a_failing_hook_never_undoes_the_sent_mark():
    """The message has left: if the event cannot be written, it is logged, not resent."""
    WebhookEndpointFactory()
    recipient = LetterRecipientFactory(message_id="<3@chorus>")
    email = _letter_email(recipient)

    with mock.patch.object(
        WebhookDelivery.objects, "bulk_create", side_effect=RuntimeError("disk full")
    ):
        assert outbox_delivery.deliver(email.pk).status == "sent"

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert not WebhookDelivery.objects.exists()


def test_an_unsubscribe_emits_supporter_unsubscribed_once():
    from django.test import Client

    from campaign.consent.links import unsubscribe_token_make
    from campaign.consent.scopes import campaign_scope
    from tests.factories import CampaignFactory
    from tests.factories.consent import ConsentEventFactory

    WebhookEndpointFactory(include_personal_data=True)
    campaign = CampaignFactory()
    ConsentEventFactory(campaign=campaign, address="jane@example.org")
    scope = campaign_scope(campaign.pk)
    url = reverse(
        "consent:unsubscribe",
        kwargs={"token": unsubscribe_token_make(address="jane@example.org", scope=scope)},
    )

    Client().post(url, {"List-Unsubscribe": "One-Click"})
    Client().post(url, {"List-Unsubscribe": "One-Click"})

    (row,) = WebhookDelivery.objects.all()
    assert row.event == events.SUPPORTER_UNSUBSCRIBED
    data = row.payload["data"]
    assert data["scope"] == scope
    assert data["method"] == "one_click"
    assert data["email"] == "jane@example.org"


def test_an_unsubscribe_tells_an_endpoint_without_personal_data_no_address():
    from campaign.consent.scopes import campaign_scope
    from campaign.consent.services import consent_withdraw
    from tests.factories import CampaignFactory
    from tests.factories.consent import ConsentEventFactory

    WebhookEndpointFactory(include_personal_data=False)
    campaign = CampaignFactory()
    ConsentEventFactory(campaign=campaign, address="jane@example.org")

    with transaction.atomic():
        consent_withdraw(
            address="jane@example.org", scope=campaign_scope(campaign.pk), method="staff"
        )

    (row,) = WebhookDelivery.objects.all()
    assert "email" not in row.payload["data"]


def test_a_letter_email_sent_with_no_endpoint_listening_is_marked_in_one_statement():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    WebhookEndpointFactory(events=[events.SIGNATURE_CONFIRMED])
    recipient = LetterRecipientFactory(message_id="<4@chorus>")
    email = _letter_email(recipient)

    with CaptureQueriesContext(connection) as queries:
        assert outbox_delivery.deliver(email.pk).status == "sent"

    reads_of_recipients = [q for q in queries if "letters_letterrecipient" in q["sql"]]
    assert reads_of_recipients == []
    assert not WebhookDelivery.objects.exists()
