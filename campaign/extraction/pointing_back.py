"""English asks that point back to what the page has just described: "say no to the current
proposal", "stop this project". The drafted action would say nothing on its own, so the
sentence before it that names the thing ("The proposed 8 storey tower ...") becomes its point.

Bills have their own mechanism (`bills.name_the_bill`); this one reads the other things a
local or policy campaign opposes or supports.
"""

from __future__ import annotations

import dataclasses
import re

from .text import collapse, sentences
from .types import LETTER_TO_MP, LETTER_TO_TARGETS, PETITION, CallToAction

# "the current proposal", "this project", "the proposed development": a thing named before.
_POINTER_RE = re.compile(
    r"(?i)\b(?:this|these|the\s+(?:current|proposed|new|planned)|the)\s+"
    r"(?P<noun>proposals?|plans?|projects?|developments?|applications?|rezonings?|"
    r"decisions?|polic(?:y|ies)|deals?|schemes?|changes?|cuts?|closures?|expansions?|"
    # "holding them to the promises they've made": what was promised is told before.
    r"promises?|commitments?)\b"
    # "the expansion of private contracts" names the thing itself.
    r"(?!\s*:|\s+(?:of|to|for|on|at|in)\b)"
)
# Words for the same thing: what was "promised" is the commitment or the pledge pointed to.
_SAME_THING = (frozenset(["promi", "commi", "pledg"]),)
# How many sentences back the named thing may be.
_LOOK_BACK = 3


def name_what_it_points_to(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """Each petition or letter with no points of its own whose ask points back ("say no to the
    current proposal") takes the nearest earlier sentence naming that thing as a point."""
    spans = None
    updated = []
    for action in actions:
        pointer = _POINTER_RE.search(action.text)
        if (
            action.kind not in (PETITION, LETTER_TO_MP, LETTER_TO_TARGETS)
            or action.talking_points
            or action.letter_body
            or not pointer
            # "keep the promise: open the library" spells the thing out after the colon.
            or re.search(rf"(?i)\b{pointer.group('noun')}\s*:", action.evidence.quote)
        ):
            updated.append(action)
            continue
        spans = spans if spans is not None else sentences(text)
        before = [s for s in spans if s.end <= action.evidence.start][-_LOOK_BACK:]
        stems = _stems(pointer.group("noun"))
        named = next(
            (
                s
                for s in reversed(before)
                if any(stem in s.text.casefold() for stem in stems) and len(s.text.split()) > 5
            ),
            None,
        )
        if named is None:
            updated.append(action)
        else:
            updated.append(dataclasses.replace(action, talking_points=(collapse(named.text),)))
    return updated


def _stems(noun: str) -> frozenset[str]:
    """The beginnings of the words that name the thing `noun` points to."""
    stem = noun[:5].casefold()
    return next((family for family in _SAME_THING if stem in family), frozenset([stem]))
