"""'Tell <someone>: <message>' - the classic action-alert headline - and 'Tell <someone> you ...'.

"Tell Premier Ford: hands off the Greenbelt!" asks readers to send the official a message, so it
becomes a letter to that official with the message as its ask; "Tell your MP: ..." a letter to
the reader's own representative; "Tell Loblaw: ..." (nobody with a role) a petition to them.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from . import wording
from .contacts import EMAIL_RE, PHONE_RE
from .context import DocumentContext
from .stance import IMPERATIVE, assess
from .targets import find_targets
from .text import Span
from .types import LETTER_TO_MP, LETTER_TO_TARGETS, MP, PETITION, CallToAction, Evidence

_TELL_RE = re.compile(
    r"\b(?P<verb>(?i:tell|remind|ask|urge|message))\s+"
    r"(?P<who>(?!(?i:them|him|her|us|me|you|everyone|friends|others)\b)[^:;.!?\n]{2,80}?)"
    r"\s*:\s*(?P<message>\S[^\r\n]*)"
)
# "Tell the city you want safe bike lanes", "Tell your MP that you oppose Bill C-12": no colon,
# the message is a clause with the reader as its subject.
_TELL_CLAUSE_RE = re.compile(
    r"\b(?P<verb>(?i:tell|remind))\s+"
    r"(?P<who>(?!(?i:them|him|her|us|me|you|everyone|friends|others)\b)[^:;.!?]{2,80}?)"
    r"\s+(?i:that\s+)?(?P<message>(?i:you|we)\s+(?:(?i:really|strongly|still)\s+)?"
    r"(?i:want|need|expect|support|oppose|demand|deserve|insist|care|refuse|reject|"
    r"won['\u2019]t|will\s+not|don['\u2019]t|do\s+not|are|stand)\b.*)",
    re.S,
)
_OWN_REPRESENTATIVE_RE = re.compile(
    r"(?i)^(?:your|their)\s+(?:(?:local|federal|provincial|city)\s+)*"
    r"(?:MPP?s?|MLAs?|MNAs?|members?\s+of\s+parliament|representatives?|councill?ors?)$"
)
_PROPER_RE = re.compile(r"^(?:the\s+)?[A-Z]")
# "Message Email Subject: Protecting the lake": a form's field labels, nobody to tell.
_FIELD_LABEL_RE = re.compile(
    r"(?i)\b(?:subject(?:\s+line)?|e-?mail(?:\s+address)?|name|message|body|from|cc|phone|"
    r"postal\s+code|address)$"
)
# "Tell the city ...", "Tell the school board ...": an authority named in lower case.
_AUTHORITY_RE = re.compile(
    r"(?i)^the\s+(?:[\w-]+\s+)?(?:city|town|province|government|council|board|university|"
    r"college|company|ministry|department|municipality|region|landlord|employer|school\s+board|"
    r"committee|commission|agency|trustees|senate|legislature|"
    # "Tell the minister you want ...", after an instruction naming the minister (see
    # letter_assembly.fold_following_asks).
    r"minister|premier|mayor|councill?or|president|chair|secretary)$"
)


def detect(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """A 'Tell <someone>: <message>' order in `sentence`, or None."""
    match = _TELL_RE.search(sentence.text) or _TELL_CLAUSE_RE.search(sentence.text)
    if not match:
        return None
    message = wording.demand(match.group("message"))
    if _FIELD_LABEL_RE.search(match.group("who").strip()):
        return None
    if len(message.split()) < 2 or EMAIL_RE.search(message) or PHONE_RE.search(message):
        return None  # "Tell them: 613-..." gives contact details, not a message
    stance = assess(sentence.text, match.start("verb"), match.end("verb"), news=context.news)
    if stance.label != IMPERATIVE:
        return None
    who = wording.finish(match.group("who"))
    start = sentence.start + match.start("who")
    targets = [
        target
        for target in find_targets(context.text, start, start + len(match.group("who")))
        if target.kind != MP
    ]
    evidence = Evidence.of(context.text, sentence.start, sentence.end)
    if _OWN_REPRESENTATIVE_RE.match(who):
        kind, addressee = LETTER_TO_MP, ""
    elif targets:
        kind, addressee = LETTER_TO_TARGETS, ""
    elif _PROPER_RE.match(who) or _AUTHORITY_RE.match(who):
        kind, addressee = PETITION, who
    else:
        return None
    return CallToAction(
        kind=kind,
        text=wording.capitalise(message),
        evidence=evidence,
        confidence=stance.score,
        targets=tuple(targets),
        addressee=addressee,
    )


# Nothing but spaces and one line break between two sentences: the same paragraph.
_SAME_PARAGRAPH_RE = re.compile(r"[^\S\n]*\r?\n?[^\S\n]*")
_SIGN_LEAD_RE = re.compile(r"(?i)^\W*(?:please\s+|now\s+|then\s+)*(?:sign|add\s+your\s+name)\b")


def fold_into_signing(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """'Tell Ottawa you stand with Neskantaga. Sign the petition calling on ...' is one petition:
    signing is how the reader tells them, so the order to tell leads into the signing request."""
    petitions = sorted((a for a in actions if a.kind == PETITION), key=lambda a: a.evidence.start)
    leads: dict[int, CallToAction] = {}  # id of the signing request -> the order leading into it
    for lead, signing in itertools.pairwise(petitions):
        quote = lead.evidence.quote
        if (
            (_TELL_CLAUSE_RE.match(quote) or _TELL_RE.match(quote))
            and _SAME_PARAGRAPH_RE.fullmatch(text[lead.evidence.end : signing.evidence.start])
            and _SIGN_LEAD_RE.match(signing.evidence.quote)
        ):
            leads[id(signing)] = lead
    dropped = {id(lead) for lead in leads.values()}
    return [
        dataclasses.replace(
            a,
            evidence=Evidence.of(text, leads[id(a)].evidence.start, a.evidence.end),
            confidence=max(a.confidence, leads[id(a)].confidence),
        )
        if id(a) in leads
        else a
        for a in actions
        if id(a) not in dropped
    ]
