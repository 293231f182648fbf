"""A campaign's look: the image and colour an organiser gives it in the admin, checked and
re-encoded on upload, and what its pages show with them (campaign.branding,
campaign.campaign_images)."""

import re
from io import BytesIO

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from campaign.branding import (
    MINIMUM_CONTRAST,
    contrast_ratio,
    text_colour_on,
    validate_hex_colour,
)
from campaign.campaign_images import IMAGE_MAX_WIDTH, campaign_image_normalised
from campaign.models import Campaign
from tests.factories import CampaignFactory, PetitionFactory, SourceDocumentFactory
from tests.remote_assets import fetched_urls, remote_assets

ADD_CAMPAIGN = reverse("admin:campaign_campaign_add")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_upload(width=40, height=30, *, format="PNG", name="photo.png") -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, format=format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{format.lower()}")


def campaign_form(**fields) -> dict:
    return {"title": "Rescue them now", "slug": "rescue", "language": "en", **fields}


# --- The colour --------------------------------------------------------------------------


def test_it_computes_wcag_contrast_ratios():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)


def test_it_writes_white_on_a_dark_colour_and_black_on_a_light_one():
    assert text_colour_on("#1f3a5f") == "#ffffff"
    assert text_colour_on("#ffd400") == "#000000"


@pytest.mark.parametrize("colour", ["#777777", "#0d6efd", "#e4002b", "#00a651", "#767676"])
def test_its_text_colour_always_reaches_aa_contrast(colour):
    assert contrast_ratio(colour, text_colour_on(colour)) >= MINIMUM_CONTRAST


@pytest.mark.parametrize("colour", ["red", "#12345", "#12345g", "1f6f43", "#1f6f43;}"])
def test_it_refuses_a_colour_that_is_not_hash_and_six_hex_digits(colour):
    with pytest.raises(ValidationError):
        validate_hex_colour(colour)


def test_the_admin_refuses_a_malformed_colour_and_saves_nothing(organiser_client):
    response = organiser_client.post(ADD_CAMPAIGN, campaign_form(brand_colour="blue"))

    assert "Enter a colour as # and six hexadecimal digits" in response.text
    assert not Campaign.objects.exists()


def test_the_admin_keeps_a_colour_in_lower_case(organiser_client):
    organiser_client.post(ADD_CAMPAIGN, campaign_form(brand_colour="#1F6F43"))

    assert Campaign.objects.get().brand_colour == "#1f6f43"


def test_the_theme_stylesheet_sets_the_colour_and_its_text_colour(client, db):
    campaign = CampaignFactory(brand_colour="#ffd400")

    response = client.get(reverse("campaign_theme", kwargs={"slug": campaign.slug}))

    assert response["Content-Type"] == "text/css"
    assert "--chorus-brand: #ffd400;" in response.text
    assert "--chorus-on-brand: #000000;" in response.text
    assert "public" in response["Cache-Control"]


def test_a_campaign_without_a_colour_has_no_theme_stylesheet(client, db):
    campaign = CampaignFactory()

    response = client.get(reverse("campaign_theme", kwargs={"slug": campaign.slug}))

    assert response.status_code == 404
    assert campaign.theme_url == ""


# --- The image ---------------------------------------------------------------------------


def test_it_refuses_a_file_that_is_not_an_image():
    fake = SimpleUploadedFile("photo.png", b"%PDF-1.4 not a picture", content_type="image/png")

    with pytest.raises(ValidationError, match="not an image"):
        campaign_image_normalised(fake)


def test_it_refuses_an_image_over_5_mb():
    big = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024), "image/png")

    with pytest.raises(ValidationError, match="over 5 MB"):
        campaign_image_normalised(big)


def test_it_resizes_a_huge_image_to_a_webp_banner_the_width_of_a_page():
    image = campaign_image_normalised(image_upload(4000, 4000))

    with Image.open(image) as stored:
        assert stored.format == "WEBP"
        assert stored.size == (IMAGE_MAX_WIDTH, 630)
    assert image.name.endswith(".webp")


def test_it_never_enlarges_a_small_image():
    with Image.open(campaign_image_normalised(image_upload(400, 300))) as stored:
        assert stored.size == (400, 210)


