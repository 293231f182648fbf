"""The other people a letter to one's representative is also sent to.

"Send customizable e-mails to their Member of Parliament and politicians including Prime
Minister Trudeau", "Email your MPP and Ontario's political party leaders": one instruction, two
things to draft - the letter to the reader's own representative, and the same letter to the
named officials, who are the same people for every reader. The other way round, a letter
whose inside address lists "Prime Minister Trudeau, / Minister Bill Blair, / Your MP" goes to
the reader's representative as well as to the officials, and so does one under "sample letters
for ... and your MP". English.
"""

from __future__ import annotations

import dataclasses
import re

from .targets import find_targets
from .types import LETTER_TO_MP, LETTER_TO_TARGETS, MP, CallToAction, Target

# Party leaders are no office with a title word, so `roles` does not know them.
_PARTY_LEADERS_RE = re.compile(
    r"(?i)\b(?:the\s+)?(?:leaders?\s+of\s+(?:each\s+of\s+|all\s+(?:of\s+)?)?(?:the\s+)?"
    r"[\w'\u2019]+(?:\s+[\w'\u2019]+)?\s+(?:political\s+)?parties|"
    r"(?:[\w'\u2019]+\s+)?(?:political\s+)?party\s+leaders)\b"
)
# Only people joined to the representative in the same instruction ("your MP and ...",
# "... and politicians including"), not the one a demand is about ("and demand that Prime
# Minister X ...").
_JOINED_RE = re.compile(
    r"(?i)\b(?:and|as\s+well\s+as|plus|including|cc)\s+"
    r"(?:(?:the|your|their|our|all|other|politicians|officials|decision[- ]makers)\s+){0,2}$"
)


# "Be sure to include Premier X and Minister Y in your email", "Please cc the Minister": the
# sentence after the order adds people to the same letter.
_INCLUDED_RE = re.compile(
    r"(?i)^\W*(?:(?:be\s+sure|make\s+sure|remember|don['\u2019]t\s+forget)\s+to\s+|please\s+|also\s+)*"
    r"(?:include|copy|cc|add)\s+(?P<whom>[^.!?\n]{3,160}?)\s+(?:in|on|to)\s+(?:your|the)\s+"
    r"(?:e-?mail|letter|message)s?\b"
)
# How far after the order the sentence adding people may start.
_INCLUDED_REACH = 200


def add_co_addressees(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """Each letter to the reader's representative whose instruction also names officials
    ("... and Prime Minister Trudeau", "... and the leaders of each party") gets a twin letter
    to those officials, unless the document already drafts one to them; a letter to officials
    whose inside address also lists "Your MP" gets a twin to the reader's representative."""
    added = _representative_copies(actions, text)
    for letter in (a for a in actions if a.kind == LETTER_TO_MP):
        quote = letter.evidence.quote
        officials = [
            t
            for t in find_targets(quote)
            if t.kind != MP and (t.name or t.role) and _joined(quote, quote.find(t.role or t.name))
        ] + _included_after(letter, text)
        leaders = _PARTY_LEADERS_RE.search(quote)
        if leaders and _joined(quote, leaders.start()):
            officials.append(Target(role=re.sub(r"(?i)^the\s+", "", leaders.group(0))))
        if not officials or any(
            a.kind == LETTER_TO_TARGETS and a.evidence.overlaps(letter.evidence) for a in actions
        ):
            continue
        added.append(dataclasses.replace(letter, kind=LETTER_TO_TARGETS, targets=tuple(officials)))
    return actions + added


# An inside-address line for the reader's own representative: "Your MP", "You MP" (sic),
# "[Your MPP]", "Your Member of Parliament".
_OWN_REPRESENTATIVE_LINE_RE = re.compile(
    r"(?im)^[^\S\r\n]*[\[(]?(?:your|you|my)\s+(?:local\s+)?(?:MPP?|MLA|MNA|"
    r"member\s+of\s+(?:provincial\s+)?parliament)[\])]?[^\S\r\n]*[,.]?[^\S\r\n]*$"
)
# How far above a letter its inside address may begin.
_INSIDE_ADDRESS = 400
# "Here are sample letters ... when addressing the Prime Minister, ... and your MP": the
# introduction to the samples names the reader's representative among their recipients.
_SAMPLES_FOR_REPRESENTATIVE_RE = re.compile(
    r"(?i)\b(?:sample|template|model)\s+(?:letters?|e-?mails?)\b[^.!?]{0,300}?\b(?:your|their)\s+"
    r"(?:local\s+)?(?:MPP?|MLA|MNA|member\s+of\s+(?:provincial\s+)?parliament)\b"
)
_SAMPLES_INTRO = 1500


def _representative_copies(actions: list[CallToAction], text: str) -> list[CallToAction]:
    if any(a.kind == LETTER_TO_MP for a in actions):
        return []
    return [
        dataclasses.replace(letter, kind=LETTER_TO_MP, targets=())
        for letter in actions
        if letter.kind == LETTER_TO_TARGETS
        and letter.letter_body
        and (
            _OWN_REPRESENTATIVE_LINE_RE.search(
                text[max(0, letter.evidence.start - _INSIDE_ADDRESS) : letter.evidence.start]
            )
            # The introduction may be the letter's own evidence (the order it was joined to).
            or _SAMPLES_FOR_REPRESENTATIVE_RE.search(
                text[max(0, letter.evidence.start - _SAMPLES_INTRO) : letter.evidence.end]
            )
        )
    ]


def _included_after(letter: CallToAction, text: str) -> list[Target]:
    """The officials the sentence after the order adds to the letter ("Be sure to include
    Premier X in your email")."""
    after = text[letter.evidence.end : letter.evidence.end + _INCLUDED_REACH]
    for sentence in re.split(r"(?<=[.!?])\s+", after.strip()):
        found = _INCLUDED_RE.match(sentence)
        if found:
            return [t for t in find_targets(found.group("whom")) if t.kind != MP]
    return []


def _joined(quote: str, at: int) -> bool:
    return at > 0 and bool(_JOINED_RE.search(quote[max(0, at - 60) : at]))
