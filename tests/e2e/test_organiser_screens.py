"""Organisers and data staff in the admin, on a 1280-pixel screen, in a real browser.

Each test also takes the screenshot the README's organisers' guide shows. `make screenshots`
(CHORUS_SAVE_SCREENSHOTS=1) saves them over docs/screenshots/*.png, to commit when a page
changes; other runs save them in the test's temporary folder, so `make test` leaves the
checkout as it found it.
"""

import random
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.identities import mailbox_key
from letters.purposes import LetterPurpose
from petitions.models import Signature
from tests.factories import (
    CallFactory,
    CallPageFactory,
    CampaignFactory,
    LetterTemplateFactory,
    OfficeFactory,
    OutboundEmailFactory,
)
from tests.factories.directory import RepresentativeFactory, RidingFactory
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.petitions import PetitionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RIDINGS = [
    ("35079", "Ottawa Centre", "ON", "Yasir Naqvi"),
    ("24054", "Papineau", "QC", "Mona Fortier"),
    ("59001", "Vancouver Centre", "BC", "Hedy Fry"),
    ("48010", "Calgary Centre", "AB", "Greg McLean"),
]
FIRST_NAMES = ["Ada", "Zoé", "Jean", "Priya", "Omar", "Li", "Marie", "Sam", "Noor", "Luc"]
LAST_NAMES = ["Tremblay", "Roy", "Singh", "Nguyen", "Martin", "Gagnon", "Smith", "Haddad"]


@pytest.fixture
def live_site(live_server, settings):
    settings.SITE_URL = live_server.url
    return live_server.url


@pytest.fixture
def campaign():
    """A live campaign a month old: signatures, letters and calls spread over its days."""
    rng = random.Random(14)
    now = timezone.now()
    campaign = CampaignFactory(
        title="Safe passage for LGBT people fleeing Chechnya",
        published_at=now - timedelta(days=29),
    )
    petition = PetitionFactory(
        campaign=campaign,
        title="Issue emergency visas",
        demand="We call on the Government of Canada to issue emergency visas to LGBT people "
        "fleeing persecution in Chechnya.",
        addressed_to="the Minister of Immigration",
    )
    ridings = []
    for code, name, province, mp in RIDINGS:
        riding = RidingFactory(code=code, name_en=name, province=province)
        RepresentativeFactory(riding=riding, name=mp)
        ridings.append(riding)
    signatures = []
    for n in range(420):
        day = min(29, int(rng.expovariate(1 / 6)))  # a launch, then a long tail
        riding = rng.choice(ridings)
        confirmed = rng.random() < 0.85
        signed_at = now - timedelta(days=day, minutes=rng.randint(0, 600))
        signatures.append(
            Signature(
                petition=petition,
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                email=f"signer{n}@example.org",
                email_key=mailbox_key(f"signer{n}@example.org"),
                postal_code=f"{'KHVT'[ridings.index(riding)]}{n % 3 + 1}{'ABC'[n % 3]} 0A{n % 10}",
                province=riding.province,
                riding_code=riding.code,
                riding_name=riding.name_en,
                confirmed_at=signed_at + timedelta(minutes=5) if confirmed else None,
            )
        )
    created = Signature.objects.bulk_create(signatures)
    for signature in created:
        # Signed five minutes before confirming (auto_now_add stamped them all now).
        Signature.objects.filter(pk=signature.pk).update(
            created_at=(signature.confirmed_at or now - timedelta(hours=rng.randint(1, 600)))
            - timedelta(minutes=5)
        )
    template = LetterTemplateFactory(campaign=campaign)
    for n in range(60):
        when = now - timedelta(days=min(29, int(rng.expovariate(1 / 8))))
        riding = rng.choice(ridings)
        letter = LetterFactory(
            template=template,
            status="confirmed",
            confirmed_at=when,
            riding=riding,
            supporter_email=f"writer{n}@example.org",
        )
        email = OutboundEmailFactory(
            purpose=LetterPurpose.LETTER,
            status="sent" if n % 12 else "failed",
            related=letter,
            created_at=when,
        )
        LetterRecipientFactory(
            letter=letter,
            name=RIDINGS[ridings.index(riding)][3],
            email=f"{riding.code}@parl.gc.ca",
            role="Member of Parliament",
            message_id=email.message_id,
        )
    office = OfficeFactory(
        campaign=campaign, name="", role="Minister of Immigration", kind="minister"
    )
    page = CallPageFactory(campaign=campaign, title="Call the Minister's office", offices=[office])
    for n in range(25):
        CallFactory(page=page, created_at=now - timedelta(days=n % 9))
    return campaign


