"""Joining template letters, follow-up addresses and asks to the letter actions they belong to.

A document may print a letter ("Dear ____, ... Sincerely,") after the sentence that asks readers
to send it, or before the address to send it to ("... send it to premier@gov.bc.ca"); it may
name an official in one sentence and give their mailbox in the next; and it may say what to ask
("Ask the Minister to ...") just before the "Send to:" block or right after the instruction
("Tell the minister you want ..."). Each of these is one action.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from . import fr_letters, fr_wording, letters, wording
from .borrowed_demands import says_nothing
from .context import DocumentContext
from .letter_body import LetterBody
from .targets import find_targets
from .types import (
    CALL,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    MP,
    PETITION,
    CallToAction,
    Evidence,
    Target,
)

_ASK_OFFICIAL_FR_RE = re.compile(
    # « Notre message est simple : demandez à ... »: a short lead-in before the order.
    r"(?i)^\W*(?:[^.!?:\n]{0,40}:\s*)?"
    r"(?:s['\u2019]il\s+vous\s+pla[iî]t,?\s+|svp,?\s+)?(?:demandez|dites|exigez|"
    r"exhortez|pressez|nous\s+demandons|nous\s+exhortons)\s+(?!(?:à\s+)?(?:votre|vos)\b)"
)
# How far (in characters) a letter may be from the instruction that introduces it.
_NEARBY = 1500
_LETTER_KINDS = (LETTER_TO_MP, LETTER_TO_TARGETS)
# How sure a template letter printed in the document makes us that it is meant to be sent.
_LETTER_CONFIDENCE = 0.75
# An order to ask an official something: the content of a letter or call given nearby.
_ASK_OFFICIAL_RE = re.compile(
    r"(?i)^\W*(?:please\s+)?(?:ask|tell|urge|"
    # "We're asking the Minister to X." then "Email the Minister now: ...".
    r"we\s*(?:['\u2019]re|are)\s+(?:asking|urging|calling\s+on))\s+(?!your\b)"
)


def attach_letters(
    actions: list[CallToAction], bodies: list[LetterBody], context: DocumentContext
) -> list[CallToAction]:
    """Give each template letter to the letter action that introduces it, or create one."""
    french = context.language == "fr"
    letter_ask = _letter_ask_fr if french else _letter_ask
    states_purpose = fr_letters.states_purpose if french else letters.states_purpose
    for body in bodies:
        introducing = [
            (index, action)
            for index, action in enumerate(actions)
            if action.kind in _LETTER_KINDS
            and action.evidence.end <= body.start
            and body.start - action.evidence.end <= _NEARBY
            and not action.letter_body
        ]
        signed = [
            (index, action)
            for index, action in enumerate(actions)
            if french
            and action.kind == PETITION
            and _SIGNS_A_LETTER_FR_RE.search(action.evidence.quote)
            and action.evidence.end <= body.start
            and body.start - action.evidence.end <= _NEARBY
            and not action.letter_body
        ]
        if signed and not introducing:
            # « Signez la lettre ouverte ci-dessous » over « Cher M. X, ... »: the letter is the
            # text people sign, a petition, not one each reader sends.
            index, action = signed[-1]
            points = action.talking_points or _letter_points_fr(body.body)
            actions[index] = dataclasses.replace(
                action,
                letter_body=body.body,
                text=letter_ask(body.body) or action.text,
                talking_points=points,
            )
            continue
        if introducing:
            # The nearest confident instruction: a heading ("How to write to your MP") between
            # it and the letter introduces nothing.
            index, action = max(
                introducing, key=lambda pair: (not pair[1].low_confidence, pair[1].evidence.end)
            )
            text = action.text
            ask = letter_ask(body.body)
            quote = action.evidence.quote.rstrip()
            if ask and (
                quote.endswith(":")
                or not states_purpose(quote)
                or says_nothing(action, language=context.language)
            ):
                # "Write to your MP:", "Email it to the Minister" or "We ask that you send an
                # email to your MPP" says nothing about what to ask; the letter does.
                text = ask
            # The template is evidence of its own: an instruction read as hesitant ("Fill out
            # the form to send Premier X the message below") is no weaker than the letter alone.
            actions[index] = dataclasses.replace(
                action,
                letter_body=body.body,
                text=text,
                confidence=max(action.confidence, _LETTER_CONFIDENCE),
            )
            continue
        letter = _letter_action(body, context)
        actions += _own_apart(letter) if french else [letter]
    return actions


# « Signez la lettre ouverte ci-dessous », « signez cette lettre »: the letter is signed.
_SIGNS_A_LETTER_FR_RE = re.compile(
    r"(?i)\bsign(?:ez|er|ons)\s+(?:la|cette|notre)\s+lettre(?:\s+ouverte)?\b"
)


def _letter_points_fr(body: str) -> tuple[str, ...]:
    """The sentences of a signed open letter that say what it wants (« nous ne voulons pas
    de ... », « nous sommes unis contre ... »), as the petition's points."""
    said = re.findall(
        r"[^.!?\n]*\b(?:nous|je)\s+(?:ne\s+voulons\s+pas|refusons|rejetons|exigeons|"
        r"demandons|sommes\s+unis\s+contre|dénonçons|voulons)\b[^.!?\n]*[.!?]?",
        body,
    )
    return tuple(fr_wording.point(sentence) for sentence in said if sentence.strip())[:4]


