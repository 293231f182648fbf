"""A signature made in French is confirmed in French: the email, its link and the pages after."""

from urllib.parse import urlsplit

import pytest
from django.core import mail

from campaign.outbox import delivery
from campaign.outbox.selectors import emails_for
from petitions.models import Signature
from tests.factories.petitions import PetitionFactory

pytestmark = pytest.mark.django_db


def sign_and_send(client, sign_url: str, data: dict):
    client.post(sign_url, data)
    signature = Signature.objects.get()
    delivery.deliver(emails_for(signature).get().pk)
    return signature, mail.outbox[-1]


def confirm_path(message) -> str:
    link = next(word for word in message.body.split() if "/petitions/confirm/" in word)
    return urlsplit(link).path


def test_a_signature_made_on_a_french_page_records_french(client, petition, valid_form):
    signature, _message = sign_and_send(client, "/fr/petitions/visas/sign/", valid_form)

    assert signature.language == "fr"


def test_its_confirmation_email_is_in_french_with_a_french_link(client, valid_form):
    PetitionFactory(slug="visas", in_french=True)

    _signature, message = sign_and_send(client, "/fr/petitions/visas/sign/", valid_form)

    assert message.subject == "Confirmez votre signature\u00a0: Délivrez des visas d'urgence"
    assert "Bonjour Marie," in message.body
    assert confirm_path(message).startswith("/fr/petitions/confirm/")
    html, _type = message.alternatives[0]
    assert '<html lang="fr">' in html
    assert message.extra_headers["Content-Language"] == "fr"


def test_the_french_link_confirms_and_lands_on_the_french_thanks(client, petition, valid_form):
    _signature, message = sign_and_send(client, "/fr/petitions/visas/sign/", valid_form)

    response = client.post(confirm_path(message))

    assert response["Location"] == "/fr/petitions/visas/confirmed/"
    assert Signature.objects.get().is_confirmed


def test_an_english_signature_keeps_its_unprefixed_link(client, petition, valid_form):
    _signature, message = sign_and_send(client, "/petitions/visas/sign/", valid_form)

    assert message.subject.startswith("Confirm your signature: ")
    assert confirm_path(message).startswith("/petitions/confirm/")


def test_a_french_form_error_is_in_french(client, petition, valid_form):
    response = client.post("/fr/petitions/visas/sign/", {**valid_form, "postal_code": "12345"})

    assert "Entrez un code postal canadien" in response.content.decode()


def test_signing_in_french_leads_to_the_french_thanks_after_an_english_signer(
    client, petition, valid_form
):
    """The sign view's petition is kept by the process for both languages."""
    client.post("/petitions/visas/sign/", valid_form)

    response = client.post("/fr/petitions/visas/sign/", {**valid_form, "email": "b@example.org"})

    assert response["Location"] == "/fr/petitions/visas/thanks/"
