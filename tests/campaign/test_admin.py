"""The admin for organisers: drafts with their evidence, publish and close."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from campaign.models import CallToAction, Campaign
from petitions.models import Petition
from tests.factories import CampaignFactory, DonationLinkFactory, PetitionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_campaign():
    call_command("import_seeds", stdout=StringIO(), stderr=StringIO())
    return Campaign.objects.get()


def test_it_shows_a_campaign_with_its_drafts_and_their_quoted_evidence(
    organiser_client, seed_campaign
):
    response = organiser_client.get(
        reverse("admin:campaign_campaign_change", args=[seed_campaign.pk])
    )

    assert response.status_code == 200
    drafted = [
        *seed_campaign.petitions.all(),
        *seed_campaign.letter_templates.all(),
        *seed_campaign.donation_links.all(),
    ]
    assert len(drafted) == 5  # the petition, the two letters and the two donation asks
    for item in drafted:
        assert escape(item.source.evidence_quote[:60]) in response.text, item


def test_it_shows_a_source_document_with_its_evidence_marked(organiser_client, seed_campaign):
    action = CallToAction.objects.filter(kind="letter_to_targets").first()

    response = organiser_client.get(
        reverse("admin:campaign_sourcedocument_change", args=[action.document_id])
    )

    assert response.status_code == 200
    assert f'<mark id="cta-{action.pk}"' in response.text


def test_it_publishes_selected_campaigns_and_opens_their_petitions(organiser_client):
    campaign = CampaignFactory(draft=True)
    petition = PetitionFactory(campaign=campaign)

    organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "publish", "_selected_action": [campaign.pk]},
    )

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PUBLISHED
    assert campaign.published_at is not None
    assert Petition.objects.get(pk=petition.pk).is_open


def test_it_changes_a_campaigns_status_only_through_the_publish_and_close_actions(
    organiser_client,
):
    organiser_client.post(
        reverse("admin:campaign_campaign_add"),
        {"title": "Rescue them now", "slug": "rescue", "status": "published"},
    )

    campaign = Campaign.objects.get(slug="rescue")
    assert campaign.status == Campaign.Status.DRAFT
    assert campaign.published_at is None


def test_it_warns_when_a_published_campaign_has_a_donation_link_without_url(organiser_client):
    campaign = CampaignFactory(draft=True)
    DonationLinkFactory(campaign=campaign, organisation="Rainbow Railroad", url="")

    response = organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "publish", "_selected_action": [campaign.pk]},
        follow=True,
    )

    assert "the donation link for Rainbow Railroad has no URL yet" in response.text


def test_it_warns_when_a_published_campaigns_letters_go_to_the_test_address(organiser_client):
    campaign = CampaignFactory(draft=True, test_mode=True)

    response = organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "publish", "_selected_action": [campaign.pk]},
        follow=True,
    )

    assert "letters are in test mode and go to the test address" in response.text


def test_it_closes_selected_campaigns_and_their_petitions(organiser_client):
    campaign = CampaignFactory()
    petition = PetitionFactory(campaign=campaign)

    organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "close", "_selected_action": [campaign.pk]},
    )

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED
    assert not Petition.objects.get(pk=petition.pk).is_open


def test_it_lets_data_staff_view_but_not_change_campaigns(client, data_staff):
    campaign = CampaignFactory()
    client.force_login(data_staff)

    url = reverse("admin:campaign_campaign_change", args=[campaign.pk])
    response = client.post(url, {"title": "Hijacked"})

    campaign.refresh_from_db()
    assert client.get(url).status_code == 200
    assert response.status_code == 403
    assert campaign.title != "Hijacked"


def test_it_keeps_outsiders_out_of_the_admin(client, outsider):
    client.force_login(outsider)

    response = client.get(reverse("admin:campaign_campaign_changelist"))

    assert response.status_code == 302
