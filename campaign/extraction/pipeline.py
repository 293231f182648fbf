"""Putting it together: sentences -> detectors -> letters, lists, organisations -> merged actions.

Order matters:
1. template letters are found first, so the sentences inside them ("I urge you to ...") are
   read as the letter's content rather than as separate asks;
2. donation appeals come before petitions, because the organisation a document raises money
   for is the one whose third-person asks ("The Centre calls on ...") are the author's own;
3. lists after a colon become talking points of the action they introduce;
4. duplicates are merged and noise below MIN_CONFIDENCE is dropped.
"""

from __future__ import annotations

import dataclasses
import re

from . import donations, letters, petitions, tell, wording
from .context import DocumentContext
from .letter_body import LetterBody, find_letter_bodies
from .orgs import OrgIndex
from .targets import find_targets
from .text import ListBlock, Span, collapse, list_blocks, sentences
from .title import extract_date, extract_title
from .types import (
    CALL,
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    LOW_CONFIDENCE,
    PETITION,
    CallToAction,
    Evidence,
    ExtractedDocument,
    Target,
)

# Below this an action is not even shown as low confidence: it is reported speech.
MIN_CONFIDENCE = 0.25
# How far (in characters) a list or letter may be from the action it belongs to.
_NEARBY = 1500
_LETTER_KINDS = (LETTER_TO_MP, LETTER_TO_TARGETS)
_DEMANDS_INTRO_RE = re.compile(
    r"(?i)\b(?:demands?|we\s+(?:call|ask|urge)|petition|tell\s+them|ask\s+them|urge\s+them)\b"
)
_BOILERPLATE_RE = re.compile(
    r"(?i)\b(?:enter\s+your\s+(?:comment|name|email)|follow\s+and\s+like|like\s+us|"
    r"share\s+this|leave\s+a\s+(?:reply|comment)|learn\s+more|read\s+more|"
    r"sign\s+up\s+for\s+(?:our|the)\s+newsletter|cookies?|privacy\s+policy|"
    r"all\s+rights\s+reserved)\b"
)


def extract_document(text: str) -> ExtractedDocument:
    """Title, publication date and calls to action of one source document."""
    return ExtractedDocument(
        title=extract_title(text),
        published=extract_date(text),
        actions=tuple(extract_actions(text)),
    )


def extract_actions(text: str) -> list[CallToAction]:
    """All calls to action in `text`, each with evidence quoted from it, sorted by position."""
    spans = sentences(text)
    context = DocumentContext(text=text, sentences=tuple(spans), orgs=OrgIndex(text, spans))
    bodies = find_letter_bodies(text)
    candidates = [
        span
        for span in spans
        if not _BOILERPLATE_RE.search(span.text)
        and not any(body.start <= span.start < body.end for body in bodies)
    ]

    gifts = [found for span in candidates if (found := donations.detect(span, context))]
    gifts = _resolve_donations(gifts, context)
    strongest = max(gifts, key=lambda a: a.confidence, default=None)
    if strongest and not strongest.low_confidence and strongest.organisation:
        context = dataclasses.replace(context, main_org=strongest.organisation)

    actions = list(gifts)
    for span in candidates:
        detectors = (petitions.detect, letters.detect_to_mp, letters.detect_to_targets, tell.detect)
        for detector in detectors:
            found = detector(span, context)
            if found:
                actions.append(found)

    actions = _attach_letters(actions, bodies, context)
    actions = _fold_follow_ups(actions, bodies, context)
    actions = _attach_lists(actions, list_blocks(text), context)
    actions = merge_overlapping(actions)
    actions = [action for action in actions if action.confidence >= MIN_CONFIDENCE]
    return sorted(actions, key=lambda action: (action.evidence.start, action.kind))


