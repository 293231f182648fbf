"""Sharing a campaign: source codes, the drawn share image, preview cards and share links on
the campaign and call pages, and the embed code the admin shows organisers."""

import io
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from campaign import share_images
from campaign.sharing import source_clean, with_source
from tests.factories import CallPageFactory, CampaignFactory, OfficeFactory
from tests.factories.letters import LetterTemplateFactory
from tests.factories.petitions import PetitionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("newsletter", "newsletter"),
        ("share-x", "share-x"),
        ("partner_2", "partner_2"),
        ("a" * 40, "a" * 40),
        ("a" * 41, ""),
        ("Newsletter", ""),
        ("has space", ""),
        ("", ""),
        (None, ""),
        ("<b>", ""),
    ],
)
def test_it_keeps_only_short_lowercase_source_codes(value, kept):
    assert source_clean(value) == kept


def test_it_adds_the_source_to_an_address():
    assert with_source("/petitions/visas/", "share-x") == "/petitions/visas/?source=share-x"
    assert with_source("/a/?b=1", "x") == "/a/?b=1&source=x"
    assert with_source("/a/", "") == "/a/"


def test_the_share_image_is_a_1200_by_630_png(client):
    campaign = CampaignFactory(title="Bring them to safety: visas for LGBT Chechens now")

    response = client.get(reverse("campaign:share_image", args=[campaign.slug]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    assert "max-age=604800" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_the_share_image_is_drawn_once_per_campaign_version(client, monkeypatch):
    campaign = CampaignFactory()
    url = reverse("campaign:share_image", args=[campaign.slug])
    drawn = []
    draw = share_images.draw_card
    monkeypatch.setattr(share_images, "draw_card", lambda **kw: drawn.append(kw) or draw(**kw))

    first = client.get(url).content
    second = client.get(url).content
    campaign.title = "A new title"
    campaign.save()
    client.get(url)

    assert first == second
    assert len(drawn) == 2
    assert drawn[1]["title"] == "A new title"


def test_the_share_image_of_a_draft_campaign_is_not_found(client):
    campaign = CampaignFactory(draft=True)

    assert client.get(reverse("campaign:share_image", args=[campaign.slug])).status_code == 404


def test_the_share_image_fits_a_very_long_title():
    png = share_images.draw_card(title="Visas " * 80, footer="Chorus")

    assert Image.open(io.BytesIO(png)).size == (1200, 630)


def test_the_campaign_page_has_a_preview_card_naming_its_image(client):
    campaign = CampaignFactory(in_french=True)

    english = client.get(campaign.get_absolute_url()).text
    french = client.get("/fr" + campaign.get_absolute_url()).text

    assert f'<meta property="og:title" content="{campaign.title}">' in english
    assert f'<meta property="og:title" content="{campaign.title_fr}">' in french
    assert '<meta property="og:locale" content="fr_CA">' in french
    image = f"/campaigns/{campaign.slug}/share.png?v="
    assert image in english
    assert "/fr" + image in french


def test_the_call_page_has_a_preview_card_and_share_links(client):
    campaign = CampaignFactory()
    page = CallPageFactory(campaign=campaign)
    OfficeFactory(campaign=campaign)

    html = unescape(client.get(page.get_absolute_url()).text)

    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert "source%3Dshare-facebook" in html
    assert "Share on X (Twitter)" in html


def test_the_admin_shows_organisers_the_embed_code(organiser_client):
    campaign = CampaignFactory(partner_origins="https://partner.example")
    PetitionFactory(campaign=campaign, slug="visas")
    LetterTemplateFactory(campaign=campaign, slug="write")

    page = organiser_client.get(reverse("admin:campaign_campaign_change", args=[campaign.pk]))

    html = unescape(page.text)
    assert page.status_code == 200
    assert '<iframe src="http://' in html
    assert '/embed/petitions/visas/" title="Petition: Issue emergency visas"' in html
    assert f"/embed/letters/{campaign.slug}/write/" in html
    assert 'loading="lazy" width="100%"' in html


def test_a_campaign_refuses_a_partner_origin_that_is_not_https():
    campaign = CampaignFactory(partner_origins="http://partner.example")

    with pytest.raises(ValidationError, match=r"Not valid: http://partner\.example"):
        campaign.full_clean()


def test_someone_without_staff_rights_sees_no_embed_code(client, outsider):
    campaign = CampaignFactory()
    client.force_login(outsider)

    response = client.get(reverse("admin:campaign_campaign_change", args=[campaign.pk]))

    assert response.status_code == 302
