"""The admin for organisers: drafts with their evidence, publish and close."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from campaign.models import CallToAction, Campaign, SourceDocument
from petitions.models import Petition
from tests.campaign.pdf_files import blank_pdf, encrypted_pdf, text_pdf, truncated_pdf
from tests.factories import CampaignFactory, DonationLinkFactory, PetitionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_campaign():
    call_command("import_seeds", stdout=StringIO(), stderr=StringIO())
    return Campaign.objects.get()


def test_it_shows_a_campaign_with_its_drafts_and_their_quoted_evidence(
    organiser_client, seed_campaign
):
    response = organiser_client.get(
        reverse("admin:campaign_campaign_change", args=[seed_campaign.pk])
    )

    assert response.status_code == 200
    drafted = [
        *seed_campaign.petitions.all(),
        *seed_campaign.letter_templates.all(),
        *seed_campaign.donation_links.all(),
    ]
    assert len(drafted) == 5  # the petition, the two letters and the two donation asks
    for item in drafted:
        assert escape(item.source.evidence_quote[:60]) in response.text, item


def test_it_shows_a_source_document_with_its_evidence_marked(organiser_client, seed_campaign):
    action = CallToAction.objects.filter(kind="letter_to_targets").first()

    response = organiser_client.get(
        reverse("admin:campaign_sourcedocument_change", args=[action.document_id])
    )

    assert response.status_code == 200
    assert f'<mark id="cta-{action.pk}"' in response.text


def test_it_publishes_selected_campaigns_and_opens_their_petitions(organiser_client):
    campaign = CampaignFactory(draft=True)
    petition = PetitionFactory(campaign=campaign)

    organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "publish", "_selected_action": [campaign.pk]},
    )

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PUBLISHED
    assert campaign.published_at is not None
    assert Petition.objects.get(pk=petition.pk).is_open


def test_it_changes_a_campaigns_status_only_through_the_publish_and_close_actions(
    organiser_client,
):
    organiser_client.post(
        reverse("admin:campaign_campaign_add"),
        {"title": "Rescue them now", "slug": "rescue", "language": "en", "status": "published"},
    )

    campaign = Campaign.objects.get(slug="rescue")
    assert campaign.status == Campaign.Status.DRAFT
    assert campaign.published_at is None


def test_it_warns_when_a_published_campaign_has_a_donation_link_without_url(organiser_client):
    campaign = CampaignFactory(draft=True)
    DonationLinkFactory(campaign=campaign, organisation="Rainbow Railroad", url="")

    response = organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "publish", "_selected_action": [campaign.pk]},
        follow=True,
    )

    assert "the donation link for Rainbow Railroad has no URL yet" in response.text


def test_it_warns_when_a_published_campaigns_letters_go_to_the_test_address(organiser_client):
    campaign = CampaignFactory(draft=True, test_mode=True)

    response = organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "publish", "_selected_action": [campaign.pk]},
        follow=True,
    )

    assert "letters are in test mode and go to the test address" in response.text


def test_it_closes_selected_campaigns_and_their_petitions(organiser_client):
    campaign = CampaignFactory()
    petition = PetitionFactory(campaign=campaign)

    organiser_client.post(
        reverse("admin:campaign_campaign_changelist"),
        {"action": "close", "_selected_action": [campaign.pk]},
    )

    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED
    assert not Petition.objects.get(pk=petition.pk).is_open


def test_it_lets_data_staff_view_but_not_change_campaigns(client, data_staff):
    campaign = CampaignFactory()
    client.force_login(data_staff)

    url = reverse("admin:campaign_campaign_change", args=[campaign.pk])
    response = client.post(url, {"title": "Hijacked"})

    campaign.refresh_from_db()
    assert client.get(url).status_code == 200
    assert response.status_code == 403
    assert campaign.title != "Hijacked"


def test_it_keeps_outsiders_out_of_the_admin(client, outsider):
    client.force_login(outsider)

    response = client.get(reverse("admin:campaign_campaign_changelist"))

    assert response.status_code == 302


# --- Adding a source document ---------------------------------------------------------------

ADD_DOCUMENT = reverse("admin:campaign_sourcedocument_add")
SEED_000 = (Path(__file__).resolve().parents[2] / "seeds" / "000_d3c0cd3696f39fc9.txt").read_text()
APPEAL = (
    "Write to your MP\n\nPlease contact your MP to ask for more refugee sponsorship places. "
    "Sponsorship saves lives.\n"
)
APPEAL_LINES = [
    "Write to your MP",
    "Please contact your MP to ask for more refugee sponsorship places.",
    "Sponsorship saves lives.",
]


def test_it_drafts_a_new_campaign_from_pasted_text_and_shows_it(organiser_client):
    response = organiser_client.post(ADD_DOCUMENT, {"text": SEED_000, "campaign": ""})

    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:campaign_campaign_review", args=[campaign.pk])
    assert campaign.status == Campaign.Status.DRAFT
    assert campaign.sources.get().text == SEED_000
    assert "emergency visas" in campaign.petitions.get().demand


def test_it_adds_an_uploaded_file_to_the_draft_campaign_chosen(organiser_client):
    campaign = CampaignFactory(draft=True)
    upload = SimpleUploadedFile("appeal.md", APPEAL.encode(), content_type="text/markdown")

    response = organiser_client.post(ADD_DOCUMENT, {"file": upload, "campaign": campaign.pk})

    assert response["Location"] == reverse("admin:campaign_campaign_review", args=[campaign.pk])
    assert campaign.sources.get().file_name == "appeal.md"
    assert campaign.letter_templates.filter(kind="mp").exists()


def test_it_imports_an_html_file_as_its_text(organiser_client):
    html = (
        "<html><head><title>Appeal</title><style>p {color: red}</style></head><body>"
        "<h1>Write to your MP</h1><p>Please contact your <b>MP</b> to ask for more refugee "
        "sponsorship places. Sponsorship saves lives.</p></body></html>"
    )
    upload = SimpleUploadedFile("appeal.html", html.encode(), content_type="text/html")

    organiser_client.post(ADD_DOCUMENT, {"file": upload})

    document = SourceDocument.objects.get()
    assert document.text.startswith("Write to your MP\n\nPlease contact your MP to ask")
    assert "<" not in document.text
    assert "color" not in document.text
    assert Campaign.objects.get().letter_templates.filter(kind="mp").exists()


def test_it_says_the_same_text_is_already_imported_and_offers_what_is_new_in_it(
    organiser_client,
):
    organiser_client.post(ADD_DOCUMENT, {"text": SEED_000})
    document = SourceDocument.objects.get()

    response = organiser_client.post(ADD_DOCUMENT, {"text": SEED_000}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == (
        reverse("admin:campaign_sourcedocument_reread") + f"?ids={document.pk}"
    )
    assert "already imported" in response.text
    assert "Nothing new" in response.text
    assert SourceDocument.objects.count() == 1
    assert Campaign.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("appeal.docx", b"PK\x03\x04", "Upload a .txt, .md, .html or .pdf file"),
        ("appeal.txt", "Pétition".encode("latin-1"), "not UTF-8 text"),
        ("appeal.txt", b"   \n", "empty"),
        ("appeal.txt", b"a\x00b", "binary content"),
        ("appeal.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content: a PNG image"),
        ("appeal.txt", b"PK\x03\x04\x14\x00\x00\x00", "binary content: a zip archive"),
        ("appeal.pdf", encrypted_pdf(*APPEAL_LINES), "protected by a password"),
        ("appeal.pdf", blank_pdf(), "has no text"),
        ("appeal.pdf", truncated_pdf(), "damaged or incomplete"),
    ],
)
def test_it_refuses_an_unusable_file_with_a_form_error(organiser_client, name, content, error):
    upload = SimpleUploadedFile(name, content)

    response = organiser_client.post(ADD_DOCUMENT, {"file": upload})

    assert response.status_code == 200
    assert error in response.text
    assert not SourceDocument.objects.exists()


def test_it_refuses_a_file_over_2_mb_and_stores_nothing(organiser_client):
    upload = SimpleUploadedFile("appeal.txt", b"a" * (2 * 1024 * 1024 + 1))

    response = organiser_client.post(ADD_DOCUMENT, {"file": upload})

    assert "larger than 2 MB" in response.text
    assert not SourceDocument.objects.exists()
    assert not Campaign.objects.exists()


def test_it_drafts_from_a_pdf_with_evidence_exact_to_the_character_of_the_stored_text(
    organiser_client,
):
    upload = SimpleUploadedFile("appeal.pdf", text_pdf(*APPEAL_LINES), "application/pdf")

    response = organiser_client.post(ADD_DOCUMENT, {"file": upload})

    document = SourceDocument.objects.get()
    assert response.status_code == 302
    assert document.file_name == "appeal.pdf"
    assert document.text == "\n".join(APPEAL_LINES) + "\n"
    actions = list(document.calls_to_action.all())
    assert actions
    for action in actions:
        assert document.text[action.evidence_start : action.evidence_end] == action.evidence_quote
    assert Campaign.objects.get().letter_templates.filter(kind="mp").exists()


def test_it_asks_for_the_text_or_a_file(organiser_client):
    response = organiser_client.post(ADD_DOCUMENT, {"text": "  "})

    assert response.status_code == 200
    assert "Paste the document&#x27;s text or choose a file" in response.text
    assert not SourceDocument.objects.exists()


def test_it_adds_documents_only_to_draft_campaigns(organiser_client):
    published = CampaignFactory()

    response = organiser_client.post(ADD_DOCUMENT, {"text": APPEAL, "campaign": published.pk})

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not SourceDocument.objects.exists()


def test_it_lets_only_those_who_may_add_documents_add_one(client, data_staff):
    client.force_login(data_staff)

    response = client.post(ADD_DOCUMENT, {"text": APPEAL})

    assert response.status_code == 403
    assert not SourceDocument.objects.exists()


def test_it_sends_anonymous_visitors_to_the_login_page_instead_of_the_import(client):
    response = client.post(ADD_DOCUMENT, {"text": APPEAL})

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert not SourceDocument.objects.exists()


def test_it_shows_the_import_form_to_organisers(organiser_client):
    response = organiser_client.get(ADD_DOCUMENT)

    assert response.status_code == 200
    assert 'accept=".txt,.text,.md,.html,.htm,.pdf"' in response.text
