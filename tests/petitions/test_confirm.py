"""Confirming: a GET shows a button, the POST counts the signature once."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from petitions.models import Signature
from petitions.selectors import petition_count
from petitions.tokens import confirmation_token_make
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def confirm_url(signature) -> str:
    token = confirmation_token_make(signature_id=signature.pk)
    return reverse("petitions:confirm", kwargs={"token": token})


def test_it_changes_nothing_when_the_link_is_only_opened(client, petition):
    signature = SignatureFactory(petition=petition)

    response = client.get(confirm_url(signature))

    assert response.status_code == 200
    assert '<form method="post"' in response.content.decode()
    signature.refresh_from_db()
    assert signature.confirmed_at is None
    assert petition_count(petition=petition) == 0


def test_it_confirms_and_counts_the_signature_when_the_button_is_pressed(client, petition):
    signature = SignatureFactory(petition=petition)

    response = client.post(confirm_url(signature))

    assert response.status_code == 302
    assert response["Location"] == reverse("petitions:confirmed", kwargs={"slug": "visas"})
    signature.refresh_from_db()
    assert signature.confirmed_at is not None
    assert petition_count(petition=petition) == 1


def test_it_counts_a_signature_once_when_confirmed_twice(client, petition):
    signature = SignatureFactory(petition=petition)
    client.post(confirm_url(signature))
    first_confirmed_at = Signature.objects.get().confirmed_at

    response = client.post(confirm_url(signature))

    assert response.status_code == 302
    assert Signature.objects.get().confirmed_at == first_confirmed_at
    assert petition_count(petition=petition) == 1


def test_it_refuses_an_expired_link_with_a_clear_page(client, petition):
    signature = SignatureFactory(petition=petition)
    with time_machine.travel(-timedelta(days=7, minutes=1)):
        url = confirm_url(signature)

    response = client.post(url)

    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert Signature.objects.get().confirmed_at is None
    assert petition_count(petition=petition) == 0


def test_it_still_accepts_a_link_on_its_last_valid_day(client, petition):
    signature = SignatureFactory(petition=petition)
    with time_machine.travel(-timedelta(days=6, hours=23)):
        url = confirm_url(signature)

    assert client.post(url).status_code == 302
    assert petition_count(petition=petition) == 1


def test_it_refuses_a_tampered_link_with_a_clear_page(client, petition):
    signature = SignatureFactory(petition=petition)
    other = SignatureFactory(petition=petition)
    token = confirmation_token_make(signature_id=signature.pk)
    forged = signing.dumps(other.pk, salt="something-else")
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    for bad in [tampered, forged, "not-a-token", token.replace(":", "", 1)]:
        response = client.post(reverse("petitions:confirm", kwargs={"token": bad}))
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert not Signature.objects.filter(confirmed_at__isnull=False).exists()


def test_it_answers_a_token_for_an_unknown_signature_with_a_clear_page(client, petition):
    signature = SignatureFactory(petition=petition)
    url = confirm_url(signature)
    signature.delete()

    response = client.post(url)

    assert response.status_code == 404
    assert "cannot find this signature" in response.content.decode()


def test_it_refuses_to_confirm_once_the_petition_has_closed(client):
    petition = PetitionFactory(closed=True)
    signature = SignatureFactory(petition=petition)

    response = client.post(confirm_url(signature))

    assert response.status_code == 409
    assert "closed" in response.content.decode()
    assert Signature.objects.get().confirmed_at is None


def test_it_confirms_a_flagged_signature_without_counting_it(client, petition):
    signature = SignatureFactory(petition=petition, flagged=True)

    client.post(confirm_url(signature))

    assert Signature.objects.get().confirmed_at is not None
    assert petition_count(petition=petition) == 0


def test_it_refuses_a_confirm_post_without_a_csrf_token(petition):
    from django.test import Client

    signature = SignatureFactory(petition=petition)

    response = Client(enforce_csrf_checks=True).post(confirm_url(signature))

    assert response.status_code == 403
    assert Signature.objects.get().confirmed_at is None


@pytest.mark.parametrize("opted_in", [False, True], ids=["no consent", "consent"])
def test_confirming_reads_the_signature_its_petition_and_campaign_in_one_query(
    client, petition, opted_in
):
    # The confirm POST reads only the columns it needs (petitions.services._CONFIRM_READS); a
    # column it needs and left out would cost one more query here.
    signature = SignatureFactory(
        petition=petition,
        newsletter_opt_in=opted_in,
        newsletter_consent_text="Yes.",
        organisation_newsletter_opt_in=opted_in,
        organisation_newsletter_consent_text="Yes, the newsletter too.",
    )

    with CaptureQueriesContext(connection) as queries:
        response = client.post(confirm_url(signature))

    assert response.status_code == 302
    reads = [
        q["sql"]
        for q in queries
        if q["sql"].startswith("SELECT")
        and any(
            f'FROM "{table}"' in q["sql"]
            for table in ("petitions_signature", "petitions_petition", "campaign_campaign")
        )
    ]
    assert len(reads) == 1
