"""Re-reading stored documents with an upgraded extractor: only what is new is offered, and
nothing the organiser accepted, deleted or declined comes back."""

import dataclasses

import pytest
from django.urls import reverse

from campaign import extraction, services
from campaign.drafts import selectors as draft_selectors
from campaign.drafts import services as draft_services
from campaign.drafts.fingerprints import action_fingerprint, quote_key
from campaign.models import CallToAction, DraftDecision, SourceDocument
from tests.factories import SourceDocumentFactory

pytestmark = pytest.mark.django_db

APPEAL = (
    "Write to your MP\n\nPlease contact your MP to ask for more refugee sponsorship places. "
    "Sponsorship saves lives.\n\n"
    "Rainbow Railroad brings people to safety, and every gift helps it do more.\n"
)
REREAD = reverse("admin:campaign_sourcedocument_reread")
real_extract = extraction.extract_document


@pytest.fixture
def draft():
    return services.documents_import(documents=[("appeal.txt", APPEAL)]).campaign


@pytest.fixture
def document(draft):
    return SourceDocument.objects.get()


def _donation(text: str) -> extraction.CallToAction:
    """The sentence today's extractor does not read as a donation appeal; a newer one might."""
    start = text.index("Rainbow Railroad brings")
    end = text.index("do more.") + len("do more.")
    return extraction.CallToAction(
        kind=extraction.DONATE,
        text="Give to Rainbow Railroad",
        evidence=extraction.Evidence.of(text, start, end),
        confidence=0.9,
        organisation="Rainbow Railroad",
    )


def _moved(action: extraction.CallToAction, text: str) -> extraction.CallToAction:
    """The same ask, its span one character longer (the line break after it)."""
    end = action.evidence.end + 1
    return dataclasses.replace(
        action, evidence=extraction.Evidence.of(text, action.evidence.start, end)
    )


def upgrade_extractor(monkeypatch, change):
    """Make the extractor return `change(text, actions)` instead of its own actions."""

    def upgraded(text):
        found = real_extract(text)
        return dataclasses.replace(found, actions=tuple(change(text, list(found.actions))))

    monkeypatch.setattr(extraction, "extract_document", upgraded)


def finds_a_donation_appeal(text, actions):
    return [*actions, _donation(text)]


def moves_every_span(text, actions):
    return [_moved(action, text) for action in actions]


def test_it_fingerprints_the_same_quote_alike_whatever_its_spacing_and_punctuation():
    quote = "Please contact your MP to ask for more places."

    assert quote_key("  please contact your MP\nto ask for more places ") == quote_key(quote)
    assert action_fingerprint(kind="petition", quote=quote) != action_fingerprint(
        kind="letter_to_mp", quote=quote
    )


def test_it_offers_nothing_when_the_extractor_has_not_changed(document):
    assert draft_selectors.source_document_reread(document=document).offers == ()


def test_it_offers_what_an_upgraded_extractor_finds_that_is_new(monkeypatch, document):
    upgrade_extractor(monkeypatch, finds_a_donation_appeal)

    (offer,) = draft_selectors.source_document_reread(document=document).offers

    assert offer.action.kind == extraction.DONATE
    assert offer.action.evidence.quote.startswith("Rainbow Railroad brings people")


def test_it_offers_nothing_for_a_known_sentence_read_at_other_offsets(monkeypatch, document):
    upgrade_extractor(monkeypatch, moves_every_span)

    assert draft_selectors.source_document_reread(document=document).offers == ()


def test_it_adds_and_drafts_an_offer_the_organiser_ticks(monkeypatch, draft, document):
    upgrade_extractor(monkeypatch, finds_a_donation_appeal)
    (offer,) = draft_selectors.source_document_reread(document=document).offers

    report = draft_services.source_document_reread_apply(document=document, add=[offer.key])

    assert report.added == 1
    assert report.drafted == ["donation: Rainbow Railroad"]
    link = draft.donation_links.get()
    assert link.source.evidence_quote == offer.action.evidence.quote
    assert (
        APPEAL[link.source.evidence_start : link.source.evidence_end] == offer.action.evidence.quote
    )


