"""Calls completed from the rest of the alert: the script to read and the numbers to dial.

A call alert often says whom to call in one place ("Call your MP", "Calling the Minister's
office is easy") and gives what to say and which numbers to dial elsewhere:

* a script, introduced by a line naming it ("Here is a sample script:", "Sample Call Script:")
  and written as the caller would speak ("Hi, my name is ...", "I'm calling to ask that ...");
* the numbers, on lines of their own ("Prime Minister's office: 1-613-992-4211", a name line and
  then "Ministry Office: 613-...") or in a "Dial (613) 992-4211" step.

`complete_calls` gives each call the script's ask as its text (when the call itself says only
whom to call), the script's lines as talking points and every number as a target. A script that
follows no confident call is a call of its own: the author gives the reader words to say on the
phone. An order to "call, email and tweet at" an official followed by a phone number is a call
as well as a letter.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from . import wording
from .borrowed_demands import only_whom, says_nothing
from .contacts import PHONE_RE, is_org_contact
from .context import DocumentContext
from .targets import find_targets
from .text import Span, collapse, lines, paragraphs
from .types import CALL, LETTER_TO_TARGETS, CallToAction, Evidence, Target

# How far (in characters) a script or a number may be from the call it completes.
_NEARBY = 2500
# Lines of prose allowed between a call and the first of its numbers.
_LINES_BEFORE_NUMBERS = 6
# The confidence of a call that exists only as a script the author gives the reader.
_SCRIPT_CONFIDENCE = 0.8

# "Here is a sample script:", "Sample Call Script:", "here's a simple script that should help",
# "Here are some talking points:", "What to say:".
_INTRO_RE = re.compile(r"(?i)\bscript\b|\btalking[\s-]+points\b|\bwhat\s+to\s+say\b")
# An intro that names a script outright (a script need not then be written as spoken words).
_SCRIPT_WORD_RE = re.compile(r"(?i)\bscript\b")
# How a caller opens: "Hi, my name is", "Hello, My name is (X)", "You: Hello, my name is ...".
_GREETING_RE = re.compile(
    r"(?i)^\W*(?:you\s*:\s*)?(?:hi|hello|good\s+(?:morning|afternoon|day))\b[^\n]{0,40}?"
    r"\bmy\s+name\s+is\b"
)
# Words only a caller's script says.
_SPOKEN_RE = re.compile(
    r"(?i)\bmy\s+name\s+is\b|\b(?:I\s*['\u2019]?m|I\s+am)\s+(?:\w+ly\s+)?calling\b|"
    r"\b(?:I\s*['\u2019]?m|I\s+am)\s+(?:a\s+)?constituent\b|\bI\s+live\s+in\s+your\b"
)
# What the caller asks for: "I'm calling to ask that you suspend ...", "you are calling to ask
# them to support ...", "I am calling today to urge the Minister to ...".
_CALLING_ASK_RE = re.compile(
    r"(?i)\b(?:I\s*['\u2019]?m|I\s+am|we\s*['\u2019]?re|we\s+are|you\s*['\u2019]?re|you\s+are)\s+"
    r"(?:\w+ly\s+|also\s+)?calling\s+(?:you\s+)?(?:today\s+|now\s+)?to\s+"
    r"(?:ask|urge|request|demand)\s+(?:that\s+)?(?:(?:you|them|him|her)\s+)?(?:to\s+)?"
    r"(?P<ask>[a-z][^.!?\n]*)"
)
# A line of the script said by the other side ("Them: ...") is not something to say.
_OTHER_SIDE_RE = re.compile(r"(?i)^\W*(?:them|staff|office|receptionist|they)\s*:")
_SPEAKER_RE = re.compile(r"(?i)^\W*(?:you|me|caller)\s*:\s*")
# Where the script ends: advice to the reader again, or a heading.
_ADVICE_RE = re.compile(r"(?i)^\W*(?:if\s+you\b|tips?\b|remember\b|step\s+\d|note\b|p\.?s\b)")
_SALUTATION_RE = re.compile(r"^[^\n.!?]{2,60},\s*$")
# An order to dial, with a number in any national format: "Call the switchboard on 020 7219
# 3000", "Dial (613) 992-4211".
_DIAL_RE = re.compile(
    r"(?i)\b(?:call|dial|phone|ring)\b[^.!?\n]{0,80}?\b(?:on|at)?\s*"
    r"(?P<number>\+?\(?\d[\d ().-]{6,16}\d)(?!\d)"
)
_CALL_VERB_RE = re.compile(r"(?i)\b(?:call|phone|ring|dial)\b")
_ANY_MEANS_RE = re.compile(r"(?i)^\W*(?:please\s+)?(?:contact|reach\s+out\s+to|get\s+in\s+touch)\b")
# "Phone: 1-613-...", "Prime Minister's office: 1-613-...", "- Jane Doe - 416-...".
_LABEL_RE = re.compile(r"^[\s\W]*(?P<label>[^:\n]{0,80}?)[\s:\u2013\u2014-]*$")
_GENERIC_LABEL_RE = re.compile(
    r"(?i)^(?:phone|tel(?:ephone)?|call|dial|ph|number|cell|mobile|office|toll[- ]free)\.?$"
)
_HEADING_WORDS = 8
# Words saying the talking points are for a phone call the page places.
_PHONE_CALL_RE = re.compile(
    r"(?i)\bphone\s+calls?\b|\bcall(?:ing)?\s+(?:the|their|your|a|an)\s+(?:[\w'\u2019]+\s+){0,2}"
    r"office\b|\bconnect\s+you\b[^.!?]{0,60}\b(?:phone|office|line)\b|"
    r"\b(?:tips|advice)\s+for\s+(?:the|your)\s+call\b|\bwhen\s+you\s+call\b"
)
_PHONE_CALL_BEFORE, _PHONE_CALL_AFTER = 300, 600
_ASK_IF_RE = re.compile(
    r"(?i)\bask\s+(?:them|him|her)?\s*(?:if|whether)\s+(?:they|he|she)\s+(?:will|would)\s+"
    r"(?P<ask>[a-z][^.!?\u2022]*)"
)


@dataclass(frozen=True)
class Script:
    """What a caller is given to say: where it is, its ask and its lines."""

    span: Span
    ask: str
    points: tuple[str, ...]
    dial: Span | None
    # Written as the caller speaks ("Hi, my name is ..."): a call even where no order precedes.
    spoken: bool = True


def complete_calls(actions: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """Give calls their scripts, their numbers and their script's ask (see module docstring)."""
    text = context.text
    actions = _calls_from_mixed_orders(actions, text)
    for script in find_scripts(text):
        actions = _apply_script(actions, script, context)
    actions = _borrow_calling_asks(actions, text)
    actions = [_with_numbers(a, text, actions) if a.kind == CALL else a for a in actions]
    return _fold_repeated_calls(actions)


