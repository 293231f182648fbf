"""Giving an instruction that says nothing about what to ask the demand stated next to it.

Where the demand comes from, in order: another action's demand within _NEARBY, the order after
the instruction ("Tell them that ..."), the sentence before it, the heading it sits under, the
document's title. A list the instruction introduces ("let them know about our demands: 1. ...")
becomes its talking points (`pipeline._attach_lists`), so it does not say nothing.

"Email Premier Danielle Smith: premier@gov.ab.ca" under "Contact your MLA and ask them to stop
the expansion of private surgical contracts", or "mail it to: <the Prime Minister's address>"
after "postcards asking Canada to stop selling weapons", asks for what the nearby sentence
states. Without this the action's text would be the instruction itself ("Email Premier
Danielle Smith"), which tells an organiser and a supporter nothing about the campaign.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from . import fr_letters, fr_wording, letters, wording
from .text import lines
from .types import CONTACT_KINDS, DONATE, CallToAction

# How far (in characters) the stated demand may be from the instruction.
_NEARBY = 600
# Text that is only the instruction: "Email Premier X", "Mail it to", "Write to: Hon. X".
_INSTRUCTION_RE = re.compile(
    r"(?i)^(?:please\s+)?(?:write|e-?mail|call|phone|ring|contact|send|mail|fax|tweet|reach|"
    r"get\s+in\s+touch|message|lobby|visit|meet|"
    # A heading naming the act: "Writing to your MP", "Calling the Minister's office is easy".
    r"writing|e-?mailing|calling|phoning|contacting)\b"
)
# What to say, written as the next order: "Tell both of them that you want them to X",
# "Leave a message about how you want Canada to X", "Let him know that X".
_FOLLOWING_ASK_RE = re.compile(
    r"(?i)(?:^|(?<=[.!?:]\s)|(?<=\n)|(?<=\band\s))\W*(?:please\s+|then\s+|and\s+)*"
    r"(?:(?:tell|ask|urge|remind)\s+(?:[\w'\u2019-]+\s+){1,3}?(?:that\s+|to\s+)"
    r"|let\s+(?:them|him|her)\s+know\s+(?:that\s+)?"
    r"|leave\s+(?:a|your)\s+message\s+(?:about|saying|asking)\s+(?:that\s+|how\s+|them\s+to\s+)?)"
    r"(?P<demand>[a-z][^.!?\n]*)"
)

# « Écrivez à votre député », « Envoyez un courriel au ministre », « Appelez ... ».
_INSTRUCTION_FR_RE = re.compile(
    r"(?i)^(?:veuillez\s+|svp\s+)?(?:écri|envoy|appel|téléphon|contact|joign|"
    r"communiqu|rencontr|adress|fai(?:tes|re)\s+parvenir|courriel|transmett|interpel)"
)

_SIGNING_FR_RE = re.compile(r"(?i)^sign(?:er|ez)\s+(?:la|notre|cette|une)\s+pétition\W*$")

_PURPOSE_RE = re.compile(
    r"(?i)\b(?:ask|tell|urge|asking|telling|urging)\s+(?:him|her|them)\s+(?:to|that)\s+"
    r"(?P<demand>\S.*)"
)


# A demand stated plainly: "We want the lockdown to end", "Ottawa must scrap the tax", or an
# order to a decision-maker as a heading ("Save the Carleton Library!", "Let them stay").
_STATED_DEMAND_RE = re.compile(
    r"(?i)^\W*(?:(?:we|i)\s+(?:(?:all|also|still)\s+)?(?:want|need|demand|call\s+for|ask\s+for)\b"
    r"|[^.!?:]{1,80}?\b(?:must|should|needs?\s+to|has\s+to|have\s+to)\s+(?!we\b|you\b)[a-z]"
    r"|(?:stop|save|protect|end|keep|ban|scrap|reverse|restore|fund|defend|halt|cancel|repeal|"
    r"reject|pass|oppose|no\s+to|yes\s+to|let\s+(?!(?:us|me|them|him|her)\s+know\b)\w+\s+\w+)\b)"
)
# Headings that name the act rather than the demand: "Take action", "Act now", "Donate".
_ACT_HEADING_RE = re.compile(
    r"(?i)\b(?:take\s+action|act\s+now|get\s+involved|action\s+alert|donate|sign|"
    r"petition|how\s+to|update|news)\b"
)
_MIN_WORDS = 3
# The sentence before an instruction saying what to ask the officials: "... urge them to X".
_URGED_RE = re.compile(
    r"(?i)\b(?:urg(?:e|ing)|ask(?:ing)?|tell(?:ing)?|call(?:ing)?\s+on|press(?:ing)?)\s+"
    r"(?:them|him|her)\s+to\s+(?P<demand>[a-z][^.!?\n]*)"
)
# How many sentences up what callers are to say may be stated.
_URGED_REACH = 3

# French: « Nous demandons ... », « Nous voulons ... », « Le ministre doit (cesser de) ... »,
# « Il faut ... », or a heading ordering it: « Non au pipeline », « Sauvons ... », « Stop ... ».
_STATED_DEMAND_FR_RE = re.compile(
    r"(?i)^\W*(?:(?:nous|je)\s+(?:(?:tous|toutes|aussi|toujours)\s+)?(?:demandons|voulons|"
    r"exigeons|réclamons|revendiquons|demande|veux|exige|réclame)\b"
    r"|(?!(?:vous|nous|on|tu|je)\b)[^.!?:]{1,80}?\b(?:doit|doivent|devrait|devraient)\s+"
    r"(?!(?:nous|vous)\b)[a-zà-ÿ]"
    r"|il\s+faut\b"
    r"|(?:non|oui)\s+(?:au|aux|à)\b|stop\b|halte\b|sauvons\b|sauvez\b|protégeons\b|"
    r"protégez\b|défendons\b|préservons\b|arrêtons\b|mettons\s+fin\b|"
    r"pour\s+(?:(?:un|une|le|la|les|des|que)\b|l['\u2019]|qu['\u2019])"
    # « L'inaction climatique : ça suffit ! », « Les coupes, assez ! »: a slogan saying stop.
    r"|[^.!?:]{3,80}[:,]\s*(?:ça|ca|c['\u2019]en\s+est)\s+(?:suffit|assez)\b"
    r"|[^.!?:]{3,80}[:,]\s*(?:assez|basta)\b)"
)
# French headings naming the act: « Passez à l'action », « Agissez », « Signez », « Faites un don ».
_ACT_HEADING_FR_RE = re.compile(
    r"(?i)\b(?:passe[zr]\s+à\s+l['\u2019]action|agisse[zr]|agissons|agir|sign(?:ez|er|ons)|"
    r"fai(?:tes|re)\s+un\s+don|donnez|dons?|pétitions?|nouvelles|actualités?|"
    r"mises?\s+à\s+jour|comment|impliquez-vous|en\s+savoir\s+plus)\b"
)
# « ... demandez-leur de X », « exhortons-les à X », « pressez-le de X ».
_URGED_FR_RE = re.compile(
    r"(?i)\b(?:demand|exhort|press)\w*[-\s](?:leur|lui|les|la|le)\s+(?:de\s+|d['\u2019]|à\s+)"
    r"(?P<demand>[a-zà-ÿ][^.!?\n]*)"
)


@dataclasses.dataclass(frozen=True)
class _Cues:
    """One language's patterns for the demand stated around an instruction."""

    instruction: re.Pattern[str]
    stated: re.Pattern[str]
    act_heading: re.Pattern[str]
    urged: re.Pattern[str]
    demand: Callable[[str], str]
    # Whether a heading that only names the topic will do (English only, for now).
    topics: bool


