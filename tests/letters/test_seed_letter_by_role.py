"""End to end on the data Chorus ships: after `load_directory` and `import_seeds --publish`
(what `make run` does), the seed letter goes to today's holders of the offices the 2017
document names, and the organiser is told the document's names are out of date."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from campaign.models import Campaign
from letters.models import LetterTemplate

pytestmark = [pytest.mark.data, pytest.mark.django_db]


@pytest.fixture
def seed_campaign():
    call_command("load_directory", stdout=io.StringIO())
    call_command("import_seeds", "--publish", stdout=io.StringIO(), stderr=io.StringIO())
    return Campaign.objects.get()


def test_the_seed_letter_goes_to_todays_prime_minister_and_foreign_minister(client, seed_campaign):
    template = seed_campaign.letter_templates.get(kind=LetterTemplate.Kind.TARGETS)

    page = client.get(
        reverse("letters:write", kwargs={"campaign": seed_campaign.slug, "template": template.slug})
    ).text

    recipients = page[page.index('id="recipients-heading"') : page.index("</section>")]
    assert "<strong>Anita Anand</strong>, Minister of Foreign Affairs" in recipients
    assert "<strong>Mark Carney</strong>, Prime Minister" in recipients
    assert "Russian Ambassador" in recipients
    assert "Freeland" not in recipients and "Trudeau" not in recipients


def test_the_campaign_admin_says_the_documents_2017_names_are_out_of_date(
    organiser_client, seed_campaign
):
    assert seed_campaign.status == Campaign.Status.PUBLISHED

    page = organiser_client.get(
        reverse("admin:campaign_campaign_change", args=[seed_campaign.pk])
    ).text

    assert (
        escape(
            "The document names Chrystia Freeland as Minister of Foreign Affairs; "
            "Anita Anand holds the office now."
        )
        in page
    )
    assert (
        escape(
            "The document names Justin Trudeau as Prime Minister; Mark Carney holds the office now."
        )
        in page
    )
