"""Wording a call page from a document's call to action: its title, and what to say.

A call to action speaks to supporters ("Call Councillor Bravo at 416-… and ask her to vote
against the rezoning"); a script is what the supporter says on the phone ("I am calling to ask
Alejandra Bravo to vote against the rezoning"). These functions turn the one into the other
where they can and fall back on the campaign's title where they cannot: the organiser edits the
draft before publishing. Plain Python: no database.
"""

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

# Placeholders the supporter fills in, in the page's own words ("[your name]").
OPENING = "Hello, my name is [your name] and I live in [your town or postal code]."
CLOSING = "Thank you for passing on my message."
SEVERAL = "[the person whose office you are calling]"

# "… and ask her to vote against the rezoning" -> "vote against the rezoning"
_RELAYED_ASK = re.compile(
    r"(?i)\b(?:ask|urge|tell|call\s+on|press|implore|encourage|request)\s+(?:that\s+)?"
    r"(?:them|him|her|it|(?:the\s+)?[\w\u2019'.-]+(?:\s+[\w\u2019'.-]+){0,5}?)\s+to\s+"
    r"(?P<ask>.+)$"
)
# "… and demand that the province honour its commitments"
_DEMAND_THAT = re.compile(r"(?i)\bdemand\s+that\s+(?P<demand>.+)$")
# "… and tell them (that) no worker should choose between medicine and rent"
_TELL_THEM = re.compile(r"(?i)\btell\s+(?:them|him|her|it)\s+(?:that\s+)?(?P<message>.+)$")
# An instruction to the supporter, not something to say: "Call the Minister's office".
_CONTACT_INSTRUCTION = re.compile(r"(?i)^\W*(?:please\s+)?(?:call|phone|ring|contact|reach)\b")
# A talking point completing "you …" ("want needs-based funding restored") is said "I …".
_FIRST_PERSON_VERBS = frozenset(
    {"agree", "ask", "believe", "call", "demand", "expect", "hope", "need", "oppose"}
    | {"support", "urge", "want", "will"}
)


@dataclass(frozen=True)
class OfficeName:
    """Whom a call reaches, as the document names them."""

    name: str = ""
    role: str = ""
    kind: str = ""
    organisation: str = ""


def office_label(office: OfficeName) -> str:
    """How the page names an office: "Doug Ford, Premier", "Doug Ford", "the Premier"."""
    name, role = office.name.strip(), office.role.strip()
    if name and role:
        return f"{name}, {role}"
    return name or role or office.organisation.strip()


def _whom(offices: Sequence[OfficeName]) -> str:
    """Whom the script asks: the one office's person, else a blank the supporter fills."""
    if len(offices) != 1:
        return SEVERAL
    office = offices[0]
    if office.name.strip():
        return office.name.strip()
    if office.kind == "mp" and office.role.strip() in ("", "MP", "Member of Parliament"):
        return "my MP"
    role = office.role.strip()
    return f"the {role}" if role else SEVERAL


def call_title(offices: Sequence[OfficeName]) -> str:
    """ "Call Doug Ford", "Call the Premier", "Call Doug Ford and David Piccini", or for more
    than two, "Call these 3 offices"."""
    names = [office.name.strip() or _whom([office]) for office in offices]
    if len(names) == 1:
        title = f"Call {names[0]}"
    elif len(names) == 2:
        title = f"Call {names[0]} and {names[1]}"
    else:
        title = f"Call these {len(names)} offices"
    return title.replace("Call my MP", "Call your MP")[:200]


def _clean(text: str) -> str:
    return " ".join(text.split()).strip().rstrip(" .!:;,")


def _lower_first(text: str) -> str:
    if text[:1].isupper() and not text[:2].isupper():
        return text[0].lower() + text[1:]
    return text


def _in_first_person(message: str) -> str:
    """ "you oppose the contract" -> "I oppose the contract"; other messages as written."""
    return re.sub(r"(?i)^you\s+", "I ", message)


def what_to_say(
    *, text: str, evidence: str, offices: Sequence[OfficeName], campaign_title: str
) -> str:
    """The sentence that says why one is calling, from the action's text and evidence."""
    text, evidence = _clean(text), _clean(evidence)
    whom = _whom(offices)
    for source in (text, evidence):
        demand = _DEMAND_THAT.search(source)
        if demand:
            return f"I am calling to demand that {_clean(demand.group('demand'))}."
        relayed = _RELAYED_ASK.search(source)
        if relayed:
            return f"I am calling to ask {whom} to {_clean(relayed.group('ask'))}."
        told = _TELL_THEM.search(source)
        if told:
            return f"I am calling to say that {_in_first_person(_clean(told.group('message')))}."
    if re.match(r"(?i)you\s", text):
        return f"I am calling to say that {_in_first_person(text)}."
    if text and not _CONTACT_INSTRUCTION.match(text):
        # The extraction kept only the ask: "vote against the bill", or what to tell them
        # ("the caribou cannot wait another year"), which the evidence says.
        if re.search(rf"(?i)\btell\s+\w+\s+(?:that\s+)?{re.escape(text)}", evidence):
            return f"I am calling to say that {_lower_first(text)}."
        return f"I am calling to ask {whom} to {_lower_first(text)}."
    title = _clean(campaign_title)
    return f"I am calling about {title}." if title else "I am calling about an urgent matter."


def _point(point: str) -> str:
    point = _clean(point)
    first = point.split(" ", 1)[0]
    if first in _FIRST_PERSON_VERBS:  # lower case: it completes "you …"
        return f"I {point}"
    return point[:1].upper() + point[1:]


def call_script(
    *,
    text: str,
    evidence: str,
    talking_points: Sequence[str],
    offices: Sequence[OfficeName],
    campaign_title: str,
) -> str:
    """A first script: who is calling, why, the talking points, and thanks.

    The supporter's own details are left as [brackets] they fill in as they speak.
    """
    paragraphs = [
        OPENING,
        what_to_say(text=text, evidence=evidence, offices=offices, campaign_title=campaign_title),
    ]
    points = [_point(str(p)) for p in talking_points if _clean(str(p))]
    if points:
        paragraphs.append("\n".join(f"- {point}" for point in points))
    paragraphs.append(CLOSING)
    return "\n\n".join(paragraphs)


def drafting_in(language: str) -> ModuleType:
    """The module that words a campaign's call pages in `language` (Campaign.language): this
    one, or campaign.calls.drafting_fr; both have call_title and call_script."""
    # Imported here: drafting_fr takes OfficeName from this module.
    from campaign.calls import drafting_fr

    return drafting_fr if language == "fr" else sys.modules[__name__]
