"""The extractor against advocacy texts it was not written for.

`extraction_corpus/` holds short action alerts, petitions, union bulletins, newsletters, letters
and news reports that we wrote ourselves in the styles found in the wild; `expected.json` says,
per text, which actions must be found with confidence >= LOW_CONFIDENCE (and that nothing else
may be), and which contact details belong to the organisation and so must never be targets.
"""

import json
import textwrap
from pathlib import Path

import pytest

from campaign.extraction import LOW_CONFIDENCE, CallToAction, extract_document

CORPUS = Path(__file__).resolve().parent / "extraction_corpus"
EXPECTED = {
    name: spec
    for name, spec in json.loads((CORPUS / "expected.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}


def _target_matches(target, wanted: dict) -> bool:
    return all(getattr(target, field) == value for field, value in wanted.items())


def _problems(action: CallToAction, wanted: dict) -> list[str]:
    """What differs between a found action and an expected one ([] when it matches)."""
    problems = []
    if action.kind != wanted["kind"]:
        return [f"kind {action.kind}"]
    for piece in wanted.get("text", []):
        if piece.casefold() not in action.text.casefold():
            problems.append(f"text {action.text!r} lacks {piece!r}")
    for field in ("addressee", "organisation"):
        if field in wanted and getattr(action, field) != wanted[field]:
            problems.append(f"{field} {getattr(action, field)!r} != {wanted[field]!r}")
    for target in wanted.get("targets", []):
        if not any(_target_matches(found, target) for found in action.targets):
            problems.append(f"no target {target} in {[t.to_dict() for t in action.targets]}")
    if "talking_points" in wanted and len(action.talking_points) != wanted["talking_points"]:
        problems.append(f"talking points {action.talking_points}")
    if wanted.get("letter_body", "") not in action.letter_body:
        problems.append(f"letter body lacks {wanted['letter_body']!r}")
    if wanted.get("evidence", "") not in action.evidence.quote:
        problems.append(f"evidence {action.evidence.quote!r} lacks {wanted['evidence']!r}")
    if "quote" in wanted and action.evidence.quote != wanted["quote"]:
        problems.append(f"evidence {action.evidence.quote!r} != {wanted['quote']!r}")
    return problems


@pytest.fixture(params=sorted(EXPECTED), ids=lambda name: name.removesuffix(".txt"))
def case(request):
    text = (CORPUS / request.param).read_text(encoding="utf-8")
    return text, extract_document(text), EXPECTED[request.param]


def test_it_finds_exactly_the_expected_confident_actions(case):
    _, document, spec = case
    unmatched = [a for a in document.actions if a.confidence >= LOW_CONFIDENCE]
    failures = []
    for wanted in spec["actions"]:
        attempts = [(action, _problems(action, wanted)) for action in unmatched]
        matching = [action for action, problems in attempts if not problems]
        if matching:
            unmatched.remove(matching[0])
            continue
        near = [f"{a.kind} {a.text!r}: {p}" for a, p in attempts if a.kind == wanted["kind"]]
        failures.append(f"missing {wanted['kind']} {wanted}; same kind found: {near}")
    failures.extend(f"unexpected {a.kind} {a.text!r} ({a.confidence})" for a in unmatched)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "name", [name for name, spec in sorted(EXPECTED.items()) if "title" in spec]
)
def test_it_extracts_the_title(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert extract_document(text).title == EXPECTED[name]["title"]


def test_it_never_targets_the_organisations_own_contacts(case):
    _, document, spec = case
    for action in document.actions:
        for target in action.targets:
            assert target.email not in spec.get("not_targets", []), action
            assert target.phone not in spec.get("not_targets", []), action


def test_it_quotes_evidence_verbatim(case):
    text, document, _ = case
    for action in document.actions:
        assert text[action.evidence.start : action.evidence.end] == action.evidence.quote


def test_the_corpus_holds_every_file_and_enough_news():
    files = {path.name for path in CORPUS.glob("*.txt")}
    assert files == set(EXPECTED)
    assert len(files) >= 20
    assert sum(1 for spec in EXPECTED.values() if not spec["actions"]) >= 5


_VERBATIM = {"evidence", "letter_body"}


def _summary(document) -> list[dict]:
    """What each action says; where it was found, and the letter copied verbatim, aside."""
    return [
        {key: value for key, value in action.to_dict().items() if key not in _VERBATIM}
        for action in document.actions
    ]


def _with_no_break_spaces(text: str) -> str:
    # Scraped pages put no-break spaces in arbitrary places; every fifth space will do.
    parts = text.split(" ")
    return (
        "".join(
            part + ("\u00a0" if index % 5 == 4 else " ") for index, part in enumerate(parts[:-1])
        )
        + parts[-1]
    )


def _hard_wrapped(text: str, width: int = 72) -> str:
    # Plain-text email: every line longer than `width` characters wrapped, lists and all.
    return "\n".join(
        wrapped
        for line in text.split("\n")
        for wrapped in (
            textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
            if len(line) > width
            else [line]
        )
    )


@pytest.mark.parametrize(
    "variant",
    [
        lambda text: text.replace("\n", "\r\n"),
        _with_no_break_spaces,
        _hard_wrapped,
        # Narrow mail clients and phone-width newsletters split roles, names and addresses.
        lambda text: _hard_wrapped(text, 60),
        lambda text: _hard_wrapped(text, 50),
        lambda text: _hard_wrapped(text, 40),
        # Forwarded or replied to: every line behind a "> " mark.
        lambda text: "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n")),
        lambda text: "\n".join(
            f"    {line}" if line.strip() else line for line in text.split("\n")
        ),
    ],
    ids=[
        "windows_line_endings",
        "no_break_spaces",
        "hard_wrapped",
        "hard_wrapped_60",
        "hard_wrapped_50",
        "hard_wrapped_40",
        "quoted_reply",
        "indented",
    ],
)
def test_it_reads_other_whitespace_and_wrapping_the_same(case, variant):
    text, document, _ = case
    changed = variant(text)
    found = extract_document(changed)
    assert _summary(found) == _summary(document)
    for action in found.actions:
        assert changed[action.evidence.start : action.evidence.end] == action.evidence.quote
