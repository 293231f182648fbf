"""English pages that describe the letters they offer instead of ordering "Write to your MP".

"Below you will find sample letters for your MP and MLA with respect to X", "I am attaching two
generic letters directed to politicians on the subject of X", "Here is a short how-to for
writing your MLA": the page gives (or links to) a letter and says what it is about; another
sentence says whom to send it to ("address it to your MLA and your MP", "mail, e-mail or fax
them to your elected representative's office") and whom to copy ("cc the ministers listed
below", "consider sending the letter to:" over a list of names, "copy the letter to one or more
cabinet ministers" over their contact blocks). That is a letter to the reader's own
representative and, when officials are named, the same letter to them, about the subject the
description gives. A how-to that states no subject says what to write instead ("explain that
you ..."): that paragraph is the letter's points.
"""

from __future__ import annotations

import dataclasses
import re

from .borrowed_demands import says_nothing
from .letters import OWN_REPRESENTATIVE
from .roles import classify_role
from .targets import find_targets
from .text import collapse, lines, paragraphs
from .types import (
    CALL,
    HEAD_OF_GOVERNMENT,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    MINISTER,
    CallToAction,
    Evidence,
    Target,
)
from .wording import finish

# Between two words of a phrase: spaces, or a hard-wrapped line (blank lines included).
_S = r"\s+"
_LETTER = r"(?:letters?|e-?mails?|messages?|notes?)"
# The page offers a letter: "sample letters", "two generic letters", "our template e-mail",
# "a short How-To for writing your MLA", "When writing a letter to your MLA".
_OFFERED_RE = re.compile(
    rf"(?i)\b(?:(?:sample|generic|model|template|form|draft|attached|prepared|pre-?written|"
    rf"suggested|advocacy)(?:{_S}[\w-]+){{0,2}}?{_S}{_LETTER}\b|"
    rf"how[- ]to(?:{_S}guide)?{_S}(?:for|on){_S}writing\b|"
    rf"(?:guide|tips?|advice){_S}(?:to|for|on){_S}writing{_S}(?:a{_S}letter{_S}to{_S})?(?:your|an?)\b|"
    rf"when{_S}writing{_S}(?:a|your){_S}{_LETTER}{_S}to\b)"
)
# What the letters are about: "with respect to X", "on the subject of X", "regarding X".
_SUBJECT_RE = re.compile(
    rf"(?i)\b(?:with{_S}respect{_S}to|on{_S}the{_S}(?:subject|topic|issue)s?{_S}of|"
    rf"regarding|concerning|in{_S}regards?{_S}to)"
    r"\s+(?P<subject>[^.;!?]{4,200}?)\s*(?:[.;!?]|$)"
)
# Whom the reader sends it to: "address it to your MLA", "mail, e-mail or fax them to your
# elected representative", "sample letters for your MP", "writing your MLA".
_SEND = r"(?:address|send|mail|e-?mail|fax|post|deliver|forward|direct|submit)"
_TO_OWN_RE = re.compile(
    rf"(?i)\b(?:{_SEND}(?:\s*(?:,|/|\bor\b|\band\b)\s*{_SEND})*{_S}"
    rf"(?:it|them|these(?:{_S}{_LETTER})?|this(?:{_S}{_LETTER})?|(?:the|your){_S}{_LETTER})"
    # Not "a letter to your representatives": that may be said of any letter.
    rf"(?:{_S}\w+){{0,2}}?{_S}to|{_LETTER}{_S}(?:(?:directed|addressed|written){_S}to|for)|"
    rf"writing(?:{_S}(?:a|your){_S}{_LETTER}{_S}to)?)"
    rf"{_S}(?P<whom>{OWN_REPRESENTATIVE})"
)
# Officials the letter is copied to, listed after the words: "cc some of the ministers added
# below", "consider sending the letter to:", "copy the letter to one or more cabinet ministers".
_CC_BELOW_RE = re.compile(
    rf"(?i)\bcc(?:{_S}[\w-]+){{0,4}}?{_S}(?:below|following|listed)\b|"
    rf"\b(?:send(?:ing)?|copy(?:ing)?|cc(?:ing)?){_S}(?:the|your|this){_S}"
    rf"{_LETTER}(?:{_S}also)?{_S}to\s*:|"
    rf"\bcopy{_S}(?:the|your){_S}{_LETTER}{_S}to{_S}(?:(?:one|two|or|more|some|all|of|the|other)"
    rf"{_S})*(?:cabinet{_S})?ministers\b"
)
_CC_LINE_RE = re.compile(r"(?i)^\s*cc\b\.?:?\s*")
# Advice on what to say: "You will want to explain that ...", "Explaining what changes you
# want", "mention how ...", "tell them why ...".
_POINTS_RE = re.compile(
    r"(?i)\b(?:explain\w*|mention\w*|describ\w+|point\w*\s+out|stress\w*|tell(?:ing)?\s+them)"
    r"\s+(?:that|what|how|why)\b"
)
_CONFIDENCE = 0.7
_TO_RE = re.compile(r"\s+to\s+")
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
# "Use the letter as a phone script", "use the email text as your script".
_AS_SCRIPT_RE = re.compile(
    rf"(?i)\buse{_S}(?:the|this|our|your){_S}(?:{_LETTER}|text)(?:{_S}text)?{_S}as{_S}"
    rf"(?:a|an|your){_S}(?:(?:phone|call(?:ing)?|talking){_S})?(?:script|guide)\b"
)
_LETTER_KINDS = (LETTER_TO_MP, LETTER_TO_TARGETS)
# How far after the offer its subject may start.
_SUBJECT_REACH = 200
# Officials a letter to targets is for; the reader's own representative is looked up instead.
_OFFICIAL_KINDS = (MINISTER, HEAD_OF_GOVERNMENT)
# How far after the words the officials' list or contact blocks may run.
_LIST_REACH = 1500


