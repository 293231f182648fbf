"""« Votre député provincial » as a line of a list of recipients: a letter to the reader's own.

« Je vous suggère de faire parvenir aussi cette lettre aux personnes suivantes : » over lines
« Nom, rôle — Fax : ... » ending in « Votre député provincial »: the named people are written to
as officials, and the reader's own representative, who has no line of details because each
reader has a different one, gets the same letter (Chorus finds them by postal code).
"""

from __future__ import annotations

from . import folding
from .borrowed_demands import says_nothing
from .text import lines
from .types import LETTER_TO_MP, LETTER_TO_TARGETS, CallToAction, Evidence

# The list's announcement: an order or suggestion to send or write, ending in a colon.
_ANNOUNCE_RE = folding.compile(
    r"(?i)\b(?:fai(?:tes|re)\s+parvenir|envoy(?:ez|er)|écri(?:vez|re)|adress(?:ez|er))\b"
    r"[^\n]*:\s*$"
)
_OWN_LINE_RE = folding.compile(
    r"(?i)^\W*(?:et\s+)?(?:à\s+)?(?:votre|vos)\s+(?:député|élu|représentant)\w*"
    r"(?:\s+(?:provincia|fédéra|municipa|loca)\w*)?\W*$"
)
# How many lines the list may run below its announcement.
_LIST_LINES = 12


def listed_own_representative(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """A letter to the reader's own representative listed among the recipients, asking what the
    letter to the others asks."""
    if any(a.kind == LETTER_TO_MP for a in actions):
        return actions
    all_lines = lines(text)
    added = []
    for index, line in enumerate(all_lines):
        if not _ANNOUNCE_RE.search(line.text):
            continue
        seen_item = False
        for item in all_lines[index + 1 : index + 1 + _LIST_LINES]:
            if not item.text.strip():
                if seen_item:
                    break  # the list ends at the first blank line after it began
                continue
            seen_item = True
            if not _OWN_LINE_RE.match(item.text):
                continue
            letter = _letter_before(actions, item.start)
            if letter is None:
                break
            start = item.start + len(item.text) - len(item.text.lstrip())
            added.append(
                CallToAction(
                    kind=LETTER_TO_MP,
                    text=letter.text,
                    evidence=Evidence.of(text, start, item.end),
                    confidence=letter.confidence,
                    talking_points=letter.talking_points,
                    letter_body=letter.letter_body,
                )
            )
            break
    return actions + added


def _letter_before(actions: list[CallToAction], position: int) -> CallToAction | None:
    letters = [
        a
        for a in actions
        if a.kind == LETTER_TO_TARGETS
        and a.evidence.start < position
        and not a.low_confidence
        and not says_nothing(a, language="fr")
    ]
    return max(letters, key=lambda a: a.evidence.start, default=None)
