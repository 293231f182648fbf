"""The public petition page: what it shows, and that it is cacheable by anyone."""

import pytest
from django.urls import reverse

from campaign.models import Campaign
from petitions import local_cache
from tests.factories.campaign import SourceDocumentFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def page(client, petition):
    return client.get(reverse("petitions:detail", kwargs={"slug": petition.slug}))


def test_it_shows_the_demand_the_addressee_the_count_and_the_goal(client, petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)

    html = page(client, petition).content.decode()

    assert "Issue emergency visas to LGBT people fleeing Chechnya." in html
    assert 'To <span lang="en">the Government of Canada</span>' in html  # its own language
    assert "<strong>3</strong> of 1,000 signatures" in html
    # No inline style (CSP): the bar is a <progress>, named by the words above it.
    assert (
        '<progress class="chorus-progress" max="1000" value="3" aria-labelledby="count-visas">'
        in html
    )


def test_it_links_to_the_sign_form(client, petition):
    html = page(client, petition).content.decode()

    assert reverse("petitions:sign", kwargs={"slug": "visas"}) in html


def test_it_lists_only_confirmed_signers_who_asked_to_be_shown(client, petition):
    SignatureFactory(
        petition=petition,
        first_name="Shown",
        last_name="Person",
        public=True,
        riding_name="Ottawa Centre",
    )
    SignatureFactory(petition=petition, first_name="Private", confirmed=True)
    SignatureFactory(petition=petition, first_name="Unconfirmed", show_name=True)
    SignatureFactory(petition=petition, first_name="Flagged", public=True, flagged=True)

    html = page(client, petition).content.decode()

    assert "Shown P.</strong>, Ottawa Centre" in html
    assert "Person" not in html
    for hidden in ["Private", "Unconfirmed", "Flagged"]:
        assert hidden not in html


def test_it_hides_a_comment_an_organiser_hid(client, petition):
    SignatureFactory(petition=petition, public=True, comment="Kind words")
    SignatureFactory(petition=petition, public=True, comment="Rude words", comment_hidden=True)

    html = page(client, petition).content.decode()

    assert "Kind words" in html
    assert "Rude words" not in html


def test_it_lists_the_campaigns_sources(client, petition):
    petition.campaign.sources.add(SourceDocumentFactory(title="Rainbow Railroad appeal"))

    assert "Rainbow Railroad appeal" in page(client, petition).content.decode()


def test_it_is_cacheable_by_anyone_without_a_cookie(client, petition):
    response = page(client, petition)

    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_it_serves_later_views_without_touching_the_database(
    client, petition, django_assert_num_queries
):
    page(client, petition)

    with django_assert_num_queries(0):
        response = page(client, petition)

    assert response.status_code == 200


def test_it_reads_the_count_from_the_cache_not_the_table(client, petition):
    from django.core.cache import cache

    page(client, petition)
    cache.set(f"petitions:count:{petition.pk}", 4321)
    local_cache.clear()

    assert "<strong>4,321</strong>" in page(client, petition).content.decode()


def test_it_answers_404_for_a_draft_petition(client):
    petition = PetitionFactory(draft=True)

    assert page(client, petition).status_code == 404


def test_it_answers_404_for_a_petition_of_a_draft_campaign(client):
    petition = PetitionFactory(campaign__status=Campaign.Status.DRAFT)

    assert page(client, petition).status_code == 404


def test_it_shows_the_final_count_and_no_sign_link_when_closed(client):
    petition = PetitionFactory(closed=True)
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)

    html = page(client, petition).content.decode()

    assert "This petition is closed. It gathered 2 signatures." in html
    assert reverse("petitions:sign", kwargs={"slug": petition.slug}) not in html


def test_it_never_caches_the_sign_form_page(client, petition):
    response = client.get(reverse("petitions:sign", kwargs={"slug": petition.slug}))

    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_it_never_caches_the_form_shown_again_with_errors(client, petition):
    response = client.post(
        reverse("petitions:sign", kwargs={"slug": petition.slug}), {"email": "nope"}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_it_offers_plain_share_links_and_the_next_action_after_signing(client, petition):
    from tests.factories.letters import LetterTemplateFactory

    template = LetterTemplateFactory(campaign=petition.campaign)

    html = client.get(reverse("petitions:thanks", kwargs={"slug": "visas"})).content.decode()

    assert "https://www.facebook.com/sharer/sharer.php?u=" in html
    assert "https://x.com/intent/post?" in html
    assert "https://wa.me/?text=" in html
    assert "mailto:?subject=" in html
    assert 'id="share-link"' in html
    assert "<script" not in html
    assert template.get_absolute_url() in html


def test_it_publishes_a_privacy_notice_of_what_is_kept_why_and_for_how_long(client):
    html = client.get(reverse("campaign:privacy")).content.decode()

    for promise in [
        "Your email address",
        "postal code",
        "salted fingerprint",
        "CASL",
        "30 days after signing",
        "90 days after signing",
        "2 years after the campaign closes",
    ]:
        assert promise in html


def test_the_privacy_notice_states_the_periods_the_purge_enforces(client, settings):
    settings.PETITIONS_UNCONFIRMED_DAYS = 14
    settings.PETITIONS_IP_HASH_DAYS = 45
    settings.PETITIONS_RETENTION_AFTER_CLOSE_DAYS = 400

    html = client.get(reverse("campaign:privacy")).content.decode()

    assert "deleted 14 days after signing" in html
    assert "45 days after signing" in html
    assert "400 days after the campaign closes" in html
