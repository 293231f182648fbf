"""Publishing and closing: the campaign's status is the one truth for whether supporters act."""

import pytest

from campaign.models import Campaign
from campaign.services import campaign_close, campaign_publish
from petitions.models import Petition
from tests.factories import CampaignFactory, PetitionFactory

pytestmark = pytest.mark.django_db


def test_it_opens_the_petition_when_a_draft_campaign_is_published():
    campaign = CampaignFactory(draft=True)
    petition = PetitionFactory(campaign=campaign)

    campaign_publish(campaign=campaign)

    assert Petition.objects.get(pk=petition.pk).is_open


def test_it_closes_the_petition_when_its_campaign_closes():
    campaign = CampaignFactory()
    petition = PetitionFactory(campaign=campaign)

    campaign_close(campaign=campaign)

    assert not Petition.objects.get(pk=petition.pk).is_open


def test_it_reopens_the_petition_when_a_closed_campaign_is_published_again():
    campaign = CampaignFactory()
    petition = PetitionFactory(campaign=campaign)
    campaign_close(campaign=campaign)

    campaign_publish(campaign=Campaign.objects.get(pk=campaign.pk))

    assert Petition.objects.get(pk=petition.pk).is_open