_EN = _Cues(_INSTRUCTION_RE, _STATED_DEMAND_RE, _ACT_HEADING_RE, _URGED_RE, wording.demand, True)
_FR = _Cues(
    _INSTRUCTION_FR_RE,
    _STATED_DEMAND_FR_RE,
    _ACT_HEADING_FR_RE,
    _URGED_FR_RE,
    fr_wording.demand,
    False,
)


def says_nothing(action: CallToAction, *, language: str = "en") -> bool:
    """True for a letter or call whose text is only whom to contact, with nothing to say."""
    return (
        only_whom(action, language=language)
        and not action.talking_points
        and not action.letter_body
    )


def only_whom(action: CallToAction, *, language: str = "en") -> bool:
    """True for a letter or call whose text says only whom to contact (points aside)."""
    french = language == "fr"
    instruction = _INSTRUCTION_FR_RE if french else _INSTRUCTION_RE
    purposeful = fr_letters.states_purpose if french else letters.states_purpose
    return (
        action.kind in CONTACT_KINDS
        and bool(instruction.match(action.text))
        and not purposeful(action.text)
    )


def borrow_demands(
    actions: list[CallToAction], text: str = "", *, language: str = "en"
) -> list[CallToAction]:
    """Give each instruction that says nothing the nearest demand stated within _NEARBY, or
    else what the order after it says to tell them (`text` is the document)."""
    stated = [
        (a, demand) for a in actions if a.kind != DONATE and (demand := _demand_of(a, language))
    ]
    borrowed = []
    for action in actions:
        if not says_nothing(action, language=language):
            borrowed.append(action)
            continue
        nearest = min(
            (pair for pair in stated if pair[0].evidence.gap(action.evidence) <= _NEARBY),
            key=lambda pair: (pair[0].evidence.gap(action.evidence), -pair[0].confidence),
            default=None,
        )
        if nearest is not None:
            demand = nearest[1]
        elif language == "en":
            # What is said around it: the order that follows ("Tell her that ..."), the
            # sentence before, the heading above or the title.
            demand = (
                _following_ask(action, text)
                or _sentence_before(action, text)
                or _heading_above(action, text)
            )
        else:
            # The orders that follow, in French (« dites que vous demandez ... »), else the
            # summary the page gives under a « Résumé » heading, as talking points, else the
            # sentence before, the heading above or the title.
            demand = _following_ask_fr(action, text)
            told = [] if demand else _told_fr(action, text)
            if told:
                demand = told[0]
                if len(told) > 1:
                    action = dataclasses.replace(action, talking_points=tuple(told))
            points = [] if demand else fr_letters.summary_points(action, text)
            if points:
                action = dataclasses.replace(action, talking_points=points)
            elif not demand:
                # A heading shouted in capitals (« L'INACTION : ÇA SUFFIT ») in ordinary case.
                demand = _calm_heading(
                    _sentence_before(action, text, _FR) or _heading_above(action, text, _FR)
                )
        borrowed.append(dataclasses.replace(action, text=demand) if demand else action)
    return borrowed


