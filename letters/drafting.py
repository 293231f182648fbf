"""Wording a first draft of a letter template from a document's call to action.

A call to action speaks to supporters ("Email the Minister and urge her to…"); a letter speaks
to the recipient ("I am writing to ask you to…"). These functions turn the one into the other
where they can, and fall back on the campaign's title where they cannot. The organiser edits
the draft before publishing.
"""

import re
import sys
from types import ModuleType

from campaign.extraction.letter_body import REPRESENTATIVE, SUPPORTER
from campaign.models import CallToAction, Campaign, Language
from letters import drafting_fr

# What a drafted template is called, by its kind: content, in the campaign's language.
LETTER_TITLES = {"mp": "Write to your MP", "targets": "Write to the decision-makers"}

# "Email your MP and urge them to stop the deportation" -> "stop the deportation"
_RELAYED_ASK = re.compile(
    r"\b(?:ask|urge|tell|call on|demand|request)\s+(?:that\s+)?"
    r"(?:them|him|her|it|your\s+mp|the\s+[\w\s\u2019'-]{1,60}?)\s+to\s+(?P<ask>.+)$",
    re.IGNORECASE,
)
# "…to indicate your support for immediate government action": the supporter's own stance,
# which the letter states in the first person.
_SUPPORTER_STANCE = re.compile(
    r"^(?:to\s+)?(?:indicate|express|show|voice|register|share)\s+your\s+"
    r"(?P<stance>support\s+for|opposition\s+to|concerns?\s+(?:about|over|for))\s+(?P<object>.+)$",
    re.IGNORECASE,
)
# An instruction to the supporter to get in touch, not something the recipient can do.
_CONTACT_INSTRUCTION = re.compile(
    r"^\s*(?:please\s+)?(?:send|write|e-?mail|contact|call|phone|tweet|message|reach out|"
    r"sign|share|tell|let)\b",
    re.IGNORECASE,
)


