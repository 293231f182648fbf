"""An organiser imports a document in the admin, reviews the draft beside its evidence and
publishes it, in a real browser at desktop size. Takes the README's screenshot of the review."""

import re
from pathlib import Path

import pytest

from campaign.models import Campaign, DraftDecision

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = (ROOT / "seeds" / "000_d3c0cd3696f39fc9.txt").read_bytes()


@pytest.fixture
def organiser_with_password(organiser):
    organiser.set_password("organiser-password")
    organiser.save()
    return organiser


def test_an_organiser_uploads_a_document_reviews_the_draft_and_publishes_it(
    desktop, screenshot, live_server, organiser_with_password
):
    desktop.goto(live_server.url + "/admin/campaign/sourcedocument/add/")
    desktop.get_by_label("Username").fill(organiser_with_password.username)
    desktop.get_by_label("Password").fill("organiser-password")
    desktop.get_by_role("button", name="Log in").click()

    desktop.get_by_label("Or a file").set_input_files(
        {"name": "chechnya-appeal.txt", "mimeType": "text/plain", "buffer": SEED_000}
    )
    desktop.get_by_role("button", name="Import and draft").click()

    assert re.search(r"/admin/campaign/campaign/\d+/review/$", desktop.url)
    campaign = Campaign.objects.get()
    petition = campaign.petitions.get()
    evidence = desktop.locator(".chorus-review-evidence blockquote").first
    assert petition.source.evidence_quote[:40] in evidence.inner_text()

    desktop.get_by_role("button", name=f"Accept {petition.title}").click()
    assert "Accepted" in desktop.locator(".chorus-review-decision").first.inner_text()
    screenshot("admin-import-review.png")

    desktop.get_by_role("button", name="Publish this campaign").click()

    assert "Published" in desktop.locator(".messagelist").inner_text()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PUBLISHED
    assert DraftDecision.objects.filter(decision="accepted").count() == 1
