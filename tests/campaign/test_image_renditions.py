"""A campaign image's smaller copies for phones: written at upload and by
`manage.py write_image_renditions`, offered by the hero in `srcset` (campaign.image_renditions)."""

import re
from io import BytesIO, StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image, ImageDraw

from campaign.campaign_images import campaign_image_normalised
from campaign.image_renditions import (
    campaign_image_renditions_write,
    campaign_image_srcset,
    rendition_name,
)
from campaign.models import Campaign
from petitions import local_cache
from tests.factories import CampaignFactory, PetitionFactory
from tests.remote_assets import fetched_urls, remote_assets

ADD_CAMPAIGN = reverse("admin:campaign_campaign_add")
PHONE_AND_TABLET_SIZES = "(min-width: 768px) 696px, (min-width: 576px) 516px, calc(100vw - 1.5rem)"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def _no_cached_pages():
    """Petition pages are kept in the process's memory: neither see another test's."""
    local_cache.clear()
    yield
    local_cache.clear()


def image_upload(width: int, height: int) -> SimpleUploadedFile:
    """A JPEG photo's stand-in: stripes, so that its copies are not all the same bytes."""
    image = Image.new("RGB", (width, height), (30, 90, 160))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 16):
        draw.line([(x, 0), (x, height)], fill=(240, 200, 60), width=4)
    buffer = BytesIO()
    image.save(buffer, format="JPEG")
    return SimpleUploadedFile("camera.jpg", buffer.getvalue(), content_type="image/jpeg")


def admin_upload(client, upload: SimpleUploadedFile) -> Campaign:
    client.post(
        ADD_CAMPAIGN,
        {
            "title": "Rescue them now",
            "slug": "rescue",
            "language": "en",
            "image": upload,
            "image_alt": "People at a border crossing",
        },
    )
    return Campaign.objects.get()


def stored_campaign(width: int, height: int, **fields) -> Campaign:
    """A campaign whose image was stored without copies, as before they existed."""
    campaign = CampaignFactory(image_alt="People at a border crossing", **fields)
    campaign.image.save("hero.webp", campaign_image_normalised(image_upload(width, height)))
    return campaign


def size_of(name: str) -> tuple[int, int]:
    with default_storage.open(name) as file, Image.open(file) as image:
        assert image.format == "WEBP"
        return image.size


def hero_img(html: str) -> str:
    return re.search(r'<img class="chorus-hero-image"[^>]*>', html)[0]


# --- Writing the copies ----------------------------------------------------------------------


def test_an_upload_writes_webp_copies_480_and_800_pixels_wide_of_the_same_crop(
    organiser_client,
):
    campaign = admin_upload(organiser_client, image_upload(3000, 2000))

    assert size_of(campaign.image.name) == (1200, 630)
    assert size_of(rendition_name(campaign.image.name, 480)) == (480, 252)
    assert size_of(rendition_name(campaign.image.name, 800)) == (800, 420)


def test_the_copies_are_named_after_the_image_so_they_change_with_its_content(organiser_client):
    campaign = admin_upload(organiser_client, image_upload(3000, 2000))

    stem = re.fullmatch(r"(campaigns/[0-9a-f]{20})\.webp", campaign.image.name)[1]
    assert rendition_name(campaign.image.name, 480) == f"{stem}-480w.webp"
    assert default_storage.exists(f"{stem}-800w.webp")


def test_a_small_image_gets_no_copy_as_wide_as_itself_or_wider(organiser_client):
    campaign = admin_upload(organiser_client, image_upload(700, 500))

    assert size_of(campaign.image.name) == (700, 368)
    assert default_storage.exists(rendition_name(campaign.image.name, 480))
    assert not default_storage.exists(rendition_name(campaign.image.name, 800))


def test_an_image_narrower_than_every_copy_gets_none(db):
    campaign = stored_campaign(400, 300)

    assert campaign_image_renditions_write(image=campaign.image) == []
    assert default_storage.listdir("campaigns")[1] == ["hero.webp"]


def test_writing_the_copies_again_writes_nothing(db):
    campaign = stored_campaign(3000, 2000)
    assert campaign_image_renditions_write(image=campaign.image) == [480, 800]

    assert campaign_image_renditions_write(image=campaign.image) == []
    assert sorted(default_storage.listdir("campaigns")[1]) == [
        "hero-480w.webp",
        "hero-800w.webp",
        "hero.webp",
    ]


def test_the_campaign_is_saved_when_the_copies_cannot_be_written(organiser_client, monkeypatch):
    def broken(*, image):
        raise OSError("disk full")

    monkeypatch.setattr("campaign.admin.campaign_image_renditions_write", broken)

    response = organiser_client.post(
        ADD_CAMPAIGN,
        {
            "title": "Rescue them now",
            "slug": "rescue",
            "language": "en",
            "image": image_upload(3000, 2000),
            "image_alt": "People at a border crossing",
        },
        follow=True,
    )

    assert Campaign.objects.get().image
    assert "smaller copies for phones could not be written" in response.text