# "…saying that you:" / "tell them you:" — the points that follow complete "you …", so in the
# supporter's own letter they read "I …".
_POINTS_COMPLETE_YOU = re.compile(
    r"\b(?:saying|say|telling\s+them|tell\s+them|stating|explaining)\s+(?:that\s+)?you\s*:\s*$",
    re.IGNORECASE,
)
_LEADING_THAT_YOU = re.compile(r"^(?:that\s+)?you\s+", re.IGNORECASE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of asking. Two in a row ("Urge demand the end of…") is a document edited halfway: the
# second one is the verb its object was written for.
_ASKING_VERBS = frozenset(
    {"ask", "urge", "demand", "request", "call", "implore", "insist", "beg", "encourage"}
)
_DOUBLED_ASKING_VERB = re.compile(
    rf"^(?:{'|'.join(sorted(_ASKING_VERBS))})\s+(?=(?:{'|'.join(sorted(_ASKING_VERBS))})\b)",
    re.IGNORECASE,
)
# What a supporter says they do, in the form "I …" takes; a point starting with one of these
# (or its "-s"/"-ing" form) is voiced "I …" in the base form.
_FIRST_PERSON_VERBS = _ASKING_VERBS | {
    "agree",
    "applaud",
    "believe",
    "care",
    "commend",
    "condemn",
    "denounce",
    "deplore",
    "expect",
    "fear",
    "feel",
    "hope",
    "join",
    "know",
    "need",
    "object",
    "oppose",
    "press",
    "protest",
    "recognise",
    "recognize",
    "refuse",
    "reject",
    "share",
    "stand",
    "support",
    "thank",
    "think",
    "want",
    "welcome",
}
_FIRST_PERSON_FORMS = {"is": "am", "are": "am", "was": "was", "were": "was", "has": "have"}
# Words no "I …" can start with: the point is a noun phrase ("An end to…"), a plea to the
# recipient ("Please stop…") or already voiced; it is kept as written.
_NOT_A_VERB = _words(
    """a an the this that these those my our your their his her its i we they he she it
    please to for of in on at by with no not all every each some any"""
)
# What a government can be asked to do. "Ask the government speak out" lost its "to"; only
# these verbs bring it back, so "ask the minister questions" is left alone.
_ACTION_VERBS = _words(
    """act allow bring cancel commit condemn create denounce do end ensure evacuate expand fund
    grant halt help increase intervene introduce investigate issue keep let make open pass
    protect provide put raise recognise recognize release remove rescue resettle restore
    reverse sanction save speak stand step stop support take use vote welcome withdraw work"""
)
_ASKED_WITHOUT_TO = re.compile(
    r"\b(?P<ask>(?i:ask|urge|call\s+on|implore|encourage|beg|press))\s+"
    r"(?P<whom>(?:(?i:the)\s+)?(?:[\w\u2019'-]+\s+){0,4}?"
    r"(?i:government|minister|premier|parliament|authorities|ambassador|embassy|president|"
    r"council|canada|them|him|her|you))\s+"
    rf"(?=(?:{'|'.join(sorted(_ACTION_VERBS))})\b)"
)


def _repaired(point: str) -> str:
    """A point without the slips a document's editing leaves: a doubled verb, a lost "to"."""
    repaired = _DOUBLED_ASKING_VERB.sub("", point)
    if repaired != point and point[:1].isupper():
        repaired = repaired[:1].upper() + repaired[1:]
    return _ASKED_WITHOUT_TO.sub(r"\g<ask> \g<whom> to ", repaired)


def _in_first_person(point: str) -> str:
    """A point completing "you …", voiced "I …"; kept as written when "I" cannot start it."""
    first, _space, rest = point.partition(" ")
    word = first.lower()
    if word in _NOT_A_VERB:
        return point
    if word in _FIRST_PERSON_FORMS:
        word = _FIRST_PERSON_FORMS[word]
    elif word not in _FIRST_PERSON_VERBS:
        # "Condemns" / "Urges" / "Calling on": the base form, when the verb is one we know.
        for base in (word[:-1], word[:-2], word[:-3], word[:-3] + "e"):
            if base in _FIRST_PERSON_VERBS and word in (base + "s", base + "es", _ing(base)):
                word = base
                break
        else:
            return f"I {_sentence_case(point)}"
    return f"I {word} {rest}".rstrip()


def _ing(verb: str) -> str:
    return (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"


def first_person_points(action: CallToAction) -> list[str]:
    """The action's talking points, grammatical, in the writer's voice when the document's
    grammar asks.

    "…send an email saying that you: • Condemn the actions… • Urge demand the end… • That you
    ask the government speak out…" becomes "I condemn the actions…", "I demand the end…",
    "I ask the government to speak out…". Other points are kept as written, less such slips.
    """
    points = [" ".join(str(p).split()) for p in (action.talking_points or []) if str(p).strip()]
    if not _POINTS_COMPLETE_YOU.search(action.evidence_quote or ""):
        return [_repaired(point) for point in points]
    return [_in_first_person(_repaired(_LEADING_THAT_YOU.sub("", point))) for point in points]


def demand_talking_point(*, addressee: str, demand: str) -> str:
    """A campaign's demand as a letter's talking point: "Ask the Government of Canada to …"."""
    demand = _sentence_case(" ".join(demand.split()).rstrip(" .!"))
    return f"Ask {addressee} to {demand}." if addressee else f"Ask for action: {demand}."


def _sentence_case(text: str) -> str:
    if text[:1].isupper() and not text[:2].isupper():
        return text[0].lower() + text[1:]
    return text


def supporter_stance(action: CallToAction) -> str:
    """The supporter's stance in the first person ("my support for …"), or ""."""
    text = " ".join((action.text or "").split()).rstrip(" .!")
    match = _SUPPORTER_STANCE.match(text)
    if not match:
        return ""
    stance = " ".join(match.group("stance").lower().split())
    return f"my {stance} {match.group('object')}"


def letter_ask(action: CallToAction) -> str:
    """What the recipient is asked to do, as a verb phrase ("stop the deportation"), or ""."""
    text = " ".join((action.text or "").split()).rstrip(" .!")
    if not text:
        return ""
    relayed = _RELAYED_ASK.search(text)
    if relayed:
        return _sentence_case(relayed.group("ask").rstrip(" .!"))
    if _CONTACT_INSTRUCTION.match(text):
        return ""
    return _sentence_case(text)


def draft_body(*, action: CallToAction, campaign: Campaign) -> str:
    """A first letter body with the template variables in place, for the organiser to edit.

    It uses the document's own letter when there is one, then the supporter's stance or the
    recipient's ask, and the campaign's title when the action says neither.
    """
    ask = letter_ask(action)
    stance = supporter_stance(action)
    paragraphs = [f"Dear {REPRESENTATIVE},"]
    if action.letter_body.strip():
        paragraphs.append(action.letter_body.strip())
    if stance:
        paragraphs.append(
            f"I am writing to express {stance}, and to ask you to champion it."
            if stance.startswith("my support")
            else f"I am writing to express {stance}, and to ask you to act on it."
        )
    elif ask and ask not in action.letter_body:
        paragraphs.append(f"I am writing to ask you to {ask}.")
    elif not ask and not action.letter_body.strip():
        paragraphs.append(
            f"I am writing to you about something that matters to me: {campaign.title.strip()}."
        )
    paragraphs.append("{{ talking_points }}")
    paragraphs.append("I look forward to your reply.")
    paragraphs.append("Sincerely,\n" + SUPPORTER + "\n{{ supporter_postal_code }}")
    return "\n\n".join(paragraphs)


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"


def _issue(*, action: CallToAction, campaign: Campaign) -> str:
    """What the letter is about, in a few words: the campaign's title, else what it asks."""
    title = " ".join(campaign.title.split()).rstrip(" .!")
    if title:
        return _shorten(title)
    ask = letter_ask(action)
    return _shorten(ask[:1].upper() + ask[1:]) if ask else ""


def _naming(lead: str, issue: str) -> str:
    if not lead or issue.lower() in lead.lower():
        return lead or issue
    return f"{lead}: {issue}"


def draft_subjects(*, action: CallToAction, campaign: Campaign) -> str:
    """Three subject lines, one per line (supporters get them in turn), each naming the issue.

    A recipient's inbox shows the subject alone, so "A Canadian asks you to act" must say about
    what: every variant carries the campaign's title (or, without one, the ask).
    """
    ask = letter_ask(action)
    stance = supporter_stance(action)
    if stance.startswith("my support for "):
        lead = _shorten(f"I support {stance.removeprefix('my support for ')}")
    elif ask and not stance:
        lead = f"Please {_shorten(ask)}"
    else:
        lead = ""
    asks = (
        "A constituent asks you to act"
        if action.kind == CallToAction.Kind.LETTER_TO_MP
        else "A Canadian asks you to act"
    )
    issue = _issue(action=action, campaign=campaign)
    if issue:
        variants = [
            _naming(lead, issue),
            f"{asks}: {issue}",
            f"{issue}: please act now, and reply to me",
        ]
    else:  # nothing names the issue: the ask alone
        variants = [lead or "Please act", asks, "Please act now, and reply to me"]
    # Subjects are single header lines: nothing the document said can add a line.
    return "\n".join(" ".join(variant.split()) for variant in variants)


def drafting_in(language: str) -> ModuleType:
    """The module that words a campaign's letters in `language` (Campaign.language): this one,
    or letters.drafting_fr. Both have the same functions and LETTER_TITLES."""
    return drafting_fr if language == Language.FRENCH else sys.modules[__name__]
