"""Wording a first draft of a letter template from a document's call to action.

A call to action speaks to supporters ("Email the Minister and urge her to…"); a letter speaks
to the recipient ("I am writing to ask you to…"). These functions turn the one into the other
where they can, and fall back on the campaign's title where they cannot. The organiser edits
the draft before publishing.
"""

import re

from campaign.extraction.letter_body import REPRESENTATIVE, SUPPORTER
from campaign.models import CallToAction, Campaign

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


def first_person_points(action: CallToAction) -> list[str]:
    """The action's talking points, in the writer's voice when the document's grammar asks.

    "…send an email saying that you: • Condemn the actions… • That you ask the government…"
    becomes "I condemn the actions…", "I ask the government…". Other points are kept as written.
    """
    points = [" ".join(str(p).split()) for p in (action.talking_points or []) if str(p).strip()]
    if not _POINTS_COMPLETE_YOU.search(action.evidence_quote or ""):
        return points
    voiced = []
    for point in points:
        point = _LEADING_THAT_YOU.sub("", point)
        voiced.append(f"I {_sentence_case(point)}")
    return voiced


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


def draft_subjects(*, action: CallToAction, campaign: Campaign) -> str:
    """Three subject lines, one per line (supporters get them in turn)."""
    ask = letter_ask(action)
    stance = supporter_stance(action)
    if stance.startswith("my support for "):
        first = _shorten(f"I support {stance.removeprefix('my support for ')}")
    elif ask and not stance:
        first = f"Please {_shorten(ask)}"
    else:
        first = _shorten(campaign.title.strip() or "Please act")
    variants = [
        first,
        "A constituent asks you to act"
        if action.kind == CallToAction.Kind.LETTER_TO_MP
        else "A Canadian asks you to act",
        "Please act now, and reply to me",
    ]
    # Subjects are single header lines: nothing the document said can add a line.
    return "\n".join(" ".join(variant.split()) for variant in variants)
