"""One sentence, two channels: "call Dr. Roe at 613-555-0100 or email him at roe@gc.ca".

The detectors read one action per sentence, of the kind its first verb names, and give it
every address the sentence holds: the call above carries Dr. Roe's e-mail too. But the
sentence asks for two things an organiser drafts separately, a call and a letter, to the same
people. When a call's own sentence also orders an e-mail to the people it names (the verb
"email" or "write" followed by them or by an address), the letter is drafted too, with the
same demand and the targets that have an address; unless a letter to those addresses is
already there. A letter to the same people that has no address ("Contact Premier Ford as
well." just before) is that same letter, and goes.
"""

from __future__ import annotations

import dataclasses
import re

from .types import CALL, LETTER_TO_TARGETS, CallToAction

# "... or email him at", "and e-mail them at x@y", "and write to her at": the second order.
_WRITTEN_TOO_RE = re.compile(
    r"(?i)\b(?:or|and)\s+(?:please\s+|also\s+)?(?:e-?mail|write\s+to)\s+"
    r"(?:(?:him|her|them|the\s+\w+|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})\s+)?"
    r"(?:at|via|on)\s+\S+@"
)


def add_written_channel(actions: list[CallToAction]) -> list[CallToAction]:
    """A letter to the people a call names when the call's sentence also asks to e-mail them."""
    written = {
        t.email.casefold() for a in actions if a.kind == LETTER_TO_TARGETS for t in a.targets
    }
    added = []
    for call in actions:
        if call.kind != CALL or not _WRITTEN_TOO_RE.search(call.evidence.quote):
            continue
        targets = tuple(
            dataclasses.replace(t, phone="") for t in call.targets if t.email and t.phone
        )
        if not targets or all(t.email.casefold() in written for t in targets):
            continue
        added.append(dataclasses.replace(call, kind=LETTER_TO_TARGETS, targets=targets))
    named = {t.name.casefold() for a in added for t in a.targets if t.name}
    return [a for a in actions if not _unaddressed_letter_to(a, named)] + added


def _unaddressed_letter_to(action: CallToAction, names: set[str]) -> bool:
    return (
        action.kind == LETTER_TO_TARGETS
        and bool(action.targets)
        and not action.letter_body
        and all(not t.email and t.name and t.name.casefold() in names for t in action.targets)
    )