def stated_demand(sentence: str, *, language: str = "en") -> str:
    """The demand `sentence` states plainly, tidied, or ""."""
    return _stated(sentence, _FR if language == "fr" else _EN)


def _stated(sentence: str, cues: _Cues) -> str:
    sentence = sentence.strip()
    if (
        not sentence
        or sentence.endswith("?")
        or cues.instruction.match(sentence)
        or cues.act_heading.search(sentence)
        or not cues.stated.match(sentence)
    ):
        return ""
    demand = wording.finish(wording.strip_links(sentence))
    return demand if len(demand.split()) >= _MIN_WORDS else ""


def _sentence_before(action: CallToAction, text: str, cues: _Cues = _EN) -> str:
    """The demand stated in the sentence right before the instruction's ("We ask that you"
    before "send an email ..." is the instruction's own sentence, not the one before)."""
    start = action.evidence.start
    before = text[max(0, start - _NEARBY) : start]
    parts = re.split(r"(?<=[.!?])\s+|\n", before)
    if parts and not re.search(r"(?:[.!?]\s*|\n\s*)$", before):
        parts = parts[:-1]  # the start of the instruction's own sentence
    sentences = [part for part in parts if part.strip()]
    if not sentences:
        return ""
    urged = _urged(sentences[-1], cues)
    if urged:
        # "Let's join together and urge them to support the Act. Please send this card to ..."
        return urged
    stated = _stated(sentences[-1], cues)
    if stated:
        return stated
    # "Each time it's a constituent, telling them to stand up for X. That could tip the
    # balance. ... It is easy to call your MP.": what callers say, a few sentences up.
    for sentence in reversed(sentences[-_URGED_REACH:-1]):
        if urged := _urged(sentence, cues):
            return urged
    return ""


