"""An e-mail to the organisers about what one did is no letter to draft.

"Following your meeting please send an email to info@example.org to let us know you had a
meeting with your MP" names the MP and a mailbox, and reads as a letter; but it reports back
to the page's authors. An order to write to an address so as to tell *us* something ("to let
us know", "to tell us", "so we can track") is dropped, whatever else the sentence names.
"""

from __future__ import annotations

import re

from .types import CONTACT_KINDS, CallToAction

_REPORT_BACK_RE = re.compile(
    r"(?i)\b(?:send|e-?mail|write)\b[^.!?]{0,60}?\S+@\S+\s+"
    r"(?:to\s+|and\s+|so\s+(?:that\s+)?)"
    r"(?:let\s+us\s+know|tell\s+us|inform\s+us|update\s+us|we\s+(?:can|may|will)\s+(?:know|track))\b"
)


def drop_reports_to_organisers(actions: list[CallToAction]) -> list[CallToAction]:
    """Letters and calls whose sentence only reports back to the organisers go."""
    return [
        a
        for a in actions
        if not (a.kind in CONTACT_KINDS and _REPORT_BACK_RE.search(a.evidence.quote))
    ]