def _fold_repeated_calls(actions: list[CallToAction]) -> list[CallToAction]:
    """'Call, email and tweet at Minister X ...' and below it 'Calling the Minister's office is
    easy' (with the script): a later call that names only whom to call, and nobody the earlier
    call does not, is the same call; its script and numbers join the earlier one."""
    calls = sorted(
        (a for a in actions if a.kind == CALL and not a.low_confidence),
        key=lambda a: a.evidence.start,
    )
    folded: dict[int, CallToAction] = {}
    dropped: set[int] = set()
    for index, later in enumerate(calls):
        if not only_whom(later):
            continue
        for earlier in reversed(calls[:index]):
            if id(earlier) in dropped or later.evidence.start - earlier.evidence.end > _NEARBY:
                continue
            if _same_people(later, folded.get(id(earlier), earlier)):
                host = folded.get(id(earlier), earlier)
                folded[id(earlier)] = dataclasses.replace(
                    host,
                    talking_points=tuple(dict.fromkeys(host.talking_points + later.talking_points)),
                    targets=_merged_targets(host.targets, later.targets),
                )
                dropped.add(id(later))
                break
    return [folded.get(id(a), a) for a in actions if id(a) not in dropped]


def _same_people(later: CallToAction, earlier: CallToAction) -> bool:
    if not later.targets or not earlier.targets:
        return not later.targets and not earlier.targets
    known = set().union(*(_words(t.role) | _words(t.name) for t in earlier.targets))
    return all(
        (_words(t.role) | _words(t.name)) <= known or any(_same_role(t, e) for e in earlier.targets)
        for t in later.targets
    )


