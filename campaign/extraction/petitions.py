"""Petitions: demands addressed to a government or official that supporters can sign.

Recognised phrasings (subject and tense are judged separately by `stance.assess`):

* "we call on / urge / ask / petition / press <addressee> to <demand>"
* "... demanding that <addressee> <demand>", "join us in demanding that ..."
* "Amnesty's call to <addressee> to <demand>"
* "we call for <demand>"
* "sign our petition", "add your name"
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from . import letter_body, wording
from .context import DocumentContext
from .stance import DIRECT, IMPERATIVE, PUBLIC, Assessment, assess
from .text import CAPITALISED, LIST_ITEM_RE, Span, collapse, lines
from .types import LOW_CONFIDENCE, PETITION, CallToAction, Evidence

_AUTHORITY = (
    r"(?i:governments?|authorities|parliament|ministers?|prime\s+minister|president|premier|"
    r"officials|leaders|congress|senate|council|administration|ministry|department|UN|"
    r"United\s+Nations|EU|European\s+Union|embassy|ambassador|mayor|MPs|"
    r"members\s+of\s+parliament|states?|countr(?:y|ies)|compan(?:y|ies)|corporations?|"
    r"board|police|courts?|regime|premiers|legislature|cabinet|city|province|town|"
    r"municipality|region|agency|commission|school\s+boards?|universit(?:y|ies)|employers?|"
    r"colleges?|schools?|hospitals?|landlords?|committees?|trustees)"
)
_ASK_VERB = (
    r"(?i:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|"
    r"petition(?:s|ed|ing)?|implor(?:e|es|ed|ing)|press(?:es|ed|ing)?|"
    # Not the noun: "launching an appeal to raise funds" is a fundraiser, not a demand.
    r"(?<!\ban\s)(?<!\bthe\s)(?<!\bour\s)(?<!\bits\s)appeal(?:s|ed|ing)?\s+to|"
    r"request(?:s|ed|ing)?|tell(?:s|ing)?|"
    r"demand(?:s|ed|ing)?(?!\s+that\b)|"
    # The noun after its owner ("Amnesty's call to"); "hit CALL to be connected" is a button.
    r"(?:(?<=['\u2019]s\s)|(?<=\bour\s)|(?<=\bthe\s)|(?<=\bits\s)|(?<=\btheir\s)|"
    r"(?<=\bthis\s)|(?<=\ba\s))call\s+to)"
)
_ADDRESSEE = r"(?P<addr>(?:(?!\bto\b|\bthat\b)[^.;:!?\u201c\u201d\"()]){2,100}?)"
_ASK_TO_RE = re.compile(
    # "petition the Legislative Assembly of Ontario as follows: to ..." (the formal wording);
    # "call upon the Minister to" at the end, or "to:", when a list of demands follows.
    rf"\b(?P<verb>{_ASK_VERB})\s+{_ADDRESSEE}(?:\s+as\s+follows\s*:)?\s+to"
    r"(?:\s+(?P<demand>\S.*)|\s*(?P<colon>:?)\s*$)",
    re.S,
)
_DEMAND_THAT_RE = re.compile(
    r"\b(?P<verb>(?i:demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|"
    r"insist(?:s|ed|ing)?|request(?:s|ed|ing)?))\s+that\s+"
    rf"(?P<addr>(?:the\s+)?(?:[\w'\u2019.-]+\s+){{0,4}}?{_AUTHORITY}\b"
    rf"(?:\s+of\s+{CAPITALISED}(?:\s+{CAPITALISED})*)?"
    rf"|{CAPITALISED}(?:\s+(?:of\s+)?{CAPITALISED}){{0,3}})"
    # "We demand that the Government of Canada:" - the demands follow as a list.
    r"(?:\s+(?:must\s+|should\s+|will\s+)?(?P<demand>[a-z].*)|\s*(?P<colon>:)\s*$)",
    re.S,
)
_CALL_FOR_RE = re.compile(
    r"\b(?P<verb>(?i:call(?:s|ed|ing)?|join\s+(?:us\s+)?in\s+calling))\s+for\s+(?P<demand>\S.*)",
    re.S,
)
_SIGN_RE = re.compile(
    r"(?i)\b(?P<verb>sign(?:ing)?\s+(?:(?:our|the|this|my|a|an)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:petition|open\s+letter|pledge|declaration)|add(?:ing)?\s+your\s+(?:name|voice|signature)|sign\s+(?:it\s+)?(?:now|today|here)|"
    # "Please consider supporting this petition to ...": supporting a petition is signing it;
    # "whether you support this petition", in a letter to an official, is not the reader.
    r"(?<!\byou\s)(?<!\bthey\s)(?<!\bwho\s)support(?:ing)?\s+(?:our|this|the|my)\s+petition)"
    r"\b(?P<rest>.*)",
    re.S,
)
# An instruction to write or call, earlier in the same sentence, followed by a participle
# ("..., urging ..."); "join us in calling on" is a petition in its own right.
_CONTACT_VERB_RE = re.compile(
    r"(?i)\b(?:write|writing|e-?mail|call|phone|contact|send|fax|tweet|letters?|appeals?|"
    r"postcards?|messages?)\b"
    r"(?!.*\bin\s*$)"
)
_READER_ACTION_RE = re.compile(
    r"(?i)\s*(?:please\s+)?(?:write|e-?mail|call|phone|contact|sign|donate|give|send|tell|"
    r"share|join|attend|come|visit|tweet|fax|pray)\b"
)
# An order to contact someone, then what to say: "Call X at 613-... and demand that ...".
_CONTACT_AND_RE = re.compile(
    r"(?i)^\W*(?:please\s+|then\s+|now\s+)*(?:call|phone|ring|e-?mail|write(?:\s+to)?|contact|"
    r"fax|tweet|message|meet|visit|invite|book\s+a\s+meeting|"
    # "Send a letter to the Minister and demand that ...": the letter is what demands it.
    r"send\s+(?:(?:an?|your|this|the|our)\s+)?(?:[\w-]+\s+)?(?:letter|e-?mail|message|note|"
    r"postcard|fax)s?)\b[^.;!?]*\band\s+$"
)
# "Ask the Minister to meet with our delegation": a meeting to arrange, not a demand to sign.
_MEETING_DEMAND_RE = re.compile(r"(?i)^(?:meet|sit\s+down)\b")
# "Urge the Premier to X by calling 555-...", "... by making a gift today": the means named
# after the ask is the action; the ask is what that call, letter or gift says.
_BY_MEANS_RE = re.compile(
    r"(?i)\bby\s+(?:calling|phoning|e-?mailing|writing\s+to|tweeting|contacting|donating|"
    r"sending\s+(?:an?|your|this|our)\s+(?:letter|e-?mail|message|postcard|note)|"
    r"giving\s+(?:today|now|generously|\$)|making\s+a\s+(?:gift|donation))"
)
_IN_YOUR_LETTER_RE = re.compile(
    r"(?i)\b(?:in\s+your|when\s+you)\s+(?:letter|e-?mail|message|call|postcard|write|phone)"
)
# Asking the readers themselves is not a petition to anyone ("We ask Canadians to ...").
_NOT_ADDRESSEE_RE = re.compile(
    rf"(?i)^(?:{PUBLIC}|yourself|yourselves|them|him|her|it|me|anyone|all|action|"
    r"questions?|for|about|everyone\s+\w+|all\s+(?:canadians|of\s+you|our\s+\w+)|"
    # "Request a meeting with your MP to ...", "request a copy of the report to ...": a thing
    # asked for, not someone asked.
    r"an?\s+\w+|"
    # "Urge your MP to ..." is a letter to the reader's representative (see letters.py).
    r"(?:your|their)\s+(?:[\w-]+\s+){0,2}?(?:MPP?|MLA|MNA|members?|representatives?|"
    r"councill?ors?|senators?))\b"
)


# "I urge the Minister to ...", "I am writing to ask that ...": one person's voice is a letter's
# (a sample letter or a script), not a demand the author asks readers to sign.
_SINGULAR_VOICE_RE = re.compile(r"\b(?:I|my|me)\b")
_FIRST_PERSON_RE = re.compile(r"(?i:\b(?:we|us|our)\b)|\b(?:I|my|me)\b")
# "Your MP can sign a parliamentary petition": someone other than the reader signs.
_OTHER_SIGNER_RE = re.compile(
    r"(?i)(?:^|[,;:.!?(]\s*)(?P<who>[^,;:.!?(]+?)\s+(?:can|could|should|must|may|might|will)\s+"
    r"(?:also\s+|now\s+)?$"
)
# Officials who sign motions and pledges ("MPs can sign the pledge"); "Ontarians can sign" is
# still the readers.
_OFFICIAL_SIGNER_RE = re.compile(
    r"(?i)\b(?:MPP?s?|MLAs?|MNAs?|senators?|councill?ors?|ministers?|premiers?|mayors?|"
    r"representatives?|politicians?|legislators?|candidates?|members\s+of\s+parliament|"
    r"leaders?|governments?|parliament)\b"
)
# "This gives you the opportunity to ask the government for ...", "you can urge the Minister
# to ...": the reader may ask, by whatever means the text gives (a call, a letter); the
# author asks nobody to sign anything.
_READER_MAY_ASK_RE = re.compile(
    r"(?i)\byou\b[^.;:!?]*\b(?:opportunit(?:y|ies)|chance|occasion|can|could|may|might)"
    r"\s+(?:to\s+)?$"
)
# "If thousands of us call on X, we could ...": a condition, not an ask.
_CONDITION_RE = re.compile(r"(?i)^\W*(?:if|when|once|unless)\b[^,;:]*$")
# "We focused our advocacy on calling for ...": what the author did.
_DONE_RE = re.compile(r"(?i)\b(?:we|I)\s+(?:\w+ly\s+|also\s+)?[a-z]+ed\b(?![^,;:]*[,;:])")
# Below the line shown to organisers: a letter's content, advice or a condition.
_NOT_A_PETITION = LOW_CONFIDENCE - 0.1


@dataclass(frozen=True)
class _Candidate:
    score: float
    addressee: str
    text: str
    label: str


# The formal wording: "WE the undersigned petition the Assembly as follows:" and then, in their
# own paragraphs, the clauses of the prayer: "That the Assembly be reconvened immediately."
_PRAYER_INTRO_RE = re.compile(
    rf"\b(?P<verb>(?i:petition|pray|call\s+(?:up)?on|request|ask|urge))\s+{_ADDRESSEE}"
    # The first clause may follow on the same line: "... as follows: That the Minister ...".
    r"\s+(?i:as\s+follows)\s*:\s*(?:That\s+(?P<inline>\S.*?))?\s*$",
    re.S,
)
_PRAYER_CLAUSE_RE = re.compile(r"(?m)^[^\S\n]*That\s+(?P<demand>[^\n]*\S)")


def _prayer(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """A formal petition: the prayer's "That ..." clauses, after the line that introduces them,
    are what is demanded of the addressee."""
    match = _PRAYER_INTRO_RE.search(sentence.text)
    if not match:
        return None
    clauses = [wording.demand(match.group("inline"))] if match.group("inline") else []
    end = sentence.end
    while True:
        position = _skip_blank(context.text, end)
        if context.text[end:position].count("\n") > 2:
            break  # a blank line may separate the clauses, no more
        clause = _PRAYER_CLAUSE_RE.match(context.text, position)
        if not clause:
            break
        clauses.append(wording.demand(clause.group("demand")))
        end = clause.end()
    if not clauses:
        return None
    stance = _assess(sentence.text, match, context)
    if _voice_penalty(sentence.text, match.start("verb"), stance.label):
        return None
    start = sentence.start + sentence.text.rfind("\n", 0, match.start()) + 1
    return CallToAction(
        kind=PETITION,
        text="; ".join(clause for clause in clauses if clause),
        evidence=Evidence.of(context.text, start, end),
        confidence=stance.score,
        addressee=wording.finish(match.group("addr")),
    )


def _skip_blank(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def detect(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """The best petition-like demand in `sentence`, or None."""
    prayer = _prayer(sentence, context)
    if prayer:
        return prayer
    signing = _signing(sentence.text, context)
    asks = _asks(sentence.text, context)
    if not signing and _is_list_item(sentence, context.text):
        # "• Ask the government to X" under "what you might say": advice on a letter or call.
        asks = [dataclasses.replace(a, score=min(a.score, _NOT_A_PETITION)) for a in asks]
    if signing:
        # "Sign the petition calling on the Premier to X": the ask is the reader's to sign,
        # so it is as strong as the signing request, and says more.
        asks = [dataclasses.replace(a, score=max(a.score, signing[0].score)) for a in asks]
    demands = [*asks, *_calls_for(sentence.text, context)]
    if not demands and not signing:
        return None
    # What the petition demands says more than the request to sign it, at equal strength.
    best = max(
        [(c, 1) for c in demands] + [(c, 0) for c in signing],
        key=lambda pair: (pair[0].score, pair[1], bool(pair[0].addressee), len(pair[0].text)),
    )[0]
    return CallToAction(
        kind=PETITION,
        text=best.text,
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=best.score,
        addressee=best.addressee,
    )


_READER_STEP_RE = re.compile(
    r"(?i)^\W*(?:please\s+)?(?:find|look\s+up|drag|click|tap|copy|paste|download|print|fill|"
    r"enter|type|open|visit|go|use|send|e-?mail|write|call|phone|share|sign|add|attach|select|"
    r"choose|save|post|upload|follow|like|subscribe|register)\b"
)


def are_reader_steps(items: tuple[str, ...]) -> bool:
    """True for a list of steps the reader takes ("Find your MLA's email address", "Drag the
    image below"): what to do, not what a decision-maker is asked."""
    steps = sum(bool(_READER_STEP_RE.match(item)) for item in items)
    return bool(items) and steps * 2 >= len(items)


def _is_list_item(sentence: Span, text: str) -> bool:
    """True when the sentence sits on a bullet or numbered line ("- Urge the Minister ...")."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return bool(LIST_ITEM_RE.match(line)) or bool(re.search(r"(?:^|:)\s*[-\u2022*]\s+\w", line))


def _voice_penalty(sentence: str, start: int, label: str) -> float:
    """How far below an ask a demand falls when written as a letter (first person singular),
    under a condition, or as something already done."""
    prefix = sentence[:start]
    if _CONDITION_RE.match(prefix) or _DONE_RE.search(prefix):
        return 1.0
    if label == DIRECT:
        voices = list(_FIRST_PERSON_RE.finditer(prefix))
        if voices and _SINGULAR_VOICE_RE.fullmatch(voices[-1].group(0)):
            return 1.0
    return 0.0


def _asks(sentence: str, context: DocumentContext) -> list[_Candidate]:
    found = []
    for pattern in (_ASK_TO_RE, _DEMAND_THAT_RE):
        for match in _overlapping(pattern, sentence):
            addressee = wording.finish(match.group("addr"))
            if not addressee or len(addressee.split()) > 12 or _NOT_ADDRESSEE_RE.match(addressee):
                continue
            if re.match(r"[a-z]+ing\b", addressee):
                continue  # "Petition urging Ottawa to ...": the noun, then the real verb
            if _asks_readers_to_act(addressee, match.group("demand") or ""):
                continue  # "We are asking every household to write to the Minister"
            verb = match.group("verb").casefold()
            # "our petition calling on X" - the noun, not the verb "to petition".
            if verb.startswith("petition") and re.search(
                r"(?i)\b(?:our|the|this|a|an|my)\s+(?:\w+\s+){0,2}$", sentence[: match.start()]
            ):
                continue
            if _is_letter_content(sentence[: match.start("verb")], verb):
                continue
            stance = _assess(sentence, match, context, imperative=not verb.startswith("call to"))
            # "Tell the minister to ..." is only an ask as an order to the reader.
            if verb.startswith("tell") and stance.label != IMPERATIVE:
                continue
            if match.group("colon") is not None:
                # The list after the colon says what is demanded (pipeline._attach_lists).
                text = wording.finish(sentence)
            else:
                text = wording.demand(match.group("demand"))
            if not text:
                continue
            score = stance.score
            if _MEETING_DEMAND_RE.match(text) or _BY_MEANS_RE.search(sentence, match.end("verb")):
                score = min(score, _NOT_A_PETITION)
            if match.group("colon") is None and len(text.split()) < 3:
                score -= 0.4  # "urging Ministers to act responsibly" asks for nothing to draft
            if not re.search(_AUTHORITY, addressee) and not re.search(r"[A-Z]", addressee):
                score -= 0.15
            if _voice_penalty(sentence, match.start("verb"), stance.label) or (
                _READER_MAY_ASK_RE.search(sentence[: match.start("verb")])
                and not _SIGN_RE.search(sentence)
            ):
                score = min(score, _NOT_A_PETITION)
            found.append(_Candidate(score, addressee, text, stance.label))
    return found


def _assess(
    sentence: str, match: re.Match[str], context: DocumentContext, *, imperative: bool = True
) -> Assessment:
    """Whether the `verb` group of `match` is the author's ask; the main organisation's own
    third-person asks ("The Centre calls on ...") count as the author's."""
    return assess(
        sentence,
        match.start("verb"),
        match.end("verb"),
        imperative=imperative,
        main_org=context.main_org,
        news=context.news,
    )


def _asks_readers_to_act(addressee: str, demand: str) -> bool:
    """True when people, not an authority, are asked to take one of our actions themselves:
    "every household to write to ...", "each member to call ...", "families to donate"."""
    if re.search(r"[A-Z]", addressee) or re.search(_AUTHORITY, addressee):
        return False
    return bool(_READER_ACTION_RE.match(demand))


def is_bare_signing(action: CallToAction) -> bool:
    """True for "Sign now!" and the like: a request to sign that names no demand of its own."""
    quote = action.evidence.quote
    whole = wording.capitalise(wording.finish(wording.strip_links(quote)))
    return (
        action.kind == PETITION
        and not action.addressee
        and action.text == whole
        and bool(_SIGN_RE.search(quote))
    )


def _is_letter_content(prefix: str, verb: str) -> bool:
    """True for "Please write to the ambassador, urging the authorities to ...": the ask is what
    the letter or call says, and the letter detector reports it, not a separate petition."""
    if _IN_YOUR_LETTER_RE.search(prefix):
        return True  # "In your letter, ask the Minister to: ..."
    if _CONTACT_AND_RE.match(prefix):
        return True  # "Call Premier X at 250-... and demand that the province ..."
    signed = re.search(r"(?i)\bsign", prefix)  # "sign our open letter ... demanding that"
    return verb.endswith("ing") and not signed and bool(_CONTACT_VERB_RE.search(prefix))


def _overlapping(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    """Every match, including ones that start inside an earlier match's demand.

    "We call on X to act, and we urge Y to Z": the first demand runs to the end of the
    sentence, so plain `finditer` would never see the second ask.
    """
    found = []
    position = 0
    while match := pattern.search(sentence, position):
        found.append(match)
        position = match.end("verb")
    return found


def _calls_for(sentence: str, context: DocumentContext) -> list[_Candidate]:
    found = []
    for match in _CALL_FOR_RE.finditer(sentence):
        text = wording.demand(match.group("demand"))
        if len(text.split()) < 2:
            continue
        if _is_letter_content(sentence[: match.start("verb")], match.group("verb").casefold()):
            continue  # "sending a letter to your MP calling for X": the letter asks
        stance = _assess(sentence, match, context)
        # Without an addressee the demand is vaguer than "call on X to Y".
        score = stance.score - 0.05
        if _voice_penalty(sentence, match.start("verb"), stance.label):
            score = min(score, _NOT_A_PETITION)
        found.append(_Candidate(score, "", text, stance.label))
    return found


def _signing(sentence: str, context: DocumentContext) -> list[_Candidate]:
    match = _SIGN_RE.search(sentence)
    if not match:
        return []
    stance = _assess(sentence, match, context)
    score = stance.score
    signer = _OTHER_SIGNER_RE.search(sentence[: match.start("verb")])
    if (signer and _OFFICIAL_SIGNER_RE.search(signer.group("who"))) or _voice_penalty(
        sentence, match.start("verb"), stance.label
    ):
        # "Your MP can sign ...", "I am calling on you to sign the pledge": not the reader.
        score = min(score, _NOT_A_PETITION)
    rest = match.group("rest")
    addressee = ""
    # "Sign our petition to the Minister of X" names who it goes to, not what it asks.
    to_whom = re.match(
        rf"\s*(?:to|addressed\s+to)\s+(?P<addr>(?:the\s+)?(?:{CAPITALISED}\s+"
        rf"(?:(?:of|for|and|the)\s+)*)*(?:{CAPITALISED}|{_AUTHORITY}))\b",
        rest,
    )
    purpose = re.match(r"\s*(?:to|that|for|against)\s+(?P<demand>\S.*)", rest, re.S)
    if to_whom:
        addressee = wording.finish(to_whom.group("addr"))
        text = wording.capitalise(wording.finish(wording.strip_links(sentence)))
    elif purpose:
        text = wording.demand(purpose.group("demand"))
    else:
        text = wording.capitalise(wording.finish(wording.strip_links(sentence)))
    return [_Candidate(score, addressee, text, stance.label)]


def drop_signing_asked_of_officials(
    actions: list[CallToAction], scripts: list[Span], text: str
) -> list[CallToAction]:
    """A bare request to sign what a call script asks the official to sign ("I am calling on
    you to sign the X pledge" ... "sign the X pledge"): the official is to sign it, not the
    reader."""
    said = " ".join(collapse(text[script.start : script.end]).casefold() for script in scripts)
    return [
        a
        for a in actions
        if not (
            is_bare_signing(a)
            and (match := _SIGN_RE.search(a.evidence.quote))
            and collapse(match.group("verb")).casefold() in said
        )
    ]


# A petition site's signature counter: "0 have signed. Let's get to 75,000!"
_COUNTER_RE = re.compile(
    r"(?im)^[^\S\n]*[\d,.]+\s+(?:people\s+)?(?:have|has)\s+signed\b[^\n]*"
    r"(?:let['\u2019]?s\s+get\s+to\s+[\d,.]+)?"
)


def title_petition(actions: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """A petition page (its signature counter says so) whose demand is only its title
    ("Removing X from Office" above a grievance): the title is what is signed for."""
    if any(a.kind == PETITION and not a.low_confidence for a in actions):
        return actions
    counter = _COUNTER_RE.search(context.text)
    if not counter:
        return actions
    title = next(
        (line for line in lines(context.text[: counter.start()]) if line.text.strip()), None
    )
    if title is None or len(title.text.split()) < 3 or re.search(r"[.?:]\s*$", title.text):
        return actions
    start = title.start + len(title.text) - len(title.text.lstrip())
    end = title.start + len(title.text.rstrip())
    petition = CallToAction(
        kind=PETITION,
        text=wording.finish(title.text),
        evidence=Evidence.of(context.text, start, end),
        confidence=0.7,
    )
    return [
        a for a in actions if not (a.kind == PETITION and a.evidence.overlaps(petition.evidence))
    ] + [petition]


# A sentence of an open letter that tells its addressee what to do: "you need to resign",
# "you must act", "we urge you to ...".
_TELLS_ADDRESSEE_RE = re.compile(
    r"(?i)\b(?:you\s+(?:need|have|ought)\s+to|you\s+(?:must|should)|"
    r"(?:we|I)\s+(?:urge|ask|call\s+(?:up)?on|implore|demand\s+of)\s+you\s+to)\s+"
    r"(?P<demand>[^.!?]*\w)"
)


def open_letter_petition(
    actions: list[CallToAction], context: DocumentContext
) -> list[CallToAction]:
    """A petition page whose only request is to sign ("Add your name if you agree") under a
    letter to officials ("Dear Premier X:"): what the letter tells them to do is the demand."""
    petitions = [a for a in actions if a.kind == PETITION and not a.low_confidence]
    if not petitions or not all(is_bare_signing(a) for a in petitions):
        return actions
    first = min(a.evidence.start for a in petitions)
    greeting = next(
        (
            match
            for match in letter_body.salutations(context.text[:first])
            if not letter_body.greets_readers(match.group("who"))
        ),
        None,
    )
    if greeting is None:
        return actions
    asks = [
        (sentence, ask)
        for sentence in context.sentences
        if greeting.end() <= sentence.start and sentence.end <= first
        for ask in [_TELLS_ADDRESSEE_RE.search(sentence.text)]
        if ask
    ]
    if not asks:
        return actions
    sentence, ask = asks[-1]  # the letter's closing demand
    petition = CallToAction(
        kind=PETITION,
        text=wording.demand(ask.group("demand")),
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=max(a.confidence for a in petitions),
        addressee=wording.finish(greeting.group("who")),
    )
    return [a for a in actions if not any(a is p for p in petitions)] + [petition]
