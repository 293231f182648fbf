"""English alerts: asks and addresses that belong to a letter or call stated elsewhere.

* An order that names no channel ("Ask your MP to declare support", "Urge Governor X: drop
  the veto!") next to a call or letter to the same people is what to say in that call or
  letter, not a letter of its own (`fold_channelless_asks`).
* "Email: x@y" on a line of the contact block under an order to "call, email and tweet at
  Minister X" is the Minister's mailbox (`attach_labelled_mailboxes`).
* "Call Jane Doe at <the organisation writing>" reaches the organisation's own staff, not a
  decision-maker (`drop_own_staff`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from . import letters
from .borrowed_demands import only_whom, says_nothing
from .contacts import EMAIL_RE, is_org_contact, is_placeholder_email
from .context import DocumentContext
from .text import lines
from .types import CALL, CONTACT_KINDS, LETTER_TO_MP, LETTER_TO_TARGETS, CallToAction, Target

# How far (in characters) a channel-less ask may be from the call or letter it belongs to.
_NEARBY = 1500
_CHANNELLESS_RE = re.compile(
    r"(?i)^\W*(?:please\s+|now\s+|and\s+|also\s+)*"
    # A lead-in that only says when or how much it matters: "Now's the time to tell our
    # MLAs ...", "It's time to tell", "We need you to ask", "Take a minute to remind".
    r"(?:(?:now|it|this)(?:['\u2019]s|\s+is)\s+(?:the\s+)?time\s+to\s+|"
    r"we\s+need\s+(?:you\s+|everyone\s+)?to\s+|take\s+a\s+(?:minute|moment)\s+to\s+)?"
    r"(?:ask|tell|urge|remind)\b"
)
# A channel named in the order: then it is an action of its own.
_CHANNEL_RE = re.compile(
    r"(?i)\b(?:e-?mail\w*|writ\w*|letter|call\w*|phon\w*|ring|fax\w*|send\w*|messag\w*|"
    r"tweet\w*|contact\w*|visit\w*|meet\w*)\b"
)
# Lines after an order that may separate it from its "Email:" line (a "Phone:" line, a tip).
_LINES_BEFORE_MAILBOX = 6
_MAILBOX_LABEL_RE = re.compile(r"(?i)^\W*e-?mail(?:\s+address)?\s*[:\u2013\u2014-]\s*")
_NAME_WORDS_RE = re.compile(r"[a-z]+")
_COURTESY = {"the", "of", "and", "hon", "honourable", "mr", "mrs", "ms", "dr", "office", "s"}


def fold_channelless_asks(actions: list[CallToAction]) -> list[CallToAction]:
    """Fold an order that names no channel into the nearby call or letter to the same people."""
    ordered = sorted(actions, key=lambda a: a.evidence.start)
    hosts: dict[int, CallToAction] = {}
    dropped: set[int] = set()
    for ask in ordered:
        if not _channelless(ask):
            continue
        candidates = [
            other
            for other in ordered
            if other is not ask
            and id(other) not in dropped
            and other.kind in CONTACT_KINDS
            and not _channelless(other)
            and ask.evidence.gap(other.evidence) <= _NEARBY
            and _same_people(ask, other)
        ]
        if not candidates:
            continue
        host = min(candidates, key=lambda other: ask.evidence.gap(other.evidence))
        current = hosts.get(id(host), host)
        if says_nothing(current):
            updated = dataclasses.replace(current, text=ask.text)
        else:
            updated = dataclasses.replace(
                current,
                talking_points=tuple(dict.fromkeys((*current.talking_points, ask.text))),
            )
        hosts[id(host)] = dataclasses.replace(
            updated, confidence=max(current.confidence, ask.confidence)
        )
        dropped.add(id(ask))
    return [hosts.get(id(a), a) for a in actions if id(a) not in dropped]


def _channelless(action: CallToAction) -> bool:
    """'Ask your MP to X', 'Urge Governor Y: Z': a letter read off an order with no channel."""
    if action.kind not in (LETTER_TO_MP, LETTER_TO_TARGETS) or action.letter_body:
        return False
    quote = action.evidence.quote
    if not _CHANNELLESS_RE.match(quote):
        return False
    if any(t.email or t.phone or t.postal_address for t in action.targets):
        return False
    return not _CHANNEL_RE.search(quote)


def _same_people(ask: CallToAction, other: CallToAction) -> bool:
    if ask.kind == LETTER_TO_MP:
        # The reader's own representative: a call or letter to them that names nobody else.
        return other.kind in (LETTER_TO_MP, CALL) and not other.targets
    if not ask.targets or not other.targets:
        return False
    theirs = set().union(*(_name_words(t) for t in other.targets))
    # "Governor Jane Roe" and "Governor Roe's office": two words in common, or all of one.
    return all(
        (words := _name_words(t)) and len(words & theirs) >= min(2, len(words)) for t in ask.targets
    )


def _name_words(target: Target) -> set[str]:
    words = _NAME_WORDS_RE.findall(f"{target.role} {target.name}".casefold().replace("\u2019", "'"))
    return set(words) - _COURTESY


def attach_labelled_mailboxes(
    actions: list[CallToAction], context: DocumentContext
) -> list[CallToAction]:
    """Give a letter to officials who have no mailbox the "Email: x@y" line written under it."""
    text = context.text
    updated = []
    for action in actions:
        if (
            action.kind == LETTER_TO_TARGETS
            and action.targets
            and not any(t.email for t in action.targets)
        ):
            action = _with_mailbox(action, text, actions)
        updated.append(action)
    return updated


def _with_mailbox(letter: CallToAction, text: str, actions: list[CallToAction]) -> CallToAction:
    others = [
        a
        for a in actions
        if a is not letter and not a.low_confidence and not a.evidence.overlaps(letter.evidence)
    ]
    prose = 0
    for line in lines(text[letter.evidence.end : letter.evidence.end + 3000]):
        start = letter.evidence.end + line.start
        if not line.text.strip():
            continue
        end = start + len(line.text)
        if any(start < a.evidence.end and a.evidence.start < end for a in others):
            return letter  # another ask begins: its addresses are its own
        label = _MAILBOX_LABEL_RE.match(line.text)
        found = EMAIL_RE.search(line.text)
        if label and found and found.start() == label.end():
            email = found.group(0)
            if is_placeholder_email(email) or is_org_contact(text, start + found.start()):
                return letter
            targets = list(letter.targets)
            unreachable = [i for i, t in enumerate(targets) if not t.reachable]
            if len(unreachable) != 1:
                return letter  # whose mailbox it is, the line does not say
            index = unreachable[0]
            targets[index] = dataclasses.replace(targets[index], email=email)
            return dataclasses.replace(letter, targets=tuple(targets))
        prose += 1
        if prose > _LINES_BEFORE_MAILBOX:
            return letter
    return letter


def drop_own_staff(actions: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """'Call Jane Doe at <the organisation writing> (905-...)': somebody to help the reader, not
    an official to lobby. Such targets go, and an action that had only them goes too."""
    own = context.orgs.fundraiser()
    if not own:
        return actions
    at_own = re.compile(rf"(?i)^[\s,]*(?:at|of|from|with)\s+(?:the\s+)?{re.escape(own)}\b")
    kept = []
    for action in actions:
        if action.kind not in (CALL, LETTER_TO_TARGETS) or not action.targets:
            kept.append(action)
            continue
        quote = action.evidence.quote
        staff = []
        for target in action.targets:
            if target.role or not target.name:
                continue
            if target.name.casefold() == own.casefold():
                staff.append(target)  # "call Riverside Workers Union (905-...)"
                continue
            position = quote.find(target.name)
            if position != -1 and at_own.match(quote[position + len(target.name) :]):
                staff.append(target)
        if not staff:
            kept.append(action)
        elif len(staff) < len(action.targets):
            kept.append(
                dataclasses.replace(
                    action, targets=tuple(t for t in action.targets if t not in staff)
                )
            )
    return kept


def drop_repeated_letters_to_mp(actions: list[CallToAction]) -> list[CallToAction]:
    """One letter or call per person asked: 'Send a card to your MLA' as a heading and 'Please
    send this card to your local MLA' below it, 'Call the Premier and speak up' in the title
    and 'Call the Premier and demand X' in the lead, or 'contact your MP too' after 'write to
    your MP to X', ask the same people once. The surest, most telling one stays, with the
    others' talking points. Letters written out, and asks below LOW_CONFIDENCE, stay apart."""
    groups: dict[tuple, list[CallToAction]] = {}
    for action in actions:
        if (
            action.kind not in (LETTER_TO_MP, CALL)
            or action.letter_body
            or action.low_confidence
            or (action.kind == LETTER_TO_MP and action.targets)
        ):
            continue
        groups.setdefault(_people(action), []).append(action)
    kept: dict[int, CallToAction] = {}
    for group in groups.values():
        best = max(
            group,
            key=lambda a: (
                a.confidence,
                not only_whom(a),
                len(a.talking_points),
                -a.evidence.start,
            ),
        )
        points = tuple(dict.fromkeys(p for a in (best, *group) for p in a.talking_points))
        kept[id(best)] = dataclasses.replace(best, talking_points=points)
    grouped = {id(a) for group in groups.values() for a in group}
    return [kept.get(id(a), a) for a in actions if id(a) not in grouped or id(a) in kept]


