"""English call pages that list whom to call under a heading of their own ("Who to call:",
"Numbers to call:", "Additional calls:", "Call the following offices:"), apart from the
script: every official and number in those lists is someone the page's call reaches.

The list ends at the next heading that is not a contact line ("Suggested talking points:").
Only a page with one call gets the numbers: with several, whose list it is, the page does not
say.
"""

from __future__ import annotations

import dataclasses
import re

from .targets import find_targets
from .text import lines
from .types import CALL, CallToAction, Target

_DIRECTORY_RE = re.compile(
    r"(?im)^[^\S\n]*(?:who\s+to\s+(?:call|phone)|(?:phone\s+)?numbers\s+to\s+(?:call|dial)|"
    r"(?:additional|more|other|further)\s+(?:phone\s+)?calls|offices\s+to\s+call|"
    r"(?:call|phone)\s+(?:these|the\s+following)(?:\s+(?:offices|people|officials|numbers))?)"
    r"[^\S\n]*:[^\S\n]*$"
)
# A heading that ends the list: words and a colon, no number ("Suggested talking points:").
_HEADING_RE = re.compile(r"^[^\d\n]{3,80}:\s*$")


def add_directory_numbers(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """Give the page's only call every official and number listed under a call heading."""
    calls = [a for a in actions if a.kind == CALL and not a.low_confidence]
    if len(calls) != 1:
        return actions
    listed: list[Target] = []
    for heading in _DIRECTORY_RE.finditer(text):
        listed += find_targets(text, heading.end(), _list_end(text, heading.end()))
    listed = [t for t in listed if t.phone]
    if not listed:
        return actions
    (call,) = calls
    phones = {t.phone for t in call.targets if t.phone}
    added = tuple(t for t in listed if t.phone not in phones)
    updated = dataclasses.replace(call, targets=call.targets + added)
    return [updated if a is call else a for a in actions]


def _list_end(text: str, start: int) -> int:
    for line in lines(text[start:]):
        if _HEADING_RE.match(line.text) and not _DIRECTORY_RE.match(line.text):
            return start + line.start
    return len(text)