def test_the_admin_stores_the_uploaded_image_re_encoded(organiser_client, media):
    organiser_client.post(
        ADD_CAMPAIGN,
        campaign_form(image=image_upload(name="camera.jpg", format="JPEG"), image_alt="People"),
    )

    campaign = Campaign.objects.get()
    assert re.fullmatch(r"campaigns/[0-9a-f]{20}\.webp", campaign.image.name)
    assert (media / campaign.image.name).exists()


def test_the_admin_refuses_a_file_that_is_not_an_image(organiser_client):
    fake = SimpleUploadedFile("photo.jpg", b"just some text", content_type="image/jpeg")

    response = organiser_client.post(ADD_CAMPAIGN, campaign_form(image=fake, image_alt="x"))

    assert response.status_code == 200
    assert "errornote" in response.text
    assert not Campaign.objects.exists()


def test_the_admin_requires_a_description_of_the_image(organiser_client):
    response = organiser_client.post(ADD_CAMPAIGN, campaign_form(image=image_upload()))

    assert "Describe the image for people who cannot see it." in response.text
    assert not Campaign.objects.exists()


def test_data_staff_cannot_change_a_campaigns_look(client, data_staff):
    campaign = CampaignFactory()
    client.force_login(data_staff)

    response = client.post(
        reverse("admin:campaign_campaign_change", args=[campaign.pk]),
        campaign_form(brand_colour="#000000"),
    )

    assert response.status_code == 403
    campaign.refresh_from_db()
    assert campaign.brand_colour == ""


# --- The pages ---------------------------------------------------------------------------


@pytest.fixture
def branded(db, media):
    campaign = CampaignFactory(
        slug="passage",
        title="Safe passage",
        brand_colour="#1f6f43",
        image_alt="People at a border crossing",
        image_alt_fr="Des personnes à un poste frontalier",
    )
    campaign.image.save("hero.webp", campaign_image_normalised(image_upload()))
    source = SourceDocumentFactory(title="Rainbow Railroad appeal", url="https://example.org/a")
    campaign.sources.add(source, SourceDocumentFactory(title="A leaflet", url=""))
    PetitionFactory(campaign=campaign, slug="visas", goal=0)
    return campaign


def petition_page(client, prefix=""):
    return client.get(prefix + reverse("petitions:detail", kwargs={"slug": "visas"})).text


def test_the_petition_page_shows_the_image_with_its_description_and_the_colour(client, branded):
    html = petition_page(client)

    assert f'src="{branded.image.url}" alt="People at a border crossing"' in html
    assert 'fetchpriority="high"' in html
    assert f'<link rel="stylesheet" href="{branded.theme_url}">' in html


def test_a_shared_link_shows_the_organisers_image_as_its_preview_card(client, branded):
    html = petition_page(client)

    assert f'<meta property="og:image" content="{settings.SITE_URL}{branded.image.url}">' in html


def test_a_french_page_describes_the_image_in_french(client, branded):
    assert 'alt="Des personnes à un poste frontalier" lang="fr"' in petition_page(client, "/fr")


def test_the_petition_page_aims_at_the_next_milestone_when_there_is_no_goal(client, branded):
    html = petition_page(client)

    assert "<strong>0</strong> of 100 signatures" in html
    assert 'max="100" value="0"' in html


def test_the_sign_button_comes_before_the_demand(client, branded):
    main = petition_page(client).split('<main id="main"')[1]

    assert main.index("Sign this petition") < main.index("Issue emergency visas to LGBT")


def test_the_pages_link_sources_to_their_addresses_when_known(client, branded):
    for html in (petition_page(client), client.get(branded.get_absolute_url()).text):
        assert '<a href="https://example.org/a" rel="noopener" lang="en">Rainbow Railroad' in html
        assert '<span lang="en">A leaflet</span>' in html


def test_the_campaign_page_leads_with_the_petitions_count_and_button(client, branded):
    html = client.get(branded.get_absolute_url()).text

    assert "<strong>0</strong> of 100 signatures" in html
    assert html.index("btn-chorus") < html.index("What you can do")


@pytest.mark.parametrize(
    "path", ["/petitions/visas/", "/campaigns/passage/", "/fr/petitions/visas/"]
)
def test_the_pages_load_nothing_from_another_site(client, branded, path):
    html = client.get(path).text

    assert len(fetched_urls(html)) >= 4  # Bootstrap, chorus.css, the theme, the image
    assert remote_assets(html) == []
