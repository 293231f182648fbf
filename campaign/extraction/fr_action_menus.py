"""A French page's demand over a menu of ways to act.

« Vous pouvez agir ! Demandez au gouvernement des actions concrètes pour le climat. Voici
quelques actions que vous pouvez poser : » then « Faites signer notre pétition », « Envoyer une
lettre par courriel à un député », « Téléphonez au ... »: each way says only how; what they all
ask is the demand stated right above the menu. Without this, the nearest-demand rule of
`borrowed_demands` hands one way's words (« Signer notre pétition ») to the next.

The demand is an order to ask with no channel (« Demandez / Exigez / Réclamez au X ... ») or a
plain statement (« Il faut ... », « Le gouvernement doit ... »), in the few sentences before
the menu's announcement.
"""

from __future__ import annotations

import dataclasses

from . import folding, fr_petitions
from .borrowed_demands import says_nothing, stated_demand
from .fr_wording import finish
from .text import sentences
from .types import PETITION, CallToAction

# « Voici quelques actions que vous pouvez poser », « Voici trois façons d'agir », « Plusieurs
# moyens d'agir : ».
_MENU_RE = folding.compile(
    r"(?i)^\W*(?:voici|découvrez|il\s+y\s+a)?\s*(?:quelques|plusieurs|les|des|deux|trois|quatre|"
    r"cinq|\d)\s+(?:actions|gestes|façons|moyens|manières|choses)\b[^.!?\n]{0,60}(?::|$)"
)
_MENU_WORD_RE = folding.compile(r"(?i)\b(?:actions|gestes|façons|moyens|manières|choses)\b")
# An order to ask that names no channel: « Demandez au gouvernement Harper des actions ».
_ASK_RE = folding.compile(r"(?i)^\W*(?:demandez|exigez|réclamez)\s+(?:au|aux|à)\s+\S[^.!?\n]{10,}")
_CHANNEL_RE = folding.compile(
    r"(?i)\b(?:écri|envoy|courriel|lettre|téléphon|appel|sign|pétition|contact)"
)
# How many sentences above the menu's announcement the demand may stand.
_REACH = 3
# How far (in characters) below the announcement the menu's ways may come.
_MENU_LENGTH = 1500


def give_menu_demand(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """Letters, calls and bare petitions in a menu of ways to act take the demand stated
    above the menu."""
    if not _MENU_WORD_RE.search(text):
        return actions  # most pages have no menu: skip splitting them again
    spans = sentences(text, language="fr")
    for index, span in enumerate(spans):
        if not _MENU_RE.match(span.text.strip()):
            continue
        demand = next(
            (
                found
                for above in reversed(spans[max(0, index - _REACH) : index])
                if (found := _demand(above.text))
            ),
            "",
        )
        if not demand:
            continue
        actions = [
            dataclasses.replace(action, text=demand)
            if span.end <= action.evidence.start <= span.end + _MENU_LENGTH
            and _says_only_how(action)
            else action
            for action in actions
        ]
    return actions


def _demand(sentence: str) -> str:
    sentence = sentence.strip()
    if _ASK_RE.match(sentence) and not _CHANNEL_RE.search(sentence):
        return finish(sentence)
    return stated_demand(sentence, language="fr")


def _says_only_how(action: CallToAction) -> bool:
    if action.kind == PETITION:
        return fr_petitions.is_bare_signing(action) and not action.talking_points
    # `says_nothing` holds only for letters and calls.
    return says_nothing(action, language="fr")