def _same_role(later: Target, earlier: Target) -> bool:
    """ "Environment Minister Jane Roe" after "the Environment Minister": the same office, now
    with a name (not another person holding a role of the same name)."""
    role = _words(later.role)
    if not role or role != _words(earlier.role):
        return False
    return not (later.name and earlier.name) or bool(_words(later.name) & _words(earlier.name))


def _merged_targets(first: tuple[Target, ...], second: tuple[Target, ...]) -> tuple[Target, ...]:
    kept = list(first)
    phones = {t.phone for t in first if t.phone}
    for target in second:
        if target.phone and target.phone not in phones:
            kept.append(target)
    return tuple(kept)


def find_scripts(text: str) -> list[Script]:
    """Every call script in `text`."""
    blocks = paragraphs(text)
    scripts = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        first_line = block.text.split("\n", 1)[0]
        introduced = bool(_INTRO_RE.search(first_line)) and len(first_line.split()) <= 30
        if introduced:
            # The script follows its intro, in the same paragraph or the next ones.
            rest = block.text.split("\n", 1)
            body = (
                [Span(block.start + len(rest[0]) + 1, block.end, rest[1])] if len(rest) > 1 else []
            )
            following = blocks[index + 1 :]
        elif _GREETING_RE.match(block.text):
            body, following = [block], blocks[index + 1 :]
        else:
            index += 1
            continue
        for candidate in following:
            if body and not _continues_script(candidate.text):
                break
            if body and candidate.start - body[0].start > _NEARBY:
                break
            body.append(candidate)
            if re.match(r"(?i)^\W*thank\s+you\b", candidate.text):
                break
        spoken = any(_SPOKEN_RE.search(b.text) for b in body)
        # Talking points need not be spoken words; they only complete a call already asked for.
        pointed = introduced and not _SCRIPT_WORD_RE.search(first_line)
        if not body or not (spoken or pointed):
            index += 1
            continue
        span = Span(body[0].start, body[-1].end, text[body[0].start : body[-1].end])
        scripts.append(
            Script(
                span=span,
                ask=_ask_in(span.text),
                points=_points(body),
                dial=_dial(body),
                spoken=spoken,
            )
        )
        index = next((i for i, b in enumerate(blocks) if b.start > span.end - 1), len(blocks))
    return scripts


def _continues_script(paragraph: str) -> bool:
    first = paragraph.split("\n", 1)[0].strip()
    if _ADVICE_RE.match(first):
        return False
    heading = len(first.split()) <= _HEADING_WORDS and not re.search(r"[.!?,:\u2026]$", first)
    return not heading


def _ask_in(script: str) -> str:
    match = _CALLING_ASK_RE.search(script)
    return wording.demand(match.group("ask")) if match else ""


def _points(body: list[Span]) -> tuple[str, ...]:
    points = []
    for paragraph in body:
        said = paragraph.text
        if _OTHER_SIDE_RE.match(said) or _SALUTATION_RE.match(said):
            continue
        said = collapse(_SPEAKER_RE.sub("", said))
        if said:
            points.append(said)
    return tuple(points)


def _dial(body: list[Span]) -> Span | None:
    """The sentence of the script that says which number to dial, if any."""
    for paragraph in body:
        match = _DIAL_RE.search(paragraph.text)
        if match:
            end = paragraph.text.find("\n", match.end())
            stop = re.search(r"[.!?](?=\s|$)", paragraph.text[match.end() :])
            cut = match.end() + stop.end() if stop else len(paragraph.text)
            if end != -1:
                cut = min(cut, end)
            start = paragraph.text.rfind("\n", 0, match.start()) + 1
            return Span(paragraph.start + start, paragraph.start + cut, "")
    return None