# --- The hero --------------------------------------------------------------------------------


def test_the_hero_offers_the_copies_and_the_image_with_their_widths(client, organiser_client):
    campaign = admin_upload(organiser_client, image_upload(3000, 2000))
    url = campaign.image.url.removesuffix(".webp")

    img = hero_img(client.get(campaign.get_absolute_url()).text)

    assert f'src="{campaign.image.url}"' in img
    assert f'srcset="{url}-480w.webp 480w, {url}-800w.webp 800w, {url}.webp 1200w"' in img
    assert 'alt="People at a border crossing" lang="en" fetchpriority="high"' in img
    assert 'decoding="async"' in img


def test_the_hero_lists_only_the_copies_that_exist(db):
    campaign = stored_campaign(3000, 2000)
    campaign_image_renditions_write(image=campaign.image)
    default_storage.delete(rendition_name(campaign.image.name, 800))

    assert campaign_image_srcset(image=campaign.image) == (
        "/media/campaigns/hero-480w.webp 480w, /media/campaigns/hero.webp 1200w"
    )


def test_a_small_images_srcset_gives_its_own_width(db):
    campaign = stored_campaign(700, 500)
    campaign_image_renditions_write(image=campaign.image)

    assert campaign_image_srcset(image=campaign.image) == (
        "/media/campaigns/hero-480w.webp 480w, /media/campaigns/hero.webp 700w"
    )


def test_an_image_stored_without_copies_is_shown_with_src_alone(client, db):
    campaign = stored_campaign(3000, 2000)

    img = hero_img(client.get(campaign.get_absolute_url()).text)

    assert f'src="{campaign.image.url}" alt="People at a border crossing"' in img
    assert "srcset" not in img
    assert "sizes" not in img


def test_the_hero_is_shown_with_src_alone_when_its_image_file_is_gone(client, db):
    campaign = stored_campaign(3000, 2000)
    campaign_image_renditions_write(image=campaign.image)
    default_storage.delete(campaign.image.name)

    img = hero_img(client.get(campaign.get_absolute_url()).text)

    assert "srcset" not in img


def test_the_heros_sizes_follow_the_page_container_at_each_breakpoint(client, db):
    campaign = stored_campaign(3000, 2000)
    campaign_image_renditions_write(image=campaign.image)

    img = hero_img(client.get(campaign.get_absolute_url()).text)

    assert (
        'sizes="(min-width: 1400px) 1296px, (min-width: 1200px) 1116px, '
        f'(min-width: 992px) 936px, {PHONE_AND_TABLET_SIZES}"'
    ) in img


def test_the_heros_sizes_follow_the_petitions_narrower_column(client, db):
    campaign = stored_campaign(3000, 2000)
    campaign_image_renditions_write(image=campaign.image)
    petition = PetitionFactory(campaign=campaign)

    img = hero_img(client.get(petition.get_absolute_url()).text)

    assert f'sizes="(min-width: 992px) 54rem, {PHONE_AND_TABLET_SIZES}"' in img


@pytest.mark.parametrize("prefix", ["", "/fr"])
def test_pages_with_copies_load_them_from_this_site_only(client, db, prefix):
    campaign = stored_campaign(3000, 2000, slug="passage")
    campaign_image_renditions_write(image=campaign.image)
    PetitionFactory(campaign=campaign, slug="visas")

    for path in ("/campaigns/passage/", "/petitions/visas/"):
        html = client.get(prefix + path).text
        assert "/media/campaigns/hero-480w.webp" in fetched_urls(html)
        assert remote_assets(html) == []


# --- The command, for images stored before the copies ------------------------------------------


def run_command() -> str:
    out = StringIO()
    call_command("write_image_renditions", stdout=out)
    return out.getvalue()


def test_the_command_writes_the_copies_of_images_stored_without_them(db):
    big, small = stored_campaign(3000, 2000), stored_campaign(700, 500)
    CampaignFactory()  # no image: nothing to do

    assert run_command() == "3 copies written for 2 campaign images.\n"
    assert campaign_image_srcset(image=big.image).count("w, ") == 2
    assert campaign_image_srcset(image=small.image).count("w, ") == 1


def test_the_command_run_twice_writes_nothing_the_second_time(db, media):
    stored_campaign(3000, 2000)
    run_command()
    before = {p.name: p.stat().st_mtime_ns for p in (media / "campaigns").iterdir()}

    assert run_command() == "0 copies written for 1 campaign images.\n"
    assert {p.name: p.stat().st_mtime_ns for p in (media / "campaigns").iterdir()} == before


def test_the_command_names_the_campaigns_whose_image_cannot_be_read_and_fails(db):
    readable = stored_campaign(3000, 2000)
    lost = stored_campaign(3000, 2000, slug="lost")
    lost.image.name = "campaigns/gone.webp"
    lost.save()

    with pytest.raises(CommandError, match=r"The image of 1 campaigns could not be read.*: lost\."):
        run_command()
    assert campaign_image_srcset(image=readable.image)
