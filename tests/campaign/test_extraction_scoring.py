"""The extraction scorer (campaign/extraction/scoring.py) and `manage.py extraction_report`.

The matching rule is the real corpus's (tests/campaign/extraction_real/README.md). Labels come
from the tiny corpora in extraction_scoring_fixtures/; extracted actions are written here, so
these tests measure the scorer, not the extractor. No test here has database access (pytest-django
refuses it), so the command is also shown never to open the database.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from campaign.extraction import CallToAction, Evidence, ExtractedDocument, Target
from campaign.extraction.scoring import (
    CorpusError,
    is_placeholder_email,
    load_corpus,
    match_actions,
    read_label,
    score_corpus,
    score_text,
)

FIXTURES = Path(__file__).resolve().parent / "extraction_scoring_fixtures"
CORPUS = FIXTURES / "corpus"


def _label(text_id: str):
    return read_label(CORPUS / "labels" / f"{text_id}.json")


def _action(kind: str, text: str = "", confidence: float = 0.9, **fields) -> CallToAction:
    return CallToAction(
        kind=kind, text=text, evidence=Evidence(0, 0, ""), confidence=confidence, **fields
    )


def _score(text_id: str, *actions: CallToAction):
    return score_text(text_id, _label(text_id), ExtractedDocument("", None, tuple(actions)))


def _minister(email: str = "minister.mecp@ontario.ca") -> Target:
    return Target(name="Andrea Khanjin", role="Minister of the Environment", email=email)


# --- The matching rule -----------------------------------------------------------------------


def test_it_matches_only_an_action_of_the_labelled_kind():
    text = "Cancel the interchange and protect the Rouge wetlands"
    petition = _label("en-alert-001").actions[0]

    assert match_actions([petition], [_action("letter_to_mp", text)]) == []
    assert match_actions([petition], [_action("petition", text)]) == [(0, 0)]


def test_it_needs_at_least_half_the_demand_keywords():
    petition = _label("en-alert-001").actions[0]  # cancel, interchange, wetlands

    assert match_actions([petition], [_action("petition", "Cancel the highway plan")]) == []
    assert match_actions([petition], [_action("petition", "Cancel the interchange")]) == [(0, 0)]


def test_it_counts_exactly_half_the_demand_keywords_as_enough():
    letter = _label("en-alert-001").actions[1]  # cancel, interchange
    action = _action("letter_to_targets", "Cancel it", targets=[_minister()])

    assert match_actions([letter], [action]) == [(0, 0)]


def test_it_finds_demand_keywords_in_talking_points_and_letter_body():
    letter = _label("en-alert-001").actions[1]
    action = _action(
        "letter_to_targets",
        "Write to the Minister",
        targets=[_minister()],
        talking_points=["Please cancel the plan."],
        letter_body="Dear Minister, the interchange must not be built.",
    )

    assert match_actions([letter], [action]) == [(0, 0)]


def test_it_finds_demand_keywords_whatever_their_case_and_accents():
    letter = _label("fr-letter-004").actions[0]  # forêt boréale, moratoire
    action = _action(
        "letter_to_targets",
        "PROTÉGEZ LA FORET BOREALE : un MORATOIRE maintenant",
        targets=[Target(email="ministre@mrnf.gouv.qc.ca")],
    )

    assert match_actions([letter], [action]) == [(0, 0)]


def test_it_needs_every_labelled_email_among_the_targets_case_aside():
    letter = _label("en-alert-001").actions[1]
    text = "Ask the Minister to cancel the interchange"
    someone_else = _action("letter_to_targets", text, targets=[_minister("info@ontario.ca")])
    same_address = _action(
        "letter_to_targets", text, targets=[_minister("Minister.MECP@Ontario.ca")]
    )

    assert match_actions([letter], [someone_else]) == []
    assert match_actions([letter], [same_address]) == [(0, 0)]


def test_it_needs_every_labelled_phone_among_the_targets_digits_only():
    call = _label("en-script-002").actions[0]  # 1-866-555-0199
    text = "Call your MP to fund rural transit"
    other_number = _action("call", text, targets=[Target(role="MP", phone="1-866-555-0100")])
    same_number = _action("call", text, targets=[Target(role="MP", phone="(866) 555.0199")])

    assert match_actions([call], [other_number]) == []
    assert match_actions([call], [same_number]) == [(0, 0)]


def test_it_needs_the_donation_organisation_contained_in_the_extracted_one():
    donate = _label("en-donation-003").actions[0]  # Nature Québec

    assert match_actions([donate], [_action("donate", organisation="Nature Canada")]) == []
    assert match_actions(
        [donate], [_action("donate", organisation="the NATURE QUEBEC foundation")]
    ) == [(0, 0)]


def test_it_never_matches_an_action_below_low_confidence():
    petition = _label("en-alert-001").actions[0]
    unsure = _action("petition", "Cancel the interchange", confidence=0.45)

    assert match_actions([petition], [unsure]) == []


def test_it_matches_labels_and_extracted_actions_one_to_one():
    score = _score(
        "en-alert-001",
        _action("petition", "Cancel the interchange and save the wetlands"),
        _action("petition", "Cancel the interchange"),
    )

    figures = score.figures("petition")
    assert (figures.labelled, figures.extracted, figures.matched) == (1, 2, 1)


def test_it_pairs_the_label_with_its_best_match_first():
    petition = _label("en-alert-001").actions[0]
    fair = _action("petition", "Cancel the interchange", confidence=0.95)
    best = _action("petition", "Cancel the interchange, keep the wetlands", confidence=0.6)

    assert match_actions([petition], [fair, best]) == [(0, 1)]


# --- Recall, precision and what should not be there ------------------------------------------


def test_it_leaves_actions_below_low_confidence_out_of_precision():
    score = _score(
        "en-alert-001",
        _action("petition", "Cancel the interchange"),
        _action("letter_to_mp", "Write to your MP", confidence=0.3),
    )

    assert score.figures().extracted == 1
    assert score.figures().precision == 1.0
    assert score.unmatched == []


def test_it_computes_recall_and_precision_over_the_corpus():
    extractions = {
        "en-alert-001": [_action("petition", "Cancel the interchange")],
        "en-script-002": [
            _action("call", "Fund rural transit", targets=[Target(phone="866-555-0199")]),
            _action("call", "Call your MP"),
        ],
    }
    corpus = load_corpus(CORPUS)
    texts = {item.text: item.id for item in corpus.texts}

    def extract(text):
        return ExtractedDocument("", None, tuple(extractions.get(texts[text], ())))

    score = score_corpus(corpus, extract=extract)

    figures = score.figures()
    assert (figures.labelled, figures.extracted, figures.matched) == (5, 3, 2)
    assert (figures.recall, round(figures.precision, 2)) == (0.4, 0.67)
    assert score.figures(language="fr").recall == 0.0
    assert score.figures(batch=2).extracted == 0


def test_it_says_why_a_label_was_missed():
    score = _score(
        "en-alert-001",
        _action("petition", "Save the Rouge"),
        _action("letter_to_targets", "Cancel the interchange", targets=[_minister("a@b.ca")]),
    )

    assert [why for _, why in score.missed] == [
        "nearest 'Save the Rouge': keywords 0/3 (missing: cancel, interchange, wetlands)",
        "nearest 'Cancel the interchange': no target email minister.mecp@ontario.ca",
    ]


def test_it_counts_texts_labelled_with_no_action_that_get_confident_actions():
    drafted = _score("en-news-005", _action("petition", "Cancel the interchange"))
    unsure = _score("en-news-005", _action("petition", "Cancel the interchange", confidence=0.2))

    assert (drafted.figures().extracted, drafted.unmatched[0].kind) == (1, "petition")
    assert unsure.confident == ()


@pytest.mark.parametrize(
    "email",
    [
        "firstname.lastname@ontario.ca",
        "name@parl.gc.ca",
        "minister@example.gc.ca",
        "[email]@ontario.ca",
        "Prénom.Nom@assnat.qc.ca",
        "<your email>@gmail.com",
    ],
)
def test_it_takes_template_and_example_addresses_for_placeholders(email):
    assert is_placeholder_email(email)


@pytest.mark.parametrize(
    "email", ["minister.mecp@ontario.ca", "pm@pm.gc.ca", "info@ecojustice.ca", "nathalie@ndp.ca"]
)
def test_it_takes_real_addresses_for_real_ones(email):
    assert not is_placeholder_email(email)


def test_it_reports_placeholder_and_unlabelled_addresses_as_unexpected():
    score = _score(
        "en-alert-001",
        _action(
            "letter_to_targets",
            "Cancel the interchange",
            targets=[
                _minister(),
                Target(email="firstname.lastname@ontario.ca"),
                Target(email="premier@ontario.ca"),
            ],
        ),
        _action("letter_to_mp", "Write", confidence=0.2, targets=[Target(email="x@ontario.ca")]),
    )

    found = [(a.email, a.placeholder) for a in score.unexpected_addresses]
    assert found == [("firstname.lastname@ontario.ca", True), ("premier@ontario.ca", False)]


def test_it_times_extract_document_alone():
    now = [0.0]

    def extract(text):
        now[0] += 0.25
        return ExtractedDocument("", None, ())

    score = score_corpus(load_corpus(CORPUS), extract=extract, clock=lambda: now[0])

    assert (score.seconds, score.documents_per_second) == (1.5, 4.0)


# --- Validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "problem"),
    [
        ("en-alert-901", "actions[0].kind 'letter' is not one of petition,"),
        ("en-alert-902", "id 'en-alert-092' differs from the file name 'en-alert-902'"),
        ("en-alert-903", "not JSON (Expecting value: line 1"),
        ("en-alert-904", "email 'firstname.lastname@nrcan.gc.ca' is a placeholder"),
        ("en-alert-905", "missing 'batch'"),
        ("en-alert-906", "demand_keywords has 1: give two to four, or none"),
        ("en-news-907", "genre 'alert' differs from the id's"),
        ("en-alert-908", "actions[0].targets[0]: unknown key 'mail'"),
        ("en-alert-909", "organisation is given for a petition, not a donate"),
    ],
)
def test_it_refuses_a_label_that_breaks_the_schema_in_one_line_naming_it(stem, problem):
    path = FIXTURES / "broken_labels" / f"{stem}.json"

    with pytest.raises(CorpusError) as refused:
        read_label(path)

    [line] = refused.value.problems
    assert line.startswith(f"{path}: ")
    assert problem in line


def test_it_refuses_a_text_without_a_label_and_a_label_without_a_text():
    folder = FIXTURES / "broken_corpus"

    with pytest.raises(CorpusError) as refused:
        load_corpus(folder)

    assert refused.value.problems == [
        f"{folder}/labels/en-alert-002.json: no text {folder}/texts/en-alert-002.txt",
        f"{folder}/texts/en-alert-001.txt: no label {folder}/labels/en-alert-001.json",
    ]


# --- manage.py extraction_report -------------------------------------------------------------


def _report(*args) -> str:
    out = io.StringIO()
    call_command("extraction_report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def fake_extractor(monkeypatch):
    """The extractor finds the petition of en-alert-001 and a placeholder in en-opinion-006."""
    texts = {item.text: item.id for item in load_corpus(CORPUS).texts}
    found = {
        "en-alert-001": [_action("petition", "Cancel the interchange", confidence=0.85)],
        "en-opinion-006": [
            _action(
                "letter_to_targets",
                "Write to the Minister and tell her to save the wetlands",
                targets=[Target(email="firstname.lastname@ontario.ca")],
            )
        ],
    }
    monkeypatch.setattr(
        "campaign.extraction.scoring.extract_document",
        lambda text: ExtractedDocument("", None, tuple(found.get(texts[text], ()))),
    )


def test_it_prints_recall_and_precision_per_language_and_kind(fake_extractor):
    lines = _report("--corpus", str(CORPUS)).splitlines()

    assert lines[3].split() == [
        "language",
        "kind",
        "labelled",
        "extracted",
        "matched",
        "recall",
        "precision",
    ]
    assert "en        all                        4          2        1     25%        50%" in lines
    assert "fr        letter_to_targets          1          0        0      0%          —" in lines
    assert "all       petition                   1          1        1    100%       100%" in lines


def test_it_prints_figures_per_batch(fake_extractor):
    lines = _report("--corpus", str(CORPUS)).splitlines()

    assert "1                                    3          1        1     33%       100%" in lines
    assert "2                                    2          1        0      0%         0%" in lines


def test_it_prints_drafts_from_texts_labelled_with_none_addresses_and_speed(fake_extractor):
    report = _report("--corpus", str(CORPUS))

    assert "got actions at or above 0.5: 1 of 2 (en-opinion-006)\n" in report
    assert "do not give): 1, 1 of them placeholders\n" in report
    assert "Speed: 6 documents in " in report
    assert " documents/s (extract_document only)\n" in report


def test_it_lists_missed_labels_and_unmatched_extractions_when_verbose(fake_extractor):
    report = _report("--corpus", str(CORPUS), "--verbose")

    assert (
        "en-alert-001 (batch 1): 2 labelled, 1 extracted, 1 matched\n"
        "  missed     letter_to_targets [cancel, interchange]: "
        "no letter_to_targets extracted at or above 0.5\n"
    ) in report
    assert (
        "  unmatched  letter_to_targets 0.90 "
        "'Write to the Minister and tell her to save the wetlands'\n"
        "  address    firstname.lastname@ontario.ca (placeholder, in a letter_to_targets)\n"
    ) in report
    assert "en-news-005" not in report


def test_it_keeps_only_the_batch_asked_for(fake_extractor):
    report = _report("--corpus", str(CORPUS), "--batch", "2")

    assert ", batch 2 only: 3 texts (batches: 2), 2 labelled actions\n" in report


def test_it_prints_everything_as_json(fake_extractor):
    data = json.loads(_report("--corpus", str(CORPUS), "--json"))

    assert data["figures"]["all"]["all"] == {
        "labelled": 5,
        "extracted": 2,
        "matched": 1,
        "recall": 0.2,
        "precision": 0.5,
    }
    assert data["texts_with_unlabelled_actions"] == ["en-opinion-006"]
    assert [t["id"] for t in data["per_text"]][:2] == ["en-alert-001", "en-donation-003"]


def test_it_fails_naming_a_corpus_folder_that_does_not_exist(tmp_path):
    with pytest.raises(CommandError, match=rf"^{tmp_path}/nowhere: no such corpus folder$"):
        _report("--corpus", str(tmp_path / "nowhere"))


def test_it_fails_naming_a_label_that_does_not_validate(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "labels").mkdir()
    (tmp_path / "texts" / "en-alert-906.txt").write_text("Write to the minister.\n")
    broken = FIXTURES / "broken_labels" / "en-alert-906.json"
    (tmp_path / "labels" / "en-alert-906.json").write_bytes(broken.read_bytes())

    with pytest.raises(CommandError) as failed:
        _report("--corpus", str(tmp_path))

    assert str(failed.value) == (
        f"{tmp_path}/labels/en-alert-906.json: "
        "actions[0].demand_keywords has 1: give two to four, or none"
    )


def test_it_refuses_a_batch_no_label_has():
    with pytest.raises(CommandError, match=r"^--batch 7: no label in .* has it \(batches: 1, 2\)$"):
        _report("--corpus", str(CORPUS), "--batch", "7")


def test_it_runs_from_the_command_line_without_a_database():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.settings",
        # Nothing listens on port 9: any connection attempt would fail the command.
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nothing",
        "REDIS_URL": "redis://127.0.0.1:9/0",
        "SECRET_KEY": "extraction-report-test",
    }
    command = [sys.executable, "manage.py", "extraction_report", "--corpus", str(CORPUS), "--json"]

    done = subprocess.run(
        command, cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["texts"] == 6
