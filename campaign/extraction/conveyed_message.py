"""What the page tells readers to get across, given to the letters and calls that follow it.

"Reach them directly and make it clear you want them to stop X." or "Let them know that you
oppose X and expect them to stop it. You can do so in the following ways:" states the message
once, before the ways of sending it (an e-mail, a letter, a call further down). Those ways
often say only how ("Email your MLA stating your opposition to X", "call Dr. Roe at ..."),
and what `borrowed_demands` found nearby for them is a fragment or a heading. The message is
the demand of every letter and call after it whose text says less: nothing but whom to
contact, a heading of the page, or words all found in the message.

A letter cut off in the middle of its ask ("I am writing to ask that you take action to", as
a page is stored) says nothing either: it takes the order that introduced it ("send a letter
to all Senators urging them to strengthen the bill") when the page gives one.
"""

from __future__ import annotations

import dataclasses
import re

from . import wording
from .borrowed_demands import says_nothing
from .text import lines
from .types import CONTACT_KINDS, CallToAction

# "make it clear (that) you want them to X", "let them know that you oppose X".
_MESSAGE_RE = re.compile(
    r"(?i)\b(?:make\s+it\s+clear|let\s+(?:them|him|her)\s+know)\s+(?:that\s+)?"
    r"(?P<message>(?:you|we)\s+[^.!?\n]+)"
)
# An instruction that introduces a letter and says what it urges: "... urging them to X".
_URGING_RE = re.compile(
    r"(?i)\b(?:urging|asking|telling|calling\s+on)\s+(?:them|him|her|(?:the\s+)?\w+)\s+to\s+"
    r"(?P<demand>[a-z][^.!?\n]*)"
)
# An ask that stops on a word that cannot end one: "take action to", "ask that the".
_CUT_OFF_RE = re.compile(r"(?i)\b(?:to|that|the|a|an|and|of|for|on|with)\s*$")
_WORD_RE = re.compile(r"[\w'\u2019-]+")
# How far (in characters) before the letter the order introducing it may be.
_INTRO_REACH = 1500


def give_conveyed_message(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """Letters and calls after the page's message that say less than it take it as their
    demand; a letter cut off mid-ask takes the order introducing it."""
    found = _MESSAGE_RE.search(text)
    headings = {line.text.strip().casefold() for line in lines(text) if line.text.strip()}
    given = []
    for action in actions:
        if action.kind in CONTACT_KINDS and _cut_off(action):
            demand = _introducing_order(action, text)
            if demand:
                action = dataclasses.replace(action, text=demand)
        elif (
            found
            and action.kind in CONTACT_KINDS
            and action.evidence.start > found.start()
            and _says_less(action, found.group("message"), headings)
        ):
            action = dataclasses.replace(action, text=wording.finish(found.group("message")))
        given.append(action)
    return given


def _says_less(action: CallToAction, message: str, headings: set[str]) -> bool:
    if action.letter_body or action.talking_points:
        return False
    if says_nothing(action) or action.text.strip().casefold() in headings:
        return True
    words = {w.casefold() for w in _WORD_RE.findall(message)}
    return all(w.casefold() in words for w in _WORD_RE.findall(action.text))


def _cut_off(action: CallToAction) -> bool:
    return bool(action.letter_body) and bool(_CUT_OFF_RE.search(action.text))


def _introducing_order(action: CallToAction, text: str) -> str:
    """The last "urging them to X" in the sentences before the letter."""
    before = text[max(0, action.evidence.start - _INTRO_REACH) : action.evidence.start]
    urged = list(_URGING_RE.finditer(before))
    if not urged:
        return ""
    demand = wording.demand(urged[-1].group("demand"))
    return demand if len(demand.split()) >= 3 else ""