def test_it_never_offers_again_what_the_organiser_declined(monkeypatch, draft, document):
    upgrade_extractor(monkeypatch, finds_a_donation_appeal)

    report = draft_services.source_document_reread_apply(document=document, add=[])

    assert report.declined == 1
    assert not draft.donation_links.exists()
    assert DraftDecision.objects.get().decision == DraftDecision.Decision.DISMISSED
    assert draft_selectors.source_document_reread(document=document).offers == ()


def test_it_does_not_offer_or_draft_again_a_deleted_item_read_at_other_offsets(
    monkeypatch, draft, document
):
    letter = draft.letter_templates.get()
    draft_services.draft_item_delete(campaign=draft, kind="letter", pk=letter.pk)
    letter.source.delete()  # even with its call to action gone, the decision remains
    upgrade_extractor(monkeypatch, moves_every_span)

    offers = draft_selectors.source_document_reread(document=document).offers
    services.documents_import(documents=[("appeal.txt", APPEAL)])

    assert offers == ()
    assert not draft.letter_templates.exists()


def test_it_does_not_duplicate_an_accepted_item_when_reimported_at_other_offsets(
    monkeypatch, draft, document
):
    letter = draft.letter_templates.get()
    draft_services.draft_item_accept(campaign=draft, kind="letter", pk=letter.pk)
    upgrade_extractor(monkeypatch, moves_every_span)

    report = services.documents_import(documents=[("appeal.txt", APPEAL)])

    assert report.actions_created == 0
    assert report.drafted == []
    assert draft.letter_templates.get() == letter
    assert CallToAction.objects.count() == 1


def test_it_offers_nothing_from_a_document_in_no_campaign():
    document = SourceDocumentFactory(text=APPEAL)

    result = draft_selectors.source_document_reread(document=document)

    assert result.campaign is None
    assert result.offers == ()


# --- In the admin ---------------------------------------------------------------------------


def test_the_admin_action_opens_the_offers_of_the_selected_documents(
    organiser_client, monkeypatch, document
):
    upgrade_extractor(monkeypatch, finds_a_donation_appeal)

    response = organiser_client.post(
        reverse("admin:campaign_sourcedocument_changelist"),
        {"action": "reread", "_selected_action": [document.pk]},
        follow=True,
    )

    assert response.redirect_chain[0][0] == f"{REREAD}?ids={document.pk}"
    assert "Rainbow Railroad brings people to safety" in response.text
    assert 'name="add"' in response.text


def test_the_admin_adds_the_ticked_offers_and_opens_the_review(
    organiser_client, monkeypatch, draft, document
):
    upgrade_extractor(monkeypatch, finds_a_donation_appeal)
    (offer,) = draft_selectors.source_document_reread(document=document).offers

    response = organiser_client.post(f"{REREAD}?ids={document.pk}", {"add": [offer.key]})

    assert response["Location"] == reverse("admin:campaign_campaign_review", args=[draft.pk])
    assert draft.donation_links.get().organisation == "Rainbow Railroad"


def test_the_admin_shows_a_re_read_link_on_a_documents_page(organiser_client, document):
    response = organiser_client.get(
        reverse("admin:campaign_sourcedocument_change", args=[document.pk])
    )

    assert f"{REREAD}?ids={document.pk}" in response.text


def test_it_lets_only_those_who_may_change_documents_re_read_them(
    client, data_staff, monkeypatch, draft, document
):
    upgrade_extractor(monkeypatch, finds_a_donation_appeal)
    client.force_login(data_staff)
    (offer,) = draft_selectors.source_document_reread(document=document).offers

    response = client.post(f"{REREAD}?ids={document.pk}", {"add": [offer.key]})

    assert response.status_code == 403
    assert not draft.donation_links.exists()


def test_it_sends_anonymous_visitors_to_the_login_page_instead_of_re_reading(client, document):
    response = client.get(f"{REREAD}?ids={document.pk}")

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