def _urged(sentence: str, cues: _Cues = _EN) -> str:
    urged = cues.urged.search(sentence)
    if not urged or sentence.rstrip().endswith("?"):
        return ""
    demand = cues.demand(urged.group("demand"))
    return demand if len(demand.split()) >= _MIN_WORDS else ""


def _heading_above(action: CallToAction, text: str, cues: _Cues = _EN) -> str:
    """The demand the nearest heading above the instruction states, else the title's."""
    above = [
        line.text
        for line in lines(text[: action.evidence.start])
        if line.text.strip()
        and not re.search(r"[.,;:]\s*$", line.text)
        and len(line.text.split()) <= 12
    ]
    heading = above[-1] if above else ""
    first = next((line.text for line in lines(text) if line.text.strip()), "")
    return (
        _heading_demand(heading, cues)
        or (_heading_demand(first, cues) if first != heading else "")
        or (_topic(_section_heading(text, action.evidence.start)) if cues.topics else "")
    )


def _section_heading(text: str, end: int) -> str:
    """The nearest line above `end` standing as a heading: short, unpunctuated, after a blank
    line or at the top, and not going on into the next line ("... asking Canada to stop" /
    "selling weapons" is a hard-wrapped sentence)."""
    above = lines(text[:end])
    for index in range(len(above) - 1, -1, -1):
        line = above[index].text
        if (
            not line.strip()
            or re.search(r"[.,;:!]\s*$", line)
            or len(line.split()) > 12
            or (index > 0 and above[index - 1].text.strip())
        ):
            continue
        after = text[above[index].end :]
        if re.match(r"[ \t]*\r?\n[ \t>]*[a-z(]", after):
            continue
        return line
    return ""


def _topic(heading: str) -> str:
    """A section heading that names what the section campaigns on without phrasing it as a
    demand ("Clean River Dam isn't the only way"): better than an instruction saying nothing."""
    heading = heading.strip()
    if (
        len(heading.split()) < _MIN_WORDS
        or heading.endswith("?")
        or _INSTRUCTION_RE.match(heading)
        or _ACT_HEADING_RE.search(heading)
        or not re.match(r"[A-Z]", heading)
    ):
        return ""
    return wording.finish(wording.strip_links(heading))


def _heading_demand(heading: str, cues: _Cues = _EN) -> str:
    """The demand a heading states, or its part before a colon ("Let them stay: an update")."""
    return _stated(heading, cues) or (
        _stated(heading.split(":")[0], cues) if ":" in heading else ""
    )


def _following_ask(action: CallToAction, text: str) -> str:
    """'Phone the Minister. Tell her that you want her to X.': X."""
    end = action.evidence.end
    match = _FOLLOWING_ASK_RE.search(text, end, min(len(text), end + _NEARBY))
    if not match:
        return ""
    demand = wording.demand(match.group("demand"))
    return demand if len(demand.split()) >= 3 else ""


# How far (in characters) a French script's steps may run after the order to call or write.
_SCRIPT_NEARBY = 1500
# The caller's own request in a French script's steps: « dites ... que vous sollicitez son
# appui à X », « expliquez que vous demandez X », « nous sollicitons leur soutien à X ».
_FOLLOWING_ASK_FR_RE = re.compile(
    r"(?i)\b(?:vous|nous|je)\s+(?:sollicit(?:ez|ons|e)|demand(?:ez|ons|e)|exig(?:ez|eons|e)|"
    r"réclam(?:ez|ons|e))\s+(?P<demand>(?:son|sa|ses|leur|leurs|votre|le|la|les|l['\u2019]|un|une|des|du|au|aux|à|de|d['\u2019]|"
    r"qu['\u2019]|que)\b\s*[^.!?\n]+)"
)


