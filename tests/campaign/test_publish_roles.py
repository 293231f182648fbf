"""Publishing a campaign whose letters go to offices: the organiser is warned when a document
names someone who no longer holds an office, and publishing is refused, by every path, while
an office a letter goes to has nobody in it to write to."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape

from campaign import selectors
from campaign.models import Campaign, Target
from campaign.services import CampaignNotPublishable, campaign_publish
from letters.models import LetterTemplate
from tests.directory.ministry import carney_ministry
from tests.factories import CampaignFactory, LetterTemplateFactory, PetitionFactory, TargetFactory
from tests.factories.directory import OfficeFactory

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FREELAND = (
    "The document names Chrystia Freeland as Minister of Foreign Affairs; "
    "Anita Anand holds the office now."
)
TRUDEAU = "The document names Justin Trudeau as Prime Minister; Mark Carney holds the office now."


@pytest.fixture
def offices():
    return carney_ministry()


def role_target(campaign, office, named=""):
    return TargetFactory(
        campaign=campaign,
        office=office,
        name="",
        email="",
        role=office.title_en,
        document_name=named,
    )


@pytest.fixture
def campaign(offices):
    """A draft whose letter goes to the two offices the 2017 document names, and an embassy."""
    campaign = CampaignFactory(draft=True)
    PetitionFactory(campaign=campaign)
    template = LetterTemplateFactory(campaign=campaign, kind=LetterTemplate.Kind.TARGETS)
    template.targets.set(
        [
            role_target(campaign, offices["MFA"], named="Chrystia Freeland"),
            role_target(campaign, offices["PM"], named="Justin Trudeau"),
            TargetFactory(campaign=campaign, role="Russian Ambassador", email="info@rusembassy.ca"),
        ]
    )
    return campaign


def publish(organiser_client, campaign):
    return organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "publish", "_selected_action": [campaign.pk]},
        follow=True,
    )


def change_page(organiser_client, campaign) -> str:
    return organiser_client.get(reverse("admin:campaign_campaign_change", args=[campaign.pk])).text


def test_the_campaign_page_warns_that_the_document_names_former_holders(organiser_client, campaign):
    page = change_page(organiser_client, campaign)

    assert escape(FREELAND) in page
    assert escape(TRUDEAU) in page
    # Each target by role shows who its letters go to now.
    assert escape("Anita Anand <Anita.Anand@parl.gc.ca>") in page
    assert escape("Chrystia Freeland") in page


def test_it_does_not_warn_when_the_document_names_the_holder(organiser_client, offices):
    campaign = CampaignFactory(draft=True)
    template = LetterTemplateFactory(campaign=campaign, kind=LetterTemplate.Kind.TARGETS)
    template.targets.set([role_target(campaign, offices["MFA"], named="ANITA ANAND")])

    assert selectors.campaign_role_warnings(campaign=campaign) == []
    assert "holds the office now" not in change_page(organiser_client, campaign)


def test_publishing_warns_about_the_former_holders_and_publishes(organiser_client, campaign):
    response = publish(organiser_client, campaign)

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PUBLISHED
    assert escape(f"{campaign.title}: {FREELAND}") in response.text
    assert escape(f"{campaign.title}: {TRUDEAU}") in response.text


@pytest.mark.parametrize(
    ("vacate", "expected"),
    [
        ("nobody", "nobody holds the office of Prime Minister now"),
        ("no address", "Mark Carney holds the office of Prime Minister, but the directory has"),
    ],
)
def test_publishing_is_refused_while_an_office_a_letter_goes_to_has_nobody_to_write_to(
    organiser_client, campaign, offices, vacate, expected
):
    carney = offices["PM"].holders.get(name="Mark Carney")
    if vacate == "nobody":
        carney.delete()
    else:
        carney.email = ""
        carney.save()

    response = publish(organiser_client, campaign)

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT
    assert campaign.petitions.get().status == "draft"
    assert expected in response.text
    assert "Published 1 campaign" not in response.text
    assert expected in change_page(organiser_client, campaign)


def test_the_rule_is_in_the_service_every_publish_path_calls(campaign, offices):
    offices["MFA"].holders.all().delete()

    with pytest.raises(CampaignNotPublishable) as refused:
        campaign_publish(campaign=campaign)

    assert refused.value.refusals == [
        f"{campaign.title}: nobody holds the office of Minister of Foreign Affairs now, so its "
        "letter has no recipient. Import the ministry, or make the target a fixed recipient."
    ]
    campaign.refresh_from_db()
    assert (campaign.status, campaign.published_at) == (Campaign.Status.DRAFT, None)


def test_an_office_no_letter_goes_to_does_not_block_publishing(offices):
    campaign = CampaignFactory(draft=True)
    role_target(campaign, OfficeFactory(code="MX", title_en="Minister of Nothing"))

    campaign_publish(campaign=campaign)

    assert campaign.status == Campaign.Status.PUBLISHED


def test_import_seeds_keeps_the_draft_and_says_why_in_one_line_when_publishing_is_refused():
    # The ministry knows the offices the seed letter names, but nobody holds them.
    OfficeFactory(code="PM", title_en="Prime Minister", kind="head_of_government")
    OfficeFactory(code="MFA")

    with pytest.raises(CommandError) as refused:
        call_command("import_seeds", "--publish", stdout=StringIO(), stderr=StringIO())

    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(
        "campaign 'lgbt-people-in-chechnya-need-canadas-help' not published, kept as a draft: "
    )
    assert "nobody holds the office of Minister of Foreign Affairs now" in message
    assert "nobody holds the office of Prime Minister now" in message
    campaign = Campaign.objects.get()
    assert campaign.status == Campaign.Status.DRAFT
    assert campaign.targets.filter(office__isnull=False).count() == 2


def test_a_target_by_role_is_refused_a_name_or_email_of_its_own(offices):
    target = Target(campaign=CampaignFactory(), office=offices["MFA"], email="x@parl.gc.ca")

    with pytest.raises(ValidationError, match="leave its name and email blank"):
        target.full_clean()
    with pytest.raises(
        ValidationError, match="Give an email or a phone number, or choose an office"
    ):
        Target(campaign=target.campaign).full_clean()