def _own_apart(letter: CallToAction) -> list[CallToAction]:
    """« Monsieur le Président de la République / Madame la Sénatrice ou Monsieur le Sénateur /
    Madame la Députée ou Monsieur le Député »: the members named by title alone are each
    reader's own (a letter to them), the office-holders the letter to the others."""
    own = [t for t in letter.targets if t.kind == MP and not (t.name or t.reachable)]
    others = tuple(t for t in letter.targets if t not in own)
    if letter.kind != LETTER_TO_TARGETS or not own or not others:
        return [letter]
    return [
        dataclasses.replace(letter, targets=others),
        dataclasses.replace(letter, kind=LETTER_TO_MP, targets=()),
    ]


def fold_follow_ups(
    actions: list[CallToAction], bodies: list[LetterBody], context: DocumentContext
) -> list[CallToAction]:
    """Join an instruction naming an official to the next one giving only their address, or
    repeating the same officials.

    "Will you email the Immigration Minister today? ... write to minister@cic.gc.ca" and
    "please write to the Prime Minister: <sample letter> Send your letter to pm@pm.gc.ca" are
    one action each: the bare mailbox belongs to the official named just before.
    """
    folded: list[CallToAction] = []
    for action in sorted(actions, key=lambda a: a.evidence.start):
        host = folded[-1] if folded else None
        if host is None or not _follows_up(host, action, bodies, context.text):
            folded.append(action)
            continue
        folded[-1] = _fold(host, action, bodies, context.text, context.language)
    return folded


def _follows_up(
    host: CallToAction, action: CallToAction, bodies: list[LetterBody], text: str
) -> bool:
    kinds = (LETTER_TO_TARGETS, CALL)
    if host.kind not in kinds or action.kind not in kinds:
        return False
    bare = [t for t in action.targets if not (t.role or t.name)]
    unreachable = [t for t in host.targets if not t.reachable]
    if host.kind != action.kind and not (bare and len(unreachable) == len(host.targets)):
        # "Tell Premier X you want Y. Call his office at ...": the number makes it a call.
        return False
    # "Please write ..., urging ... <block>" then "Send appeals to: <same block>".
    same = bool(action.targets) and {t.key() for t in action.targets} <= {
        t.key() for t in host.targets
    }
    if not (bare and unreachable) and not same:
        return False
    gap = text[host.evidence.end : action.evidence.start]
    for body in bodies:
        if host.evidence.end <= body.start and body.end <= action.evidence.start:
            gap = gap.replace(text[body.start : body.end], "")
    return len(re.sub(r"\s+", "", _prose(gap))) <= 80


def _prose(gap: str) -> str:
    """The text between two instructions minus contact blocks (address, label and role lines)."""
    return "\n".join(
        line
        for line in gap.split("\n")
        if not letters.is_contact_entry(line)
        and not (len(line.split()) <= 6 and not re.search(r"[.!?]\s*$", line))
    )