def _apply_script(
    actions: list[CallToAction], script: Script, context: DocumentContext
) -> list[CallToAction]:
    text = context.text
    calls = [
        a
        for a in actions
        if a.kind == CALL
        and a.evidence.start < script.span.end
        and script.span.start - a.evidence.end <= _NEARBY
    ]
    confident = [a for a in calls if not a.low_confidence]
    host = max(confident, key=lambda a: a.evidence.start, default=None)
    made_of_script = host is None
    if host is None:
        if context.news or not (script.spoken or _points_for_a_phone_call(script, text)):
            return actions  # a script quoted in a report is not the paper asking its readers
        weak = max(calls, key=lambda a: a.evidence.start, default=None)
        host = _call_from_script(script, text, weak)
        actions = [a for a in actions if a is not weak] + [host]
    ask = script.ask or _asked_in_points(script.points)
    updated = dataclasses.replace(
        host,
        text=ask if ask and (made_of_script or _says_little(host)) else host.text,
        talking_points=tuple(dict.fromkeys(host.talking_points + script.points)),
    )
    return [updated if a is host else a for a in actions]


def _points_for_a_phone_call(script: Script, text: str) -> bool:
    """Talking points the page says are for a phone call ("A direct phone call to a minister's
    office can make a big difference. Please use the following points", "Tips for the call",
    "We'll connect you through your phone to their office"): a call even with no order to
    call and no number, since the page dials for the reader."""
    around = text[
        max(0, script.span.start - _PHONE_CALL_BEFORE) : script.span.end + _PHONE_CALL_AFTER
    ]
    return bool(_PHONE_CALL_RE.search(around))


def _asked_in_points(points: tuple[str, ...]) -> str:
    """The first "Ask them if they will commit to X" among talking points: "commit to X"."""
    for point in points:
        match = _ASK_IF_RE.search(point)
        if match:
            return wording.demand(match.group("ask"))
    return ""


def _says_little(call: CallToAction) -> bool:
    """Only whom to call ("Call your MP"), or hardly anything ("... tell them your priorities")."""
    return says_nothing(call) or len(call.text.split()) < 4


def _call_from_script(script: Script, text: str, weak: CallToAction | None) -> CallToAction:
    """A call made of the script alone: the dial step, or the script's first line, is the
    evidence; the salutation ("Minister Carr,") and the number dialled are the targets."""
    if script.dial is not None:
        start, end = script.dial.start, script.dial.end
    else:
        first = script.span.text.split("\n", 1)[0]
        start, end = script.span.start, script.span.start + len(first.rstrip())
    targets = list(weak.targets) if weak else []
    salutation = script.span.text.split("\n", 1)[0]
    if _SALUTATION_RE.match(salutation):
        targets += find_targets(text, script.span.start, script.span.start + len(salutation))
    if script.dial is not None:
        number = _DIAL_RE.search(text, script.dial.start, script.dial.end)
        if number:
            targets.append(Target(phone=number.group("number").strip()))
    quote = wording.finish(text[start:end])
    return CallToAction(
        kind=CALL,
        text=script.ask or wording.capitalise(quote),
        evidence=Evidence.of(text, start, end),
        confidence=_SCRIPT_CONFIDENCE,
        targets=tuple(targets),
    )


def _borrow_calls_asks_in(text: str) -> list[tuple[int, str]]:
    return [
        (match.start(), wording.demand(match.group("ask")))
        for match in _CALLING_ASK_RE.finditer(text)
    ]


