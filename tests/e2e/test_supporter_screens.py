"""What supporters see: a campaign's petition and letter pages, with its image and colour, on
a 375-pixel phone and a 1280-pixel screen, in English and in French.

Each test checks that the first action is on the first screen of a 375 x 667 phone and takes
the README's screenshots ("What supporters see"). `make screenshots` (CHORUS_SAVE_SCREENSHOTS=1)
saves them over docs/screenshots/supporter-*.png; other runs keep them in the test's temporary
folder. The test server does not serve uploads (production's proxy does), so the browser is
handed the campaign's image (and its smaller copies) from MEDIA_ROOT, as the proxy would; the
last test checks which of them a phone and a desktop download.
"""

import os
import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from campaign.campaign_images import campaign_image_normalised
from campaign.identities import mailbox_key
from campaign.image_renditions import campaign_image_renditions_write, rendition_name
from petitions import counters
from petitions.models import Signature
from tests.factories import CampaignFactory, LetterTemplateFactory, SourceDocumentFactory
from tests.factories.petitions import PetitionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}
SIGNERS = [
    ("Ada", "Tremblay", "Ottawa Centre"),
    ("Zoé", "Roy", "Papineau"),
    ("Priya", "Singh", "Vancouver Centre"),
    ("Omar", "Haddad", "Calgary Centre"),
]


@pytest.fixture
def live_site(live_server, settings, tmp_path):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    return live_server.url


def _sky_image() -> SimpleUploadedFile:
    """A dawn over hills, drawn here: no photo to license, and bigger than pages serve."""
    image = Image.new("RGB", (1600, 900))
    draw = ImageDraw.Draw(image)
    for y in range(900):
        draw.line([(0, y), (1600, y)], fill=(250 - y // 8, 170 - y // 12, 90 + y // 10))
    draw.ellipse([1050, 380, 1350, 680], fill=(255, 214, 120))
    draw.polygon(
        [(0, 900), (0, 640), (500, 520), (900, 700), (1600, 560), (1600, 900)], (31, 90, 67)
    )
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("dawn.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def campaign(live_site):
    campaign = CampaignFactory(
        slug="safe-passage",
        title="Safe passage for LGBT people fleeing Chechnya",
        title_fr="Un passage sûr pour les personnes LGBT qui fuient la Tchétchénie",
        brand_colour="#1f5a43",
        image_alt="Dawn over green hills",
        image_alt_fr="L'aube sur des collines vertes",
    )
    campaign.image.save("dawn.webp", campaign_image_normalised(_sky_image()))
    campaign_image_renditions_write(image=campaign.image)
    campaign.sources.add(
        SourceDocumentFactory(
            title="Rainbow Railroad: an urgent appeal", url="https://example.org/appeal"
        )
    )
    petition = PetitionFactory(
        campaign=campaign,
        slug="visas",
        title="Issue emergency visas",
        title_fr="Délivrez des visas d'urgence",
        demand="We call on the Government of Canada to issue emergency visas to LGBT people "
        "fleeing persecution in Chechnya.",
        demand_fr="Nous demandons au gouvernement du Canada de délivrer des visas d'urgence aux "
        "personnes LGBT qui fuient la persécution en Tchétchénie.",
        addressed_to="the Minister of Immigration",
        addressed_to_fr="le ministre de l'Immigration",
        goal=5000,
    )
    now = timezone.now()
    Signature.objects.bulk_create(
        Signature(
            petition=petition,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}@example.org",
            email_key=mailbox_key(f"{first.lower()}@example.org"),
            postal_code="K1A 0A6",
            riding_name=riding,
            show_name=True,
            confirmed_at=now - timedelta(minutes=n),
        )
        for n, (first, last, riding) in enumerate(SIGNERS)
    )
    counters.count_rebuild(petition.pk)
    LetterTemplateFactory(campaign=campaign, slug="mp", in_french=True)
    return campaign


@pytest.fixture
def screen(browser, campaign, tmp_path):
    """A page of `viewport` size with JavaScript off (and any other `options` of its browser
    context), and `save(name)` for its screenshot."""
    folder = DOCS_SCREENSHOTS if os.environ.get("CHORUS_SAVE_SCREENSHOTS") == "1" else tmp_path
    media = Path(campaign.image.path).parent
    contexts = []

    def open_page(viewport, **options):
        context = browser.new_context(viewport=viewport, java_script_enabled=False, **options)
        contexts.append(context)
        page = context.new_page()
        page.route(
            "**/media/campaigns/*",
            lambda route: route.fulfill(
                path=media / route.request.url.rsplit("/", 1)[1], content_type="image/webp"
            ),
        )
        return page

    def save(page, name):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / name, full_page=False)

    yield open_page, save
    for context in contexts:
        context.close()


def _above_the_fold(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("language,prefix", [("en", ""), ("fr", "/fr")])
def test_the_petition_page_puts_its_count_and_sign_button_on_a_phones_first_screen(
    screen, live_site, campaign, language, prefix
):
    open_page, save = screen
    phone = open_page(PHONE)

    phone.goto(f"{live_site}{prefix}/petitions/visas/")

    sign = phone.get_by_role("link", name=re.compile("Sign this petition|Signer cette pétition"))
    assert _above_the_fold(phone, sign)
    assert _above_the_fold(phone, phone.locator("progress"))
    assert phone.get_by_role("img").first.get_attribute("alt")
    save(phone, f"supporter-petition-{language}-375.png")
    desktop = open_page(DESKTOP)
    desktop.goto(f"{live_site}{prefix}/petitions/visas/")
    save(desktop, f"supporter-petition-{language}-1280.png")


@pytest.mark.parametrize("language,prefix", [("en", ""), ("fr", "/fr")])
def test_the_letter_page_puts_its_postal_code_form_on_a_phones_first_screen(
    screen, live_site, campaign, language, prefix
):
    open_page, save = screen
    phone = open_page(PHONE)

    phone.goto(f"{live_site}{prefix}{campaign.letter_templates.get().get_absolute_url()}")

    assert _above_the_fold(phone, phone.get_by_role("button", name=re.compile("MP|député")))
    save(phone, f"supporter-letter-{language}-375.png")
    desktop = open_page(DESKTOP)
    desktop.goto(f"{live_site}{prefix}{campaign.letter_templates.get().get_absolute_url()}")
    save(desktop, f"supporter-letter-{language}-1280.png")


def test_the_campaign_page_puts_its_petition_button_on_a_phones_first_screen(
    screen, live_site, campaign
):
    open_page, save = screen
    phone = open_page(PHONE)

    phone.goto(live_site + campaign.get_absolute_url())

    sign = phone.get_by_role("link", name="Sign the petition").first
    assert _above_the_fold(phone, sign)
    save(phone, "supporter-campaign-en-375.png")


@pytest.mark.parametrize(
    "viewport,pixel_ratio,width",
    [(PHONE, 1, 480), (PHONE, 2, 800), (PHONE, 3, None), (DESKTOP, 1, None)],
    ids=["phone", "phone-2x", "phone-3x", "desktop"],
)
def test_the_browser_downloads_the_smallest_copy_of_the_image_that_fills_its_screen(
    screen, live_site, campaign, viewport, pixel_ratio, width
):
    open_page, _save = screen
    page = open_page(viewport, device_scale_factor=pixel_ratio)
    media = []

    def record(request):
        if "/media/" in request.url:
            media.append(request.url)

    page.on("request", record)

    page.goto(f"{live_site}/petitions/visas/")

    image = rendition_name(campaign.image.name, width) if width else campaign.image.name
    assert media == [f"{live_site}/media/{image}"]