def fold_preceding_asks(
    actions: list[CallToAction], text: str, *, language: str = "en"
) -> list[CallToAction]:
    """'Ask the Minister to X.' followed by 'Send to: <the Minister's address>' is one letter
    asking X, not a petition beside a letter that asks nothing (« Demandez à la ministre de
    X. » in French)."""
    ask_official, states_purpose = _asking(language)
    ordered = sorted(actions, key=lambda a: a.evidence.start)
    dropped: set[int] = set()
    for index, ask in enumerate(ordered):
        if ask.kind != PETITION or not ask_official.match(ask.evidence.quote):
            continue
        letter = next(
            (a for a in ordered[index + 1 :] if a.kind in (LETTER_TO_TARGETS, CALL)), None
        )
        if (
            letter is None
            or states_purpose(letter.evidence.quote)
            or len(_prose(text[ask.evidence.end : letter.evidence.start]).split()) > 30
            or not (
                _names_one_of(ask.addressee, letter.targets)
                # "Tell the CRTC: ..." then "sent to: Vicky Eatrides, Chairperson, CRTC (...)".
                or _mentioned_in(ask.addressee, letter.evidence.quote)
            )
        ):
            continue
        ordered[ordered.index(letter)] = dataclasses.replace(
            letter,
            text=ask.text,
            evidence=Evidence.of(text, ask.evidence.start, letter.evidence.end),
        )
        dropped.add(index)
    return [action for index, action in enumerate(ordered) if index not in dropped]


def fold_following_asks(
    actions: list[CallToAction], text: str, *, language: str = "en"
) -> list[CallToAction]:
    """'Write to the Minister, Jane Doe, at x@y.' then 'Tell the minister you want X.' is one
    letter asking X: the second sentence says what the first, which names nobody's demand,
    is for (« Écrivez au ministre (x@y). Demandez au ministre de X. » in French)."""
    ask_official, states_purpose = _asking(language)
    ordered = sorted(actions, key=lambda a: a.evidence.start)
    dropped: set[int] = set()
    for index, ask in enumerate(ordered):
        if ask.kind != PETITION or not ask_official.match(ask.evidence.quote):
            continue
        letter = next(
            (
                a
                for a in reversed(ordered[:index])
                if a.kind in (LETTER_TO_TARGETS, CALL) and a.evidence.end <= ask.evidence.start
            ),
            None,
        )
        if (
            letter is None
            or letter.letter_body
            # The letter's text, not its sentence: "We are asking every household to write to
            # the Minister" asks the reader, and says nothing of what to ask the Minister.
            or states_purpose(letter.text)
            or len(_prose(text[letter.evidence.end : ask.evidence.start]).split()) > 30
            or not _names_one_of(ask.addressee, letter.targets)
        ):
            continue
        ordered[ordered.index(letter)] = dataclasses.replace(
            letter,
            text=ask.text,
            evidence=Evidence.of(text, letter.evidence.start, ask.evidence.end),
        )
        dropped.add(index)
    return [action for index, action in enumerate(ordered) if index not in dropped]


def _asking(language: str) -> tuple[re.Pattern[str], Callable[[str], bool]]:
    """The order to ask an official and the test for a stated purpose, in `language`."""
    if language == "fr":
        return _ASK_OFFICIAL_FR_RE, fr_letters.states_purpose
    return _ASK_OFFICIAL_RE, letters.states_purpose


def _distinctive_words(phrase: str) -> set[str]:
    """The words that tell one official from another: 'the Minister of Labour' ->
    {'minister', 'labour'}."""
    words = set(re.findall(r"[a-zà-ÿ]+", phrase.casefold()))
    return words - {"the", "of", "and", "your", "le", "la", "les", "l", "de", "du", "des", "et"}


def _mentioned_in(addressee: str, quote: str) -> bool:
    """True when every distinctive word of 'the CRTC' appears in the letter's own sentence."""
    words = _distinctive_words(addressee)
    return bool(words) and words <= _distinctive_words(quote)


def _names_one_of(addressee: str, targets: tuple[Target, ...]) -> bool:
    """True when 'the Minister' / 'Premier Smith' refers to one of the targets."""
    words = _distinctive_words(addressee)
    return any(words & _distinctive_words(f"{t.role} {t.name}") for t in targets)


