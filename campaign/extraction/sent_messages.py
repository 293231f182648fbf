"""English pages whose form sends the reader's message: "Tell the Premier to X!" above "Copy
will be sent to the following:" (or "Your message will be sent to:", "Recipients:").

Such a page asks nobody to sign anything: the order to tell or call on an official is the
message the form sends, a letter to that official. The numbered or bulleted list right under
the order ("Call on the premier to do what must be done! 1. Close ... 2. Lock ...") spells out
what the message asks, whether or not its line ends with a colon.
"""

from __future__ import annotations

import dataclasses
import re

from .roles import classify_role
from .text import LIST_ITEM_RE, collapse, lines
from .types import LETTER_TO_TARGETS, PETITION, CallToAction, Target

_SENT_TO_RE = re.compile(
    r"(?im)^\W*(?:(?:a\s+)?cop(?:y|ies)(?:\s+of\s+(?:your|this|the)\s+\w+)?|"
    r"(?:your|this|the)\s+(?:message|letter|e-?mail|note)s?)"
    r"\s+will\s+(?:(?:also\s+)?be\s+sent|go)\s+to\b|^\W*recipients\s*:"
)
# The order whose message the form sends: "Tell the premier to ...", "Join us! Call on ...".
_ORDER_RE = re.compile(
    r"(?i)^\W*(?:(?:join\s+us|act\s+now|please|now)\W+)*"
    r"(?:tell|call\s+(?:up)?on|urge|ask|demand\s+(?:that\s+)?)\b"
)
_SIGNING_RE = re.compile(r"(?i)\b(?:sign|petition|signature)")


def form_messages(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """On a page that says where its message is sent, the orders read as petitions are one
    letter to the official they name, with the list under them as its points."""
    if not _SENT_TO_RE.search(text):
        return actions
    orders = [
        a
        for a in actions
        if a.kind == PETITION
        and not a.low_confidence
        and a.addressee
        and _ORDER_RE.match(a.evidence.quote)
        and not _SIGNING_RE.search(a.evidence.quote)
    ]
    if not orders or any(a.kind == PETITION and a not in orders for a in actions):
        return actions  # a page with a petition of its own as well: leave it as it is
    letters: dict[str, CallToAction] = {}
    for order in sorted(orders, key=lambda a: a.evidence.start):
        points = order.talking_points or _list_under(text, order.evidence.end)
        key = order.text.casefold()
        kept = letters.get(key)
        if kept is None:
            role = re.sub(r"(?i)^the\s+", "", order.addressee)
            letters[key] = dataclasses.replace(
                order,
                kind=LETTER_TO_TARGETS,
                targets=(Target(role=role, kind=classify_role(role)),),
                talking_points=points,
            )
        else:
            letters[key] = dataclasses.replace(
                kept,
                confidence=max(kept.confidence, order.confidence),
                talking_points=tuple(dict.fromkeys(kept.talking_points + points)),
            )
    return [a for a in actions if a not in orders] + list(letters.values())


def _list_under(text: str, position: int) -> tuple[str, ...]:
    """The items of the list that starts on the line after `position`, blank lines aside."""
    items: list[str] = []
    rest = text[position:]
    following = lines(rest)
    if following and following[0].text.strip():
        following = following[1:]  # the rest of the order's own line
    for line in following:
        if not line.text.strip():
            continue
        match = LIST_ITEM_RE.match(line.text)
        if not match:
            break
        items.append(collapse(match.group("item")))
    return tuple(items)
