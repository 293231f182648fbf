"""Sanity checks on the five real seed documents (the extractor is not tuned to them).

The seeds live in `<repo>/seeds`; when that folder is missing, `CHORUS_SEEDS_DIR` may point at
another copy. Without either, these tests are skipped.
"""

import datetime
import os
from pathlib import Path

import pytest

from campaign.extraction import (
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    LOW_CONFIDENCE,
    PETITION,
    extract_document,
)


def _seeds_dir() -> Path | None:
    local = Path(__file__).resolve().parents[2] / "seeds"
    if local.is_dir():
        return local
    configured = os.environ.get("CHORUS_SEEDS_DIR")
    if configured and Path(configured).is_dir():
        return Path(configured)
    return None


SEEDS = _seeds_dir()
pytestmark = pytest.mark.skipif(SEEDS is None, reason="seed documents not available")


def _seed(prefix: str) -> str:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def documents():
    return {prefix: (text := _seed(prefix), extract_document(text)) for prefix in _PREFIXES}


_PREFIXES = ("000", "001", "002", "003", "004")


def _confident(document, kind):
    return [a for a in document.actions if a.kind == kind and a.confidence >= LOW_CONFIDENCE]


def test_it_finds_the_petition_to_the_canadian_government_in_000(documents):
    _, document = documents["000"]
    petitions = [
        a
        for a in _confident(document, PETITION)
        if ("Canadian government" in a.addressee or "Liberal government" in a.addressee)
        and any(word in a.text for word in ("emergency visas", "rescue", "resettle"))
    ]
    assert petitions


def test_it_finds_the_letter_to_mp_in_000(documents):
    _, document = documents["000"]
    letters = _confident(document, LETTER_TO_MP)
    assert any("support for immediate government action" in a.text for a in letters)


def test_it_finds_the_rainbow_railroad_donation_in_000(documents):
    _, document = documents["000"]
    assert [a.organisation for a in document.actions if a.kind == DONATE] == ["Rainbow Railroad"]


def test_it_does_not_make_confident_petitions_from_reported_speech_in_000(documents):
    _, document = documents["000"]
    for action in _confident(document, PETITION):
        assert "Alex Neve" not in action.evidence.quote
        assert "She called" not in action.evidence.quote


def test_it_finds_the_three_email_targets_and_talking_points_in_004(documents):
    _, document = documents["004"]
    (letter,) = [a for a in document.actions if a.kind == LETTER_TO_TARGETS]
    assert [(t.role, t.email) for t in letter.targets] == [
        ("Minister of Foreign Affairs", "Chrystia.Freeland@parl.gc.ca"),
        ("Prime Minister", "Justin.Trudeau@parl.gc.ca"),
        ("Russian Ambassador", "info@rusembassy.ca"),
    ]
    assert [t.name for t in letter.targets] == ["Chrystia Freeland", "Justin Trudeau", ""]
    assert letter.talking_points == (
        "Condemn the actions of the authorities in Chechnya",
        "Urge demand the immediate end of the persecution of LGBT people in Russia",
        "That you ask the Canadian government speak out against these atrocities",
    )
    assert not letter.low_confidence


def test_it_merges_the_donation_appeals_of_004(documents):
    _, document = documents["004"]
    (donation,) = [a for a in document.actions if a.kind == DONATE]
    assert donation.organisation == "Canadian Centre for Gender & Sexual Diversity"
    assert not donation.low_confidence


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_it_finds_no_confident_actions_in_news(documents, prefix):
    _, document = documents[prefix]
    assert [a for a in document.actions if a.confidence >= LOW_CONFIDENCE] == []


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", "LGBT people in Chechnya need Canada\u2019s help"),
        ("001", "Canada has quietly been giving asylum to gay Chechens"),
        ("002", "Canadian charity smuggles 31 gay and bi men facing persecution out of Chechnya"),
        ("003", "Canada Grants Asylum To Gays Persecuted In Chechnya"),
        ("004", "Emergency in Chechnya"),
    ],
)
def test_it_extracts_the_titles(documents, prefix, title):
    _, document = documents[prefix]
    assert document.title == title


def test_it_extracts_the_date_of_000(documents):
    _, document = documents["000"]
    assert document.published == datetime.date(2017, 4, 20)


# The news seeds 001-003 yield no actions at all, so there would be nothing to check.
@pytest.mark.parametrize("prefix", ["000", "004"])
def test_it_quotes_evidence_verbatim(documents, prefix):
    text, document = documents[prefix]
    assert document.actions
    for action in document.actions:
        assert text[action.evidence.start : action.evidence.end] == action.evidence.quote
