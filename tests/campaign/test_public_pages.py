"""The home page and a campaign's page, as a supporter sees them."""

import pytest
from django.urls import reverse

from tests.factories import (
    CampaignFactory,
    DonationLinkFactory,
    LetterTemplateFactory,
    PetitionFactory,
    SourceDocumentFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


def test_it_lists_published_campaigns_on_the_home_page(client):
    CampaignFactory(title="Rescue them now")
    CampaignFactory(title="Secret draft", draft=True)

    response = client.get(reverse("campaign:home"))

    assert response.status_code == 200
    assert "Rescue them now" in response.text
    assert "Secret draft" not in response.text


def test_it_shows_a_campaigns_actions_and_sources(client):
    campaign = CampaignFactory()
    PetitionFactory(campaign=campaign, title="Issue emergency visas")
    letter = LetterTemplateFactory(campaign=campaign, title="Tell your MP to act")
    DonationLinkFactory(campaign=campaign, organisation="Rainbow Railroad")
    campaign.sources.add(SourceDocumentFactory(title="LGBT people need Canada's help"))

    response = client.get(campaign.get_absolute_url())

    assert response.status_code == 200
    assert f'href="{letter.get_absolute_url()}"' in response.text
    for text in [
        "Issue emergency visas",
        "Tell your MP to act",
        "Donate to Rainbow Railroad",
        "LGBT people need Canada&#x27;s help",
    ]:
        assert text in response.text


def test_it_shows_a_campaign_in_as_many_queries_however_many_letters_it_has(
    client, django_assert_max_num_queries
):
    campaign = CampaignFactory()
    for n in range(5):
        letter = LetterTemplateFactory(campaign=campaign, kind="targets")
        letter.targets.add(TargetFactory(campaign=campaign, name=f"Minister {n}"))

    with django_assert_max_num_queries(8):
        response = client.get(campaign.get_absolute_url())

    assert "Minister 4" in response.text


def test_it_hides_draft_campaigns(client):
    campaign = CampaignFactory(draft=True)

    assert client.get(campaign.get_absolute_url()).status_code == 404


def test_it_shows_a_closed_campaign_without_the_letter_buttons(client):
    campaign = CampaignFactory(closed=True)
    letter = LetterTemplateFactory(campaign=campaign)

    response = client.get(campaign.get_absolute_url())

    assert response.status_code == 200
    assert "This campaign is closed" in response.text
    assert "Write a letter" not in response.text
    assert letter.get_absolute_url() not in response.text


def test_it_serves_bootstrap_from_our_own_site(client):
    response = client.get(reverse("campaign:home"))

    assert '/static/vendor/bootstrap/bootstrap.min.css"' in response.text
    assert "cdn" not in response.text.lower()


def test_it_reports_health_when_the_database_answers(client):
    response = client.get(reverse("campaign:healthz"))

    assert response.status_code == 200
    assert response.text == "ok"


def test_it_reports_unhealthy_when_the_database_does_not_answer(client, monkeypatch):
    from django.db import OperationalError, connection

    def down():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", down)

    response = client.get(reverse("campaign:healthz"))

    assert response.status_code == 503
