"""« Vous pouvez encore la signer »: a request to sign a petition named sentences before.

The pronoun (« la », « les ») stands for a petition the page spoke of just above (« Une
première partie de la pétition a été déposée »), so the sentence asks the reader to sign it,
though it never says « pétition ». What it is for, when the page does not say it of the
petition itself, is what the page's other asks demand (`lend_demand`), as a petition
circulated alongside letters asks what the letters ask.
"""

from __future__ import annotations

import dataclasses

from . import folding, fr_petitions
from .borrowed_demands import _INSTRUCTION_FR_RE
from .context import DocumentContext
from .fr_stance import assess
from .stance import REPORTED
from .text import Span
from .types import DONATE, PETITION, CallToAction, Evidence

_SIGN_IT_RE = folding.compile(
    r"(?i)\b(?:vous\s+pouvez|pouvez-vous|n['\u2019]hésitez\s+pas\s+à)\s+"
    r"(?:(?:encore|toujours|aussi|également|donc)\s+)?(?P<verb>(?:la|les)\s+signer)\b"
    r"|\b(?P<order>signez[-\s](?:la|les))\b"
)
_PETITION_RE = folding.compile(r"(?i)\bpétitions?\b")
# How many sentences back the petition may be named.
_REACH = 3
# How far (in characters) the action lending its demand may be.
_NEARBY = 1500


def detect(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """A request to sign « it », the petition named in the sentences before."""
    match = _SIGN_IT_RE.search(sentence.text)
    if not match:
        return None
    index = context.sentences.index(sentence) if sentence in context.sentences else -1
    before = context.sentences[max(0, index - _REACH) : index] if index > 0 else ()
    if not any(_PETITION_RE.search(s.text) for s in before):
        return None
    group = "verb" if match.group("verb") else "order"
    stance = assess(sentence.text, match.start(group), match.end(group), news=context.news)
    if stance.label == REPORTED:
        return None
    return CallToAction(
        kind=PETITION,
        text="Signer la pétition",
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=stance.score,
    )


def lend_demand(actions: list[CallToAction]) -> list[CallToAction]:
    """A bare request to sign that nothing describes asks what the nearest other ask demands."""
    lenders = [
        a
        for a in actions
        if a.kind not in (PETITION, DONATE)
        and len(a.text.split()) >= 3
        and not _INSTRUCTION_FR_RE.match(a.text)
    ]
    lent = []
    for action in actions:
        if fr_petitions.is_bare_signing(action) and not action.talking_points:
            nearest = min(
                (a for a in lenders if a.evidence.gap(action.evidence) <= _NEARBY),
                key=lambda a: a.evidence.gap(action.evidence),
                default=None,
            )
            if nearest is not None:
                action = dataclasses.replace(action, text=nearest.text)
        lent.append(action)
    return lent
