"""The petition lifecycle: drafted from a call to action, opened and closed with its campaign."""

import pytest

from campaign.models import CallToAction
from petitions.models import Petition
from petitions.services import (
    addressee_normalise,
    petition_close_for_campaign,
    petition_draft_from_action,
    petition_open_for_campaign,
)
from tests.factories.campaign import CallToActionFactory, CampaignFactory
from tests.factories.petitions import PetitionFactory

pytestmark = pytest.mark.django_db


def test_it_drafts_a_petition_from_a_petition_call_to_action():
    action = CallToActionFactory(
        kind=CallToAction.Kind.PETITION,
        text="issue emergency visas to LGBT people fleeing Chechnya.",
        addressee="the Canadian government",
    )

    petition, _created = petition_draft_from_action(campaign=action.campaign, action=action)

    assert petition.status == Petition.Status.DRAFT
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


def test_it_opens_a_campaigns_draft_petitions_when_it_is_published():
    campaign = CampaignFactory()
    draft = PetitionFactory(campaign=campaign, draft=True)
    closed = PetitionFactory(campaign=campaign, closed=True)
    elsewhere = PetitionFactory(draft=True)

    assert petition_open_for_campaign(campaign=campaign) == 1

    statuses = {p.pk: p.status for p in Petition.objects.all()}
    assert statuses == {draft.pk: "open", closed.pk: "closed", elsewhere.pk: "draft"}


def test_it_closes_a_campaigns_open_petitions_when_it_closes():
    campaign = CampaignFactory()
    open_petition = PetitionFactory(campaign=campaign)
    draft = PetitionFactory(campaign=campaign, draft=True)

    assert petition_close_for_campaign(campaign=campaign) == 1

    open_petition.refresh_from_db()
    draft.refresh_from_db()
    assert (open_petition.status, draft.status) == ("closed", "draft")


def test_it_gives_every_petition_its_own_ip_salt():
    assert PetitionFactory().ip_salt != PetitionFactory().ip_salt
