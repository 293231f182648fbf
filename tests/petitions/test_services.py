"""The petition lifecycle: drafted from a call to action, open while its campaign is published."""

import pytest

from campaign.models import CallToAction, Campaign
from petitions.models import Petition, Signature
from petitions.services import (
    PetitionClosed,
    SignatureInput,
    addressee_normalise,
    petition_draft_from_action,
    signature_confirm,
    signature_create,
)
from tests.factories.campaign import CallToActionFactory, CampaignFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db

SIGNER = SignatureInput(
    first_name="Marie", last_name="Tremblay", email="marie@example.org", postal_code="K1A 0A6"
)


def test_it_drafts_a_petition_from_a_petition_call_to_action():
    action = CallToActionFactory(
        kind=CallToAction.Kind.PETITION,
        text="issue emergency visas to LGBT people fleeing Chechnya.",
        addressee="the Canadian government",
    )

    petition, _created = petition_draft_from_action(campaign=action.campaign, action=action)

    assert petition.title == "Issue emergency visas to LGBT people fleeing Chechnya"
    assert petition.demand == "Issue emergency visas to LGBT people fleeing Chechnya."
    assert petition.addressed_to == "the Government of Canada"
    assert petition.slug == "issue-emergency-visas-to-lgbt-people-fleeing-chechnya"
    assert petition.source == action
    assert petition.campaign == action.campaign


def test_it_returns_the_same_petition_when_drafted_twice():
    action = CallToActionFactory()

    first, created_first = petition_draft_from_action(campaign=action.campaign, action=action)
    second, created_second = petition_draft_from_action(campaign=action.campaign, action=action)

    assert first == second
    assert (created_first, created_second) == (True, False)
    assert Petition.objects.count() == 1


def test_another_campaign_drafted_from_the_same_action_gets_its_own_petition():
    action = CallToActionFactory()
    other = CampaignFactory()

    first, _created = petition_draft_from_action(campaign=action.campaign, action=action)
    second, created = petition_draft_from_action(campaign=other, action=action)

    assert created
    assert (first.campaign, second.campaign) == (action.campaign, other)
    assert first.slug != second.slug


def test_it_gives_each_drafted_petition_a_unique_slug():
    campaign = CampaignFactory()
    actions = [CallToActionFactory(campaign=campaign, text="Act now") for _ in range(3)]

    slugs = [petition_draft_from_action(campaign=campaign, action=a)[0].slug for a in actions]

    assert slugs == ["act-now", "act-now-2", "act-now-3"]


def test_it_shortens_a_long_demand_into_a_title_at_a_word_boundary():
    action = CallToActionFactory(text="stop " + "the deportation of refugees " * 20)

    petition, _created = petition_draft_from_action(campaign=action.campaign, action=action)

    assert len(petition.title) <= 121
    assert petition.title.endswith("…")
    assert len(petition.slug) <= 80


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("the Canadian government", "the Government of Canada"),
        ("the Liberal government", "the Government of Canada"),
        ("The federal government", "the Government of Canada"),
        ("Ottawa", "the Government of Canada"),
        ("", "the Government of Canada"),
        ("the Government of Canada", "the Government of Canada"),
        ("the Minister of Immigration", "the Minister of Immigration"),
        ("the Russian government", "the Russian government"),
    ],
)
def test_it_names_the_federal_government_properly(written, normalised):
    assert addressee_normalise(written) == normalised


def test_it_gives_every_petition_its_own_ip_salt():
    assert PetitionFactory().ip_salt != PetitionFactory().ip_salt


@pytest.mark.parametrize("campaign_status", [Campaign.Status.DRAFT, Campaign.Status.CLOSED])
def test_it_takes_no_signature_unless_the_campaign_is_published(campaign_status):
    petition = PetitionFactory(campaign=CampaignFactory(status=campaign_status))

    with pytest.raises(PetitionClosed):
        signature_create(petition=petition, data=SIGNER)

    assert not Signature.objects.exists()


def test_it_confirms_no_signature_in_a_closed_campaign():
    petition = PetitionFactory(campaign=CampaignFactory(closed=True))
    signature = SignatureFactory(petition=petition)

    with pytest.raises(PetitionClosed):
        signature_confirm(signature_id=signature.pk)

    assert Signature.objects.get().confirmed_at is None