def describe_letters(
    actions: list[CallToAction], text: str, *, news: bool = False
) -> list[CallToAction]:
    """Letters to one's own representative and to the officials copied in, for a page that
    describes its letters (see module docstring); the page's letters already found at or
    above 0.5 are kept and get the copied officials instead."""
    if news:
        return actions
    copied, officials = _copied_officials(text)
    sure = [a for a in actions if not a.low_confidence]
    to_officials = [a for a in sure if a.kind == LETTER_TO_TARGETS]
    if officials and to_officials and copied is not None:
        # "If you write to the Premier, copy the letter to one or more cabinet ministers".
        subject = _SUBJECT_RE.search(text)
        said = finish(subject.group("subject")) if subject else ""
        actions = _copied_into(actions, to_officials, copied, officials, said, text)
    if not to_officials:
        actions += _offered_to_officials(text)
    offered, subject = _description(text)
    own = _TO_OWN_RE.search(text)
    if not offered or not (own or officials):
        return actions
    points = () if subject else _advice_points(text)
    if not subject and not points:
        return actions
    said = finish(subject.group("subject")) if subject else ""
    end = subject.end() if subject else offered.end()
    if own and offered.start() < own.start() <= end + 5 and end < own.end():
        end = own.end()  # "How-To for writing your MLA"
    evidence = Evidence.of(text, offered.start(), end)
    whom = collapse(own.group("whom")) if own else "them"
    letter = CallToAction(
        kind=LETTER_TO_MP,
        text=f"Write to {whom} about {said}" if said else f"Write to {whom}",
        evidence=evidence,
        confidence=_CONFIDENCE,
        talking_points=points,
    )
    # The page's own orders that say nothing ("Send it to your MPP", a heading "Writing to
    # your MLA") write what the description says.
    actions = [
        _saying(a, letter, said, text) if a in sure and a.kind in _LETTER_KINDS else a
        for a in actions
    ]
    added: list[CallToAction] = []
    if own and not any(a.kind == LETTER_TO_MP for a in sure):
        added.append(letter)
    if officials and not to_officials:
        names = ", ".join(t.name or t.role for t in officials)
        added.append(
            dataclasses.replace(
                letter,
                kind=LETTER_TO_TARGETS,
                text=f"Write to {names} about {said}" if said else f"Write to {names}",
                targets=tuple(officials),
            )
        )
    if not added:
        return actions
    kinds = {a.kind for a in added}
    # A weak reading of the same letter ("When writing a letter to your MLA ... archive") goes.
    return [a for a in actions if not (a.low_confidence and a.kind in kinds)] + added


def _offered_to_officials(text: str) -> list[CallToAction]:
    """ "Download a draft letter to Minister X and Minister Y holding them to their promises":
    the letter offered to named officials, asking what the rest of its sentence says."""
    for offered in _OFFERED_RE.finditer(text):
        to = _TO_RE.match(text, offered.end())
        if not to:
            continue
        stop = _SENTENCE_END_RE.search(text, to.end())
        end = stop.start() if stop else len(text)
        officials = [t for t in find_targets(text, to.end(), end) if t.kind in _OFFICIAL_KINDS]
        if officials:
            sentence_start = max(text.rfind("\n", 0, offered.start()) + 1, 0)
            evidence = Evidence.of(text, sentence_start, end)
            return [
                CallToAction(
                    kind=LETTER_TO_TARGETS,
                    text=finish(collapse(evidence.quote)),
                    evidence=evidence,
                    confidence=_CONFIDENCE,
                    targets=tuple(officials),
                )
            ]
    return []