def _resolve_donations(gifts: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """Give every appeal an organisation and keep one action per organisation."""
    if not gifts:
        return []
    named = [gift for gift in gifts if gift.organisation]
    fallback = (
        max(named, key=lambda gift: gift.confidence).organisation
        if named
        else context.orgs.fundraiser()
    )
    by_org: dict[str, list[CallToAction]] = {}
    for gift in gifts:
        organisation = gift.organisation or fallback
        by_org.setdefault(organisation.casefold(), []).append(
            dataclasses.replace(gift, organisation=organisation)
        )
    merged = []
    for group in by_org.values():
        # Strongest evidence wins; among equals, the sentence that names the organisation.
        best = max(
            group,
            key=lambda g: (g.confidence, g.organisation in g.evidence.quote, -g.evidence.start),
        )
        text = donations.describe(best.organisation, *(g.evidence.quote for g in group))
        merged.append(dataclasses.replace(best, text=text))
    return merged


def _attach_letters(
    actions: list[CallToAction], bodies: list[LetterBody], context: DocumentContext
) -> list[CallToAction]:
    """Give each template letter to the letter action that introduces it, or create one."""
    for body in bodies:
        introducing = [
            (index, action)
            for index, action in enumerate(actions)
            if action.kind in _LETTER_KINDS
            and action.evidence.end <= body.start
            and body.start - action.evidence.end <= _NEARBY
            and not action.letter_body
        ]
        if introducing:
            index, action = max(introducing, key=lambda pair: pair[1].evidence.end)
            text = action.text
            ask = _letter_ask(body.body)
            quote = action.evidence.quote.rstrip()
            if ask and (quote.endswith(":") or not letters.states_purpose(quote)):
                # "Write to your MP:" or "Email it to the Minister" says nothing about what to
                # ask; the letter does.
                text = ask
            actions[index] = dataclasses.replace(action, letter_body=body.body, text=text)
            continue
        actions.append(_letter_action(body, context))
    return actions


def _fold_follow_ups(
    actions: list[CallToAction], bodies: list[LetterBody], context: DocumentContext
) -> list[CallToAction]:
    """Join an instruction naming an official to the next one giving only their address.

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
        folded[-1] = _fold(host, action, bodies, context.text)
    return folded


def _follows_up(
    host: CallToAction, action: CallToAction, bodies: list[LetterBody], text: str
) -> bool:
    if host.kind != action.kind or host.kind not in (LETTER_TO_TARGETS, CALL):
        return False
    bare = [t for t in action.targets if not (t.role or t.name)]
    unreachable = [t for t in host.targets if not (t.email or t.phone or t.postal_address)]
    if not bare or not unreachable:
        return False
    gap = text[host.evidence.end : action.evidence.start]
    for body in bodies:
        if host.evidence.end <= body.start and body.end <= action.evidence.start:
            gap = gap.replace(text[body.start : body.end], "")
    return len(re.sub(r"\s+", "", gap)) <= 80


def _fold(
    host: CallToAction, action: CallToAction, bodies: list[LetterBody], text: str
) -> CallToAction:
    targets = list(host.targets)
    for target in action.targets:
        if target.role or target.name:
            targets.append(target)
            continue
        index = next(
            (i for i, t in enumerate(targets) if not (t.email or t.phone or t.postal_address)),
            None,
        )
        if index is None:
            targets.append(target)
        else:
            targets[index] = targets[index].merged_with(target)
    purposeful = host.letter_body or letters.states_purpose(host.evidence.quote)
    between_letter = any(host.evidence.end <= b.start < action.evidence.start for b in bodies)
    evidence = (
        host.evidence
        if between_letter
        else Evidence.of(text, host.evidence.start, action.evidence.end)
    )
    return dataclasses.replace(
        host,
        targets=tuple(targets),
        text=host.text if purposeful else action.text,
        evidence=evidence,
        confidence=max(host.confidence, action.confidence),
        talking_points=host.talking_points + action.talking_points,
    )


def _letter_action(body: LetterBody, context: DocumentContext) -> CallToAction:
    # Targets with contact details written just before the letter turn it into a letter to them.
    before = max(0, body.start - 600)
    targets = tuple(t for t in find_targets(context.text, before, body.start) if t.email)
    if not targets and not body.generic:
        targets = tuple(find_targets(body.addressee)) or (Target(name=body.addressee),)
    kind = LETTER_TO_TARGETS if targets else LETTER_TO_MP
    text = _letter_ask(body.body) or "Send this letter"
    return CallToAction(
        kind=kind,
        text=text,
        evidence=Evidence.of(context.text, body.start, body.end),
        confidence=0.75,
        targets=targets,
        letter_body=body.body,
    )


def _letter_ask(body: str) -> str:
    """What a template letter asks for: 'I urge you to X' -> 'X'."""
    ask = re.search(
        r"(?i)\b(?:urge|ask|call\s+on|request|implore)\s+(?:you|the\s+government)\s+to\s+"
        r"(?P<demand>[^.!?]+)",
        body,
    )
    return wording.demand(ask.group("demand")) if ask else ""


def _attach_lists(
    actions: list[CallToAction], blocks: list[ListBlock], context: DocumentContext
) -> list[CallToAction]:
    """Turn lists after a colon into talking points of the action they belong to."""
    for block in blocks:
        points = tuple(collapse(item.text) for item in block.items)
        inside = [a for a in actions if any(_within(a.evidence, item) for item in block.items)]
        hosts = [a for a in actions if a not in inside and _touches(a.evidence, block.intro)]
        if not hosts and inside:
            continue  # a list of separate actions ("1. Sign the petition 2. Call your MP")
        if not hosts:
            hosts = [
                max(
                    (
                        a
                        for a in actions
                        if a.evidence.end <= block.intro.end
                        and block.intro.start - a.evidence.end <= _NEARBY
                        and a.kind != DONATE
                    ),
                    key=lambda a: a.evidence.end,
                    default=None,
                )
            ]
            hosts = [host for host in hosts if host is not None]
        if not hosts and _DEMANDS_INTRO_RE.search(block.intro.text):
            hosts = [
                CallToAction(
                    kind=PETITION,
                    text=wording.finish(block.intro.text),
                    evidence=Evidence.of(context.text, block.intro.start, block.intro.end),
                    confidence=LOW_CONFIDENCE + 0.1,
                )
            ]
            actions.append(hosts[0])
        if not hosts:
            continue
        host = max(hosts, key=lambda a: a.confidence)
        updated = dataclasses.replace(host, talking_points=host.talking_points + points)
        actions = [updated if a is host else a for a in actions if a not in inside]
    return actions


def _within(evidence: Evidence, span: Span) -> bool:
    return span.start <= evidence.start and evidence.end <= span.end


def _touches(evidence: Evidence, span: Span) -> bool:
    return evidence.start < span.end and span.start < evidence.end


def merge_overlapping(actions: list[CallToAction]) -> list[CallToAction]:
    """Same kind + overlapping evidence -> one action (targets and talking points merged)."""
    merged: list[CallToAction] = []
    for action in sorted(actions, key=lambda a: (a.kind, a.evidence.start)):
        for index, kept in enumerate(merged):
            if kept.kind == action.kind and kept.evidence.overlaps(action.evidence):
                merged[index] = _merge(kept, action)
                break
        else:
            merged.append(action)
    return merged


def _merge(first: CallToAction, second: CallToAction) -> CallToAction:
    best, other = sorted((first, second), key=lambda a: (a.confidence, len(a.text)), reverse=True)
    targets: dict[str, Target] = {}
    for target in best.targets + other.targets:
        key = target.key()
        targets[key] = targets[key].merged_with(target) if key in targets else target
    points = tuple(dict.fromkeys(best.talking_points + other.talking_points))
    return dataclasses.replace(
        best,
        targets=tuple(targets.values()),
        talking_points=points,
        organisation=best.organisation or other.organisation,
        addressee=best.addressee or other.addressee,
        letter_body=best.letter_body or other.letter_body,
    )
