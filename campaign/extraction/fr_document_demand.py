"""The demand a French document states as its own, given to a letter or call that says none.

« Écrivez des courriels aux députés libéraux » or « Faites parvenir une lettre à la ministre »
says whom to write to, not what to ask; the page says it elsewhere, as the author's own
position: « Au Parti Québécois, nous réclamons une telle enquête », « les personnes qui sont en
désaccord avec la proposition d'imposer X ». Such a statement is the letter's demand. When the
page asks the reader to write or call and never to sign, the statement is not a petition
either: what was read as one is folded into the letter (its text becomes the letter's).

Runs after `borrowed_demands`, only for what the nearby sentences and headings left silent.
"""

from __future__ import annotations

import dataclasses

from . import folding
from .borrowed_demands import says_nothing
from .text import Span, sentences
from .types import CALL, LETTER_TO_MP, LETTER_TO_TARGETS, PETITION, CallToAction

# The author's own demand or opposition: « nous réclamons X », « nous demandons au
# gouvernement de X », « nous sommes en désaccord avec X », « qui s'opposent à X ».
_OWN_DEMAND_RE = folding.compile(
    r"(?i)\b(?:nous\s+(?:(?:le\s+|lui\s+|leur\s+)?(?:réclamons|demandons|exigeons)|"
    r"revendiquons|nous\s+opposons\s+à)"
    r"|(?:nous\s+sommes|qui\s+sont|qui\s+êtes|sommes)\s+(?:en\s+désaccord\s+avec|"
    r"oppos[ée]e?s\s+à|contre)"
    r"|qui\s+s['\u2019]opposent\s+à)\b"
)
# A demand that points back to the sentence before: « une telle enquête », « cette mesure ».
_ANAPHORA_RE = folding.compile(
    r"(?i)\b(?:une?\s+tel(?:le)?|de\s+tel(?:le)?s|cette|ces|ce|cet)\s+\w"
)
# The page asks the reader to sign something: then a stated demand may be a petition's.
_SIGNING_RE = folding.compile(r"(?i)\b(?:sign(?:ez|er|ons|ature)|pétition|ajoutez\s+votre\s+nom)")
_SILENT_KINDS = (LETTER_TO_MP, LETTER_TO_TARGETS, CALL)


def give_document_demand(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """Letters and calls that say nothing get the demand the document states as its own;
    the petitions read from that statement go when the page never asks anyone to sign (a
    letter that borrowed such a petition's words pointing back, « une telle enquête », gets
    the whole statement and the sentence it points to)."""
    if not any(a.kind in _SILENT_KINDS for a in actions):
        return actions
    stated = _own_demand(sentences(text, language="fr"))
    if stated is None:
        return actions
    demand, antecedent = stated
    signing = bool(_SIGNING_RE.search(text))
    folded = [
        a
        for a in actions
        if a.kind == PETITION
        and not signing
        and a.evidence.start < demand.end
        and demand.start < a.evidence.end
    ]
    borrowed = {a.text for a in folded}
    given, taken = [], False
    for action in actions:
        if action.kind in _SILENT_KINDS and (
            says_nothing(action, language="fr")
            # A borrowed « une telle réouverture » says what only with what it points to.
            or (antecedent is not None and action.text in borrowed)
        ):
            points = (antecedent.text.strip(),) if antecedent else ()
            action = dataclasses.replace(
                action, text=_demand_text(demand.text), talking_points=points
            )
            taken = True
        given.append(action)
    if taken:
        # The statement is now the letter's demand, not a petition of its own.
        given = [action for action in given if action not in folded]
    return given


def _own_demand(spans: list[Span]) -> tuple[Span, Span | None] | None:
    """The first sentence stating the author's own demand, and the sentence before it when
    the demand points back to it (« une telle enquête »)."""
    for index, span in enumerate(spans):
        found = _OWN_DEMAND_RE.search(span.text)
        if not found:
            continue
        after = span.text[found.end() :]
        antecedent = spans[index - 1] if index and _ANAPHORA_RE.match(after.lstrip()) else None
        return span, antecedent
    return None


def _demand_text(sentence: str) -> str:
    """The sentence as a demand: one line, without a trailing space."""
    return " ".join(sentence.split())
