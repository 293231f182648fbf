"""Slugs of drafted rows: readable, short, free in their table."""

import pytest

from campaign.models import Campaign
from campaign.slugs import unique_slug
from tests.factories import CampaignFactory

pytestmark = pytest.mark.django_db


def test_it_makes_a_slug_from_the_text():
    assert unique_slug("Issue Emergency Visas!", taken=Campaign.objects.all(), fallback="x") == (
        "issue-emergency-visas"
    )


def test_it_numbers_a_slug_already_taken():
    CampaignFactory(slug="visas")
    CampaignFactory(slug="visas-2")

    assert unique_slug("Visas", taken=Campaign.objects.all(), fallback="x") == "visas-3"


def test_a_slug_cut_short_never_ends_in_a_hyphen():
    slug = unique_slug(
        "act so " + "x" * 80, taken=Campaign.objects.all(), fallback="x", max_length=7
    )

    assert slug == "act-so"


def test_it_falls_back_when_the_text_has_no_letters():
    assert unique_slug("¿¡…!?", taken=Campaign.objects.all(), fallback="petition") == "petition"


def test_only_the_given_rows_count_as_taken():
    CampaignFactory(slug="visas")

    assert unique_slug("Visas", taken=Campaign.objects.none(), fallback="x") == "visas"
