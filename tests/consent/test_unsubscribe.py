"""The unsubscribe link (RFC 8058): a page with a button, a one-click POST from mail clients,
400 for a tampered token, and the same page when used twice."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from campaign.consent.links import unsubscribe_token_make, unsubscribe_url
from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import campaign_scope
from campaign.consent.selectors import consent_current
from tests.factories import CampaignFactory
from tests.factories.consent import ConsentEventFactory

pytestmark = pytest.mark.django_db

JANE = "jane@example.org"


@pytest.fixture
def campaign():
    return CampaignFactory(title="Emergency visas", title_fr="Visas d'urgence")


@pytest.fixture
def scope(campaign):
    return campaign_scope(campaign.pk)


@pytest.fixture
def url(campaign, scope):
    ConsentEventFactory(campaign=campaign, address=JANE)
    token = unsubscribe_token_make(address=JANE, scope=scope)
    return reverse("consent:unsubscribe", kwargs={"token": token})


def withdrawals():
    return ConsentEvent.objects.filter(action=ConsentEvent.Action.WITHDRAWN)


def test_the_link_shows_what_it_unsubscribes_from_and_a_button_and_changes_nothing(
    client, url, scope
):
    response = client.get(url)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Emergency visas" in page
    assert f'<form method="post" action="{url}">' in page
    assert consent_current(mailbox_key=JANE, scope=scope)


def test_the_button_withdraws_consent_at_once(client, url, scope):
    response = client.post(url)

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert not consent_current(mailbox_key=JANE, scope=scope)
    assert withdrawals().get().method == ConsentEvent.Method.UNSUBSCRIBE_PAGE


def test_a_mail_clients_one_click_post_needs_no_csrf_token_or_cookie(url, scope):
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not consent_current(mailbox_key=JANE, scope=scope)
    assert withdrawals().get().method == ConsentEvent.Method.ONE_CLICK


def test_a_tampered_link_gets_a_400_page_and_changes_nothing(client, url, scope):
    tampered = url.replace("/u/", "/u/x", 1)

    response = client.post(tampered, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert consent_current(mailbox_key=JANE, scope=scope)


def test_a_token_of_another_kind_is_refused(client):
    from campaign.privacy.links import removal_token_make

    token = removal_token_make(kind="signature", object_id=1)

    response = client.get(reverse("consent:unsubscribe", kwargs={"token": token}))

    assert response.status_code == 400


def test_a_link_used_twice_gets_the_same_page_and_one_withdrawal(client, url):
    first = client.post(url)
    second = client.post(url)

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.content == second.content
    assert withdrawals().count() == 1


def test_the_link_does_not_carry_the_address(url):
    assert "jane" not in url.lower()


def test_a_french_link_gives_a_french_page(client, campaign, scope):
    ConsentEventFactory(campaign=campaign, address=JANE, language="fr")
    link = unsubscribe_url(address=JANE, scope=scope, language="fr")

    response = client.post(urlsplit(link).path)

    page = response.content.decode()
    assert urlsplit(link).path.startswith("/fr/u/")
    assert "Vous êtes désabonné" in page
    assert "Visas d&#x27;urgence" in page
