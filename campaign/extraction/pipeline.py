"""Putting it together: sentences -> detectors -> letters, lists, organisations -> merged actions.

Order matters:
1. template letters are found first, so the sentences inside them ("I urge you to ...") are
   read as the letter's content rather than as separate asks;
2. donation appeals come before petitions, because the organisation a document raises money
   for is the one whose third-person asks ("The Centre calls on ...") are the author's own;
3. letters are joined to the instruction that introduces them, and an official's address given
   in a later sentence to the action naming them (see `letter_assembly`);
4. lists after a colon become talking points of the action they introduce, and a bare "Sign
   now!" joins the petition the document states;
5. duplicates are merged, an instruction that names no demand takes the one stated next to it
   (see `borrowed_demands`), and noise below MIN_CONFIDENCE is dropped.

A French document (see `language`) goes through the same steps with the French detectors
(`fr_petitions`, `fr_letters`, `fr_donations`, judged by `fr_stance`) and French letter forms;
the step that only knows English phrasings ("Tell X: ...") is left out. A document in any
other language gives nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from . import (
    acronyms,
    asks_lists,
    bills,
    call_directories,
    call_scripts,
    co_addressees,
    conveyed_message,
    described_letters,
    document_demand,
    donations,
    en_assembly,
    fr_action_menus,
    fr_channels,
    fr_donations,
    fr_form_petitions,
    fr_inline_lists,
    fr_letters,
    fr_listed_own,
    fr_members,
    fr_petitions,
    fr_sending,
    fr_signing_back,
    fr_stance,
    fr_switchboards,
    fr_wording,
    invitations,
    letter_assembly,
    letters,
    petitions,
    pointing_back,
    report_back,
    second_channel,
    sent_messages,
    subject_letters,
    tell,
    wording,
)
from .borrowed_demands import borrow_demands, says_nothing
from .context import DocumentContext
from .language import ENGLISH, FRENCH, NEITHER_WARNING, guess_language
from .letter_body import find_letter_bodies
from .orgs import OrgIndex
from .quoting import dequoted
from .stance import looks_like_news
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
from .unwrap import unwrapped

# Below this an action is not even shown as low confidence: it is reported speech.
MIN_CONFIDENCE = 0.25
# How far (in characters) a list may be from the action it belongs to.
_NEARBY = 1500
_DEMANDS_INTRO_RE = re.compile(
    r"(?i)\b(?:demands?|we\s+(?:call|ask|urge)|petition|tell\s+them|ask\s+them|urge\s+them)\b"
)
# The end of a sentence a list completes ("... as follows:", "call upon the Minister to").
_LIST_LEAD_RE = re.compile(r"(?::|\bto)\s*$")
_BOILERPLATE_RE = re.compile(
    r"(?i)\b(?:enter\s+your\s+(?:comment|name|email)|follow\s+and\s+like|like\s+us|"
    r"share\s+this|leave\s+a\s+(?:reply|comment)|learn\s+more|read\s+more|"
    r"sign\s+up\s+for\s+(?:our|the)\s+newsletter|cookies?|privacy\s+policy|"
    r"all\s+rights\s+reserved)\b"
)
_DEMANDS_INTRO_FR_RE = re.compile(
    r"(?i)\b(?:demand\w*|exige\w*|réclam\w*|revendication\w*|nous\s+(?:exhortons|appelons)|"
    r"pétition|dites[-\s](?:leur|lui)|demandez[-\s](?:leur|lui))\b"
)
_BOILERPLATE_FR_RE = re.compile(
    r"(?i)\b(?:entrez\s+votre\s+(?:commentaire|nom|courriel|adresse)|suivez[-\s]nous|"
    r"partagez\s+(?:cette\s+page|sur)|laissez\s+un\s+commentaire|en\s+savoir\s+plus|"
    r"lire\s+la\s+suite|abonnez-vous\s+à\s+(?:notre|l['\u2019])\s*infolettre|"
    r"inscrivez-vous\s+à\s+(?:notre|l['\u2019])\s*infolettre|témoins|"
    r"politique\s+de\s+confidentialité|tous\s+droits\s+réservés)"
)
_ENGLISH_DETECTORS = (
    petitions.detect,
    letters.detect_to_mp,
    letters.detect_to_targets,
    letters.detect_other_level,
    letters.detect_cc,
    tell.detect,
)
_FRENCH_DETECTORS = (
    fr_petitions.detect,
    fr_signing_back.detect,
    fr_letters.detect_to_mp,
    fr_letters.detect_to_targets,
    fr_letters.detect_tell,
    fr_sending.detect,
)


def extract_document(text: str) -> ExtractedDocument:
    """Title, publication date, language and calls to action of one source document.

    A document in neither English nor French gets no actions and a warning (see `language`).
    """
    language = guess_language(text)
    return ExtractedDocument(
        title=extract_title(text),
        published=extract_date(text),
        actions=tuple(extract_actions(text, language=language)),
        language=language,
        warnings=() if language else (NEITHER_WARNING,),
    )


def extract_actions(text: str, *, language: str | None = None) -> list[CallToAction]:
    """All calls to action in `text`, each with evidence quoted from it, sorted by position.

    `language` ("en", "fr") is guessed from the text when not given; in any other language
    ("") nothing is found.
    """
    if language is None:
        language = guess_language(text)
    if language not in (ENGLISH, FRENCH):
        return []
    plain = dequoted(text)
    reading = unwrapped(plain.text)
    actions = _actions(reading, language)
    if reading == text:
        return actions
    # Same length, so the quote comes from the text as written, line breaks and all.
    return [
        dataclasses.replace(
            a,
            evidence=Evidence.of(
                text,
                plain.original_offset(a.evidence.start),
                plain.original_offset(a.evidence.end),
            ),
        )
        for a in actions
    ]


def _actions(text: str, language: str = ENGLISH) -> list[CallToAction]:
    french = language == FRENCH
    spans = sentences(text, language=language)
    context = DocumentContext(
        text=text,
        sentences=tuple(spans),
        orgs=OrgIndex(text, spans),
        news=fr_stance.looks_like_news(text) if french else looks_like_news(text),
        language=language,
    )
    bodies = find_letter_bodies(text, language=language)
    boilerplate = _BOILERPLATE_FR_RE if french else _BOILERPLATE_RE
    candidates = [
        span
        for span in spans
        if not boilerplate.search(span.text)
        and not any(body.start <= span.start < body.end for body in bodies)
    ]

    donation = fr_donations.detect if french else donations.detect
    gifts = [found for span in candidates if (found := donation(span, context))]
    gifts = _resolve_donations(gifts, context)
    strongest = max(gifts, key=lambda a: a.confidence, default=None)
    if strongest and not strongest.low_confidence and strongest.organisation:
        context = dataclasses.replace(context, main_org=strongest.organisation)

    # What a caller says ("I am calling on you to sign the pledge") asks the official, not
    # the reader: no petition is read inside a call script written as spoken words.
    spoken = [] if french else [s.span for s in call_scripts.find_scripts(text) if s.spoken]
    actions = list(gifts)
    for span in candidates:
        scripted = any(script.start <= span.start < script.end for script in spoken)
        for detector in _FRENCH_DETECTORS if french else _ENGLISH_DETECTORS:
            if scripted and detector is petitions.detect:
                continue
            found = detector(span, context)
            if found:
                actions.append(found)
        if french:
            actions += fr_channels.detect(span, context)

    if not french:
        # A model letter in parts (address, greeting, points to include), no body written out.
        actions += [
            outline
            for outline in letters.model_outlines(context)
            if not any(
                a.kind == LETTER_TO_TARGETS and a.evidence.overlaps(outline.evidence)
                for a in actions
            )
        ]
    actions = letter_assembly.attach_letters(actions, bodies, context)
    actions = letter_assembly.fold_follow_ups(actions, bodies, context)
    actions = letter_assembly.fold_preceding_asks(actions, text, language=language)
    actions = letter_assembly.fold_following_asks(actions, text, language=language)
    if not french:
        actions = letters.sample_letters(actions, context)
        actions = subject_letters.subject_line_letters(actions, context)
    actions = _attach_lists(actions, list_blocks(text), context, spoken)
    if not french:
        actions = letters.drop_tweets(actions)
    bare = fr_petitions.is_bare_signing if french else petitions.is_bare_signing
    if spoken:
        actions = petitions.drop_signing_asked_of_officials(actions, spoken, context.text)
    actions = _fold_sign_requests(actions, bare)
    if french:
        actions = _french_petitions(actions, text)
        # A bare request that only now has a petition to sign (one whose purpose the text
        # stated above it) signs that one: « Signez ici » as a heading.
        actions = _fold_sign_requests(actions, bare)
        actions = fr_inline_lists.numbered_points(actions, text)
        actions = fr_letters.recipient_lists(actions, context)
        actions += fr_switchboards.detect(context)
    if not french:
        actions = tell.fold_into_signing(actions, text)
        actions = petitions.title_petition(actions, context)
        actions = petitions.open_letter_petition(actions, context)
    actions = merge_overlapping(actions)
    if not french:
        # "Tell the premier to X!" on a page whose form sends the message: a letter.
        actions = sent_messages.form_messages(actions, text)
        # Scripts and the numbers under a call are read from English cues only, for now.
        actions = call_scripts.complete_calls(actions, context)
        actions = call_directories.add_directory_numbers(actions, text)
        actions = en_assembly.drop_own_staff(actions, context)
        actions = en_assembly.fold_channelless_asks(actions)
        actions = en_assembly.attach_labelled_mailboxes(actions, context)
    if french:
        actions = _one_call_to_the_representative(actions)
        actions = fr_letters.one_letter_to_the_representatives(actions)
        actions = fr_sending.one_letter_per_recipient(actions)
    actions = _drop_repeated_representative_asks(actions, language)
    if not french:
        actions = document_demand.give_document_demand(actions, text, language=ENGLISH)
    if french:
        # Before borrowing: the ways listed under a menu ask what is stated above it.
        actions = fr_action_menus.give_menu_demand(actions, text)
    actions = borrow_demands(actions, text, language=language)
    if french:
        # What nothing nearby says, the document may state as its own (« nous réclamons »).
        actions = document_demand.give_document_demand(actions, text, language=FRENCH)
        actions = _one_call_per_demand(actions, text)
        actions = fr_members.members_apart_from_own(actions, text)
        actions = fr_listed_own.listed_own_representative(actions, text)
        actions = fr_signing_back.lend_demand(actions)
        # Last: only a page where nothing else asks anything.
        actions = fr_form_petitions.form_petition(actions, context)
        # After borrowing, so that a demand taken from nearby names the bill too.
        actions = bills.name_the_bill(actions, text, language=FRENCH)
    if not french:
        # After borrowing, so that the call whose people are copied in says what it asks.
        actions = en_assembly.copy_to_contacts(actions, context)
        actions = en_assembly.fold_asks_into_routed_letters(actions)
        actions = co_addressees.add_co_addressees(actions, text)
        # A page that describes its letters ("sample letters for your MP on X"), before the
        # letters that point back ("the promises they made") are given what they point to.
        actions = described_letters.describe_letters(actions, text, news=context.news)
        actions = bills.name_the_bill(actions, text, language=ENGLISH)
        actions = pointing_back.name_what_it_points_to(actions, text)
        actions = described_letters.use_letter_as_script(actions)
        actions = asks_lists.give_listed_asks(actions, text)
        actions = conveyed_message.give_conveyed_message(actions, text)
        actions = second_channel.add_written_channel(actions)
        actions = report_back.drop_reports_to_organisers(actions)
        # After the reports to the organisers are gone: they ask nobody.
        actions = en_assembly.drop_repeated_letters_to_mp(actions)
        actions = invitations.detect(context.sentences, actions, text, news=context.news)
    actions = [action for action in actions if action.confidence >= MIN_CONFIDENCE]
    return sorted(actions, key=lambda action: (action.evidence.start, action.kind))


def _resolve_donations(gifts: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """Give every appeal an organisation and keep one action per organisation."""
    if not gifts:
        return []
    named = [gift for gift in gifts if gift.organisation]
    if named:
        fallback = max(named, key=lambda gift: gift.confidence).organisation
    elif context.language == FRENCH:
        fallback = fr_donations.fundraiser(context.text)
    else:
        fallback = (
            donations.signing_organisation(context.text)
            or context.orgs.fundraiser()
            or donations.beneficiary(context.text)
        )
    by_org: dict[str, list[CallToAction]] = {}
    for gift in gifts:
        organisation = _same_org(gift.organisation or fallback, gifts, context)
        # Whom the money goes to, in full when the text spells the initials out.
        organisation = acronyms.spelled_out(organisation, context.text)
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
        describe = fr_donations.describe if context.language == FRENCH else donations.describe
        text = describe(best.organisation, *(g.evidence.quote for g in group))
        merged.append(dataclasses.replace(best, text=text))
    return merged


def _same_org(name: str, gifts: list[CallToAction], context: DocumentContext) -> str:
    """One name for an organisation the appeals name in short and in full ("ACLU", "ACLU
    Foundation"): the one the document uses most."""
    forms = {name} | {
        g.organisation
        for g in gifts
        if g.organisation.startswith(name + " ")
        or name.startswith(g.organisation + " ")
        or _initials_of(g.organisation, name)
        or _initials_of(name, g.organisation)
    }
    # Initials stand for the full name the appeals also give ("FCF" for "Fédération ...").
    spelled = {form for form in forms if not any(_initials_of(form, o) for o in forms)}
    return max(sorted(spelled), key=lambda form: (context.orgs.count(form), len(form)))


_LINK_WORDS = frozenset(["of", "the", "and", "for", "de", "la", "le", "les", "du", "des", "et"])


def _initials_of(short: str, name: str) -> bool:
    """True when `short` is written in capitals and is the initials of `name`'s words, the
    little linking words aside ("FCF" for "Fédération canadienne de la faune")."""
    words = [w for w in re.split(r"[\s'\u2019-]+", name) if w and w.casefold() not in _LINK_WORDS]
    return (
        len(words) >= 2
        and short.isupper()
        and short.isalpha()
        and short == "".join(w[0] for w in words).upper()
    )


def _attach_lists(
    actions: list[CallToAction],
    blocks: list[ListBlock],
    context: DocumentContext,
    spoken: Sequence[Span] = (),
) -> list[CallToAction]:
    """Turn lists after a colon into talking points of the action they belong to; a list of
    demands in a call script (`spoken`) is what the caller asks, not a petition."""
    for block in blocks:
        # Items with contact details are the targets of the action (letters.py), not points.
        points = tuple(
            collapse(item.text) for item in block.items if not letters.is_contact_entry(item.text)
        )
        if context.language == FRENCH:
            points = tuple(fr_wording.point(point) for point in points)
        if not points:
            continue
        if context.language == ENGLISH and petitions.are_reader_steps(points):
            # "1. Find your MLA's email address 2. Drag the image below": how to send it,
            # not what to say.
            continue
        inside = [a for a in actions if any(_within(a.evidence, item) for item in block.items)]
        hosts = [
            a
            for a in actions
            if a not in inside and block.intro.overlaps(a.evidence.start, a.evidence.end)
        ]
        if not hosts and inside and len(inside) * 2 >= len(block.items):
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
        intro = _DEMANDS_INTRO_FR_RE if context.language == FRENCH else _DEMANDS_INTRO_RE
        scripted = any(s.start <= block.intro.start < s.end for s in spoken)
        if (
            not hosts
            and not scripted
            and intro.search(block.intro.text)
            and not petitions.are_reader_steps(points)
        ):
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
        # "Sign our petition. We demand that the university:" - the sentence ending in the colon
        # introduces the list.
        host = max(
            hosts, key=lambda a: (bool(_LIST_LEAD_RE.search(a.evidence.quote)), a.confidence)
        )
        updated = dataclasses.replace(host, talking_points=host.talking_points + points)
        quote = host.evidence.quote.rstrip()
        lead = _LIST_LEAD_RE.search(quote)
        if host.kind == PETITION and lead and host.text == wording.finish(quote):
            # "We demand that the Government of Canada:", "We call upon the Minister to" - the
            # list is what is demanded.
            demands = (re.sub(r"\s*;\s*(?:and|or)?\s*$", "", point) for point in points)
            updated = dataclasses.replace(updated, text="; ".join(demands))
        actions = [updated if a is host else a for a in actions if a not in inside]
    return actions


def _fold_sign_requests(
    actions: list[CallToAction],
    is_bare: Callable[[CallToAction], bool] = petitions.is_bare_signing,
) -> list[CallToAction]:
    """A bare "Sign now!" signs the petition the document states elsewhere, not a new one."""
    bare = {id(a) for a in actions if is_bare(a)}
    stated = sorted(
        (a for a in actions if a.kind == PETITION and id(a) not in bare),
        key=lambda a: a.evidence.start,
    )
    if not bare or not stated:
        return actions
    strength: dict[int, float] = {}
    for request in (a for a in actions if id(a) in bare):
        # The nearest stated petition before the request, else the first one after it.
        before = [a for a in stated if a.evidence.start < request.evidence.start]
        host = before[-1] if before else stated[0]
        strength[id(host)] = max(strength.get(id(host), 0.0), request.confidence)
    return [
        dataclasses.replace(a, confidence=max(a.confidence, strength[id(a)]))
        if id(a) in strength
        else a
        for a in actions
        if id(a) not in bare
    ]


def _french_petitions(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """A French request to sign that names no demand takes what the text before it says the
    petition is for, and the formal wishes listed after it (« Que le gouvernement ... ») as
    its points; a page asking to sign several petitions has one per titled text; a
    petition page holds one petition unless it has several formal texts."""
    actions = [
        dataclasses.replace(a, text=purpose)
        if fr_petitions.is_bare_signing(a) and (purpose := fr_petitions.stated_purpose(a, text))
        else a
        for a in actions
    ]
    actions = [
        dataclasses.replace(a, talking_points=wishes)
        if fr_petitions.is_bare_signing(a)
        and not a.talking_points
        and (wishes := fr_petitions.formal_wishes(a, text))
        else a
        for a in actions
    ]
    actions = fr_petitions.routed_petitions(actions, text)
    actions = fr_petitions.dash_line_items(actions, text)
    actions = fr_petitions.titled_petitions(actions, text)
    actions = fr_petitions.launched_petition(actions, text)
    return fr_petitions.one_per_petition_page(actions, text)


def _one_call_to_the_representative(actions: list[CallToAction]) -> list[CallToAction]:
    """A French page asking to phone one's representative (« Appelez votre député pour ... »),
    in its title, its lead and a « Contactez un député » that names no channel, asks for one
    call: the strongest one, with the others' talking points."""
    calls = [a for a in actions if a.kind == CALL and not a.targets]
    if not calls:
        return actions
    own = calls + [a for a in actions if fr_letters.contacts_without_channel(a)]
    if len(own) == 1:
        return actions
    best = max(
        own,
        key=lambda a: (a.confidence, not says_nothing(a, language=FRENCH), -a.evidence.start),
    )
    points = tuple(dict.fromkeys(p for a in own for p in a.talking_points))
    merged = dataclasses.replace(
        best,
        kind=CALL,
        talking_points=points,
        letter_body=best.letter_body or next((a.letter_body for a in own if a.letter_body), ""),
    )
    folded = {id(a) for a in own}
    return [*(a for a in actions if id(a) not in folded), merged]


def _one_call_per_demand(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """« Appelez le chef de l'opposition au ... Demandez-lui de X. » then « Appelez le premier
    ministre au ... Demandez-lui de X. »: the steps of one call campaign, asking the same thing
    of several people, are one call to all of them."""
    calls = sorted((a for a in actions if a.kind == CALL), key=lambda a: a.evidence.start)
    groups: list[list[CallToAction]] = []
    for call in calls:
        group = next(
            (
                g
                for g in groups
                if g[0].text.casefold() == call.text.casefold()
                and call.evidence.start - g[-1].evidence.end <= _NEARBY
            ),
            None,
        )
        if group is None:
            groups.append([call])
        else:
            group.append(call)
    merged = []
    for group in groups:
        if len(group) == 1:
            merged.append(group[0])
            continue
        first, last = group[0], max(group, key=lambda a: a.evidence.end)
        targets: dict[str, Target] = {}
        for target in (t for call in group for t in call.targets):
            key = target.key()
            targets[key] = targets[key].merged_with(target) if key in targets else target
        merged.append(
            dataclasses.replace(
                first,
                evidence=Evidence.of(text, first.evidence.start, last.evidence.end),
                confidence=max(a.confidence for a in group),
                targets=tuple(targets.values()),
                talking_points=tuple(dict.fromkeys(p for a in group for p in a.talking_points)),
            )
        )
    return [*(a for a in actions if a.kind != CALL), *merged]


def _drop_repeated_representative_asks(
    actions: list[CallToAction], language: str = ENGLISH
) -> list[CallToAction]:
    """'URGENT: CALL YOUR MP TODAY!' above 'Call your MP and tell them to vote no' is one ask:
    an instruction to contact one's own representative that says nothing about what to ask
    goes when another of the same kind says it."""
    kept = list(actions)
    for kind in (LETTER_TO_MP, CALL):
        own = [a for a in actions if a.kind == kind and not a.targets]
        # What the action says, not its sentence: "X is asking members to write to their MP"
        # has "asking" in it but says nothing about what to write.
        said = [a for a in own if a.letter_body or not says_nothing(a, language=language)]
        if said:
            kept = [
                a for a in kept if a not in own or a in said or a.talking_points or a.letter_body
            ]
    return kept


def _within(evidence: Evidence, span: Span) -> bool:
    return span.start <= evidence.start and evidence.end <= span.end


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
