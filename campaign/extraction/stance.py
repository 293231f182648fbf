"""Who is asking? Scoring whether a trigger phrase is the document's own ask or reported speech.

"We call on the government to ..." and "Contact your MP" are the author asking the reader;
"She urged the government to ..." and "'We need help,' he said" report someone else. The same
verbs appear in both, so detectors hand the words before the trigger to `assess`, which looks at
the grammatical subject nearest to the trigger, the tense, quotation marks and headline shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIRECT = "direct"  # we / I / you / our ...
IMPERATIVE = "imperative"  # "Sign the petition", "Please donate"
APPEAL = "appeal"  # "X is encouraging Canadians to ..."
MAIN_ORG = "main_org"  # the document's own organisation, named in the third person
THIRD_PARTY = "third_party"  # "Amnesty International is calling on ..."
REPORTED = "reported"  # he / she / they, said, told, quoted speech

_BASE_SCORES = {
    DIRECT: 0.85,
    IMPERATIVE: 0.85,
    APPEAL: 0.75,
    MAIN_ORG: 0.7,
    THIRD_PARTY: 0.4,
    REPORTED: 0.2,
}

PUBLIC = (
    r"(?:you|canadians|americans|britons|australians|citizens|people|everyone|everybody|"
    r"supporters|members|readers|the\s+public|individuals|donors|friends|residents|voters|"
    r"all\s+of\s+us|us\s+all)"
)
_FIRST_OR_SECOND_RE = re.compile(r"(?i:\b(?:we|us|our|ours|you|your)\b)|\bI\b")
_THIRD_PERSON_RE = re.compile(r"(?i:\b(?:he|she|they|his|her|their|him|them)\b)")
_REPORTING_RE = re.compile(
    r"(?i:\b(?:said|says|told|tells|according\s+to|reportedly|claim(?:s|ed)?|stated|wrote|added|"
    r"reported)\b)"
)
_APPEAL_RE = re.compile(
    rf"(?i:\b(?:encourag\w*|invit(?:es|ing)|ask(?:s|ing)|urg(?:es|ing)|call(?:s|ing)\s+on|"
    rf"appeal(?:s|ing)\s+to)\s+{PUBLIC}\b"
    # A tool offered to the reader: "Our website makes it easy to call your MP."
    r"|\bmakes?\s+it\s+(?:easy|easier|quick|simple)\s+(?:for\s+you\s+)?to\s*$)"
)
# What may precede an imperative verb: "Please", "Now,", "Act now:", "Click here to" ...
_IMPERATIVE_LEAD_RE = re.compile(
    r"(?i)^(?:\W*(?:(?:please|now|today|so|and|also|then|together|urgently|right\s+now|act\s+now|"
    # "Alternatively email him at ...": another way to do what the text just asked.
    r"alternatively|otherwise|instead|or\s+else|"
    r"take\s+action|click\s+here\s+to|kindly|help\s+us|join\s+us|first|second|finally|next|"
    # "Take a minute to sign ...", "Take two minutes to email ..."
    r"take\s+(?:a|one|two|five|a\s+few|just\s+a)\s+(?:minutes?|moments?|seconds?)\s+to|"
    r"consider|think\s+about|p\.?s|(?:do\s+not|don['\u2019]t)\s+forget\s+to|remember\s+to|"
    r"(?:be|make)\s+sure\s+(?:to|you)|"
    r"this\s+(?:week|month|year|weekend|fall|autumn|winter|spring|summer)|tonight|"
    # "On Monday, call ...", "By March 3, email ...", "Before the vote, write ..."
    r"(?:on|by|before|until)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|the\s+\w+))\b"
    # "If you can, donate ...", "If you live in Ontario, call ...", "To donate, send ..."
    r"|if\s+you\s+[^,;:.]{1,40},|to\s+[a-z]+(?:\s+[\w'\u2019]+){0,4},)"
    r"[\s,:!.\u2013\u2014-]*)*\W*$"
)
# Instructions that may come first in a sentence of several: "Copy the letter below and email it".
_INSTRUCTION_RE = re.compile(
    r"(?i)^(?:please\s+[a-z]+|copy|paste|print|fill\s+(?:in|out)|sign|download|use|add|adapt|"
    r"personali[sz]e|customi[sz]e|edit|open|click|visit|go|read|share|join|contact|write|call|"
    r"phone|e-?mail|send|tell|ask|pick\s+up|take|grab|cut|find|look\s+up|bring|come)\b"
    r"[^:;.!?]*?(?:,?\s+(?:and|or|then)|,)$"
)
# An order to go somewhere to do the thing: "Visit budget.example.ca to tell your MPP ...",
# "Go to our action page to email the Minister ...".
_VISIT_TO_RE = re.compile(
    r"(?i)^\W*(?:please\s+)?(?:visit|go\s+to|head\s+(?:over\s+)?to|use)\s+\S+(?:\s+\S+){0,5}?"
    r"\s+to$"
)
# The means of an order: "Support the land defenders by donating to ...", "Help by calling ...".
_BY_MEANS_RE = re.compile(
    r"(?i)^\W*(?:please\s+)?(?:support|help|show|stand|join|take|act|fight|protect|defend|save|"
    r"keep|back|fund|power|make|do)\b[^:;.!?\"\u201c]*\bby$"
)
# "Will you take two minutes to email ...?" asks the reader; other questions do not.
_ASKING_QUESTION_RE = re.compile(r"(?i)^\W*(?:please,?\s+)?(?:will|can|could|would)\s+you\b")
_PERFECT_RE = re.compile(r"(?i:\b(?:has|have|had|was|were)\s+(?:\w+ly\s+|also\s+|been\s+)?$)")
# "If elected, I will ask the government to ...": the author's promise, not an ask of the reader.
_PROMISE_RE = re.compile(
    # Not "would": "We would urge the Minister to ..." is a polite ask.
    r"(?i:(?:\b(?:will|shall)|['\u2019]ll)\s+(?:\w+ly\s+|also\s+|continue\s+to\s+|be\s+)*$)"
)
# "Thank you to everyone who signed our petition calling on ...": thanks for what is done.
_THANKS_RE = re.compile(
    r"(?i)^\W*(?:thank(?:s|\s+you)|many\s+thanks|we\s+(?:are|['\u2019]re)\s+(?:so\s+|very\s+|"
    r"deeply\s+)?grateful|(?:a\s+)?(?:big|huge|heartfelt|special)\s+thank)"
)


@dataclass(frozen=True)
class Assessment:
    label: str
    score: float


def inside_quotes(prefix: str, suffix: str = "") -> bool:
    """True when the trigger sits inside quoted speech."""
    if prefix.count("\u201c") > prefix.count("\u201d") or prefix.count('"') % 2:
        return True
    if suffix.count('"') % 2:
        return True  # the sentence began inside a quotation: 'Script: "Hi ... I am calling to ask'
    # Single curly quotes double as apostrophes ("Canada's"): only an opening mark at a word
    # start counts, and only a closing mark not followed by a letter closes it.
    opening = [m.end() for m in re.finditer(r"(?:^|(?<=[\s(\u2014-]))\u2018", prefix)]
    if opening and not re.search(r"\u2019(?![a-zA-Z])", prefix[opening[-1] :]):
        return True
    # A closing quote later in the sentence before any opening one: "We demand ...," he said.
    closing = re.search(r"\u201d|\u2019(?![a-zA-Z])", suffix)
    opening_after = re.search(r"\u201c|(?:^|(?<=\s))\u2018", suffix)
    return bool(closing and (not opening_after or closing.start() < opening_after.start()))


def assess(
    sentence: str,
    trigger_start: int,
    trigger_end: int,
    *,
    imperative: bool = True,
    main_org: str = "",
    news: bool = False,
) -> Assessment:
    """Score how likely the trigger at `sentence[trigger_start:trigger_end]` is the author's ask.

    `imperative` says whether the trigger is a verb in the base form, so that an empty subject
    means an order to the reader ("Donate today") rather than a noun phrase ("Donations ...").
    `news` says the whole document is a news report (see `looks_like_news`), where even an
    appeal in the present tense ("Organizers are asking the public to ...") is reported.
    """
    prefix = sentence[:trigger_start]
    suffix = sentence[trigger_end:]
    trigger = sentence[trigger_start:trigger_end]
    if inside_quotes(prefix, suffix):
        return Assessment(REPORTED, 0.15)

    markers: list[tuple[int, int, str]] = []
    for priority, (pattern, label) in enumerate(
        (
            (_REPORTING_RE, REPORTED),
            (_THIRD_PERSON_RE, REPORTED),
            (_APPEAL_RE, APPEAL),
            (_FIRST_OR_SECOND_RE, DIRECT),
        )
    ):
        markers.extend((match.end(), priority, label) for match in pattern.finditer(prefix))
    if imperative and is_imperative_prefix(prefix):
        label = IMPERATIVE
    elif markers:
        label = max(markers)[2]
    elif main_org and main_org.casefold() in prefix.casefold():
        label = MAIN_ORG
    else:
        label = THIRD_PARTY
    score = _BASE_SCORES[label]
    if news and label in (APPEAL, MAIN_ORG, THIRD_PARTY):
        score -= 0.3

    past = bool(
        re.search(r"(?i)\w+ed\b", trigger.split()[0])
        or _PERFECT_RE.search(prefix)
        or _THANKS_RE.match(prefix)
        or (label == DIRECT and _PROMISE_RE.search(prefix))
    )
    if past:
        # "Our petition, which called on Parliament to act, was tabled": done, not asked.
        score -= 0.4 if label in (DIRECT, IMPERATIVE) else 0.2
    if re.search(r"(?i)\bplease\b", prefix):
        score += 0.05
    stripped = sentence.rstrip()
    if stripped.endswith("?") and not _ASKING_QUESTION_RE.match(sentence):
        score -= 0.4
    elif _is_headline(stripped) and label not in (DIRECT, IMPERATIVE):
        # Headlines ("Charity calls for all hands on deck") report rather than ask.
        score -= 0.1
    return Assessment(label, round(max(0.0, min(1.0, score)), 2))


# "HALIFAX — Several hundred ...", "OTTAWA (CP) - ...": a news dateline opening a paragraph.
_DATELINE_RE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.' -]{2,}(?:,\s*[A-Za-z. ]+)?(?:\s*\([A-Za-z ]+\))?"
    r"\s+[\u2014\u2013-]{1,2}\s"
)
_BYLINE_RE = re.compile(
    r"(?m)^[ \t]*(?:By|Par)\s+[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+)+\s*$"
)
_SAID_RE = re.compile(r"(?i)\b(?:said|says|told\s+reporters|according\s+to)\b")


def looks_like_news(text: str) -> bool:
    """True for a news report: a dateline, a byline with quoted sources, or many of them."""
    if _DATELINE_RE.search(text):
        return True
    sources = len(_SAID_RE.findall(text))
    return sources >= 3 or (sources >= 2 and bool(_BYLINE_RE.search(text)))


def is_imperative_prefix(prefix: str) -> bool:
    """True when the words before a verb leave it an order to the reader.

    Besides lead words ("Please", "Act now:"), that is a short lead-in before a colon ("Support
    the legal fund: donate ...", "Add your name: tell ...") and an earlier instruction joined by
    "and" ("Copy the letter below and email it ...").
    """
    prefix = prefix.strip()
    if _IMPERATIVE_LEAD_RE.match(prefix) or _BY_MEANS_RE.match(prefix):
        return True
    if _VISIT_TO_RE.match(prefix) and not re.search(r"[.!?;:]\s", prefix):
        return True
    reported = _REPORTING_RE.search(prefix) or _THIRD_PERSON_RE.search(prefix)
    if reported or inside_quotes(prefix):
        return False
    if ":" in prefix:
        before, after = prefix.rsplit(":", 1)
        if len(before.split()) <= 8 and is_imperative_prefix(after):
            return True
    return bool(_INSTRUCTION_RE.match(prefix))


def _is_headline(sentence: str) -> bool:
    """Short and without final punctuation."""
    return not re.search(r"[.!:;\u2026\u201d\"\u2019)]$", sentence) and len(sentence.split()) <= 12
