"""Measuring the extractor on a labelled corpus (tests/campaign/extraction_real/README.md).

Pure Python, no Django. `load_corpus(folder)` reads `texts/<id>.txt` and `labels/<id>.json` and
validates every label; `score_corpus(corpus)` runs `extract_document` on each text and applies
the README's matching rule. Not part of `campaign.extraction`'s public API: it serves
`manage.py extraction_report` and the tests.

The matching rule, as applied here. An extracted action counts only at or above
LOW_CONFIDENCE. It matches a labelled action when

- the kind is the same;
- at least half of the label's demand keywords appear in its text, one of its talking points or
  its letter body (case and accents aside, runs of whitespace as one space, typographic
  apostrophes as ');
- every email of the label's targets is among its targets' emails (case aside);
- every labelled phone (the action's `phones` and its targets' `phone`) is among its targets'
  phones, comparing digits only (a North American number's leading 1 aside);
- the label's donation organisation is contained in its organisation (case and accents aside).

Labels and extracted actions are paired one to one, greedily: the matching pair with the most
keywords found (then the highest confidence) first. Recall is matched labels over labels,
precision matched extracted actions over extracted actions at or above LOW_CONFIDENCE.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .pipeline import extract_document
from .types import (
    CALL,
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    LOW_CONFIDENCE,
    PETITION,
    CallToAction,
    ExtractedDocument,
)

KINDS = (PETITION, LETTER_TO_MP, LETTER_TO_TARGETS, CALL, DONATE)
LANGUAGES = ("en", "fr")
GENRES = ("alert", "letter", "script", "petition", "donation", "news", "opinion")
ID_RE = re.compile(rf"^({'|'.join(LANGUAGES)})-({'|'.join(GENRES)})-(\d{{3,}})$")

_LABEL_KEYS = {"id", "language", "genre", "batch", "source", "actions", "notes"}
_REQUIRED_LABEL_KEYS = ("id", "language", "genre", "batch", "source", "actions")
_ACTION_KEYS = {"kind", "demand_keywords", "targets", "phones", "organisation"}
_TARGET_KEYS = {"name", "role", "email", "phone"}
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Example and template addresses: never a real recipient (README: "only real addresses").
_PLACEHOLDER_LOCAL_PARTS = {
    "firstname.lastname",
    "firstname_lastname",
    "firstnamelastname",
    "first.last",
    "firstname",
    "lastname",
    "name",
    "yourname",
    "your.name",
    "your_name",
    "you",
    "youremail",
    "your.email",
    "email",
    "user",
    "username",
    "someone",
    "prenom.nom",
    "prenom_nom",
    "prenom",
    "nom",
    "votre.nom",
    "votrenom",
    "votre.courriel",
    "courriel",
}
_PLACEHOLDER_MARKS_RE = re.compile(r"[\[\]<>{}()]|__|\.\.\.|xxx")
_PLACEHOLDER_DOMAIN_RE = re.compile(
    r"(?:^|\.)(?:example|exemple)\.|^(?:domain|yourdomain|votredomaine|domaine)\."
)


class CorpusError(Exception):
    """The corpus cannot be measured: each problem is one line naming the file."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class ExtractionCrashed(Exception):
    """extract_document raised on one of the corpus's texts."""


# --- Normalising -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Case and accents aside, whitespace runs as one space, typographic apostrophes as '."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(bare.casefold().split())


