"""« Écrivez aux députés » and, apart, « écrivez à votre député »: two letters.

A French page may ask to write to the chamber's members at large (« On peut écrire aux députés
pour leur demander de ne pas voter cette loi », with a model letter and the list of those to
write to) and, as another option, to one's own (« Si vous voulez écrire à votre député à vous,
c'est là »). Said apart like this, the members are people the reader picks from a list: a
letter to them as named officials, besides the letter to the reader's own representative.
Said alone, « écrivez aux députés » stays the reader's own (`fr_letters.detect_to_mp`).
"""

from __future__ import annotations

import dataclasses
import re

from . import folding
from .borrowed_demands import says_nothing
from .types import LETTER_TO_MP, LETTER_TO_TARGETS, CallToAction, Target

_MEMBERS_RE = folding.compile(
    r"(?i)\b(?:écri(?:vez|re|vons)|envoy(?:ez|er|ons)\s+(?:un|une|des)\s+\w+)\s+"
    r"(?P<members>aux\s+(?:députés|élus|sénateurs|parlementaires))(?![\w·(])"
    r"(?!\s+(?:de\s+votre|du\s+département|de\s+la\s+circonscription))"
)
_OWN_RE = folding.compile(
    r"(?i)\b(?:écri(?:vez|re|vons)|envoy(?:ez|er|ons)\s+\w+\s+\w+)\s+à\s+(?:votre|ton|ta)\s+"
    r"(?:députée?|élue?|sénat(?:eur|rice))\b"
)


def members_apart_from_own(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """A letter to the members that says what to ask, on a page that also offers writing to
    one's own representative in another sentence, is also a letter to the members."""
    own = list(_OWN_RE.finditer(text))
    added = []
    for action in actions:
        if action.kind != LETTER_TO_MP or action.targets or says_nothing(action, language="fr"):
            continue
        members = _MEMBERS_RE.search(action.evidence.quote)
        if not members or not any(
            not action.evidence.start <= o.start() < action.evidence.end for o in own
        ):
            continue
        role = re.sub(r"(?i)^aux\s+", "", members.group("members"))
        added.append(
            dataclasses.replace(action, kind=LETTER_TO_TARGETS, targets=(Target(role=role),))
        )
    return actions + added
