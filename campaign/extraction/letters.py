"""Letters and calls: 'contact your MP', 'email the Minister (x@y)', 'call the office at 613-...'.

Two detectors share the verbs:

* `detect_to_mp` - the supporter's own representative ("your MP", "your local representative"),
  who Chorus looks up from the supporter's postal code, so no contact details are needed.
* `detect_to_targets` - named officials, usually with contact details, found by
  `targets.find_targets` in the words after the verb and in the contact block that may follow
  (address lines, "Phone: ..." labels, or a list of officials with their numbers).

An organisation's own contacts ("email us", a volunteer's first name, a mailbox with nobody named
next to it unless it is a government one) are not targets.
"""

from __future__ import annotations

import dataclasses
import re

from . import fr_roles, wording
from .contacts import EMAIL_RE, PHONE_RE, POSTAL_CODE_RE, find_addresses, is_official_mailbox
from .context import DocumentContext
from .names import name_from_email
from .orgs import subject_org
from .roles import find_roles
from .stance import assess
from .targets import find_targets
from .text import LIST_ITEM_RE, Span, collapse, lines
from .types import CALL, LETTER_TO_MP, LETTER_TO_TARGETS, MP, CallToAction, Evidence, Target

_VERB = (
    r"(?:contact(?:ing)?|writ(?:e|ing)(?:\s+(?:a\s+)?(?:letter|email|e-mail|note))?(?:\s+to)?|"
    r"call(?:ing)?\s+(?:on|upon)|call(?:ing)?(?!\s+(?:on|upon|for)\b)|phon(?:e|ing)|ring|"
    r"e-?mail(?:ing)?|let|"
    r"send(?:ing)?\s+(?:(?:an?|this|the|our|my)\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:email|e-mail|letter|message|note|fax|postcard|card)s?(?:\s*\([^()\n]{1,30}\))?\s+to|"
    r"message|reach(?:ing)?\s+out\s+to|get(?:ting)?\s+in\s+touch\s+with|"
    # "Send this to your MP": the letter the page gives.
    r"send(?:ing)?\s+(?:this|it)\s+to|"
    r"tweet(?:\s+at)?|"
    # "your meeting with your MP" is a noun, not an order to meet.
    r"(?<!\byour\s)(?<!\bthe\s)meet(?:ing)?(?:\s+with)?|"
    r"visit(?:ing)?|lobby(?:ing)?|tell(?:ing)?|ask(?:ing)?|urg(?:e|ing)|"
    r"fax)"
)
_VERBS = rf"(?i:{_VERB}(?:\s*(?:,|/|\bor\b|\band\b|\band/or\b)\s*{_VERB})*)"
_GENERIC_REP = (
    r"(?i:representatives?|elected\s+(?:officials?|representatives?)|(?:city\s+)?councill?ors?|"
    r"senators?|congress(?:wo)?m[ae]n|members?\s+of\s+congress|legislators?)"
)
_MP = (
    r"(?:(?i:(?:your|their|our|the|local|federal|provincial|state|own)\s+){0,3}"
    # "your 'progressive' MP": a word in scare quotes.
    r"(?:['\u2018\"\u201c][\w-]+['\u2019\"\u201d]\s+)?"
    r"(?:MPs?|M\.P\.|MPPs?|MLAs?|MNAs?|(?i:members?\s+of\s+parliament))"
    rf"|(?i:(?:your|their|our|the)\s+(?:(?:local|federal|provincial|state|own)\s+)*){_GENERIC_REP})"
)
# The reader's own representative, as other modules name it ("your MLA", "your elected
# representative"); Chorus looks them up from the postal code.
OWN_REPRESENTATIVE = _MP
# "send this card to the Premier and your local MLA": an official named first, then the MP.
_OFFICIAL_FIRST = r"(?:the\s+(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,5}\s+and\s+)"
_MP_RE = re.compile(rf"\b(?P<verbs>{_VERBS})\s+{_OFFICIAL_FIRST}?(?P<mp>{_MP})\b")
_PURPOSE_RE = re.compile(
    r"(?i)(?:\b(?:(?:and\s+)?(?:ask|tell|urge)\s+(?:them|him|her)\s+(?:to\s+|that\s+)?"
    r"|(?:asking|urging|telling)\s+(?:them|him|her)\s+(?:to\s+|that\s+)?"
    r"|to\s+(?:(?:ask|tell|urge)\s+(?:them|him|her)\s+(?:to\s+|that\s+)?)?"
    r"|(?:saying|say)\s+(?:that\s+)?|know\s+(?:that\s+)?)|^\s*:\s*)(?P<purpose>[a-z].*)",
    re.S,
)
# Only these make a phone call; "call on your MP to ..." keeps "on" and so stays a letter.
_CALL_VERBS = {"call", "calling", "phone", "phoning", "ring"}
# Seeing the representative in person: no letter is written.
_IN_PERSON_VERBS = {"meet", "meeting", "with", "visit", "visiting", "lobby", "lobbying"}