def phone_digits(phone: str) -> str:
    """The digits of a phone number, without a North American number's leading 1."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11 and digits.startswith("1"):
        return digits[1:]
    return digits


def is_placeholder_email(email: str) -> bool:
    """True for a template or example address: firstname.lastname@…, name@…, …@example.…"""
    address = normalise(email)
    local, _, domain = address.partition("@")
    return bool(
        _PLACEHOLDER_MARKS_RE.search(address)
        or local in _PLACEHOLDER_LOCAL_PARTS
        or _PLACEHOLDER_DOMAIN_RE.search(domain)
    )


# --- Labels ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledTarget:
    name: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class LabelledAction:
    kind: str
    demand_keywords: tuple[str, ...] = ()
    targets: tuple[LabelledTarget, ...] = ()
    phones: tuple[str, ...] = ()
    organisation: str = ""

    @property
    def emails(self) -> tuple[str, ...]:
        return tuple(t.email.strip().casefold() for t in self.targets if t.email)

    @property
    def all_phones(self) -> tuple[str, ...]:
        """The action's phones, then its targets' phones, as written."""
        return self.phones + tuple(t.phone for t in self.targets if t.phone)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "demand_keywords": list(self.demand_keywords),
            "emails": list(self.emails),
            "phones": list(self.all_phones),
            "organisation": self.organisation,
        }


@dataclass(frozen=True)
class Label:
    id: str
    language: str
    genre: str
    batch: int
    source: str
    actions: tuple[LabelledAction, ...]
    notes: str = ""


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _target_problems(target, where: str) -> list[str]:
    if not isinstance(target, dict):
        return [f"{where} is not an object"]
    problems = [f"{where}: unknown key {key!r}" for key in sorted(set(target) - _TARGET_KEYS)]
    problems += [
        f"{where}.{key} is not a non-empty string"
        for key in sorted(_TARGET_KEYS & set(target))
        if not _is_text(target[key])
    ]
    if not any(key in _TARGET_KEYS for key in target):
        problems.append(f"{where} gives none of name, role, email, phone")
    email = target.get("email")
    if _is_text(email):
        if not _EMAIL_RE.match(email.strip()):
            problems.append(f"{where}.email {email!r} is not an email address")
        elif is_placeholder_email(email):
            problems.append(f"{where}.email {email!r} is a placeholder, not a real address")
    phone = target.get("phone")
    if _is_text(phone) and len(phone_digits(phone)) < 3:
        problems.append(f"{where}.phone {phone!r} has fewer than 3 digits")
    return problems


def _action_problems(action, where: str) -> list[str]:
    if not isinstance(action, dict):
        return [f"{where} is not an object"]
    problems = [f"{where}: unknown key {key!r}" for key in sorted(set(action) - _ACTION_KEYS)]
    kind = action.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}.kind {kind!r} is not one of {', '.join(KINDS)}")
    keywords = action.get("demand_keywords", [])
    if not isinstance(keywords, list) or not all(_is_text(k) for k in keywords):
        problems.append(f"{where}.demand_keywords is not a list of non-empty strings")
    elif len(keywords) == 1 or len(keywords) > 4:
        problems.append(f"{where}.demand_keywords has {len(keywords)}: give two to four, or none")
    targets = action.get("targets", [])
    if not isinstance(targets, list):
        problems.append(f"{where}.targets is not a list")
    else:
        for number, target in enumerate(targets):
            problems += _target_problems(target, f"{where}.targets[{number}]")
    phones = action.get("phones", [])
    if not isinstance(phones, list) or not all(_is_text(p) for p in phones):
        problems.append(f"{where}.phones is not a list of non-empty strings")
    else:
        problems += [
            f"{where}.phones: {phone!r} has fewer than 3 digits"
            for phone in phones
            if len(phone_digits(phone)) < 3
        ]
    if "organisation" in action:
        if not _is_text(action["organisation"]):
            problems.append(f"{where}.organisation is not a non-empty string")
        elif kind != DONATE:
            problems.append(f"{where}.organisation is given for a {kind}, not a donate")
    return problems


def validate_label(data, stem: str | None = None) -> list[str]:
    """What is wrong with a label read from JSON ([] when it follows the README's schema).

    `stem` is the label's file name without `.json`: the id must be the same."""
    if not isinstance(data, dict):
        return ["not a JSON object"]
    problems = [f"unknown key {key!r}" for key in sorted(set(data) - _LABEL_KEYS)]
    problems += [f"missing {key!r}" for key in _REQUIRED_LABEL_KEYS if key not in data]
    label_id = data.get("id")
    id_match = ID_RE.match(label_id) if isinstance(label_id, str) else None
    if "id" in data and not id_match:
        problems.append(
            f"id {label_id!r} is not <language>-<genre>-<nnn> "
            f"(language: {', '.join(LANGUAGES)}; genre: {', '.join(GENRES)})"
        )
    if stem is not None and isinstance(label_id, str) and label_id != stem:
        problems.append(f"id {label_id!r} differs from the file name {stem!r}")
    if "language" in data and data["language"] not in LANGUAGES:
        problems.append(f"language {data['language']!r} is not one of {', '.join(LANGUAGES)}")
    elif id_match and data.get("language") not in (None, id_match.group(1)):
        problems.append(f"language {data['language']!r} differs from the id's")
    if "genre" in data and data["genre"] not in GENRES:
        problems.append(f"genre {data['genre']!r} is not one of {', '.join(GENRES)}")
    elif id_match and data.get("genre") not in (None, id_match.group(2)):
        problems.append(f"genre {data['genre']!r} differs from the id's")
    batch = data.get("batch")
    if "batch" in data and (type(batch) is not int or batch < 1):
        problems.append(f"batch {batch!r} is not a whole number from 1")
    source = data.get("source")
    if "source" in data and not (
        isinstance(source, str) and re.match(r"^https?://\S+$", source.strip())
    ):
        problems.append(f"source {source!r} is not an http(s) address")
    if "notes" in data and not isinstance(data["notes"], str):
        problems.append("notes is not a string")
    actions = data.get("actions")
    if "actions" in data and not isinstance(actions, list):
        problems.append("actions is not a list")
    elif isinstance(actions, list):
        for number, action in enumerate(actions):
            problems += _action_problems(action, f"actions[{number}]")
    return problems


def label_from_dict(data: dict) -> Label:
    """A Label from a dict that validate_label accepted."""
    return Label(
        id=data["id"],
        language=data["language"],
        genre=data["genre"],
        batch=data["batch"],
        source=data["source"].strip(),
        notes=data.get("notes", ""),
        actions=tuple(
            LabelledAction(
                kind=action["kind"],
                demand_keywords=tuple(action.get("demand_keywords", [])),
                targets=tuple(LabelledTarget(**t) for t in action.get("targets", [])),
                phones=tuple(action.get("phones", [])),
                organisation=action.get("organisation", ""),
            )
            for action in data["actions"]
        ),
    )


def read_label(path: Path) -> Label:
    """The label in `path`, or CorpusError with one line naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError([f"{path}: unreadable ({error})"]) from None
    except json.JSONDecodeError as error:
        raise CorpusError([f"{path}: not JSON ({error})"]) from None
    problems = validate_label(data, stem=path.stem)
    if problems:
        raise CorpusError([f"{path}: {'; '.join(problems)}"])
    return label_from_dict(data)


# --- The corpus ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusText:
    id: str
    text: str
    label: Label


@dataclass(frozen=True)
class Corpus:
    folder: Path
    texts: tuple[CorpusText, ...]

    @property
    def batches(self) -> list[int]:
        return sorted({text.label.batch for text in self.texts})

    def only_batch(self, batch: int) -> Corpus:
        return Corpus(self.folder, tuple(t for t in self.texts if t.label.batch == batch))


def _files(folder: Path, suffix: str) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {
        path.stem: path
        for path in sorted(folder.iterdir())
        if path.suffix == suffix and not path.name.startswith(".")
    }


def load_corpus(folder: Path | str) -> Corpus:
    """Every text of `folder` with its validated label, or CorpusError listing every problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError([f"{folder}: no such corpus folder"])
    missing = [
        f"{folder / sub}: no such folder"
        for sub in ("texts", "labels")
        if not (folder / sub).is_dir()
    ]
    if missing:
        raise CorpusError(missing)
    texts, labels = _files(folder / "texts", ".txt"), _files(folder / "labels", ".json")
    problems, found = [], []
    for stem in sorted(labels.keys() - texts.keys()):
        problems.append(f"{labels[stem]}: no text {folder / 'texts' / (stem + '.txt')}")
    for stem, path in texts.items():
        if stem not in labels:
            problems.append(f"{path}: no label {folder / 'labels' / (stem + '.json')}")
            continue
        try:
            label = read_label(labels[stem])
        except CorpusError as error:
            problems += error.problems
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{path}: unreadable as UTF-8 ({error})")
            continue
        if not text.strip():
            problems.append(f"{path}: empty")
            continue
        found.append(CorpusText(id=stem, text=text, label=label))
    if problems:
        raise CorpusError(problems)
    return Corpus(folder=folder, texts=tuple(found))


# --- Matching --------------------------------------------------------------------------------


def _said(action: CallToAction) -> list[str]:
    """What an extracted action says, normalised: its text, talking points and letter body."""
    return [normalise(part) for part in (action.text, *action.talking_points, action.letter_body)]


def keywords_found(labelled: LabelledAction, action: CallToAction) -> list[str]:
    """The label's demand keywords that appear in the action's text, talking points or body."""
    said = _said(action)
    return [k for k in labelled.demand_keywords if any(normalise(k) in part for part in said)]


def mismatches(labelled: LabelledAction, action: CallToAction) -> list[str]:
    """Why `action` does not match `labelled`, confidence aside ([] when it matches)."""
    if action.kind != labelled.kind:
        return [f"kind {action.kind}, not {labelled.kind}"]
    problems = []
    keywords, found = labelled.demand_keywords, keywords_found(labelled, action)
    if 2 * len(found) < len(keywords):
        missing = ", ".join(k for k in keywords if k not in found)
        problems.append(f"keywords {len(found)}/{len(keywords)} (missing: {missing})")
    emails = {t.email.strip().casefold() for t in action.targets if t.email}
    problems += [f"no target email {email}" for email in labelled.emails if email not in emails]
    phones = {phone_digits(t.phone) for t in action.targets if t.phone}
    problems += [
        f"no target phone {phone}"
        for phone in labelled.all_phones
        if phone_digits(phone) not in phones
    ]
    if labelled.organisation and normalise(labelled.organisation) not in normalise(
        action.organisation
    ):
        problems.append(f"organisation {action.organisation!r}, not {labelled.organisation!r}")
    return problems


def match_actions(
    labelled: Sequence[LabelledAction], extracted: Sequence[CallToAction]
) -> list[tuple[int, int]]:
    """Pairs (label index, extracted index), one to one, greedily best first.

    Only extracted actions at or above LOW_CONFIDENCE take part; the best pair is the one with
    the largest share of the label's keywords found, then the highest confidence."""
    candidates = []
    for i, wanted in enumerate(labelled):
        for j, action in enumerate(extracted):
            if action.confidence < LOW_CONFIDENCE or mismatches(wanted, action):
                continue
            keywords = wanted.demand_keywords
            share = len(keywords_found(wanted, action)) / len(keywords) if keywords else 1.0
            candidates.append((-share, -action.confidence, i, j))
    pairs, labels_taken, actions_taken = [], set(), set()
    for _, _, i, j in sorted(candidates):
        if i not in labels_taken and j not in actions_taken:
            pairs.append((i, j))
            labels_taken.add(i)
            actions_taken.add(j)
    return sorted(pairs)


def text_head(text: str, length: int = 70) -> str:
    """The text on one line, cut to `length` characters."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


# --- Scores ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    labelled: int = 0
    extracted: int = 0
    matched: int = 0

    @property
    def recall(self) -> float | None:
        return self.matched / self.labelled if self.labelled else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.extracted if self.extracted else None

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.labelled + other.labelled,
            self.extracted + other.extracted,
            self.matched + other.matched,
        )

    def to_dict(self) -> dict:
        return {
            "labelled": self.labelled,
            "extracted": self.extracted,
            "matched": self.matched,
            "recall": None if self.recall is None else round(self.recall, 4),
            "precision": None if self.precision is None else round(self.precision, 4),
        }


@dataclass(frozen=True)
class UnexpectedAddress:
    """An email among the targets of a confident action that the label does not give."""

    text_id: str
    kind: str
    email: str
    placeholder: bool

    def to_dict(self) -> dict:
        reason = "placeholder" if self.placeholder else "not labelled"
        return {"text": self.text_id, "kind": self.kind, "email": self.email, "reason": reason}


@dataclass(frozen=True)
class TextScore:
    """One text: its labelled actions, its extracted actions (all), and how they pair."""

    id: str
    language: str
    batch: int
    labelled: tuple[LabelledAction, ...]
    actions: tuple[CallToAction, ...]
    pairs: tuple[tuple[int, int], ...]
    seconds: float

    @property
    def confident(self) -> tuple[CallToAction, ...]:
        return tuple(a for a in self.actions if a.confidence >= LOW_CONFIDENCE)

    def figures(self, kind: str | None = None) -> Figures:
        labelled = [i for i, a in enumerate(self.labelled) if kind in (None, a.kind)]
        extracted = [j for j, a in enumerate(self.actions) if self._counts(a, kind)]
        matched = [pair for pair in self.pairs if pair[0] in labelled]
        return Figures(len(labelled), len(extracted), len(matched))

    @staticmethod
    def _counts(action: CallToAction, kind: str | None) -> bool:
        return action.confidence >= LOW_CONFIDENCE and kind in (None, action.kind)

    @property
    def missed(self) -> list[tuple[LabelledAction, str]]:
        """Each label no extracted action matched, with why (the nearest candidate's faults)."""
        paired = {i for i, _ in self.pairs}
        return [(a, self._why_missed(a)) for i, a in enumerate(self.labelled) if i not in paired]

    @property
    def unmatched(self) -> list[CallToAction]:
        """Each extracted action at or above LOW_CONFIDENCE that matched no label."""
        paired = {j for _, j in self.pairs}
        return [a for j, a in enumerate(self.actions) if j not in paired and self._counts(a, None)]

    def _why_missed(self, wanted: LabelledAction) -> str:
        same = [a for a in self.confident if a.kind == wanted.kind]
        if not same:
            below = sum(1 for a in self.actions if a.kind == wanted.kind) - len(same)
            return f"no {wanted.kind} extracted at or above {LOW_CONFIDENCE}" + (
                f" ({below} below)" if below else ""
            )
        if any(not mismatches(wanted, a) for a in same):
            return "its match was paired with another label of this text"
        nearest = min(same, key=lambda a: len(mismatches(wanted, a)))
        return f"nearest {text_head(nearest.text, 50)!r}: {'; '.join(mismatches(wanted, nearest))}"

    @property
    def unexpected_addresses(self) -> list[UnexpectedAddress]:
        labelled = {email for action in self.labelled for email in action.emails}
        found, seen = [], set()
        for action in self.confident:
            for target in action.targets:
                email = target.email.strip()
                if not email or email.casefold() in seen:
                    continue
                seen.add(email.casefold())
                placeholder = is_placeholder_email(email)
                if placeholder or email.casefold() not in labelled:
                    found.append(UnexpectedAddress(self.id, action.kind, email, placeholder))
        return found

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "language": self.language,
            "batch": self.batch,
            **self.figures().to_dict(),
            "missed": [{**a.to_dict(), "why": why} for a, why in self.missed],
            "unmatched": [
                {"kind": a.kind, "text": a.text, "confidence": a.confidence} for a in self.unmatched
            ],
            "unexpected_addresses": [a.to_dict() for a in self.unexpected_addresses],
            "seconds": round(self.seconds, 6),
        }


@dataclass(frozen=True)
class CorpusScore:
    folder: Path
    texts: tuple[TextScore, ...] = field(default=())

    def figures(
        self, language: str | None = None, kind: str | None = None, batch: int | None = None
    ) -> Figures:
        total = Figures()
        for text in self.texts:
            if language in (None, text.language) and batch in (None, text.batch):
                total += text.figures(kind)
        return total

    @property
    def batches(self) -> list[int]:
        return sorted({text.batch for text in self.texts})

    @property
    def texts_with_unlabelled_actions(self) -> list[str]:
        """Texts labelled with no action (news, opinion) from which something confident came."""
        return [t.id for t in self.texts if not t.labelled and t.confident]

    @property
    def texts_labelled_without_actions(self) -> int:
        return sum(1 for t in self.texts if not t.labelled)

    @property
    def unexpected_addresses(self) -> list[UnexpectedAddress]:
        return [address for text in self.texts for address in text.unexpected_addresses]

    @property
    def seconds(self) -> float:
        return sum(text.seconds for text in self.texts)

    @property
    def documents_per_second(self) -> float | None:
        return len(self.texts) / self.seconds if self.texts and self.seconds > 0 else None

    def to_dict(self) -> dict:
        by_language = {}
        for language in (*LANGUAGES, None):
            by_kind = {"all": self.figures(language).to_dict()}
            by_kind.update({kind: self.figures(language, kind).to_dict() for kind in KINDS})
            by_language[language or "all"] = by_kind
        per_second = self.documents_per_second
        return {
            "corpus": str(self.folder),
            "texts": len(self.texts),
            "figures": by_language,
            "batches": {str(batch): self.figures(batch=batch).to_dict() for batch in self.batches},
            "texts_labelled_without_actions": self.texts_labelled_without_actions,
            "texts_with_unlabelled_actions": self.texts_with_unlabelled_actions,
            "unexpected_addresses": [a.to_dict() for a in self.unexpected_addresses],
            "speed": {
                "documents": len(self.texts),
                "seconds": round(self.seconds, 6),
                "documents_per_second": None if per_second is None else round(per_second, 1),
            },
            "per_text": [text.to_dict() for text in self.texts],
        }


def score_text(
    text_id: str, label: Label, document: ExtractedDocument, seconds: float = 0.0
) -> TextScore:
    """How the extraction of one text measures against its label."""
    return TextScore(
        id=text_id,
        language=label.language,
        batch=label.batch,
        labelled=label.actions,
        actions=document.actions,
        pairs=tuple(match_actions(label.actions, document.actions)),
        seconds=seconds,
    )


def score_corpus(
    corpus: Corpus,
    extract: Callable[[str], ExtractedDocument] | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> CorpusScore:
    """Run `extract` (extract_document) on every text, timing that alone, and score each."""
    extract = extract or extract_document
    scores = []
    for item in corpus.texts:
        started = clock()
        try:
            document = extract(item.text)
        except Exception as error:
            raise ExtractionCrashed(f"{item.id}: extract_document raised {error!r}") from error
        seconds = clock() - started
        scores.append(score_text(item.id, item.label, document, seconds))
    return CorpusScore(folder=corpus.folder, texts=tuple(scores))
