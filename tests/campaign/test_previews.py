"""Staff preview a draft campaign, its petition and its letters before publishing.

A preview is marked on the page, kept out of search engines and shared caches, and acting from
it creates nothing; anyone else still gets 404.
"""

import pytest
from django.urls import reverse

from campaign.models import Call
from campaign.outbox.models import OutboundEmail
from letters.models import Letter
from petitions import local_cache
from petitions.models import Signature
from tests.factories import (
    CallPageFactory,
    CampaignFactory,
    LetterTemplateFactory,
    PetitionFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db

BANNER = "Preview — not published"
NOINDEX = '<meta name="robots" content="noindex">'
SIGNER = {
    "first_name": "Marie",
    "last_name": "Tremblay",
    "email": "marie@example.org",
    "postal_code": "K1A 0A6",
}


@pytest.fixture(autouse=True)
def _clean_page_cache():
    local_cache.clear()


@pytest.fixture
def draft():
    """A draft campaign with a petition and a letter to two named recipients."""
    campaign = CampaignFactory(draft=True, slug="rescue", title="Rescue them now")
    PetitionFactory(campaign=campaign, slug="visas", title="Issue emergency visas")
    letter = LetterTemplateFactory(
        campaign=campaign, kind="targets", slug="ministers", title="Write to the ministers"
    )
    letter.targets.add(TargetFactory(campaign=campaign), TargetFactory(campaign=campaign))
    return campaign


def _pages(campaign) -> list[str]:
    letter = campaign.letter_templates.get()
    return [
        campaign.get_absolute_url(),
        reverse("petitions:detail", kwargs={"slug": "visas"}),
        reverse("petitions:sign", kwargs={"slug": "visas"}),
        letter.get_absolute_url(),
        reverse("letters:write", kwargs={"campaign": campaign.slug, "template": letter.slug}),
    ]


def assert_preview(response):
    assert response.status_code == 200
    assert BANNER in response.text
    assert NOINDEX in response.text
    assert response["X-Robots-Tag"] == "noindex"
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    assert "public" not in cache_control


def test_it_shows_staff_a_draft_campaign_marked_as_a_preview(organiser_client, draft):
    response = organiser_client.get(draft.get_absolute_url())

    assert_preview(response)
    assert "Issue emergency visas" in response.text
    assert reverse("petitions:detail", kwargs={"slug": "visas"}) in response.text
    assert draft.letter_templates.get().get_absolute_url() in response.text


@pytest.mark.parametrize("page", range(5))
def test_it_marks_every_page_of_a_draft_campaign_as_a_preview_for_staff(
    organiser_client, draft, page
):
    assert_preview(organiser_client.get(_pages(draft)[page], follow=True))


def test_it_lets_data_staff_preview_too(client, data_staff, draft):
    client.force_login(data_staff)

    assert_preview(client.get(draft.get_absolute_url()))


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_it_still_answers_404_to_everyone_else(client, outsider, draft, who):
    if who == "outsider":
        client.force_login(outsider)

    for url in _pages(draft):
        assert client.get(url).status_code == 404, url


def test_it_never_serves_a_preview_from_the_cache_of_public_pages(client, organiser_client, draft):
    url = reverse("petitions:detail", kwargs={"slug": "visas"})
    organiser_client.get(url)
    organiser_client.logout()

    assert client.get(url).status_code == 404


def test_it_shows_the_sign_form_disabled_with_a_clear_message(organiser_client, draft):
    response = organiser_client.get(reverse("petitions:sign", kwargs={"slug": "visas"}))

    assert "<fieldset disabled" in response.text
    assert "signing opens when the campaign is published" in response.text


def test_it_refuses_to_sign_from_a_preview(organiser_client, draft):
    response = organiser_client.post(reverse("petitions:sign", kwargs={"slug": "visas"}), SIGNER)

    assert response.status_code == 409
    assert "signing opens when the campaign is published" in response.text
    assert not Signature.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_it_refuses_to_send_a_letter_from_a_preview(organiser_client, draft):
    letter = draft.letter_templates.get()
    url = reverse("letters:write", kwargs={"campaign": draft.slug, "template": letter.slug})

    response = organiser_client.post(
        url,
        {
            "supporter_name": "Sam Supporter",
            "supporter_email": "sam@example.org",
            "supporter_postal_code": "K1A 0A6",
            "subject": "Please act now",
            "body": "Dear Minister,\n\nPlease issue emergency visas now.\n\nSam Supporter",
            "send": "",
        },
    )

    assert response.status_code == 409
    assert "letters can be sent once the campaign is published" in response.text
    assert not Letter.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_it_shows_staff_a_published_campaigns_pages_as_the_public_sees_them(organiser_client):
    campaign = CampaignFactory()
    petition = PetitionFactory(campaign=campaign)

    campaign_page = organiser_client.get(campaign.get_absolute_url())
    petition_page = organiser_client.get(petition.get_absolute_url())

    assert BANNER not in campaign_page.text
    assert BANNER not in petition_page.text
    assert "public" in petition_page["Cache-Control"]
    assert "X-Robots-Tag" not in petition_page


def test_it_links_a_draft_campaigns_admin_page_to_its_preview(organiser_client, draft):
    response = organiser_client.get(reverse("admin:campaign_campaign_change", args=[draft.pk]))

    assert f'href="{draft.get_absolute_url()}"' in response.text
    assert "Preview" in response.text


def test_it_shows_staff_a_call_page_with_the_buttons_disabled(organiser_client, draft):
    page = CallPageFactory(campaign=draft)

    response = organiser_client.get(page.get_absolute_url())

    assert_preview(response)
    assert 'href="tel:' in response.text
    assert '<button type="submit" class="btn btn-primary" disabled>I called' in response.text
    assert "calls are counted once the campaign is published" in response.text


def test_it_refuses_to_count_a_call_from_a_preview(organiser_client, draft):
    page = CallPageFactory(campaign=draft)

    response = organiser_client.post(page.get_absolute_url(), {"office": page.targets.get().pk})

    assert response.status_code == 409
    assert "calls are counted once the campaign is published" in response.text
    assert not Call.objects.exists()
    assert "chorus_caller" not in response.cookies


def test_it_still_answers_404_to_everyone_else_for_a_call_page(client, draft):
    page = CallPageFactory(campaign=draft)

    assert client.get(page.get_absolute_url()).status_code == 404
