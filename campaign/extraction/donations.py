"""Donation appeals: 'Donate today', 'we recommend donating to X', 'Your gift today will ...'.

News often mentions donations without asking for any ("donations poured in"), so an appeal
needs an asking stance: an order to the reader, first or second person, or an organisation
encouraging the public. The organisation comes from the sentence when it is named there;
otherwise `pipeline` fills it in from the rest of the document.
"""

from __future__ import annotations

import re

from . import wording
from .context import DocumentContext
from .orgs import clean_org, is_org_like, org_at, subject_org
from .stance import APPEAL, DIRECT, IMPERATIVE, PUBLIC, REPORTED, assess
from .text import Span
from .types import DONATE, CallToAction, Evidence

_TRIGGER_RE = re.compile(
    # "make a tax-deductible gift", "give a $50 donation"
    r"(?i)\b(?P<trigger>(?:make|send|give)\s+(?:an?|your)\s+(?:[\w$,.-]+\s+){0,2}?"
    r"(?:donation|gift|contribution)|"
    # "Please support our work" asks for money only where the document speaks of money.
    r"support\s+(?:our|this|the)\s+work|"
    r"donat(?:e|es|ing|ion|ions)|(?:your|a|make\s+a)\s+(?:gift|contribution)|"
    r"give\s+(?:generously|now|today|monthly|what\s+you\s+can|a\s+gift|\$\d+|to)|chip\s+in|"
    r"become\s+a\s+(?:monthly\s+)?(?:donor|supporter)|give\s+online|"
    # Membership bought with a gift: "become a member with an annual gift of $500".
    r"become\s+an?\s+(?:[\w-]+\s+){0,3}?member\s+(?:\w+\s+)?with\s+(?:an?|your)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:gift|donation|contribution)|"
    r"send\s+(?:an?\s+)?(?:e-?transfer|cheque|check)|"
    r"cheques?\s+(?:can\s+be\s+)?(?:made\s+)?payable|"
    r"tax[- ]receipt\w*)\b"
)
# A passive appeal: "Donations can be made at ...", "Donations are urgently needed".
_PASSIVE_APPEAL_RE = re.compile(
    r"(?i)^\s*(?:(?:to|for)\s+[^,;.!?]{1,60}?\s+)?(?:can|may)\s+(?:also\s+)?be\s+"
    r"(?:made|sent|given)|"
    r"^\s*(?:are|is)\s+(?:\w+ly\s+)?"
    r"(?:welcome|needed|appreciated)"
)
_RECIPIENT_RE = re.compile(
    r"(?i:\b(?:donat\w*|give|giving|gift|contribut\w*|support)\b(?:\s+\S+){0,3}?\s+to\s+)"
    r"(?:the\s+)?(?P<org>[A-Z].*)",
    re.S,
)
# "Chip in $10 to keep Climate Strike Canada going": the organisation the money keeps up.
_KEEP_RE = re.compile(
    r"\bto\s+(?:help\s+)?(?:keep|support|sustain|power|back)\s+(?:the\s+)?(?P<org>[A-Z].*)", re.S
)
_PURPOSE_RE = re.compile(
    r"(?i)\b(?P<purpose>(?:to\s+(?:help\s+)?(?:fund|support|help|pay\s+for|provide|cover)|"
    r"will\s+(?:help\s+)?(?:pay\s+for|fund|help|support|provide|cover))\s+[^.;]+)"
)
# A donation named as a noun is asked for only with "your" or a need: "Your gift today will ...",
# "We rely on donations from people like you", "Every donation counts".
_ASKING_NOUN_RE = re.compile(
    r"(?i)\byour\b|\b(?:need|needs|needed|welcome|appreciated?|count\s+on|rely\s+on|"
    r"ask(?:ing)?\s+for|every|any)\b"
)
# "Canadians can give to ...", "You can also donate at ...": the public told how to give.
_PUBLIC_CAN_RE = re.compile(rf"(?i)\b(?:{PUBLIC}|anyone)\s+(?:can|may)\s+(?:also\s+|now\s+)?$")
# Where the money goes: an address on the web, an e-mail address or a telephone number.
_CHANNEL_RE = re.compile(
    r"(?i)\b(?:www\.|https?://)\S+|\b[\w.-]+@[\w-]+\.\w+|\b[\w-]+\.(?:ca|org|com|net)\b|"
    r"\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b"
)
_DOMAIN_RE = re.compile(r"(?i)(?:\bwww\.|://|@|\b)(?P<label>[a-z0-9-]{4,})\.(?:ca|org|com|net)\b")
_MONEY_RE = re.compile(r"(?i)\b(?:donat\w*|gifts?|tax[- ]receipt\w*|fundrais\w*)\b|\$\d")
# "give to Ukrainian emergency relief": a people's adjective before a common noun.
_ADJECTIVE_RE = re.compile(r"[A-Z]\w+(?:ian|ean|ese|ish)\s+[a-z]")
# Navigation menus ("Home | About | Donate") and one-word buttons are not appeals.
# A fund's name: "Government Ethics Fund", not "Fund for Nature" nor "Legacy Fund for the ...".
_FUND_RE = re.compile(r"\b(?:Fund|Appeal)$")
_READERS_SUPPORT_RE = re.compile(
    r"(?i)\byour\s+(?:support|donations?|gifts?|help|contributions?)\b|\bdonat\w*"
)
_MENU_RE = re.compile(r"\s\|\s|^\W*\w+\W*$")