# What the senders are to ask, said after the order: « Pour que l'on soit nombreux à demander
# des mesures de protection pour le caribou, ... ».
_SENDERS_ASK_FR_RE = re.compile(
    r"(?i)\bnombreu(?:x|ses)(?:\s+et\s+nombreuses)?\s+à\s+(?:demander|exiger|réclamer)\s+"
    r"(?P<demand>(?:des|un|une|le|la|les|l['\u2019]|du|plus\s+de)\s*[^.!?,\n]+)"
)


def _following_ask_fr(action: CallToAction, text: str) -> str:
    """« Téléphonez à votre député. ... Dites que vous sollicitez son appui à X. »: X, the
    caller's own request among the steps after a French order that says nothing."""
    end = action.evidence.end
    for pattern, reach in ((_FOLLOWING_ASK_FR_RE, _SCRIPT_NEARBY), (_SENDERS_ASK_FR_RE, _NEARBY)):
        match = pattern.search(text, end, min(len(text), end + reach))
        if match:
            demand = fr_wording.demand(match.group("demand"))
            if len(demand.split()) >= 3:
                return demand
    return ""


# What to tell them, as the next orders: « Dites-leur à nouveau qu'il ne faut pas X. Dites-leur
# que Y. », « Rappelez-lui que X », « Demandez-leur de X ».
_TOLD_FR_RE = re.compile(
    r"(?i)(?:^|(?<=[.!?:]\s)|(?<=\n))\W*(?:(?:et|puis|ensuite|svp)\s+)*"
    r"(?:dites|rappelez|expliquez|demandez|faites\s+savoir)[-\s](?:leur|lui)\s+"
    r"(?:(?:à\s+nouveau|encore|aussi|bien|clairement|fermement|poliment)\s+)?"
    r"(?:que\s+|qu['\u2019]|de\s+|d['\u2019])(?P<demand>[^.!?\n]+)"
)


def _told_fr(action: CallToAction, text: str) -> list[str]:
    """« Contactez votre député. Dites-leur que X. Dites-leur que Y. »: X and Y, in order, the
    first as what is asked (each told whole, as a talking point)."""
    end = action.evidence.end
    found = []
    for match in _TOLD_FR_RE.finditer(text, end, min(len(text), end + _NEARBY)):
        told = _calm(fr_wording.finish(match.group("demand")))
        if len(told.split()) >= _MIN_WORDS:
            found.append(told)
    return found


def _calm(told: str) -> str:
    """A message shouted in capitals, written in ordinary case."""
    letters_only = [c for c in told if c.isalpha()]
    if letters_only and all(c.isupper() for c in letters_only):
        return told.lower()
    return told


def _calm_heading(heading: str) -> str:
    """« L'INACTION CLIMATIQUE : ÇA SUFFIT » -> « L'inaction climatique : ça suffit »."""
    calmed = _calm(heading)
    return fr_wording.capitalise(calmed) if calmed != heading else heading


def _demand_of(action: CallToAction, language: str = "en") -> str:
    """What `action` asks for in a few words: its text, or the part of an instruction after
    "ask her to" ("Phone X's office and ask her to reverse the cut" -> "reverse the cut")."""
    if says_nothing(action, language=language) or action.text == action.evidence.quote.strip():
        return ""
    text = action.text
    if language == "fr":
        # The French detectors give the demand itself as the text, or the instruction; « Signer
        # la pétition » is only how, no demand to lend.
        return (
            ""
            if _INSTRUCTION_FR_RE.match(text) or _SIGNING_FR_RE.match(text) or len(text.split()) < 3
            else text
        )
    if _INSTRUCTION_RE.match(text):
        purpose = _PURPOSE_RE.search(text)
        text = purpose.group("demand") if purpose else ""
    return text if len(text.split()) >= 3 else ""
