"""The demand a document states as its own, given to the channel it offers.

"We are calling on the federal government to create a matching fund" at the top of a page
whose only way to act is "send an e-mail to your MP" (or "call the minister's office") is not
a petition: nothing is signed there. It is what the e-mail or the call asks. So when a document
never speaks of signing, its stated demand becomes the text of the letters and calls that say
nothing of their own, and is not drafted as a petition.

Shared mechanism: the cues for signing are in English and French; the pipeline calls it for
English documents (French may call it too, with `language="fr"`).
"""

from __future__ import annotations

import dataclasses
import re

from .borrowed_demands import says_nothing
from .types import CALL, LETTER_TO_MP, LETTER_TO_TARGETS, LOW_CONFIDENCE, PETITION, CallToAction

# Anything about signing means the page may well collect signatures: leave its petitions be.
_SIGNING_RE = re.compile(
    # Not "your signature": an e-mail tool sends the message "with your signature".
    r"(?i)\b(?:petitions?|sign|signs|signed|signing|signatures|signatories|pledge|"
    r"p[ée]titions?|signez|signer|sign[ée]e?s?)\b"
)
# An order (or an offer) to contact someone that says only how and whom: "Send customizable
# e-mails to their MP ...", "Call the minister's office".
_CHANNEL_ONLY_RE = re.compile(
    r"(?i)^(?:please\s+)?(?:send|write|e-?mail|call|phone|contact|message|tweet|fax)\b"
    r"(?!.*\b(?:to|and)\s+(?:ask|urge|tell|demand|insist)\b)(?!.*\bto\s+(?!their\b|your\b)\w+\s)"
)
_CONTACTS = (LETTER_TO_MP, LETTER_TO_TARGETS, CALL)
# The campaign's position described rather than asked: "..., calling on the government to",
# "Ontarians who are calling on the Government to". A direct "We call on X to" may still be
# a petition of its own; this is only the demand the channel carries.
_DESCRIBED_RE = re.compile(
    r"(?i)(?:,\s*|\bwho\s+(?:are|is|have\s+been)\s+|\bthat\s+(?:are|is)\s+)"
    r"(?:calling|asking|urging|pressing)\s+(?:on|upon|for)?\b"
)


def give_the_demand_to_the_channel(
    actions: list[CallToAction], text: str, *, language: str = "en"
) -> list[CallToAction]:
    """In a document that never mentions signing and offers letters or calls, the one demand
    it states (read as a petition) becomes what those letters and calls ask; when it only
    describes the campaign's position (", calling on X to ..."), no petition is drafted. An
    offer to write made in the third person ("Canadians can send e-mails to their MP") counts
    as the page's own ask when its stated demand is confident."""
    statements = [a for a in actions if a.kind == PETITION]
    contacts = [a for a in actions if a.kind in _CONTACTS]
    if _SIGNING_RE.search(text) or len(statements) != 1 or not contacts:
        return actions
    (statement,) = statements
    if statement.low_confidence:
        return actions
    described = bool(_DESCRIBED_RE.search(statement.evidence.quote))
    updated = []
    for action in actions:
        if action is statement and described:
            continue
        if action.kind in _CONTACTS and _says_only_how(action, language):
            action = dataclasses.replace(
                action,
                text=statement.text,
                confidence=max(action.confidence, LOW_CONFIDENCE + 0.1),
            )
        updated.append(action)
    if described and not any(a.kind in _CONTACTS and not a.low_confidence for a in updated):
        return actions  # no channel strong enough to carry it: keep the petition
    return updated


def _says_only_how(action: CallToAction, language: str) -> bool:
    if action.letter_body or action.talking_points:
        return False
    return says_nothing(action, language=language) or bool(_CHANNEL_ONLY_RE.match(action.text))