_TARGET_VERB_RE = re.compile(
    r"(?i)\b(?P<verb>send(?:ing)?\s+(?:(?:an?|your|this|the|our|my)\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:email|e-mail|letter|message|note|fax|postcard|card|tweet|cop(?:y|ie)|appeal)s?"
    r"(?=(?:\s*\([^()\n]{1,30}\))?\s+to\b)|"
    r"send(?:ing)?\s+(?:it|them)(?=\s+to\b)|"
    r"send(?=\s+to\s*:)|(?:send\s+)?cop(?:y|ies)(?=\s+to\s*:)|"  # "Send to:", "Copies to:"
    # "send to one or all of the following:" - a list of recipients follows.
    r"send(?=\s+(?:it\s+|them\s+)?to\s+(?:(?:one|any|some|each)\s+or\s+(?:all|more)\s+of\s+)?"
    r"(?:the\s+following|these|all\s+of)\b)|"
    # "Send Premier Doug Ford the message below": whom first, then what.
    r"send(?:ing)?(?=\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.'\u2019-]*\s+){1,5}(?:an?|the|this|our)\s+"
    r"(?:\w+\s+)?(?:message|letter|e-?mail|note|postcard|card)s?\b)|"
    r"mail(?:ing)?\s+(?:it|them|this|the\s+\w+|your\s+\w+)(?=\s+to\b)|"
    # "paste it into your email": the noun, not the verb.
    r"(?<!\byour\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bby\s)e-?mail(?:ing)?|"
    r"writ(?:e|ing)(?:\s+(?:a\s+)?(?:letter|email|e-mail|note))?\s+to|writ(?:e|ing)|"
    # "Use the letter as a phone script and call ...": the noun, not the verb.
    r"contact(?:ing)?|call(?:ing)?(?!\s+(?:on|upon|for)\b)|(?<!\ba\s)(?<!\bthe\s)(?<!\byour\s)"
    r"phon(?:e|ing)|ring|fax|tweet(?:\s+at)?|"
    r"message|reach(?:ing)?(?:\s+out\s+to)?|get(?:ting)?\s+in\s+touch\s+with|lobby(?:ing)?)\b"
    r"(?!\s*:)"  # "Email: x@y" and "Phone: 613-..." are labels in a contact block, not asks
)
_LISTED_RE = re.compile(
    r"(?i)\b(?:the\s+following|(?:one|any|some|each)\s+or\s+(?:all|more)\s+of\s+(?:these|them|"
    r"the\s+following))\b[^.!?]*:\s*$"
)
# A page's own controls after the instruction: "Send a letter click on the PDF file, paste ...".
_UI_TAIL_RE = re.compile(
    r"(?i)[\s,;]+(?:(?:and|then|just|simply)\s+)?(?:click|tap|download|paste|copy\s+and\s+paste|"
    r"fill\s+(?:in|out)|scroll|open\s+the)\b.*$",
    re.S,
)
# The object is the organisation itself: "contact us", "email our team".
_OWN_OBJECT_RE = re.compile(
    r"(?i)^\s*(?:us|me|our\s+(?!(?:MPP?|MLA|MNA|member|representative|councill?or|senator|"
    r"mayor)s?\b)\w+|(?:your|any)\s+(?:stor(?:y|ies)|photos?|questions?|"
    r"pictures?|tips?))\b"
)
_PRONOUN_OBJECT_RE = re.compile(r"(?i)^\s*(?:to\s+)?(?:him|her|them|(?:his|her|their)\s+\w+)\b")
_CONTACT_LINE_RE = re.compile(
    rf"{EMAIL_RE.pattern}|{PHONE_RE.pattern}|{POSTAL_CODE_RE.pattern}|"
    r"(?i:\b(?:e-?mail|phone|tel|fax|mail|address)\s*:)|\bHon(?:ourable|\.)"
)
# "sign the letter ... asking our MP to ...": what is signed asks the MP; that is a petition.
_SIGNED_CONTENT_RE = re.compile(r"(?i)\bsign\b.*\b(?:asking|urging|calling\s+on|telling)$", re.S)
# "We've streamlined the process of contacting your MPs": a gerund after "of" names an
# activity, it does not order it.
_NOUN_OF_GERUND_RE = re.compile(r"(?i)\bof\s+[a-z]+ing(?:\s+(?:a|an|to|with))?\s*$")
# What an instruction asks for: "... and ask her to", "saying that", "to support ...".
_PURPOSE_MARK_RE = re.compile(
    r"(?i:\b(?:ask|tell|urge|asking|telling|urging|saying|say|demand\w*|call(?:ing)?\s+(?:on|for))\b)"
    # "a letter to political leaders", "write to local councillors": whom, not what for.
    r"|(?<!letter\s)(?<!letters\s)(?<!email\s)(?<!message\s)(?<!\bnote\s)(?<!\bcard\s)"
    r"(?<!\bwrite\s)(?<!\bsend\s)(?<!\bit\s)"
    r"\bto\s+(?!(?:the|your|our|their|his|its|my|a|an|him|her|them|us|me|it|this|these|that|"
    r"e-?mail|write|"
    r"call|phone|contact|send|sign|tweet|reach)\b)[a-z]+"
)
_FOLLOW_UP_RE = re.compile(
    r"(?i)^(?:please\s+|and\s+|then\s+)*(?:ask|tell|urge)\s+(?:him|her|them|the\s+\w+)\s+"
    # "Tell him First Nations must consent": a clause with its own subject, no "that".
    r"(?:(?:to|that)\s+|(?=(?-i:[A-Z])|(?:you|we)\b))(?P<purpose>\S.*)",
    re.S,
)
# "Their addresses:", "Contact details:" closing the paragraph of an instruction.
_BLOCK_INTRO_RE = re.compile(
    # The introduction itself may be hard-wrapped ("Send your appeal by fax or" / "email:").
    r"[^\S\r\n]*\r?\n?[^\S\r\n]*(?=[^\s.!?:])(?:[^\r\n.!?:]|\r?\n(?![^\S\n]*\r?\n)){0,40}:"
    r"[^\S\n]*(?=\n)"
)
# A line that gives a new instruction ends a contact block ("Write to: ...", "Call your MP ...").
_INSTRUCTION_LINE_RE = re.compile(
    r"(?i)^\W*(?:(?:please|then|and|also|now|next|finally|or)\s+)*"
    r"(?:write|call|phone|e-?mail|contact|send|tell|ask|sign|donate|"
    r"join|visit|share)\b(?!\s*:)"
)
_INSTRUCTION_LINE_FR_RE = re.compile(
    r"(?i)^\W*(?:(?:svp|puis|et|aussi|maintenant|ensuite|enfin|ou)\s+)*"
    r"(?:écrivez|appelez|téléphonez|envoyez|contactez|interpellez|dites|demandez|signez|"
    r"donnez|faites|joignez|visitez|partagez)\b(?!\s*:)"
)
_SAYING_TAIL_RE = re.compile(
    r"(?i)[\s,]*(?:(?:and\s+)?(?:saying|stating|to\s+say|say|telling\s+them|tell\s+them|"
    r"asking\s+them\s+to|urging\s+them\s+to)(?:\s+that)?(?:\s+you)?)?[\s:]*$"
)


