"""The demand a document states as its own, given to a letter or call that says none.

"Send customizable e-mails to their MP" or « Écrivez des courriels aux députés libéraux » says
whom to write to, not what to ask; the page says it elsewhere, as its author's position:
"We are calling on the federal government to create a matching fund", « Au Parti Québécois,
nous réclamons une telle enquête ». That statement is what the letter or call asks. When the
page never asks anyone to sign, it is not a petition either: what was read as one goes.

One mechanism, one table of cues per language (`_CUES`). Where a language's table has a cue
for the sentence stating the author's own demand (French, « nous réclamons »), the statement
is that sentence; where it has none (English), it is the one confident petition read from a
page that never speaks of signing. The pipeline calls `give_document_demand` for English
before `borrowed_demands` and for French after it, for what nearby sentences left silent.
"""

from __future__ import annotations

import dataclasses
import re

from . import folding
from .borrowed_demands import says_nothing
from .language import ENGLISH, FRENCH
from .text import collapse, sentences
from .types import CONTACT_KINDS, LOW_CONFIDENCE, PETITION, CallToAction


@dataclasses.dataclass(frozen=True)
class _Cues:
    """What a page says, in one language, when it asks to sign, states its own demand, or
    only says how and whom to contact. A cue a language lacks is None."""

    # The page asks the reader to sign: a demand it states may then be a petition's.
    signing: re.Pattern[str]
    # The sentence stating the author's own demand (« nous réclamons X »). None: the
    # statement is the one petition read from the page.
    own_demand: re.Pattern[str] | None = None
    # Right after `own_demand`, a demand pointing back to the sentence before
    # (« une telle enquête »), which then goes with it as a talking point.
    points_back: re.Pattern[str] | None = None
    # An order to contact someone that says only how and whom ("Call the minister's office"),
    # which takes the demand even when `says_nothing` reads it as saying something.
    channel_only: re.Pattern[str] | None = None
    # The statement only describes the campaign's position (", calling on X to"): it is no
    # petition of its own whenever a confident letter or call is there to carry it.
    described: re.Pattern[str] | None = None


_CUES = {
    ENGLISH: _Cues(
        # Anything about signing means the page may well collect signatures. Not "your
        # signature": an e-mail tool sends the message "with your signature".
        signing=re.compile(
            r"(?i)\b(?:petitions?|sign|signs|signed|signing|signatures|signatories|pledge|"
            r"p[ée]titions?|signez|signer|sign[ée]e?s?)\b"
        ),
        # "Send customizable e-mails to their MP ...", "Call the minister's office".
        channel_only=re.compile(
            r"(?i)^(?:please\s+)?(?:send|write|e-?mail|call|phone|contact|message|tweet|fax)\b"
            r"(?!.*\b(?:to|and)\s+(?:ask|urge|tell|demand|insist)\b)"
            r"(?!.*\bto\s+(?!their\b|your\b)\w+\s)"
        ),
        # "..., calling on the government to", "Ontarians who are calling on the Government
        # to". A direct "We call on X to" may still be a petition of its own.
        described=re.compile(
            r"(?i)(?:,\s*|\bwho\s+(?:are|is|have\s+been)\s+|\bthat\s+(?:are|is)\s+)"
            r"(?:calling|asking|urging|pressing)\s+(?:on|upon|for)?\b"
        ),
    ),
    FRENCH: _Cues(
        signing=folding.compile(
            r"(?i)\b(?:sign(?:ez|er|ons|ature)|pétition|ajoutez\s+votre\s+nom)"
        ),
        # « nous réclamons X », « nous demandons au gouvernement de X », « nous sommes en
        # désaccord avec X », « qui s'opposent à X ».
        own_demand=folding.compile(
            r"(?i)\b(?:nous\s+(?:(?:le\s+|lui\s+|leur\s+)?(?:réclamons|demandons|exigeons)|"
            r"revendiquons|nous\s+opposons\s+à)"
            # « ... se présente pour nous opposer à ce projet de loi »: the author's purpose.
            r"|pour\s+nous\s+opposer\s+à"
            r"|(?:nous\s+sommes|qui\s+sont|qui\s+êtes|sommes)\s+(?:en\s+désaccord\s+avec|"
            r"oppos[ée]e?s\s+à|contre)"
            r"|qui\s+s['\u2019]opposent\s+à)\b"
            # « Nous avons le devoir de faire entendre nos voix : - en ... - en ... »: the
            # list below says what the voices ask.
            r"|\bfaire\s+entendre\s+(?:nos|notre)\s+voix?\s*:"
            # « une campagne est née : « Que le gouvernement respecte son engagement! » »: a
            # campaign named by the formal wish it makes.
            r"|\b(?:campagne|mobilisation|mouvement)\b[^.!?\n\u00ab]{0,40}?[:,]?\s*"
            r"\u00ab\s*(?:Que|Qu['\u2019])\s*\w"
        ),
        # « une telle enquête », « cette mesure ».
        points_back=folding.compile(
            r"(?i)\b(?:une?\s+tel(?:le)?|de\s+tel(?:le)?s|cette|ces|ce|cet)\s+\w"
        ),
    ),
}