def _people(action: CallToAction) -> tuple:
    """Whom an ask reaches, by what means: the kind, each target and the numbers to dial."""
    return (
        action.kind,
        tuple(sorted(t.key() for t in action.targets)),
        tuple(sorted(t.phone for t in action.targets if t.phone)),
    )


def fold_asks_into_routed_letters(actions: list[CallToAction]) -> list[CallToAction]:
    """'Ask your MPP to protect X.' and, next, a letter to a list of addresses ("send to one or
    all of the following: ..."): the order names no channel, the letter is how the page has it
    done, so the order is that letter's demand, not a second letter."""
    ordered = sorted(actions, key=lambda a: a.evidence.start)
    replaced: dict[int, CallToAction] = {}
    dropped: set[int] = set()
    for ask, letter in itertools.pairwise(ordered):
        if not (
            _channelless(ask)
            and letter.kind == LETTER_TO_TARGETS
            and any(t.email for t in letter.targets)
            and 0 <= letter.evidence.start - ask.evidence.end <= _NEARBY
        ):
            continue
        current = replaced.get(id(letter), letter)
        if says_nothing(current) or current.text.casefold() == ask.text.casefold():
            replaced[id(letter)] = dataclasses.replace(current, text=ask.text)
            dropped.add(id(ask))
    return [replaced.get(id(a), a) for a in actions if id(a) not in dropped]


