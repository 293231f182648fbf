"""Drafting a letter to named recipients: a federal office the directory knows becomes a
target by role, remembering whom the document named; anything else stays a fixed recipient."""

import pytest
from django.db import IntegrityError, transaction

from campaign.models import CallToAction, Target
from letters.services import letter_template_draft_from_action
from tests.directory.ministry import SEED_TARGETS, carney_ministry
from tests.factories import CallToActionFactory, CampaignFactory, TargetFactory

pytestmark = pytest.mark.django_db


def _draft(targets, campaign=None):
    action = CallToActionFactory(
        campaign=campaign or CampaignFactory(draft=True),
        kind=CallToAction.Kind.LETTER_TO_TARGETS,
        text="Grant emergency visas to LGBT people fleeing Chechnya",
        targets=targets,
    )
    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)
    return template


def test_it_drafts_a_known_office_as_a_target_by_role_keeping_whom_the_document_named():
    offices = carney_ministry()

    template = _draft(SEED_TARGETS)

    by_office = {t.office.code: t for t in template.targets.filter(office__isnull=False)}
    assert set(by_office) == {"PM", "MFA"}
    mfa = by_office["MFA"]
    assert (mfa.office, mfa.role, mfa.kind) == (
        offices["MFA"],
        "Minister of Foreign Affairs",
        Target.Kind.MINISTER,
    )
    # What the document named is kept apart, never as the recipient.
    assert (mfa.name, mfa.email) == ("", "")
    assert (mfa.document_name, mfa.document_email) == (
        "Chrystia Freeland",
        "Chrystia.Freeland@parl.gc.ca",
    )
    assert by_office["PM"].document_name == "Justin Trudeau"


def test_it_keeps_a_role_the_directory_does_not_know_as_a_fixed_recipient():
    carney_ministry()

    template = _draft(SEED_TARGETS)

    embassy = template.targets.get(office__isnull=True)
    assert (embassy.role, embassy.email) == ("Russian Ambassador", "info@rusembassy.ca")
    assert (embassy.document_name, embassy.document_email) == ("", "")


def test_it_drafts_fixed_recipients_as_before_while_the_ministry_is_not_loaded():
    template = _draft(SEED_TARGETS)

    assert not template.targets.filter(office__isnull=False).exists()
    assert {t.email for t in template.targets.all()} == {t["email"] for t in SEED_TARGETS}


def test_it_keeps_another_countrys_prime_minister_as_a_fixed_recipient():
    carney_ministry()

    template = _draft(
        [{"name": "", "role": "Prime Minister", "email": "pm@number10.gov.uk", "kind": "minister"}]
    )

    [target] = template.targets.all()
    assert (target.office, target.email) == (None, "pm@number10.gov.uk")


def test_it_reuses_a_campaigns_target_by_role_for_the_same_office():
    carney_ministry()
    campaign = CampaignFactory(draft=True)
    first = _draft(SEED_TARGETS[:1], campaign=campaign)

    # Another document names the same office with another person and address.
    again = [
        {
            "name": "Anita Anand",
            "role": "Foreign Affairs Minister",
            "email": "Anita.Anand@parl.gc.ca",
            "kind": "minister",
        }
    ]
    second = _draft(again, campaign=campaign)

    assert list(first.targets.all()) == list(second.targets.all())
    [target] = campaign.targets.all()
    assert target.document_name == "Chrystia Freeland"  # as first drafted


def test_a_target_is_either_an_office_or_an_address():
    offices = carney_ministry()
    campaign = CampaignFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        TargetFactory(campaign=campaign, office=offices["MFA"], email="x@parl.gc.ca")
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetFactory(campaign=campaign, office=None, email="")
    TargetFactory(campaign=campaign, office=offices["MFA"], name="", email="")
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetFactory(campaign=campaign, office=offices["MFA"], name="", email="")
    # Two targets by role of one campaign have no email, and that is no clash.
    TargetFactory(campaign=campaign, office=offices["PM"], name="", email="")
