"""Corpus loading, sentence units and weak sentence labels for the model experiment.

Not imported by the product or the test suite. See ../EXPERIMENT-model.md.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
KINDS = ("petition", "letter_to_mp", "letter_to_targets", "call", "donate")


def fold(text: str) -> str:
    """Case, accents and typographic apostrophes aside."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass
class Unit:
    start: int
    end: int
    text: str


@dataclass
class Document:
    id: str
    language: str
    genre: str
    batch: int
    text: str
    actions: list[dict]
    units: list[Unit] = field(default_factory=list)
    # gold[i] = set of unit indices expressing action i
    gold: list[set[int]] = field(default_factory=list)
    tiers: list[str] = field(default_factory=list)


# A unit ends at a line break, or after . ! ? … followed by blanks and a capital, digit or quote.
_BOUNDARY = re.compile(
    r"(?<=[.!?\u2026])[\"'\u201d\u00bb)]?\s+(?=[\"'\u201c\u00ab(A-Z\u00c0-\u00dd0-9])"
)


def segment(text: str) -> list[Unit]:
    """Sentences / lines as exact character spans of the text."""
    units: list[Unit] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        cuts = [0] + [m.end() for m in _BOUNDARY.finditer(line)] + [len(line)]
        for a, b in itertools.pairwise(cuts):
            piece = line[a:b]
            stripped = piece.strip()
            if len(stripped) < 2:
                continue
            s = line_start + a + (len(piece) - len(piece.lstrip()))
            e = s + len(stripped)
            assert text[s:e] == stripped
            units.append(Unit(s, e, stripped))
    return units


# Channel cues: how a sentence says *which* kind of action it is (folded text).
CUES = {
    "petition": r"petition|\bsign|signez|signer|signature",
    "letter": (
        r"\bwrit|letter|e-?mail|courriel|lettre|\becri|\becrivez|message|\bsend\b|envoy"
        r"|\bdear\b|madame|monsieur|\bcher\b|\bchere\b|\bm\.?p\.?\b|\bmpp\b|depute"
        r"|sincerely|cordialement|salutations|\bto the honourable|\bhonourable"
    ),
    "call": (r"\bcall|phone|\bdial|appel|telephon|voicemail|\(\d{3}\)|\d{3}[-. ]\d{3}[-. ]\d{4}"),
    "donate": (
        r"donat|\bdon\b|\bdons\b|\bgive\b|\bgift|\bdonne|contribu|\$|chip in|soutenez"
        r"|\bfund|\bsupport (?:us|our)"
    ),
}
CUE_RE = {k: re.compile(v) for k, v in CUES.items()}


def cue_for(kind: str) -> re.Pattern[str]:
    return CUE_RE["letter" if kind.startswith("letter") else kind]


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


_STOP = {
    "the",
    "and",
    "your",
    "their",
    "of",
    "for",
    "to",
    "des",
    "les",
    "la",
    "le",
    "du",
    "de",
    "et",
    "aux",
    "with",
    "minister",
    "ministre",
    "all",
    "other",
    "members",
    "member",
}


def specifics(action: dict) -> tuple[list[str], list[str], list[str]]:
    """Folded keywords (demand words, target names/roles, organisation), phone digits, emails."""
    words = [fold(w) for w in action.get("demand_keywords", [])]
    if action.get("organisation"):
        words.append(fold(action["organisation"]))
    for t in action.get("targets", []):
        for key in ("name", "role"):
            if t.get(key):
                words += [w for w in re.findall(r"[\w-]{4,}", fold(t[key])) if w not in _STOP]
    phones = [_digits(p)[-7:] for p in action.get("phones", [])]
    phones += [_digits(t["phone"])[-7:] for t in action.get("targets", []) if t.get("phone")]
    emails = [fold(t["email"]) for t in action.get("targets", []) if t.get("email")]
    return words, [p for p in phones if len(p) == 7], emails


def weak_gold(doc: Document) -> None:
    """For each labelled action, the units that express it (see EXPERIMENT-model.md).

    Tier A: the kind's channel cue and one of the action's specifics (a demand keyword, a
    target's name or role word, the organisation, a phone, an email). Tier B: the cue alone.
    Tier C: specifics alone. The first non-empty tier is the gold set.
    """
    folded = [fold(u.text) for u in doc.units]
    doc.gold, doc.tiers = [], []
    for action in doc.actions:
        words, phones, emails = specifics(action)
        cue = cue_for(action["kind"])
        has_cue = {i for i, f in enumerate(folded) if cue.search(f)}
        has_spec = set()
        for i, f in enumerate(folded):
            digits = _digits(f)
            if (
                any(w and w in f for w in words)
                or any(p in digits for p in phones)
                or any(e in f for e in emails)
            ):
                has_spec.add(i)
        for tier, found in (("A", has_cue & has_spec), ("B", has_cue), ("C", has_spec)):
            if found:
                doc.gold.append(found)
                doc.tiers.append(tier)
                break
        else:
            doc.gold.append(set())
            doc.tiers.append("-")


def load_corpus() -> list[Document]:
    docs = []
    for label_path in sorted((CORPUS / "labels").glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        text = (CORPUS / "texts" / f"{label['id']}.txt").read_text(encoding="utf-8")
        doc = Document(
            id=label["id"],
            language=label["language"],
            genre=label["genre"],
            batch=label["batch"],
            text=text,
            actions=label["actions"],
        )
        doc.units = segment(text)
        weak_gold(doc)
        docs.append(doc)
    return docs


def unit_labels(doc: Document) -> list[set[str]]:
    """The kinds each unit expresses (a unit may express several)."""
    labels: list[set[str]] = [set() for _ in doc.units]
    for action, gold in zip(doc.actions, doc.gold, strict=True):
        for i in gold:
            labels[i].add(action["kind"])
    return labels
