"""A list the page heads as its asks ("Asks for your MPP and the Premier:", "Our demands:",
"Key talking points:", "Here are 3 calls to action to request from your MP.") is what every
letter and call on the page asks.

`pipeline._attach_lists` gives a list to the one action whose sentence introduces it, or to
the nearest one above. A list under a heading that names it as the asks is not tied to one
sentence: the page's steps (contact your MPP, call the Premier, email the Minister) come
before or after it, and each of them asks what it lists. So its items become the talking
points of every letter and call that has none and no letter body of its own.
"""

from __future__ import annotations

import dataclasses
import re

from .text import LIST_ITEM_RE, collapse, lines
from .types import CONTACT_KINDS, CallToAction

# The heading line itself, not a sentence: a few words naming the asks, then a colon.
_ASKS_HEADING_RE = re.compile(
    r"(?i)^\W*(?:(?:our|the|key|main|three|\d+)\s+)*"
    r"(?:asks|demands|talking\s+points|key\s+messages|requests)\b[^.!?:]{0,80}:\s*$"
    # The sentence closing a paragraph: "Here are 3 calls to action to request from your MP."
    r"|(?i:\bhere\s+are\s+(?:the\s+|our\s+|\w+\s+)?(?:asks|demands|requests|talking\s+points|"
    r"calls\s+to\s+action)\b[^.!?:]{0,80}[.:]\s*$)"
)


def give_listed_asks(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """Letters and calls with no points or body take the items of the page's asks list."""
    points = _listed_asks(text)
    if not points:
        return actions
    return [
        dataclasses.replace(action, talking_points=points)
        if action.kind in CONTACT_KINDS and not action.talking_points and not action.letter_body
        else action
        for action in actions
    ]


def _listed_asks(text: str) -> tuple[str, ...]:
    """The items of every list whose heading names it as the asks, in order."""
    points: list[str] = []
    heading = False
    for line in lines(text):
        if not line.text.strip():
            continue
        item = LIST_ITEM_RE.match(line.text)
        if heading and item:
            points.append(collapse(item.group("item")))
        else:
            heading = bool(_ASKS_HEADING_RE.search(line.text)) and not item
    return tuple(points)