def detect_to_mp(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """'Contact your MP to ...' -> LETTER_TO_MP (or CALL for call/phone)."""
    match = _MP_RE.search(sentence.text)
    if not match:
        return _again(sentence, context)
    if _SIGNED_CONTENT_RE.search(sentence.text[: match.end("verbs")]):
        return None
    if _NOUN_OF_GERUND_RE.search(sentence.text[: match.end("verbs")]):
        return None  # "the process of contacting your MPs": what a tool does, not an order
    if re.match(r"(?i)(?:our|the)\b", match.group("mp")) and any(
        target.email or target.phone
        for target in find_targets(context.text, sentence.start + match.end(), sentence.end)
    ):
        return None  # "Write to our MP, Hon. Jane Doe, at ...": a named MP, not the reader's
    stance = assess(sentence.text, match.start("verbs"), match.end("verbs"), news=context.news)
    verbs = {word.casefold() for word in re.findall(r"[A-Za-z-]+", match.group("verbs"))}
    written = verbs - _CALL_VERBS - {"or", "and", "and/or"}
    if verbs & _CALL_VERBS:
        # "Meet or call your MP": of the ways to reach them, the one we draft is the call.
        written -= _IN_PERSON_VERBS
    kind = CALL if not written else LETTER_TO_MP
    remainder = wording.strip_links(sentence.text[match.end() :])
    purpose = _PURPOSE_RE.search(remainder)
    text = wording.demand(purpose.group("purpose")) if purpose else ""
    if len(text.split()) < 2 or remainder.rstrip().endswith(":"):
        text = wording.capitalise(wording.finish(sentence.text[match.start() :]))
    return CallToAction(
        kind=kind,
        text=text,
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=stance.score,
        organisation=subject_org(sentence.text[: match.start()]),
    )


# "a letter to your member of Parliament and your provincially elected officials": the reader's
# representatives at another level of government, named after the MP.
_OTHER_LEVEL_RE = re.compile(
    r"(?i)^\s*and\s+(?:to\s+)?(?P<role>your\s+(?:provincial(?:ly)?|municipal|local|city|state)\s+"
    r"(?:elected\s+)?(?:officials?|representatives?|councill?ors?))\b"
)


def detect_other_level(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """The second letter in "write to your MP and your provincial representatives": the
    representatives of another level, with what the letter to the MP asks."""
    letter = detect_to_mp(sentence, context)
    match = _MP_RE.search(sentence.text)
    if letter is None or match is None or letter.kind != LETTER_TO_MP:
        return None
    other = _OTHER_LEVEL_RE.match(sentence.text[match.end() :])
    if not other:
        return None
    role = re.sub(r"(?i)^your\s+", "", other.group("role"))
    return dataclasses.replace(
        letter, kind=LETTER_TO_TARGETS, targets=(Target(role=role, kind=MP),)
    )


# "Please cc the opposition critics on your emails:" and the critics listed below: a letter to
# the people the text has the reader contact, copied to them (`en_assembly.copy_to_contacts`).
CC_RE = re.compile(
    r"(?i)^\W*(?:please\s+|also\s+|and\s+)*(?P<verb>b?cc|copy(?:\s+in)?)\s+(?P<who>[^:.!?]{3,80}?)"
    r"\s+(?:on|in|into)\s+(?:all\s+)?(?:your|the)\s+(?:e-?mails?|letters?|messages?)\s*:\s*$"
)


def detect_cc(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """'Please cc the critics on your emails:' above a list of them -> LETTER_TO_TARGETS."""
    match = CC_RE.match(sentence.text)
    if not match:
        return None
    end = _contact_block_end(context.text, sentence)
    targets = _direct_targets(context.text, sentence.end, end, keep_bare=True)
    if not any(target.email for target in targets):
        return None
    stance = assess(sentence.text, match.start("verb"), match.end("verb"), news=context.news)
    return CallToAction(
        kind=LETTER_TO_TARGETS,
        text=f"Email them, with a copy to {collapse(match.group('who'))}",
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=stance.score,
        targets=tuple(targets),
    )


# A model letter given in parts, often on one line: "Address to use: The Honourable X, Minister
# of Y ... Greeting to use: Dear Minister, Some points you might include in your letter: - Say
# ... - Urge the Minister to ... Yours sincerely".
_OUTLINE_RE = re.compile(
    r"(?i)\b(?:points?|things?|ideas?)\s+(?:that\s+)?(?:you\s+)?(?:might|could|may|should|can|"
    r"to)\s+(?:include|make|raise|mention)\s+in\s+your\s+(?:letter|e-?mail|message)\s*:"
)
_ADDRESS_LABEL_RE = re.compile(
    r"(?i)\b(?:address(?:\s+to\s+use)?|send\s+(?:it\s+)?to|mail\s+(?:it\s+)?to|addressed\s+to)\s*:"
)
_GREETING_LABEL_RE = re.compile(r"(?i)\b(?:greeting|salutation)(?:\s+to\s+use)?\s*:")
_INLINE_SIGN_OFF_RE = re.compile(
    r"(?i)\b(?:yours\s+(?:truly|sincerely|respectfully)|sincerely|respectfully)\s*,"
)
_ITEM_MARK_RE = re.compile(r"(?:^|(?<=\s))[-\u2022*]\s+")
_OUTLINE_ASK_RE = re.compile(
    r"(?i)\b(?:urge|ask|call\s+on)\s+(?:the\s+|him\s+|her\s+|them\s+)?(?:[\w'\u2019-]+\s+){0,4}?"
    r"to\s+(?:also\s+)?(?P<demand>[a-z].*)"
)


def model_outlines(context: DocumentContext) -> list[CallToAction]:
    """Letters given as an address to use, a greeting and points to include, with no letter
    body written out -> LETTER_TO_TARGETS with the points as talking points."""
    text = context.text
    found = []
    for match in _OUTLINE_RE.finditer(text):
        paragraph = text.rfind("\n\n", 0, match.start()) + 1
        address = _ADDRESS_LABEL_RE.search(text, paragraph, match.start())
        if address is None:
            continue
        greeting = _GREETING_LABEL_RE.search(text, address.end(), match.start())
        targets = [
            target
            for target in find_targets(
                text, address.end(), greeting.start() if greeting else match.start()
            )
            if target.name or target.role
        ]
        if not targets:
            continue
        end = text.find("\n\n", match.end())
        end = len(text) if end == -1 else end
        sign_off = _INLINE_SIGN_OFF_RE.search(text, match.end(), end)
        items_end = sign_off.start() if sign_off else end
        points = tuple(
            point
            for item in _ITEM_MARK_RE.split(text[match.end() : items_end])
            if (point := collapse(item).strip())
        )
        if not points:
            continue
        asks = [ask for point in points if (ask := _OUTLINE_ASK_RE.search(point))]
        whom = targets[0].name or targets[0].role
        demand = wording.demand(asks[0].group("demand")) if asks else ""
        evidence_end = len(text[:items_end].rstrip())
        found.append(
            CallToAction(
                kind=LETTER_TO_TARGETS,
                text=demand or f"Write to {whom}",
                evidence=Evidence.of(text, address.start(), evidence_end),
                confidence=0.8,
                targets=tuple(targets),
                talking_points=points,
            )
        )
    return found


# "SAMPLE LETTER", "Sample letter to your Member of Parliament in Ottawa": a heading over a
# letter that may have no salutation ("I am writing to you today to ...", "RE: Docket ...").
_SAMPLE_HEADING_RE = re.compile(
    r"(?im)^[^\S\n]*(?:sample|model|template|draft)\s+(?:letter|e-?mail|message)\b[^\n]{0,60}$"
)
# Lines between the heading and the letter telling the reader what to do with it.
_SAMPLE_STEP_RE = re.compile(
    r"(?i)^\W*(?:print|send|copy|download|click|first|don['\u2019]t\s+forget|remember|please|"
    r"you\s+can|back\s+to\s+top)\b"
)
_SAMPLE_END_RE = re.compile(
    r"(?im)^[^\S\n]*(?:sincerely|yours\s+(?:truly|sincerely|faithfully|respectfully)|"
    r"(?:best|kind)\s+regards|respectfully)\b[^\n]*$"
)
_SAMPLE_ASK_RE = re.compile(
    r"\bI\s+(?:(?:also|strongly|respectfully)\s+)?(?:(?:implore|urge|ask|call\s+on|request)\s+"
    r"(?:[\w'\u2019.-]+\s+){1,6}?to|am\s+writing\s+(?:to\s+you\s+)?(?:today\s+)?to)\s+"
    r"(?P<demand>[a-z][^.!?]*)"
)
# Whom the letter goes to, when it is the reader's own representative.
_YOUR_MP_RE = re.compile(rf"\b(?:to|for)\s+{_MP}\b")


def sample_letters(actions: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """A letter under a "Sample letter" heading with no salutation for `letter_body` to find:
    to the reader's MP when the heading says so, else to the officials whose contact block
    stands above it. Only where no letter with a body was found already."""
    if any(a.letter_body for a in actions):
        return actions
    text = context.text
    found = []
    for heading in _SAMPLE_HEADING_RE.finditer(text):
        start = heading.end()
        following = lines(text[start : start + 4000])
        offset = start
        for line in following:
            if line.text.strip() and not _SAMPLE_STEP_RE.match(line.text):
                offset = start + line.start
                break
        else:
            continue
        end_match = _SAMPLE_END_RE.search(text, offset)
        body = text[offset : end_match.start() if end_match else len(text)].strip()
        if len(body.split()) < 30:
            continue
        ask = _SAMPLE_ASK_RE.search(body)
        demand = wording.demand(collapse(ask.group("demand"))) if ask else ""
        evidence = Evidence.of(text, heading.start(), len(text[: heading.end()].rstrip()))
        if _YOUR_MP_RE.search(heading.group(0)):
            kind, targets = LETTER_TO_MP, ()
        else:
            targets = tuple(
                target
                for target in find_targets(text, max(0, heading.start() - 2000), heading.start())
                if (target.name or target.role or is_official_mailbox(target.email))
                and (target.email or target.postal_address)
            )
            if not targets:
                continue
            kind = LETTER_TO_TARGETS
        if any(a.kind == kind and a.evidence.overlaps(evidence) for a in actions):
            continue
        found.append(
            CallToAction(
                kind=kind,
                text=demand or "Send the sample letter",
                evidence=evidence,
                confidence=0.8,
                targets=targets,
                letter_body=body,
            )
        )
    return actions + found


# "If you have already written to your MP about this, please, write again.": the MP is named
# in the condition, the order comes after it.
_AGAIN_RE = re.compile(
    r"(?i)\b(?:written|wrote|contacted|called|phoned|e-?mailed)\s+(?:to\s+)?(?P<mp>(?:your|their)"
    r"\s+(?:MPP?|MLA|MNA|member\s+of\s+parliament|representative))\b[^.!?:;]*?,\s*"
    r"(?P<order>(?:please,?\s+)?(?P<verb>write|call|phone|e-?mail|contact)(?:\s+(?:them|him|her))?"
    r"\s+again)\b"
)


def _again(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """An order to write to (or call) one's MP again, the MP named in the condition before."""
    match = _AGAIN_RE.search(sentence.text)
    if not match:
        return None
    order = match.group("order")
    stance = assess(order, order.casefold().rindex(match.group("verb").casefold()), len(order))
    verb = match.group("verb").casefold()
    kind = CALL if verb in _CALL_VERBS else LETTER_TO_MP
    return CallToAction(
        kind=kind,
        text=f"{verb.capitalize()} {'' if verb in ('call', 'phone', 'contact') else 'to '}"
        f"{match.group('mp')} again",
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=stance.score,
    )


def detect_to_targets(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """'Email the Minister of X (x@y) and the Prime Minister (z@w)' -> LETTER_TO_TARGETS / CALL."""
    text = context.text
    for match in _TARGET_VERB_RE.finditer(sentence.text):
        region_start = sentence.start + match.end()
        if _OWN_OBJECT_RE.match(sentence.text[match.end() :]):
            continue
        region_end = _contact_block_end(text, sentence)
        # "Call his office at 416-...": whose office the sentence before says (letter_assembly).
        pronoun = bool(_PRONOUN_OBJECT_RE.match(sentence.text[match.end() :]))
        # "send to one or all of the following:": each address listed is a recipient, named
        # or not.
        listed = bool(_LISTED_RE.search(sentence.text[match.end() :]))
        targets = _direct_targets(text, region_start, region_end, keep_bare=pronoun or listed)
        if not targets:
            continue
        stance = assess(sentence.text, match.start("verb"), match.end("verb"), news=context.news)
        verb = match.group("verb").casefold()
        # "Contact / reach the Minister's office at 613-..." with nothing to write to is a call.
        by_phone = all(t.phone and not (t.email or t.postal_address) for t in targets)
        generic = verb.split()[0].startswith(("contact", "reach", "get"))
        kind = (
            CALL if verb.split()[0] in _CALL_VERBS or (generic and by_phone) else LETTER_TO_TARGETS
        )
        score = stance.score
        if any(target.email or target.phone for target in targets):
            score += 0.05
        follow_up = "" if states_purpose(sentence.text) else _follow_up(context, region_end)
        return CallToAction(
            kind=kind,
            text=follow_up or _describe(sentence.text[match.start() :]),
            evidence=Evidence.of(text, sentence.start, sentence.end),
            confidence=score,
            targets=tuple(targets),
            organisation=subject_org(sentence.text[: match.start()]),
        )
    return None


_TWEET_RE = re.compile(r"(?i)^\W*(?:\d+[.)]\s*)?(?:please\s+)?tweet\b")


def drop_tweets(actions: list[CallToAction]) -> list[CallToAction]:
    """'Tweet to the Premier: @handle' asks for a public post, no letter to draft. (Read as
    an action until lists are attached, so that a list of the page's separate steps is not
    taken for talking points.)"""
    return [
        a
        for a in actions
        if not (a.kind == LETTER_TO_TARGETS and _TWEET_RE.match(a.evidence.quote))
    ]


def states_purpose(sentence: str) -> bool:
    """True when an instruction says what to ask for, not only whom to write to."""
    return bool(_PURPOSE_MARK_RE.search(sentence))


def _follow_up(context: DocumentContext, after: int) -> str:
    """The ask in "Ask him to X" when that sentence comes right after a contact block."""
    following = next((s for s in context.sentences if s.start >= after), None)
    if following is None:
        return ""
    match = _FOLLOW_UP_RE.match(following.text)
    return wording.demand(match.group("purpose")) if match else ""


def is_contact_entry(line: str) -> bool:
    """True for a line giving someone's contact details ("- Premier Doug Ford: 416-325-1941")."""
    return bool(EMAIL_RE.search(line) or PHONE_RE.search(line) or POSTAL_CODE_RE.search(line))


def _contact_block_end(text: str, sentence: Span, *, language: str = "en") -> int:
    """Where the contact details for an instruction end.

    Usually the sentence itself. When it ends with a colon, the following lines that carry
    contact details (a name, a role, 'Email: ...', a phone, an address) belong to it too; so does
    an address block in the very next paragraph when it names an official. A short
    introduction at the end of the paragraph ("... today. Their addresses:") counts as the colon.
    French (`language="fr"`) has its own instructions (« Écrivez », « Appelez ») and roles.
    """
    french = language == "fr"
    instruction_line = _INSTRUCTION_LINE_FR_RE if french else _INSTRUCTION_LINE_RE
    roles_in = fr_roles.find_roles if french else find_roles
    base = sentence.end
    colon = sentence.text.rstrip().endswith(":")
    introduction = _BLOCK_INTRO_RE.match(text, base)
    if not colon and introduction:
        base, colon = introduction.end(), True
    # Only the next 15 lines can matter; slicing the rest of a long document each time would not.
    following = lines(text[base : base + 4000])
    if not colon and following[0].text.strip():
        return sentence.end  # the paragraph goes on, so no contact block follows this sentence
    end = base
    blank_run = 0
    has_contact = False
    for index, line in enumerate(following[1:15], start=1):
        if not line.text.strip():
            blank_run += 1
            if blank_run > 1:
                break
            continue
        blank_run = 0
        # "- Minister of Labour Jane Doe:" with the number wrapped onto the next line.
        labelled = line.text.rstrip().endswith(":") and is_contact_entry(
            following[index + 1].text if index + 1 < len(following) else ""
        )
        if LIST_ITEM_RE.match(line.text) and not is_contact_entry(line.text) and not labelled:
            break  # talking points, not contact details
        words = line.text.split()
        contact = _CONTACT_LINE_RE.search(line.text)
        # "Send appeals to:" or "Write to:" alone introduces the block; with more after it, or
        # in a long line, a new instruction or paragraph starts.
        introduces = re.fullmatch(r"[^:]{0,40}:\s*", line.text)
        if (instruction_line.match(line.text) and not introduces) or len(words) > 16:
            break  # a new instruction or a paragraph of prose, not an address block
        if contact or (len(words) <= 10 and not re.search(r"[.!?]$", line.text.strip())):
            has_contact = has_contact or bool(contact)
            end = base + line.end
            continue
        break
    if not colon and not (has_contact and roles_in(text, sentence.end, end)):
        return sentence.end
    return end


def _direct_targets(text: str, start: int, end: int, keep_bare: bool = False) -> list[Target]:
    """Targets in the region, minus generic 'your MP' mentions and roles that are not objects.

    `keep_bare` keeps a contact with nobody named next to it ("call his office at ..."): the
    official is the one the previous sentence named."""
    kept = []
    previous_end = start
    for target in find_targets(text, start, end):
        # A name read only off the mailbox ("contact kairos.vi@shaw.ca") names nobody.
        named = target.name and not (
            target.email
            and target.name == name_from_email(target.email)
            and target.name.casefold() not in collapse(text[start:end]).casefold()
        )
        if not (target.role or named or is_official_mailbox(target.email) or keep_bare):
            # "Email volunteer@x.org", "Call Margaret at 306-...": a mailbox or a first name
            # alone is somebody at the organisation, not an official to lobby.
            continue
        if target.reachable:
            kept.append(target)
            continue
        if target.kind == MP:
            continue
        # A role without contact details only counts as the direct object of the verb
        # ("write to the Prime Minister and the Minister of X"), not a later mention.
        # The role as written, whatever spaces or line breaks it has in the text.
        written = re.compile(r"\s+".join(map(re.escape, target.role.split())))
        found = written.search(text, previous_end, end)
        gap = text[previous_end : found.start()] if found else "?"
        # "send this card (see below) to the Premier": an aside says nothing of whom.
        gap = re.sub(r"\([^()\n]{1,30}\)", " ", gap)
        if re.fullmatch(r"(?i)[\s,&/]*(?:(?:the|and|or|to|your|both|also|with)\b[\s,&/]*)*", gap):
            kept.append(target)
            previous_end = found.end()
    return kept


def _describe(clause: str) -> str:
    """'send an email to the Minister (x@y) & the PM (z@w) saying that you:' ->
    'Send an email to the Minister & the PM'."""
    clause = wording.strip_links(clause)
    without_ui = _UI_TAIL_RE.sub("", clause)
    if len(without_ui.split()) >= 3:
        clause = without_ui
    clause = re.sub(
        rf"[\s,]*(?:\b(?:at|on|or|by\s+(?:phone|e-?mail))\b|:)?\s+(?:{EMAIL_RE.pattern}|{PHONE_RE.pattern})",
        "",
        clause,
    )
    for address in reversed(find_addresses(clause)):
        # "Write to Hon. X, House of Commons, Ottawa, ON K1A 0A6, and ..." - the target has it.
        clause = re.sub(r"[\s,]+$", "", clause[: address.start]) + clause[address.end :]
    clause = wording.finish(clause)
    clause = _SAYING_TAIL_RE.sub("", clause)
    return wording.capitalise(wording.finish(clause))
