"""The demand a document states as its own (`document_demand`), one mechanism with one table of
cues per language: through the whole extraction in English and French, then the function
itself on actions built by hand. Texts of our own."""

import dataclasses

from campaign.extraction import (
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    LOW_CONFIDENCE,
    PETITION,
    extract_actions,
)
from campaign.extraction.document_demand import _CUES, give_document_demand
from campaign.extraction.types import CallToAction, Evidence


def _confident(text, language="en"):
    return [a for a in extract_actions(text, language=language) if not a.low_confidence]


def _kind(text, kind, language):
    return [a for a in _confident(text, language) if a.kind == kind]


# English: the one petition read from a page that never speaks of signing


def test_a_position_described_is_the_demand_of_the_email_the_page_offers():
    text = (
        "We have joined the Clean Rivers Coalition, calling on the province to ban new gravel "
        "pits on the Grand River floodplain.\n\n"
        "Residents can send personalised e-mails to their MPP with one click.\n"
    )
    actions = _confident(text)
    assert [a.kind for a in actions] == [LETTER_TO_MP]
    assert "ban new gravel pits" in actions[0].text


def test_a_page_collecting_signatures_keeps_its_petition():
    text = (
        "We have joined the Clean Rivers Coalition, calling on the province to ban new gravel "
        "pits on the Grand River floodplain. Sign the petition today.\n\n"
        "Residents can also send e-mails to their MPP.\n"
    )
    assert PETITION in [a.kind for a in _confident(text)]


# French: the sentence stating the author's own demand (« nous réclamons »)


def test_a_silent_letter_takes_the_documents_own_demand_and_no_petition_is_drafted():
    text = (
        "La municipalité refuse toujours de rouvrir la piscine publique du quartier Saint-Roch. "
        "Au comité des parents, nous réclamons une telle réouverture depuis deux ans.\n\n"
        "Écrivez des courriels aux élus libéraux, faites circuler cette page!"
    )
    [letter] = _kind(text, LETTER_TO_TARGETS, "fr")
    assert "nous réclamons" in letter.text
    assert any("piscine publique" in point for point in letter.talking_points)
    assert not _kind(text, PETITION, "fr")


def test_a_stated_demand_stays_a_petition_when_the_page_asks_to_sign():
    text = (
        "Nous réclamons la réouverture de la piscine publique du quartier Saint-Roch. "
        "Signez la pétition dès aujourd'hui!\n\n"
        "Écrivez aussi aux députés libéraux, faites circuler cette page!"
    )
    assert _kind(text, PETITION, "fr")


# The function itself


def _action(text, document, kind, confidence=0.8):
    start = document.index(text)
    return CallToAction(
        kind=kind,
        text=text,
        evidence=Evidence.of(document, start, start + len(text)),
        confidence=confidence,
    )


_EN_PAGE = (
    "Ontarians who are calling on the Government to fund rural bus routes. "
    "Send customizable e-mails to their MP."
)


def test_english_a_described_position_goes_to_the_channel_and_drafts_no_petition():
    petition = _action(
        "Ontarians who are calling on the Government to fund rural bus routes.", _EN_PAGE, PETITION
    )
    letter = _action("Send customizable e-mails to their MP.", _EN_PAGE, LETTER_TO_MP)
    given = give_document_demand([petition, letter], _EN_PAGE, language="en")
    assert [(a.kind, a.text) for a in given] == [(LETTER_TO_MP, petition.text)]


def test_english_a_weak_channel_cannot_carry_a_described_position():
    petition = _action(
        "Ontarians who are calling on the Government to fund rural bus routes.", _EN_PAGE, PETITION
    )
    # Says something of its own, and is too unsure to carry the demand.
    letter = _action("Send customizable e-mails to their MP.", _EN_PAGE, LETTER_TO_MP, 0.3)
    letter = dataclasses.replace(letter, letter_body="Dear MP, fund the buses.")
    actions = [petition, letter]
    assert give_document_demand(actions, _EN_PAGE, language="en") is actions


def test_english_a_third_person_offer_is_lifted_by_a_confident_demand():
    page = "We call on the city to fund rural bus routes. Send e-mails to their MP."
    petition = _action("We call on the city to fund rural bus routes.", page, PETITION)
    letter = _action("Send e-mails to their MP.", page, LETTER_TO_MP, 0.3)
    given = give_document_demand([petition, letter], page, language="en")
    # A direct "We call on" is not only described: the petition stays.
    assert [a.kind for a in given] == [PETITION, LETTER_TO_MP]
    assert given[1].text == petition.text
    assert given[1].confidence == LOW_CONFIDENCE + 0.1


def test_the_anaphora_rule_is_french_only():
    assert _CUES["fr"].points_back is not None
    assert _CUES["en"].points_back is None and _CUES["en"].own_demand is None


def test_french_a_signing_page_keeps_the_petition_but_the_letter_still_takes_the_demand():
    page = (
        "Nous réclamons la réouverture de la piscine. Signez la pétition. "
        "Écrivez aux élus libéraux."
    )
    petition = _action("Nous réclamons la réouverture de la piscine.", page, PETITION)
    letter = _action("Écrivez aux élus libéraux.", page, LETTER_TO_TARGETS)
    given = give_document_demand([petition, letter], page, language="fr")
    assert [a.kind for a in given] == [PETITION, LETTER_TO_TARGETS]
    assert given[1].text == "Nous réclamons la réouverture de la piscine."