def copy_to_contacts(actions: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """'Please cc the critics on your emails:' writes to the officials whose mailboxes the
    contact block above gives (under a call to them, say), with the critics in copy: those
    mailboxes join the copied letter's targets, and the letter asks what the call asks."""
    updated = []
    for action in actions:
        if action.kind != LETTER_TO_TARGETS or not letters.CC_RE.match(action.evidence.quote):
            updated.append(action)
            continue
        before = [
            a
            for a in actions
            if a is not action
            and a.kind in CONTACT_KINDS
            and a.evidence.end <= action.evidence.start
            and action.evidence.start - a.evidence.end <= _NEARBY
        ]
        host = max(before, key=lambda a: a.evidence.end, default=None)
        if host is None:
            updated.append(action)
            continue
        region = context.text[host.evidence.end : action.evidence.start]
        known = {t.email.casefold() for t in action.targets if t.email}
        added = []
        for match in EMAIL_RE.finditer(region):
            email = match.group(0)
            if email.casefold() in known or is_placeholder_email(email):
                continue
            known.add(email.casefold())
            owner = next((t for t in host.targets if t.name or t.role), None)
            added.append(
                Target(
                    name=owner.name if owner else "",
                    role=owner.role if owner else "",
                    email=email,
                    kind=owner.kind if owner else Target().kind,
                )
            )
        # The emails ask what the host asks of the same people.
        text = action.text if says_nothing(host) else host.text
        points = action.talking_points or host.talking_points
        updated.append(
            dataclasses.replace(
                action, text=text, talking_points=points, targets=tuple(added) + action.targets
            )
        )
    return updated
