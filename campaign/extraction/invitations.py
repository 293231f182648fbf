"""Asks made politely: "it would mean a lot if you sent a letter to X and told them that Y",
"Will you send a message now?".

The detectors read orders ("Write to X", "Send a message"); a page that asks in the
conditional or as a question asks just the same. Such a sentence is a letter (or a call, for
"called"): to the officials it names (a letter to the reader's own representative when it
says "your MLA"), else to those the sentence before wants convinced ("A flood of messages
will help convince the government to X. Will you send a message now?"); asking what it says
to tell them, else what the sentence before wants them convinced of. Without a demand, or
where an action already reads the sentence, nothing is added.
"""

from __future__ import annotations

import re

from . import wording
from .targets import find_targets
from .text import Span
from .types import CALL, LETTER_TO_MP, LETTER_TO_TARGETS, CallToAction, Evidence, Target

_CONFIDENCE = 0.75
_VERB = r"(?P<verb>sen[dt]|wr(?:ite|ote)|e-?mail(?:ed)?|call(?:ed)?|phon(?:e|ed))"
_INVITATIONS = (
    re.compile(
        r"(?i)\bit\s+would\s+(?:mean\s+a\s+lot|help(?:\s+a\s+lot)?|be\s+(?:great|wonderful))\s+"
        rf"(?:to\s+us\s+)?if\s+you\s+(?:could\s+|would\s+)?{_VERB}\b"
    ),
    re.compile(rf"(?i)^\W*(?:will|would|can|could)\s+you\s+(?:please\s+)?{_VERB}\b(?=[^?]*\?\s*$)"),
)
# What to tell them, in the same sentence: "and tell them that you want to see X".
_TOLD_RE = re.compile(
    r"(?i)\b(?:tell|told|telling|ask|asked|asking|urge|urged|urging)\s+(?:them|him|her)\s+"
    r"(?:that\s+)?(?:you\s+(?:want|would\s+like)\s+(?:to\s+see\s+|them\s+to\s+)?|to\s+)?"
    r"(?P<demand>[a-z][^.!?\n]*)"
)
# Whom the sentence before wants convinced, and of what: "help convince the government to X".
_CONVINCE_RE = re.compile(
    r"(?i)\b(?:convince|persuade|push|pressure|urge|press)\s+(?P<whom>(?:the\s+)?[\w\s-]{2,40}?)"
    r"\s+to\s+(?P<demand>[a-z][^.!?\n]*)"
)
_OWN_REPRESENTATIVE_RE = re.compile(r"(?i)\b(?:your|their)\s+(?:local\s+)?(?:MPP?|MLA|MNA)s?\b")


def detect(
    sentences: tuple[Span, ...], actions: list[CallToAction], text: str, *, news: bool = False
) -> list[CallToAction]:
    """Letters and calls asked for politely, added to `actions` (none in news)."""
    if news:
        return actions
    added = []
    for index, sentence in enumerate(sentences):
        found = next((m for p in _INVITATIONS if (m := p.search(sentence.text))), None)
        if not found or any(
            sentence.start < a.evidence.end and a.evidence.start < sentence.end for a in actions
        ):
            continue
        before = sentences[index - 1].text if index else ""
        convinced = _CONVINCE_RE.search(before)
        told = _TOLD_RE.search(sentence.text, found.end())
        demand = wording.demand(
            told.group("demand") if told else convinced.group("demand") if convinced else ""
        )
        if len(demand.split()) < 3:
            continue
        targets = tuple(find_targets(sentence.text))
        if not targets and convinced:
            whom = re.sub(r"(?i)^the\s+", "", wording.finish(convinced.group("whom")))
            targets = (Target(role=whom),)
        own = bool(_OWN_REPRESENTATIVE_RE.search(sentence.text))
        if not targets and not own:
            continue
        verb = found.group("verb").casefold()
        kind = LETTER_TO_MP if own else LETTER_TO_TARGETS
        if verb.startswith(("call", "phon")):
            kind = CALL
        added.append(
            CallToAction(
                kind=kind,
                text=demand,
                evidence=Evidence.of(text, sentence.start, sentence.end),
                confidence=_CONFIDENCE,
                targets=() if own else targets,
            )
        )
    return actions + added
