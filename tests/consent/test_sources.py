"""Where consent comes from: a confirmed signature or letter that ticked the box, and the
backfill of signatures confirmed before the ledger existed."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import campaign_scope
from campaign.consent.selectors import consent_current
from campaign.consent.wording import CAMPAIGN_UPDATES_CONSENT
from letters.models import Letter
from letters.services import letter_confirm
from petitions.models import Signature
from petitions.services import signature_confirm
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory
from tests.letters.conftest import mp_template  # noqa: F401
from tests.letters.test_flow import submit

pytestmark = pytest.mark.django_db


def opted_in_signature(**kwargs):
    return SignatureFactory(
        newsletter_opt_in=True,
        newsletter_consent_text="Oui, écrivez-moi au sujet de cette campagne.",
        language="fr",
        consent_page="https://chorus.example.org/fr/petitions/visas/",
        **kwargs,
    )


def test_confirming_a_signature_that_ticked_the_box_records_consent_as_shown_when_signing():
    signature = opted_in_signature()

    signature_confirm(signature_id=signature.pk)

    event = ConsentEvent.objects.get()
    assert (event.address, event.scope) == (
        signature.email,
        campaign_scope(signature.petition.campaign_id),
    )
    assert event.wording == "Oui, écrivez-moi au sujet de cette campagne."
    assert (event.language, event.page) == ("fr", "https://chorus.example.org/fr/petitions/visas/")
    assert event.method == ConsentEvent.Method.DOUBLE_OPT_IN
    signature.refresh_from_db()
    assert event.recorded_at == signature.confirmed_at


def test_signing_alone_records_no_consent(client):
    petition = PetitionFactory()

    client.post(
        reverse("petitions:sign", kwargs={"slug": petition.slug}),
        {
            "first_name": "Jane",
            "last_name": "Doe",
            "email": "jane@example.org",
            "postal_code": "K1A 0A6",
            "newsletter": "on",
        },
    )

    assert Signature.objects.get().newsletter_opt_in
    assert not ConsentEvent.objects.exists()


def test_confirming_twice_records_consent_once():
    signature = opted_in_signature()

    signature_confirm(signature_id=signature.pk)
    signature_confirm(signature_id=signature.pk)

    assert ConsentEvent.objects.count() == 1


def test_a_signature_without_the_box_ticked_records_nothing():
    signature = SignatureFactory()

    signature_confirm(signature_id=signature.pk)

    assert not ConsentEvent.objects.exists()


def test_the_letter_form_asks_for_consent_with_the_petitions_wording(client, mp_template):  # noqa: F811
    submit(client, mp_template, newsletter="on")

    letter = Letter.objects.get()
    assert letter.newsletter_opt_in
    assert letter.newsletter_consent_text == str(CAMPAIGN_UPDATES_CONSENT)
    assert letter.consent_page.endswith("/write/")
    assert not ConsentEvent.objects.exists()


def test_a_letter_without_the_box_ticked_stores_no_consent(client, mp_template):  # noqa: F811
    submit(client, mp_template)

    letter = Letter.objects.get()
    assert (letter.newsletter_opt_in, letter.newsletter_consent_text) == (False, "")


def test_confirming_a_letter_that_ticked_the_box_records_consent():
    letter = LetterFactory(
        supporter_email="sam@example.org",
        newsletter_opt_in=True,
        newsletter_consent_text="Yes, email me news.",
        consent_page="https://chorus.example.org/letters/x/y/write/",
        language="en",
    )
    LetterRecipientFactory(letter=letter)

    letter_confirm(letter=letter)

    assert consent_current(mailbox_key="sam@example.org", scope=campaign_scope(letter.campaign_id))
    event = ConsentEvent.objects.get()
    assert (event.wording, event.page) == (
        "Yes, email me news.",
        "https://chorus.example.org/letters/x/y/write/",
    )


def test_the_backfill_records_every_confirmed_opt_in_once():
    confirmed = opted_in_signature(confirmed=True)
    opted_in_signature()  # unconfirmed: no consent yet
    SignatureFactory(confirmed=True)  # confirmed without the box
    backfill = importlib.import_module("petitions.migrations.0015_backfill_consent_ledger")

    backfill.backfill(apps, None)
    backfill.backfill(apps, None)

    event = ConsentEvent.objects.get()
    assert (event.address, event.source) == (confirmed.email, f"signature:{confirmed.pk}")
    assert event.recorded_at == confirmed.confirmed_at