@dataclasses.dataclass(frozen=True)
class _Statement:
    """The demand the document states as its own, as the letters and calls will ask it."""

    text: str
    # The sentence it points back to (« une telle enquête »), as a talking point.
    points: tuple[str, ...]
    # The petitions read from it, which go once a letter or call carries it.
    read_as: tuple[CallToAction, ...]
    # It only describes the campaign's position (see `_Cues.described`).
    described: bool
    # The confidence a letter or call that takes it is lifted to: a confident statement makes
    # an offer made in the third person ("Canadians can send e-mails to their MP") an ask.
    lift: float


def give_document_demand(
    actions: list[CallToAction], text: str, *, language: str
) -> list[CallToAction]:
    """Letters and calls that say nothing (or only how and whom) get the demand the document
    states as its own; the petitions read from that statement go when a letter or call
    carries it: one that took it, or, for a statement that only describes the campaign's
    position, any confident one. A letter that borrowed such a petition's words pointing
    back (« une telle enquête ») gets the whole statement and the sentence it points to."""
    cues = _CUES[language]
    if not any(a.kind in CONTACT_KINDS for a in actions):
        return actions
    signing = bool(cues.signing.search(text))
    if cues.own_demand is None:
        statement = _petition_statement(actions, cues, signing)
    else:
        statement = _sentence_statement(actions, text, cues, signing, language)
    if statement is None:
        return actions
    borrowed = {a.text for a in statement.read_as} if statement.points else set()
    given, taken = [], False
    for action in actions:
        if action.kind in CONTACT_KINDS and (
            _says_only_how(action, cues, language)
            # A borrowed « une telle réouverture » says what only with what it points to.
            or action.text in borrowed
        ):
            action = dataclasses.replace(
                action,
                text=statement.text,
                talking_points=statement.points,
                confidence=max(action.confidence, statement.lift),
            )
            taken = True
        given.append(action)
    if not statement.read_as:
        return given
    carried = taken or (
        statement.described and any(a.kind in CONTACT_KINDS and not a.low_confidence for a in given)
    )
    if not carried:
        return actions  # no channel strong enough to carry it: keep the petition
    return [action for action in given if action not in statement.read_as]


def _petition_statement(
    actions: list[CallToAction], cues: _Cues, signing: bool
) -> _Statement | None:
    """The one confident petition read from a page that never speaks of signing."""
    statements = [a for a in actions if a.kind == PETITION]
    if signing or len(statements) != 1 or statements[0].low_confidence:
        return None
    (statement,) = statements
    described = bool(cues.described and cues.described.search(statement.evidence.quote))
    return _Statement(
        text=statement.text,
        points=(),
        read_as=(statement,) if described else (),
        described=described,
        lift=LOW_CONFIDENCE + 0.1,
    )


def _sentence_statement(
    actions: list[CallToAction], text: str, cues: _Cues, signing: bool, language: str
) -> _Statement | None:
    """The first sentence stating the author's own demand, with the sentence before it when
    the demand points back to it (« une telle enquête »)."""
    assert cues.own_demand is not None
    spans = sentences(text, language=language)
    for index, span in enumerate(spans):
        found = cues.own_demand.search(span.text)
        if not found:
            continue
        after = span.text[found.end() :].lstrip()
        back = index > 0 and bool(cues.points_back and cues.points_back.match(after))
        points = (spans[index - 1].text.strip(),) if back else ()
        if span.text.rstrip().endswith(":"):
            points += _items_below(text, span.end)
        return _Statement(
            # The sentence as a demand: one line, without a trailing space.
            text=collapse(span.text),
            points=points,
            read_as=tuple(
                a
                for a in actions
                if a.kind == PETITION
                and not signing
                and a.evidence.start < span.end
                and span.start < a.evidence.end
            ),
            described=False,
            lift=0.0,
        )
    return None


# A dash or bullet item on its own line, right below a statement ending in a colon.
_ITEM_RE = re.compile(r"[ \t]*[-\u2013\u2014\u2022*][ \t]*(?P<item>\S[^\n]*)\n?")


def _items_below(text: str, end: int) -> tuple[str, ...]:
    """The dash items right below `end` (« : », then a line per dash item)."""
    items = []
    position = end
    if text[position : position + 1] == "\n":
        position += 1
    while match := _ITEM_RE.match(text, position):
        items.append(match.group("item").strip())
        position = match.end()
    return tuple(items)


def _says_only_how(action: CallToAction, cues: _Cues, language: str) -> bool:
    if action.letter_body or action.talking_points:
        return False
    return says_nothing(action, language=language) or bool(
        cues.channel_only and cues.channel_only.match(action.text)
    )
