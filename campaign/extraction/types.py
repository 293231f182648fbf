"""Value types returned by the extractor.

Everything here is immutable so that results can be cached, compared in tests and handed to
other layers (views, Celery tasks) without defensive copies. The `to_dict` methods produce plain
JSON-ready structures; their keys are a contract with the rest of Chorus.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

# Kinds of call to action.
PETITION = "petition"
LETTER_TO_MP = "letter_to_mp"
LETTER_TO_TARGETS = "letter_to_targets"
DONATE = "donate"
CALL = "call"
# The kinds that ask the reader to contact someone, who must be told what to say.
CONTACT_KINDS = (LETTER_TO_MP, LETTER_TO_TARGETS, CALL)

# Actions scoring below this are shown to organisers as "low confidence" and never pre-selected.
LOW_CONFIDENCE = 0.5

# Target kinds.
MINISTER = "minister"
HEAD_OF_GOVERNMENT = "head_of_government"
DIPLOMAT = "diplomat"
MP = "mp"
OTHER = "other"


@dataclass(frozen=True)
class Evidence:
    """A span of the original document: `text[start:end] == quote`."""

    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        """Build evidence for `text[start:end]`, so the quote can never drift from the offsets."""
        return cls(start=start, end=end, quote=text[start:end])

    def overlaps(self, other: Evidence) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def gap(self, other: Evidence) -> int:
        """How many characters lie between the two spans; 0 when they touch or overlap."""
        return max(0, self.start - other.end, other.start - self.end)

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True)
class Target:
    """Someone a supporter is asked to write to or call, with whatever contact details we found."""

    name: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    kind: str = OTHER
    organisation: str = ""

    @property
    def reachable(self) -> bool:
        """True when we know how to reach them: an email, a phone number or a postal address."""
        return bool(self.email or self.phone or self.postal_address)

    def key(self) -> str:
        """Identity used when merging duplicates: the email if known, else role, else name."""
        return (self.email or self.role or self.name).casefold()

    def merged_with(self, other: Target) -> Target:
        """Fill this target's empty fields from `other` (same person seen twice)."""
        return Target(
            name=self.name or other.name,
            role=self.role or other.role,
            email=self.email or other.email,
            phone=self.phone or other.phone,
            postal_address=self.postal_address or other.postal_address,
            kind=self.kind if self.kind != OTHER else other.kind,
            organisation=self.organisation or other.organisation,
        )

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "role": self.role,
            "email": self.email,
            "phone": self.phone,
            "postal_address": self.postal_address,
            "kind": self.kind,
            "organisation": self.organisation,
        }


@dataclass(frozen=True)
class CallToAction:
    """One thing the document asks its readers to do, traced back to the sentence that asks it."""

    kind: str
    text: str
    evidence: Evidence
    confidence: float
    targets: tuple[Target, ...] = ()
    talking_points: tuple[str, ...] = ()
    organisation: str = ""
    addressee: str = ""
    letter_body: str = ""

    def __post_init__(self) -> None:
        # Rounded and clamped here so every producer gets the same 2-decimal contract for free.
        clamped = min(1.0, max(0.0, float(self.confidence)))
        object.__setattr__(self, "confidence", round(clamped, 2))
        object.__setattr__(self, "targets", tuple(self.targets))
        object.__setattr__(self, "talking_points", tuple(self.talking_points))

    @property
    def low_confidence(self) -> bool:
        """True when the extractor is unsure this is a genuine ask (see LOW_CONFIDENCE)."""
        return self.confidence < LOW_CONFIDENCE

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "targets": [target.to_dict() for target in self.targets],
            "talking_points": list(self.talking_points),
            "organisation": self.organisation,
            "addressee": self.addressee,
            "letter_body": self.letter_body,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
            "low_confidence": self.low_confidence,
        }


@dataclass(frozen=True)
class ExtractedDocument:
    """Everything extracted from one source document.

    `language` is "en" or "fr", the language the document was read in, or "" for a document
    in another language, which is not read at all; `warnings` then says so in words a caller
    can show ("written in neither English nor French; no actions").
    """

    title: str
    published: datetime.date | None
    actions: tuple[CallToAction, ...] = field(default=())
    language: str = "en"
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "warnings": list(self.warnings),
            "actions": [action.to_dict() for action in self.actions],
        }