def use_letter_as_script(actions: list[CallToAction]) -> list[CallToAction]:
    """ "Use the letter as a phone script and call X": the call says what the letter before it
    says, when it says nothing itself."""
    letters = [a for a in actions if a.kind in _LETTER_KINDS and not a.low_confidence]
    updated = []
    for call in actions:
        letter = max(
            (a for a in letters if a.evidence.start < call.evidence.start),
            key=lambda a: a.evidence.start,
            default=None,
        )
        if (
            call.kind != CALL
            or letter is None
            or not _AS_SCRIPT_RE.search(call.evidence.quote)
            or not says_nothing(call)
        ):
            updated.append(call)
            continue
        updated.append(
            dataclasses.replace(
                call,
                talking_points=(letter.text, *letter.talking_points),
            )
        )
    return updated


def _saying(action: CallToAction, letter: CallToAction, said: str, text: str) -> CallToAction:
    """`action` saying what the described `letter` says, when it says nothing itself."""
    if action.talking_points or action.letter_body:
        return action
    if not (says_nothing(action) or _is_heading(action.text, text)):
        return action
    if action.kind == LETTER_TO_MP:
        return dataclasses.replace(action, text=letter.text, talking_points=letter.talking_points)
    points = (f"About {said}",) if said else letter.talking_points
    return dataclasses.replace(action, talking_points=points)


def _description(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The words offering the letters and what they are about, in the same sentence ("sample
    letters for your MP ... with respect to X"); else the first offer alone."""
    first = None
    for offered in _OFFERED_RE.finditer(text):
        first = first or offered
        subject = _SUBJECT_RE.search(text, offered.end(), offered.end() + _SUBJECT_REACH)
        if subject and not re.search(r"[.!?]", text[offered.end() : subject.start()]):
            return offered, subject
    return first, None


def _copied_into(
    actions: list[CallToAction],
    letters: list[CallToAction],
    copied: re.Match[str],
    officials: list[Target],
    subject: str,
    text: str,
) -> list[CallToAction]:
    """The letter whose sentence asks to copy officials gets them, and the subject when it
    says nothing itself."""
    host = min(letters, key=lambda a: abs(a.evidence.start - copied.start()))
    known = {t.key(): t for t in host.targets}
    for target in officials:
        key = target.key()
        known[key] = known[key].merged_with(target) if key in known else target
    updated = dataclasses.replace(host, targets=tuple(known.values()))
    if subject and (says_nothing(host) or _is_heading(host.text, text)):
        updated = dataclasses.replace(updated, text=f"Write about {subject}")
    return [updated if a is host else a for a in actions]


def _is_heading(said: str, text: str) -> bool:
    """True when a letter's text is a heading of the page ("Finding your BC MLA"), borrowed
    from above it: it names no demand."""
    return any(collapse(line.text) == said for line in lines(text))


def _copied_officials(text: str) -> tuple[re.Match[str] | None, list[Target]]:
    """The words that copy officials in, and the officials: the "cc" lines after them, or the
    lines and contact blocks that follow."""
    copied = _CC_BELOW_RE.search(text)
    if not copied:
        return None, []
    after = lines(text[copied.end() : copied.end() + _LIST_REACH])
    cc_lines = [line.text for line in after if _CC_LINE_RE.match(line.text)]
    if cc_lines:
        found = [t for line in cc_lines for t in _line_targets(_CC_LINE_RE.sub("", line))]
    else:
        found = [t for line in _list_under(after) for t in _line_targets(line)]
        if not found:
            end = min(len(text), copied.end() + _LIST_REACH)
            found = find_targets(text, copied.end(), end)
    officials: dict[str, Target] = {}
    for target in found:
        # A named member is someone else's representative, copied in by name.
        if target.kind in _OFFICIAL_KINDS or target.name:
            officials.setdefault(target.key(), target)
    return copied, list(officials.values())


def _list_under(after: list) -> list[str]:
    """The lines right after the words (rest of their own line aside), up to a blank line."""
    items = []
    for line in after[1:]:
        if not line.text.strip():
            break
        items.append(line.text)
    return items


_NAME_FIRST_RE = re.compile(r"^\s*(?P<name>(?:[A-Z][\w'\u2019-]+\s+){1,3}?[A-Z][\w'\u2019-]+)\s*\(")


def _line_targets(line: str) -> list[Target]:
    """The official a line names: "Jane Roe (Minister of X)", "Minister of X J. Roe"."""
    targets = find_targets(line)
    named = _NAME_FIRST_RE.match(line)
    if named and targets and not targets[0].name:
        targets[0] = dataclasses.replace(targets[0], name=named.group("name"))
    return [
        dataclasses.replace(t, kind=classify_role(t.role)) if t.role and not t.kind else t
        for t in targets
    ]


def _advice_points(text: str) -> tuple[str, ...]:
    """The paragraph that says what to write ("You will want to explain that ..."), from the
    advice on."""
    for paragraph in paragraphs(text):
        advice = _POINTS_RE.search(paragraph.text)
        if advice:
            start = paragraph.text.rfind(".", 0, advice.start()) + 1
            return (collapse(paragraph.text[start:]),)
    return ()
