"""A French petition's demand that ends in a colon over items numbered on the same line.

« ... prions le gouvernement de modifier la Loi en :1. Abolissant la règle X; 2. Permettant Y. »
Text copied out of a form or a feed keeps the numbers but loses the line breaks, so
`text.list_blocks` sees no list, and the sentence splitter cuts the demand at « :1. ». The
items are what is asked: they become the petition's talking points and the demand loses its
dangling « en :1 ».
"""

from __future__ import annotations

import dataclasses
import re

from .types import PETITION, CallToAction

# The demand's dangling end: « en:1 », « suit : 1 ».
_DANGLING_RE = re.compile(r"\s*:\s*1\.?\s*$")
# One numbered item, up to the next number or the end of the run (a new sentence glued on).
_ITEM_RE = re.compile(
    r"(?P<number>\d{1,2})\.\s*(?P<item>.+?)\s*(?=;?\s*\d{1,2}\.\s|\.(?=[A-ZÀ-Þ\n])|\.?\s*$|\n)",
    re.S,
)
# How far after the demand's colon the items may run.
_REACH = 1500


def numbered_points(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """Petitions whose demand ends in « :1 » get the numbered items after it as points."""
    return [_with_items(a, text) if a.kind == PETITION else a for a in actions]


def _with_items(action: CallToAction, text: str) -> CallToAction:
    dangling = _DANGLING_RE.search(action.text)
    if not dangling or action.talking_points:
        return action
    demand = action.text[: dangling.start()]
    at = text.find(demand[-40:], action.evidence.start)
    if at < 0:
        return action
    colon = text.find(":", at + len(demand[-40:]))
    if colon < 0:
        return action
    items, expected, position = [], 1, colon + 1
    end = min(len(text), colon + _REACH)
    while match := _ITEM_RE.match(text, _skip(text, position), end):
        if int(match.group("number")) != expected:
            break
        items.append(match.group("item").strip(" ;"))
        expected += 1
        position = match.end()
        position = position + 1 if text[position : position + 1] in (";", ".") else position
    if len(items) < 2:
        return action
    # « ... en modifiant la Loi en » : the items complete the dangling preposition.
    demand = re.sub(r"[\s,]+(?:en|par|de|à)$", "", demand)
    return dataclasses.replace(action, text=demand, talking_points=tuple(items))


def _skip(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t;":
        position += 1
    return position