def _fold(
    host: CallToAction,
    action: CallToAction,
    bodies: list[LetterBody],
    text: str,
    language: str = "en",
) -> CallToAction:
    targets = list(host.targets)
    for target in action.targets:
        known = next((i for i, t in enumerate(targets) if t.key() == target.key()), None)
        if known is not None:
            targets[known] = targets[known].merged_with(target)
            continue
        if target.role or target.name:
            targets.append(target)
            continue
        index = next((i for i, t in enumerate(targets) if not t.reachable), None)
        if index is None:
            targets.append(target)
        else:
            targets[index] = targets[index].merged_with(target)
    states_purpose = fr_letters.states_purpose if language == "fr" else letters.states_purpose
    purposeful = host.letter_body or states_purpose(host.evidence.quote)
    between_letter = any(host.evidence.end <= b.start < action.evidence.start for b in bodies)
    evidence = (
        host.evidence
        if between_letter
        else Evidence.of(text, host.evidence.start, action.evidence.end)
    )
    return dataclasses.replace(
        host,
        # Only the follow-up says how to reach them: by phone ("call his office at ...").
        kind=action.kind if not any(t.reachable for t in host.targets) else host.kind,
        targets=tuple(targets),
        text=host.text if purposeful else action.text,
        evidence=evidence,
        confidence=max(host.confidence, action.confidence),
        talking_points=host.talking_points + action.talking_points,
    )


def _letter_action(body: LetterBody, context: DocumentContext) -> CallToAction:
    """An action for a letter no instruction introduces: to the officials it is addressed to
    (with the address written above it), else to the reader's own representative."""
    language = context.language
    before = context.text[max(0, body.start - 600) : body.start]
    targets = _addressed_targets(body, context.text, max(0, body.start - 600), language)
    kind = LETTER_TO_TARGETS if targets else LETTER_TO_MP
    if language == "fr":
        if not targets and (recipients := _template_recipients_fr(before)):
            kind, targets = LETTER_TO_TARGETS, (Target(role=recipients),)
        elif targets and _template_for_own_representative_fr(before):
            # « Modèle de lettre pour votre député ou sénateur » over « Monsieur le ministre, »:
            # the heading says whom it goes to; the salutation is the template's slip.
            kind, targets = LETTER_TO_MP, ()
        text = _letter_ask_fr(body.body) or "Envoyer cette lettre"
    else:
        if _CALL_SCRIPT_RE.search(before[-200:]) or _CALLING_RE.search(body.body):
            kind = CALL  # "Sample call script: Minister Carr, ... I'm calling to ask ..."
        text = _letter_ask(body.body) or "Send this letter"
    return CallToAction(
        kind=kind,
        text=text,
        evidence=Evidence.of(context.text, body.start, body.end),
        confidence=_LETTER_CONFIDENCE,
        targets=targets,
        letter_body=body.body,
    )


# « Modèle de lettre à envoyer aux candidats », « Lettre type pour le maire »: whom the
# template above the letter says it goes to.
_TEMPLATE_RECIPIENTS_FR_RE = re.compile(
    r"(?i)\b(?:lettre|message|courriel)\s+(?:type\s+)?(?:à\s+(?:envoyer|adresser)\s+)?"
    r"(?:à|au|aux|pour)\s+(?P<article>l[ae]s?\s+|l['\u2019]|vos\s+|votre\s+|tes\s+|ton\s+|ta\s+)?"
    r"(?P<who>[^\W\d_][\w·()-]*(?:\s+(?:de\s+la|du|des|de)\s+[\w·()-]+)?)"
)
_OWN_REPRESENTATIVE_FR_RE = re.compile(
    r"(?i)^(?:député|élu|représentant|conseill|sénat|membre|mp|mna|mpp|mla)"
)


def _template_for_own_representative_fr(before: str) -> bool:
    """True when the last heading or introduction above a template letter sends it to the
    reader's own representative (« Modèle de lettre pour votre député »)."""
    found = list(_TEMPLATE_RECIPIENTS_FR_RE.finditer(before))
    if not found:
        return False
    last = found[-1]
    article = (last.group("article") or "").strip().casefold()
    return article in ("votre", "vos", "ton", "ta", "tes") and bool(
        _OWN_REPRESENTATIVE_FR_RE.match(last.group("who"))
    )