def detect(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """A donation appeal in `sentence`, or None. `organisation` may be empty."""
    if _MENU_RE.search(sentence.text):
        return None
    # "To donate, send an e-transfer to ...": the first trigger may not be the asking one.
    appeals = [
        found
        for match in _TRIGGER_RE.finditer(sentence.text)
        if (found := _appeal(sentence.text, match, context.news))
        and (not match.group("trigger").casefold().startswith("support") or _money(context))
    ]
    if not appeals:
        return None
    match, score = max(appeals, key=lambda pair: pair[1])

    organisation = (
        _channel_org(sentence.text, context)
        or _recipient(sentence.text)
        or subject_org(sentence.text[: match.start()])
        or _kept_up(sentence.text[match.end() :], context)
    )
    organisation = context.orgs.canonical(organisation) if organisation else ""
    organisation = _fund_holder(organisation, context)
    # Naming the organisation makes the appeal both clearer and better evidence.
    score += 0.05 if organisation else -0.05
    return CallToAction(
        kind=DONATE,
        text=describe(organisation, sentence.text),
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=score,
        organisation=organisation,
    )


def _appeal(sentence: str, match: re.Match[str], news: bool) -> tuple[re.Match[str], float] | None:
    """The trigger and its score when it asks the reader for money, else None."""
    trigger = match.group("trigger").casefold()
    verb_form = trigger.startswith(
        ("donate", "donating", "give", "chip", "make", "become", "send", "support")
    )
    # "Your gift today ..." addresses the reader: let "Your" count as the subject.
    start = match.start() + (len("your ") if trigger.startswith("your") else 0)
    stance = assess(sentence, start, match.end(), imperative=verb_form, news=news)
    if stance.label == DIRECT and not verb_form and not _ASKING_NOUN_RE.search(sentence):
        return None  # "We thank the Foundation for its generous donation."
    if stance.label in (DIRECT, IMPERATIVE, APPEAL):
        return match, stance.score
    if trigger.startswith("cheque"):
        # "Cheques payable to St. Matthew's Outreach Fund, please.": how to give, as a request.
        return match, 0.4 if news or stance.label == REPORTED else 0.7
    public = verb_form and _PUBLIC_CAN_RE.search(sentence[: match.start()])
    if public or _PASSIVE_APPEAL_RE.search(sentence[match.end() :]):
        # In a news report, "Donations can be made at the union's office" is what the union
        # said, not the paper asking its readers; where the paper itself gives the address to
        # give at ("Donations can also be made online at ..."), it tells its readers.
        if stance.label == REPORTED or (news and not _CHANNEL_RE.search(sentence)):
            return match, 0.4
        return match, 0.7
    return None


def _money(context: DocumentContext) -> bool:
    return bool(_MONEY_RE.search(context.text))


def _squashed(words: list[str]) -> str:
    return "".join(re.sub(r"['\u2019]s$", "", word) for word in words).casefold()


def _channel_org(sentence: str, context: DocumentContext) -> str:
    """The organisation whose name is the web or e-mail address given to give at
    ("www.humanitariancoalition.ca" -> "Humanitarian Coalition"), counting a name's first words
    ("unitedwaybg.com" -> "United Way of Grey-Bruce")."""
    labels = [m.group("label").replace("-", "").casefold() for m in _DOMAIN_RE.finditer(sentence)]
    best = ""
    for name in context.orgs.names() if labels else ():
        words = [w for w in re.findall(r"[\w'\u2019]+", name) if w.casefold() != "the"]
        for size in range(len(words), 0, -1):
            squashed = re.sub(r"\W", "", _squashed(words[:size]))
            if len(squashed) >= 6 and any(squashed in label for label in labels):
                if len(name) > len(best):
                    best = name
                break
    return context.orgs.canonical(best) if best else ""


def describe(organisation: str, *sentences: str) -> str:
    """'Donate to X to help fund Y' from the organisation and the purpose in any sentence."""
    purpose = ""
    for sentence in sentences:
        found = _PURPOSE_RE.search(sentence)
        if found:
            purpose = wording.finish(found.group("purpose"))
            purpose = re.sub(r"(?i)^will\s+(?:help\s+)?", "to ", purpose)
            break
    if organisation:
        return f"Donate to {organisation}" + (f" {purpose}" if purpose else "")
    return "Donate" + (f" {purpose}" if purpose else "")


def _recipient(sentence: str) -> str:
    match = _RECIPIENT_RE.search(sentence)
    if not match:
        return ""
    name = clean_org(org_at(match.group("org")))
    if not name or _ADJECTIVE_RE.match(match.group("org")):
        return ""
    # A lone capitalised word after "donate to" is usually an organisation (Oxfam), but
    # pronoun-like words are not.
    if len(name.split()) == 1 and not (is_org_like(name) or name[0].isupper()):
        return ""
    return name


def _fund_holder(organisation: str, context: DocumentContext) -> str:
    """'Donate to the Government Ethics Fund' on a page where another organisation raises the
    money: a fund ("... Fund", with nothing after it) is that organisation's, and the gift goes
    to it. A fund that is itself the page's organisation stays."""
    if not _FUND_RE.search(organisation):
        return organisation
    own = context.orgs.fundraiser()
    if not own or _FUND_RE.search(own):
        return organisation
    # The organisation must itself ask for the reader's support somewhere on the page.
    asks = any(own in s.text and _READERS_SUPPORT_RE.search(s.text) for s in context.sentences)
    return own if asks else organisation


def _kept_up(rest: str, context: DocumentContext) -> str:
    """The organisation a gift keeps going, when the document names it elsewhere too or the
    name looks like an organisation's ("to support Syrian families" names none)."""
    match = _KEEP_RE.search(rest)
    name = clean_org(org_at(match.group("org"))) if match else ""
    if name and (is_org_like(name) or context.orgs.count(name) >= 2):
        return name
    return ""


# An appeal's signature: "Executive Director, Wildsight", "Jane Roe, Campaigns Director at X".
_SIGNATORY_RE = re.compile(
    r"(?m)^[^\S\n]*(?:[A-Z][\w.'\u2019-]+[^\S\n]+){0,3}?(?:(?:Executive|Managing|Campaigns?|"
    r"Development|Fundraising|Program(?:me)?s?)[^\S\n]+)?(?:Director|President|CEO|Chair|Founder|"
    r"Coordinator|Organi[sz]er)[^\S\n]*(?:,|\bat\b|\bof\b)[^\S\n]*"
    r"(?P<org>[A-Z][\w&'\u2019.-]*(?:[^\S\n]+(?:of|for|and|the|&|[A-Z][\w&'\u2019.-]*)){0,6})"
    r"[^\S\n]*$"
)
# How far from the end of a short appeal its signature may be (a postscript may follow).
_SIGNATURE_REACH = 600


def signing_organisation(text: str) -> str:
    """The organisation of whoever signs the appeal ("Executive Director, Wildsight"), when the
    signature sits near its end: the one the gifts go to, whatever else the letter names."""
    tail = max(0, len(text) - _SIGNATURE_REACH)
    found = [m for m in _SIGNATORY_RE.finditer(text, tail)]
    return found[-1].group("org").strip() if found else ""


# "Food banks urgently need your help": a sentence whose subject is who the gifts help.
_NEEDS_HELP_RE = re.compile(
    r"(?m)^\W*(?P<who>[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,3}?)\s+"
    r"(?:urgently\s+|really\s+|still\s+)?needs?\s+your\s+(?:help|support|gifts?)\b"
)
# Not who is helped but who gives: "You", "We", "They".
_PRONOUNS = frozenset(["you", "we", "they", "i", "it", "this", "that", "families"])


def beneficiary(text: str) -> str:
    """Whom an appeal that names no organisation raises money for: the subject of the first
    sentence saying it needs the reader's help ("Food banks urgently need your help"), or ""."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        found = _NEEDS_HELP_RE.match(sentence.strip())
        if found and found.group("who").split()[0].casefold() not in _PRONOUNS:
            return found.group("who")
    return ""
