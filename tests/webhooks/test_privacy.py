"""Webhooks and "remove my data": the address a payload carries goes with the person."""

import pytest

from campaign.privacy.services import supporter_data_erase, supporter_data_look_up
from campaign.webhooks.models import WebhookDelivery
from petitions.services import signature_confirm
from tests.factories.petitions import SignatureFactory
from tests.factories.webhooks import WebhookEndpointFactory

pytestmark = pytest.mark.django_db


def _confirmed_with_an_endpoint_allowed_personal_data(address):
    WebhookEndpointFactory(include_personal_data=True)
    signature = SignatureFactory(email=address)
    signature_confirm(signature_id=signature.pk)
    return WebhookDelivery.objects.get()


def test_erasing_a_supporter_takes_their_address_out_of_webhook_payloads():
    delivery = _confirmed_with_an_endpoint_allowed_personal_data("Sam.Lee@example.org")

    supporter_data_erase(actor=None, address="sam.lee@example.org", reason="request")

    delivery.refresh_from_db()
    assert "email" not in delivery.payload["data"]
    assert delivery.payload["type"] == "signature.confirmed"
    assert delivery.mailbox_key == ""


def test_a_look_up_lists_the_events_that_carried_the_address():
    _confirmed_with_an_endpoint_allowed_personal_data("sam@example.org")

    data = supporter_data_look_up(actor=None, address="sam@example.org")

    assert data.counts()["webhooks"] == 1
    (section,) = [section for section in data.sections if section.name == "webhooks"]
    assert section.records[0]["event"] == "signature.confirmed"


def test_a_payload_without_personal_data_names_nobody():
    WebhookEndpointFactory(include_personal_data=False)
    signature = SignatureFactory(email="sam@example.org")
    signature_confirm(signature_id=signature.pk)

    assert WebhookDelivery.objects.get().mailbox_key == ""