def _log_in(page, live_site, username):
    page.goto(live_site + reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Log in").click()


def test_an_organiser_sees_live_campaigns_on_the_admin_index(
    desktop, screenshot, live_site, organiser, campaign
):
    _log_in(desktop, live_site, organiser.username)

    assert desktop.get_by_role("heading", name="Live campaigns").is_visible()
    row = desktop.get_by_role("row", name=re.compile("Safe passage"))
    assert row.is_visible()
    screenshot("admin-index.png")


def test_an_organiser_opens_a_campaigns_dashboard_from_its_page(
    desktop, screenshot, live_site, organiser, campaign
):
    _log_in(desktop, live_site, organiser.username)
    desktop.goto(live_site + reverse("admin:campaign_campaign_change", args=[campaign.pk]))
    screenshot("campaign-page.png", full_page=False)  # its top: the buttons

    desktop.get_by_role("link", name="Dashboard").click()

    assert desktop.get_by_role("img", name="Signatures per day").first.is_visible()
    assert desktop.get_by_role("heading", name="Letters").is_visible()
    # An organiser is not offered the list of signers.
    assert desktop.get_by_role("link", name=re.compile("Printable list")).count() == 0
    screenshot("campaign-dashboard.png")


def test_data_staff_print_the_delivery_list(desktop, screenshot, live_site, data_staff, campaign):
    petition = campaign.petitions.get()
    _log_in(desktop, live_site, data_staff.username)
    desktop.goto(live_site + reverse("admin:campaign_campaign_dashboard", args=[campaign.pk]))

    desktop.get_by_role("link", name=re.compile("Printable list")).click()

    assert desktop.get_by_role("heading", name=petition.title).is_visible()
    assert desktop.get_by_role("heading", name=re.compile("Ottawa Centre")).is_visible()
    desktop.set_viewport_size({"width": 1280, "height": 1100})
    screenshot("delivery-list.png", full_page=False)  # the first screen, not all


def test_an_organiser_opens_the_letters_report(desktop, screenshot, live_site, organiser, campaign):
    _log_in(desktop, live_site, organiser.username)
    desktop.goto(live_site + reverse("admin:campaign_campaign_dashboard", args=[campaign.pk]))

    desktop.get_by_role("link", name=re.compile("Letters report")).click()

    assert desktop.get_by_role("table", name="Letters sent per recipient").is_visible()
    screenshot("letters-report.png")


def test_an_organiser_adds_a_document_from_the_admin(desktop, screenshot, live_site, organiser):
    _log_in(desktop, live_site, organiser.username)

    desktop.goto(live_site + reverse("admin:campaign_sourcedocument_add"))

    assert desktop.get_by_role("button").filter(has_text=re.compile("Import|Save|Add")).count()
    screenshot("document-add.png")


def test_data_staff_export_the_signatories_of_a_petition(
    desktop, screenshot, live_site, data_staff, campaign
):
    petition = campaign.petitions.get()
    signer = Signature.objects.filter(petition=petition, confirmed_at__isnull=False).first()
    _log_in(desktop, live_site, data_staff.username)
    desktop.goto(live_site + reverse("admin:petitions_petition_change", args=[petition.pk]))

    desktop.get_by_role("link", name="Export signatories").click()
    screenshot("export-signatories.png")
    with desktop.expect_download() as started:
        desktop.get_by_role("button", name="Download CSV").click()
    exported = Path(started.value.path()).read_text(encoding="utf-8-sig")

    header, *rows = exported.splitlines()
    assert "postal" in header.lower()
    assert "@" not in exported  # no email unless asked for
    print(header, rows[:3], signer.first_name, signer.last_name)
    assert any(signer.first_name in row and signer.last_name in row for row in rows)
    confirmed = Signature.objects.filter(petition=petition, confirmed_at__isnull=False).count()
    assert len(rows) == confirmed