def _borrow_calling_asks(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """'Call your MP' and, further down, 'you are calling to ask them to support X': the
    call asks for X."""
    asks = [(position, ask) for position, ask in _borrow_calls_asks_in(text) if ask]
    if not asks:
        return actions
    updated = []
    for action in actions:
        if action.kind == CALL and says_nothing(action):
            after = [
                ask for position, ask in asks if 0 <= position - action.evidence.end <= _NEARBY
            ]
            if after:
                action = dataclasses.replace(action, text=after[0])
        updated.append(action)
    return updated


def _calls_from_mixed_orders(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """'Call, email, and tweet at Minister X' followed by his phone number: a call too."""
    extra = []
    for action in actions:
        if action.kind != LETTER_TO_TARGETS:
            continue
        # "Contact the Ministers" above each one's email and phone: write or call them.
        by_any_means = bool(
            action.targets
            and _ANY_MEANS_RE.match(action.evidence.quote)
            and all(t.phone and t.email for t in action.targets)
        )
        if not (_CALL_VERB_RE.search(action.evidence.quote) or by_any_means):
            continue
        if any(a.kind == CALL and a.evidence.overlaps(action.evidence) for a in actions):
            continue
        targets = (
            tuple(dataclasses.replace(t, email="") for t in action.targets)
            if by_any_means
            else tuple(t for t in action.targets if not t.email)
        )
        call = dataclasses.replace(action, kind=CALL, targets=targets, letter_body="")
        with_numbers = _with_numbers(call, text, actions)
        if any(t.phone for t in with_numbers.targets):
            extra.append(with_numbers)
    return actions + extra


def _with_numbers(call: CallToAction, text: str, actions: list[CallToAction]) -> CallToAction:
    """Add the numbers written on the lines after `call` as its targets."""
    # A call that has its numbers may have more on the lines right below them.
    own = {t.phone for t in call.targets if t.phone}
    allowed = 1 if own else _LINES_BEFORE_NUMBERS
    taken = {
        t.phone
        for a in actions
        if a is not call and not a.low_confidence
        for t in a.targets
        if t.phone
    }
    targets = list(call.targets)
    others = [
        a
        for a in actions
        if a is not call and not a.low_confidence and not a.evidence.overlaps(call.evidence)
    ]
    prose = 0
    found = False
    label_line = ""
    for line in lines(text):
        if line.start < call.evidence.end or line.start - call.evidence.end > _NEARBY:
            continue
        stripped = line.text.strip()
        if not stripped:
            continue
        if any(line.overlaps(a.evidence.start, a.evidence.end) for a in others):
            break  # another ask begins: its numbers are its own
        if own and any(phone in line.text for phone in own):
            found = True
            continue
        phones = [m for m in PHONE_RE.finditer(line.text) if m.group(0) not in taken]
        dial = _DIAL_RE.search(line.text) if not phones else None
        if not phones and dial and not found:
            phones = [dial]
        if not phones:
            is_label = len(stripped.split()) <= _HEADING_WORDS and not re.search(
                r"[.!?]$", stripped
            )
            if found and not is_label:
                break
            prose += 1
            if prose > allowed + (3 if found else 0):
                break
            label_line = stripped if is_label else ""
            continue
        for match in phones:
            position = line.start + match.start()
            if is_org_contact(text, position):
                continue
            number = (match.group("number") if match.re is _DIAL_RE else match.group(0)).strip()
            targets = _add_number(targets, _label(line.text[: match.start()]), label_line, number)
            found = True
    if not found:
        return call
    return dataclasses.replace(call, targets=tuple(targets))


def _label(before: str) -> str:
    match = _LABEL_RE.match(before)
    label = match.group("label").strip() if match else ""
    if not label or _GENERIC_LABEL_RE.match(label) or len(label.split()) > _HEADING_WORDS:
        return ""
    return label


def _words(value: str) -> set[str]:
    words = re.findall(r"[a-z]+", value.casefold().replace("\u2019s", "").replace("'s", ""))
    return set(words) - {"the", "of", "office", "s", "and", "hon", "honourable"}


def _add_number(targets: list[Target], label: str, heading: str, number: str) -> list[Target]:
    """Give `number` to the target its label ("Prime Minister's office:") or the name line
    above it names, or to the only target without a phone; else it is a new target."""
    without_phone = [t for t in targets if not t.phone]
    for words in (_words(label), _words(heading), set()):
        for index, target in enumerate(targets):
            names = _words(target.role) | _words(target.name)
            if target.phone or not names:
                continue
            shared = words & names
            if (words and len(shared) >= min(2, len(names))) or (
                not words and not label and len(without_phone) == 1
            ):
                targets[index] = dataclasses.replace(target, phone=number)
                return targets
    named = find_targets(heading) if heading else []
    role = (named[0].role if named else "") or label
    name = named[0].name if named else ""
    kind = named[0].kind if named and named[0].role else Target().kind
    return [*targets, Target(role=role, name=name, phone=number, kind=kind)]


__all__ = ["Script", "complete_calls", "find_scripts"]