def _template_recipients_fr(before: str) -> str:
    """Whom the heading or introduction above a template letter names as its recipients, when
    they are not the reader's own representative: « aux candidats » -> « candidats »."""
    found = list(_TEMPLATE_RECIPIENTS_FR_RE.finditer(before))
    if not found:
        return ""
    who = found[-1].group("who")
    return "" if _OWN_REPRESENTATIVE_FR_RE.match(who) else who


# A script read on the phone rather than a letter sent.
_CALL_SCRIPT_RE = re.compile(r"(?i)\b(?:call|phone)\s+script\b|\bscript\s*:")
_CALLING_RE = re.compile(r"(?i)\bI(?:['\u2019]m|\s+am)\s+calling\b")
# Words of a salutation that say nothing of who is addressed.
_COURTESY_WORDS = {"dear", "mr", "mrs", "ms", "dr", "hon", "honourable", "the", "of", "and"}


def _addressed_targets(
    body: LetterBody, text: str, before: int, language: str = "en"
) -> tuple[Target, ...]:
    """Whom a letter with no instruction before it goes to.

    A letter to a named official goes to the contacts written above it that name them (the
    ministry's address above "Dear Minister Gravelle,"), never to the sender's own letterhead;
    a letter to a blank goes to the officials whose mailboxes are listed above it."""
    found = [t for t in find_targets(text, before, body.start, language=language) if t.reachable]
    if body.generic:
        return tuple(t for t in found if t.email)
    words = _distinctive_words(body.addressee) - _COURTESY_WORDS
    named = [t for t in found if words & (_distinctive_words(f"{t.role} {t.name}"))]
    if named:
        return tuple(named)
    return tuple(find_targets(body.addressee, language=language)) or (Target(name=body.addressee),)


# "I urge you to X", "I am asking that you X", "we call on the Government of Canada to X".
_ASK_RE = re.compile(
    r"(?i)\b(?:urg(?:e|ing)|ask(?:ing)?|call(?:ing)?\s+(?:up)?on|request(?:ing)?|implor(?:e|ing)|"
    r"encourag(?:e|ing)|beg(?:ging)?)\s+"
    r"(?:(?:you(?:r\s+(?:government|party|colleagues|office|ministry|department))?"
    r"|the\s+(?:(?:federal|provincial|[A-Z][\w.'\u2019-]*)\s+){0,3}"
    r"(?:government|minister|premier|department|ministry|council|(?-i:[A-Z][\w-]*)))"
    r"(?:\s+of\s+(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*))*)?\s+to\s+"
    r"|that\s+(?:you|your\s+government|the\s+government)\s+)"
    # To the end of the sentence, or of the words before a list ("... rules that include:").
    r"(?P<demand>(?:[^.!?:\n]|\n(?![^\S\n]*\n))+)"
)
# "Please abandon your scheme to ...": an order to the addressee.
_PLEASE_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*Please\s+(?P<demand>(?!(?:find|see|contact|let|feel|"
    r"provide|send|reply|respond|accept|consider\s+this)\b)[a-z](?:[^.!?:\n]|\n(?![^\S\n]*\n))+)"
)


def _letter_ask(body: str) -> str:
    """What a template letter asks for: 'I urge you to X' -> 'X', else 'Please X.' -> 'X'."""
    ask = _ASK_RE.search(body) or _PLEASE_RE.search(body)
    return wording.demand(ask.group("demand")) if ask else ""


def _letter_ask_fr(body: str) -> str:
    """What a French template letter asks for: « Je vous demande de X » -> « X »."""
    ask = re.search(
        r"(?i)\b(?:(?:je|nous)\s+vous\s+(?:demand\w*|pri\w*|exhort\w*|implor\w*|invit\w*|"
        r"enjoign\w*)(?:\s+(?:instamment|respectueusement|donc|aujourd['\u2019]hui))?|"
        r"(?:je|nous)\s+demand\w*\s+(?:au\s+gouvernement|à\s+votre\s+gouvernement))\s+"
        r"(?:de\s+|d['\u2019]|à\s+)(?P<demand>[^.!?]+)",
        body,
    )
    return fr_wording.demand(ask.group("demand")) if ask else ""
