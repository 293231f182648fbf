"""French letters and calls: « Écrivez à votre député », « Envoyez un courriel au ministre de
l'Environnement (x@y) », « Appelez le bureau de la ministre au 613-... ».

The same two detectors as `letters`:

* `detect_to_mp` - the supporter's own representative (« votre député(e) », « vos élu·e·s »),
  looked up by Chorus from the postal code; « Appelez / Téléphonez à votre député » is a call.
* `detect_to_targets` - named officials with their contact details, found by
  `targets.find_targets(..., language="fr")` after the verb and in the contact block after it.

What to ask (« pour lui demander de ... », « et demandez-lui de ... ») is the action's text.
"""

from __future__ import annotations

import dataclasses
import re

from . import folding
from . import fr_wording as wording
from .contacts import (
    EMAIL_RE,
    PHONE_RE,
    find_addresses,
    find_emails,
    find_phones,
    is_official_mailbox,
)
from .context import DocumentContext
from .fr_appositions import apposed_targets
from .fr_roles import classify_role
from .fr_stance import assess
from .fr_wording import INFINITIVE
from .letters import _contact_block_end, is_contact_entry
from .names import name_from_email
from .stance import IMPERATIVE
from .targets import find_targets
from .text import Span, collapse, lines
from .types import CALL, LETTER_TO_MP, LETTER_TO_TARGETS, MP, CallToAction, Evidence, Target

_CALL = r"appel(?:ez|er|ons|le)|téléphon(?:ez|er|ons|e)"
_VERB = (
    r"(?:écri(?:vez|re|vons|s)(?:\s+(?:une\s+lettre|un\s+courriel|un\s+mot|un\s+message))?|"
    r"envoy(?:ez|er|ons)\s+(?:(?:un|une|votre|ce|cette|notre|vos|nos|des)\s+)?"
    r"(?:courriels?|lettres?|messages?|courriers?|mots?|e-mails?|cartes?(?:\s+postales?)?|"
    r"télécopies?)(?:\s+par\s+(?:courriel|la\s+poste|courrier|e-?mail|mail|télécopieur))?|"
    r"envoie\s+(?:un|une)\s+(?:courriel|lettre|message)|"
    r"contact(?:ez|er|ons|e)|interpell(?:ez|er|ons|e)|" + _CALL + r"|"
    r"rencontr(?:ez|er|ons)|communiqu(?:ez|er|ons)\s+avec|demand(?:ez|er|ons)|di(?:tes|re)|"
    r"exhort(?:ez|er)|press(?:ez|er)|fai(?:tes|re)\s+(?:pression\s+sur|savoir\s+à)|"
    r"visit(?:ez|er)|sollicit(?:ez|er)|mobilis(?:ez|er)|joign(?:ez|ons))"
)
_VERBS = rf"(?i:{_VERB}(?:\s*(?:,|/|\bou\b|\bet\b|\bet/ou\b)\s*{_VERB})*)"
_FEMININE = r"(?:e|\(e\)|·e|\.e|-e)?(?:s|·s|\(s\))?"
_MP = (
    # « votre député », and « un-e député-e » (any one of them: the reader picks).
    r"(?:(?i:à|au|aux)\s+)?"
    # « Téléphonez au bureau de votre députée »: their office is them.
    r"(?:(?i:(?:le\s+)?(?:bureau|cabinet|permanence)\s+de)\s+)?"
    r"(?i:votre|vos|ton|ta|tes|leur|leurs|un(?:-e|·e|\(e\)|\.e)?|une)"
    # « votre/vos député(e)s »: the one or several the reader has.
    r"(?:\s*/\s*(?i:votre|vos))?\s+"
    r"(?:(?i:propres?)\s+)?"
    rf"(?:(?i:député{_FEMININE}|élu{_FEMININE}|représentant{_FEMININE}|"
    r"membres?\s+du\s+parlement|conseill(?:er|ère)s?(?:\s+municipa(?:l|le|ux|les))?|"
    rf"sénat(?:eur|rice){_FEMININE})|MPs?|MNAs?|MPPs?|MLAs?)"
    r"(?:\s+(?i:fédéra(?:l|le|ux|les)|provincia(?:l|le|ux|les)|loca(?:l|le|ux|les)|"
    r"municipa(?:l|le|ux|les)))?"
    r"(?![\w·(])"
)
_MP_RE = folding.compile(rf"\b(?P<verbs>{_VERBS})\s+(?P<mp>{_MP})")
# « Écrivez au premier ministre, à la ministre X et à votre député »: the reader's own
# representative last in a list of those written to.
_LISTED_MP_RE = folding.compile(
    rf"\b(?P<verbs>{_VERBS})\s+(?i:au|à|aux)\s+[^.;:!?()\n]{{1,150}}?(?:,|\s(?i:et|ou))\s+"
    rf"(?P<mp>(?i:à|au|aux)\s+{_MP})"
)
# « Interpellez les députés et sénateurs », « Écrivez aux élus »: the chamber's members, each
# reader writing to their own; only with an order to write or contact (« demander aux élus
# de ... » is a petition's ask).
# The members of a party (« libéraux », « conservatrices », « du PLQ »).
_PARTY = (
    r"(?i:libéra(?:l|le|ux|les)|conservat(?:eur|rice)s?|néo-?démocrates?|bloquistes?|"
    r"péquistes?|caquistes?|solidaires|vert(?:e|s|es)?|progressistes?|républicain(?:e|s|es)?|"
    r"démocrates?)(?![\w-])"
)
_MEMBERS = rf"(?i:député{_FEMININE}|élu{_FEMININE}|sénat(?:eur|rice){_FEMININE}|parlementaires)"
_MEMBERS_RE = folding.compile(
    r"\b(?P<verbs>(?i:interpell?(?:ez|er|ons)|contact(?:ez|er|ons)|"
    r"(?:écri(?:vez|re|vons)|envoy(?:ez|er|ons))"
    r"(?:\s+(?:un|une|votre|vos|des)\s+(?:courriels?|lettres?|messages?))?))\s+"
    rf"(?P<mp>(?i:les|aux|à\s+tous\s+les)\s+{_MEMBERS}"
    rf"(?:\s+(?i:et|ou)\s+(?:(?i:les|aux)\s+)?{_MEMBERS})?)(?![\w·(])"
    # « les sénateurs du Québec »: a place's members, named.
    r"(?P<place>\s+(?:du|des|de\s+la|de\s+l['\u2019]|de|d['\u2019])\s*[A-ZÀ-Þ][\w-]*)?"
    # « les députés libéraux »: a party's members, whom the reader writes to by name.
    rf"(?P<party>\s+{_PARTY})?"
)
# What to ask: « pour lui demander de X », « et demandez-lui de X », « pour exiger X »,
# « afin qu'il X », « pour appuyer X »; or straight after « Demandez à votre député de X ».
_PURPOSE = (
    r"\b(?:pour|afin\s+de)\s+(?:lui|leur)\s+(?:demander|dire|rappeler|faire\s+savoir|"
    r"exprimer|signifier)\s+(?:de\s+|d['\u2019]|que\s+|qu['\u2019])?"
    r"|\b(?:et\s+)?(?:demandez|dites|exigez|rappelez)[-\s](?:lui|leur)\s+"
    r"(?:de\s+|d['\u2019]|que\s+|qu['\u2019])?"
    r"|\b(?:pour|afin\s+d['\u2019]|afin\s+de)\s*(?:exiger|réclamer|demander)\s+"
    r"(?:que\s+|qu['\u2019])?"
    r"|\b(?:pour|afin)\s+qu['\u2019](?:il|elle|ils|elles)\s+"
    # « ... et les inciter à voter NON », « pour le convaincre de ... ».
    r"|\b(?:et|pour|afin\s+de)\s+(?:les|le|la|l['\u2019])\s*(?:inciter|exhorter|pousser|"
    r"encourager|convaincre|presser|amener)\s+(?:à\s+|de\s+|d['\u2019])"
    rf"|\bpour\s+(?={INFINITIVE})"
)
_PURPOSE_RE = folding.compile(
    rf"(?i)(?:{_PURPOSE}"
    # Straight after the representative: « Demandez à votre député de X », « Dites à votre
    # députée que X », « Interpellez vos élus : exigez X ».
    rf"|^\s*,?\s*(?:de\s+|d['\u2019]|à\s+)(?={INFINITIVE})"
    r"|^\s*,?\s*(?:que\s+|qu['\u2019])"
    r"|^\s*:\s*)(?P<purpose>\S.*)",
    re.S,
)
# After the verb of an order to write to named officials, only a marked purpose counts.
_TARGET_PURPOSE_RE = folding.compile(rf"(?i)(?:{_PURPOSE})(?P<purpose>\S.*)", re.S)
_CALL_VERB_RE = folding.compile(rf"(?i)^(?:{_CALL})$")

_TARGET_VERB_RE = folding.compile(
    r"(?i)\b(?P<verb>envoy(?:ez|er|ons)\s+(?:(?:un|une|votre|ce|cette|notre|vos|des|nos)\s+)?"
    # « un petit mail d'encouragement à X »: a size before, what it is for after.
    r"(?:(?:petit|petite|court|courte|bref|brève)\s+)?"
    r"(?:courriels?|lettres?|messages?|courriers?|mots?|e-mails?|mails?|cartes?(?:\s+postales?)?|"
    r"télécopies?|copies?)(?:\s+(?:d['\u2019]|de\s+)[a-zà-ÿ]+)?(?=\s+(?:à|au|aux)\b)|"
    r"envoy(?:ez|er)[-\s](?:la|le|les)(?=\s+(?:à|au|aux)\b)|"
    # « Faites parvenir une lettre à la ministre » (or « pour la ministre »: addressed to her).
    r"fai(?:tes|re)\s+parvenir\s+(?:votre|une|cette|la|le|vos|ce)\s+\w+"
    r"(?=\s+(?:(?:à|au|aux)\b|pour\s+(?:la|le|les)\s+[A-ZÀ-Þ]?[a-zà-ÿ]+\s+[A-ZÀ-Þ]))|"
    r"adress(?:ez|er)[-\s](?:la|le|les|votre\s+\w+|une\s+\w+|un\s+\w+)(?=\s+(?:à|au|aux)\b)|"
    # « en transmettant un mémoire à l'adresse suivante : x@y » (a consultation's brief).
    r"(?:transmett|envoy)(?:ez|re|er|ant)\s+(?:un|une|votre|vos|ce|cette)\s+"
    r"(?:mémoire|commentaires?|avis|lettre|courriel)(?=\s+à\s+l['\u2019]adresse\b)|"
    r"écri(?:vez|re|vons)(?:\s+(?:une\s+lettre|un\s+courriel|un\s+mot|un\s+message))?|"
    r"contact(?:ez|er)|interpell(?:ez|er)|joign(?:ez|er)|communiqu(?:ez|er)\s+avec|"
    r"appel(?:ez|er)|téléphon(?:ez|er)|courriel(?:ez)?)\b"
    r"(?!\s*:)"  # « Courriel : x@y » and « Téléphone : 613-... » are labels, not asks
)
# The object is the organisation itself: « écrivez-nous », « contactez notre équipe ».
_OWN_OBJECT_RE = folding.compile(
    r"(?i)^\s*(?:-\s*nous|-\s*moi|nous|(?:à\s+|avec\s+)?(?:notre|nos)\s+"
    r"(?!(?:député|élu|représentant|conseill|sénat|maire)\w*)\w+|"
    r"(?:à\s+)?(?:vos|votre)\s+(?:histoires?|photos?|questions?|témoignages?))\b"
)
_PRONOUN_OBJECT_RE = folding.compile(
    r"(?i)^\s*(?:-\s*(?:lui|leur)|(?:à\s+)?(?:son|sa|ses|leur)\s+\w+)\b"
)
# « Demandez-lui de X » right after a contact block.
_FOLLOW_UP_RE = folding.compile(
    r"(?i)^(?:(?:et|puis|ensuite|svp)\s+)*(?:demandez|dites|exigez|rappelez)[-\s](?:lui|leur)\s+"
    r"(?:de\s+|d['\u2019]|que\s+|qu['\u2019])(?P<purpose>\S.*)",
    re.S,
)
_SAYING_TAIL_RE = folding.compile(
    r"(?i)[\s,]*(?:(?:et\s+)?(?:pour\s+)?(?:lui|leur)\s+(?:dire|demander)(?:\s+que)?|et)?[\s:]*$"
)


def detect_to_mp(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """« Écrivez à votre député pour lui demander de ... » -> LETTER_TO_MP (CALL for
    « Appelez / Téléphonez à votre député »)."""
    match = (
        _MP_RE.search(sentence.text)
        or _MEMBERS_RE.search(sentence.text)
        or _LISTED_MP_RE.search(sentence.text)
    )
    if not match:
        return None
    stance = assess(sentence.text, match.start("verbs"), match.end("verbs"), news=context.news)
    # « les sénateurs du Québec »: a province's senators, whom no postal code picks out (a
    # riding's député is the reader's own even when « les députés de la Vienne » are named).
    named = match.groupdict().get("place") if re.search(r"(?i)sénat", match.group("mp")) else ""
    named = match.groupdict().get("party") or named
    verbs = re.split(r"\s*(?:,|/|\bou\b|\bet/ou\b|\bet\b)\s*", match.group("verbs").casefold())
    written = [verb for verb in verbs if verb and not _CALL_VERB_RE.match(verb.split()[0])]
    kind = CALL if not written else LETTER_TO_MP
    remainder = wording.strip_links(sentence.text[match.end() :])
    purpose = _PURPOSE_RE.search(remainder)
    text = wording.demand(purpose.group("purpose")) if purpose else ""
    if len(text.split()) < 2 or remainder.rstrip().endswith(":"):
        text = wording.capitalise(wording.finish(sentence.text[match.start() :]))
    if named:
        # Not the reader's own: the members a place sends, written to as named officials.
        role = re.sub(r"(?i)^(?:les|aux|à\s+tous\s+les)\s+", "", match.group("mp"))
        return CallToAction(
            kind=CALL if kind == CALL else LETTER_TO_TARGETS,
            text=text,
            evidence=Evidence.of(context.text, sentence.start, sentence.end),
            confidence=stance.score,
            targets=(Target(role=collapse(role + named)),),
        )
    return CallToAction(
        kind=kind,
        text=text,
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=stance.score,
    )


# « Vous avez des questions ? Besoin d'aide ? Communiquez avec X »: whom to ask for help, not
# whom the campaign writes to.
_HELP_RE = folding.compile(
    r"(?i)(?:\b(?:questions?|besoin\s+d['\u2019]aide|aide|renseignements?|informations?)\s*\?"
    r"|\bpour\s+(?:toute|toutes|plus\s+d['\u2019]|de\s+l['\u2019]|obtenir\s+de\s+l['\u2019])\s*"
    r"(?:questions?|informations?|renseignements?|aide)\b)"
)
# The reader's options, before a gerund: « Il est possible de participer ... en transmettant ».
_READER_OPTION_RE = folding.compile(
    r"(?i)\b(?:il\s+est\s+possible\s+de|vous\s+pouvez|vous\s+êtes\s+invités?\s+à|"
    r"on\s+peut|participez)\b"
)
_BASE_APPEAL = 0.75
# How far back (in characters, within the paragraph) a help cue may stand.
_HELP_NEARBY = 120


def is_help_contact(text: str, start: int, verb_start: int) -> bool:
    """True when the order to contact someone at `verb_start` answers a help cue just before
    it, in the same paragraph."""
    before = text[max(0, start - _HELP_NEARBY) : verb_start]
    before = re.split(r"\n\s*\n", before)[-1]
    return bool(_HELP_RE.search(before))


def detect_to_targets(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """« Envoyez un courriel au ministre de l'Environnement (x@y) » -> LETTER_TO_TARGETS / CALL."""
    text = context.text
    for match in _TARGET_VERB_RE.finditer(sentence.text):
        if is_help_contact(text, sentence.start, sentence.start + match.start()):
            continue
        after = sentence.text[match.end() :]
        if _OWN_OBJECT_RE.match(after):
            continue
        region_start = sentence.start + match.end()
        region_end = _contact_block_end(text, sentence, language="fr")
        pronoun = bool(_PRONOUN_OBJECT_RE.match(after))
        targets = _direct_targets(text, region_start, region_end, keep_bare=pronoun)
        if not targets and pronoun and (listed := _entries_before(text, sentence.start)):
            # « Écrivez-leur » under a list of « L'honorable X, ministre de Y — x@y »: them.
            targets = _listed_recipients(text, *listed)
        if not targets:
            # « à Jean Dupont et Marie Roy, ces deux députés »: names, their role after them.
            targets = apposed_targets(after)
        if not targets:
            continue
        stance = assess(sentence.text, match.start("verb"), match.end("verb"), news=context.news)
        verb = match.group("verb").casefold().split()[0]
        score = stance.score
        if (
            verb.endswith("ant")
            and not context.news
            and _READER_OPTION_RE.search(sentence.text[: match.start("verb")])
        ):
            # « Vous pouvez participer ... en transmettant un mémoire à l'adresse ... »
            score = max(score, _BASE_APPEAL)
        by_phone = all(t.phone and not (t.email or t.postal_address) for t in targets)
        generic = verb.startswith(("contact", "joign", "communiqu", "interpell"))
        kind = CALL if _CALL_VERB_RE.match(verb) or (generic and by_phone) else LETTER_TO_TARGETS
        if any(target.email or target.phone for target in targets):
            score += 0.05
        purpose = _TARGET_PURPOSE_RE.search(wording.strip_links(_without_contacts(after)))
        demand = wording.demand(purpose.group("purpose")) if purpose else ""
        if len(demand.split()) < 2:
            demand = _follow_up(context, region_end)
        return CallToAction(
            kind=kind,
            text=demand or _describe(sentence.text[match.start() :]),
            evidence=Evidence.of(text, sentence.start, sentence.end),
            confidence=score,
            targets=tuple(targets),
        )
    return None


# « Dites au ministre Dufour d'arrêter X », « Rappelez à la première ministre que X »: a message
# to a named official, sent however the page lets the reader send it - a letter to them.
_TELL_RE = folding.compile(
    r"\b(?P<verb>(?i:dites|rappelez|faites\s+savoir))\s+"
    r"(?P<who>(?i:à|au|aux)\s+[^.;:!?\u00ab\u00bb]{2,80}?)\s+"
    r"(?i:de\s+|d['\u2019]|qu['\u2019]|que\s+)(?P<message>\S.*)",
    re.S,
)


def detect_tell(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """« Dites au ministre X de Y » -> LETTER_TO_TARGETS to the minister, asking Y (the reader's
    own representative is `detect_to_mp`'s; an authority with no role is a petition's)."""
    match = _TELL_RE.search(sentence.text)
    if not match:
        return None
    stance = assess(sentence.text, match.start("verb"), match.end("verb"), news=context.news)
    if stance.label != IMPERATIVE:
        return None
    start = sentence.start + match.start("who")
    targets = [
        target
        for target in find_targets(
            context.text, start, start + len(match.group("who")), language="fr"
        )
        if target.kind != MP and (target.role or target.name)
    ]
    message = wording.demand(match.group("message"))
    if not targets or len(message.split()) < 2:
        return None
    return CallToAction(
        kind=LETTER_TO_TARGETS,
        text=message,
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=stance.score,
        targets=tuple(targets),
    )


def contacts_without_channel(action: CallToAction) -> bool:
    """True for « Contactez votre député ... »: an order to reach one's representative that
    says neither write nor call."""
    match = _MP_RE.search(action.evidence.quote)
    if action.kind != LETTER_TO_MP or action.targets or not match:
        return False
    verbs = re.split(r"\s*(?:,|/|\bou\b|\bet/ou\b|\bet\b)\s*", match.group("verbs").casefold())
    return all(re.match(r"(?:contact|communiqu|joign|interpell)", verb) for verb in verbs if verb)


def states_purpose(sentence: str) -> bool:
    """True when an instruction says what to ask for, not only whom to write to."""
    return bool(_PURPOSE_RE.search(sentence)) and not sentence.rstrip().endswith(":")


def _follow_up(context: DocumentContext, after: int) -> str:
    """The ask in « Demandez-lui de X » when that sentence comes right after a contact block."""
    following = next((s for s in context.sentences if s.start >= after), None)
    if following is None:
        return ""
    match = _FOLLOW_UP_RE.match(following.text)
    return wording.demand(match.group("purpose")) if match else ""


def _without_contacts(clause: str) -> str:
    """The clause with its emails and phone numbers (and « à » / « au » before them) taken out,
    so that « ... (x@y) et demandez-lui de ... » reads straight on."""
    return re.sub(
        rf"[\s,]*(?:\b(?:à|au|par\s+courriel|par\s+téléphone)\b|:)?\s*\(?(?:{EMAIL_RE.pattern}|"
        rf"{PHONE_RE.pattern})\)?",
        "",
        clause,
    )


def _direct_targets(text: str, start: int, end: int, keep_bare: bool = False) -> list[Target]:
    """Targets in the region, minus « votre député » and roles that are not objects of the verb
    (see `letters._direct_targets`)."""
    kept = []
    previous_end = start
    for target in find_targets(text, start, end, language="fr"):
        named = target.name and not (
            target.email
            and target.name == name_from_email(target.email)
            and target.name.casefold() not in collapse(text[start:end]).casefold()
        )
        if not (target.role or named or is_official_mailbox(target.email) or keep_bare):
            continue
        if target.reachable:
            kept.append(target)
            continue
        if target.kind == MP:
            continue
        written = folding.compile(r"\s+".join(map(re.escape, target.role.split())))
        found = written.search(text, previous_end, end)
        gap = text[previous_end : found.start()] if found else "?"
        # « une lettre pour la ministre X »: addressed to her, right after the verb only.
        if previous_end == start and re.match(r"(?i)\s+pour\s+(?=l)", gap):
            gap = gap.lstrip()[4:]
        if re.fullmatch(
            r"(?i)[\s,&/]*(?:(?:le|la|les|l['\u2019]|et|ou|à|au|aux|votre|vos|aussi|avec|"
            r"ainsi\s+qu['\u2019]à)\b[\s,&/]*|l['\u2019])*",
            gap,
        ):
            kept.append(target)
            previous_end = found.end()
    return kept


def _describe(clause: str) -> str:
    """« Envoyez un courriel au ministre (x@y) et à la ministre (z@w) : » ->
    « Envoyez un courriel au ministre et à la ministre »."""
    clause = _without_contacts(wording.strip_links(clause))
    for address in reversed(find_addresses(clause)):
        clause = re.sub(r"[\s,]+$", "", clause[: address.start]) + clause[address.end :]
    clause = wording.finish(clause)
    clause = _SAYING_TAIL_RE.sub("", clause)
    return wording.capitalise(wording.finish(clause))


def one_letter_to_the_representatives(actions: list[CallToAction]) -> list[CallToAction]:
    """« Interpellez les députés » in the lead and again further down, neither saying what to
    ask: one letter, the first (the page's own ask), as strong as the strongest."""
    bare = [a for a in actions if a.kind == LETTER_TO_MP and not a.targets and _says_only_whom(a)]
    if len(bare) < 2 or len(bare) != len([a for a in actions if a.kind == LETTER_TO_MP]):
        return actions
    first = min(bare, key=lambda a: a.evidence.start)
    kept = dataclasses.replace(
        first,
        confidence=max(a.confidence for a in bare),
        talking_points=tuple(dict.fromkeys(p for a in bare for p in a.talking_points)),
    )
    return [kept if a is first else a for a in actions if a is first or a not in bare]


def _says_only_whom(action: CallToAction) -> bool:
    return not action.letter_body and not action.talking_points and not states_purpose(action.text)


# A heading over the page's own summary of what the campaign asks: « Résumé de l'appel à
# l'action », « En bref », « L'enjeu ».
_SUMMARY_HEADING_RE = folding.compile(
    r"(?im)^[ \t]*(?:résumé|sommaire|en\s+bref|l['\u2019]enjeu|notre\s+demande|"
    r"nos\s+demandes|ce\s+que\s+nous\s+demandons)\b[^\n.!?]{0,60}\n"
)
# How far below the instruction the summary may stand (a page's tips may come between).
_SUMMARY_NEARBY = 3000
_SUMMARY_SENTENCES = 4


def summary_points(action: CallToAction, text: str) -> tuple[str, ...]:
    """The sentences of the summary under a « Résumé »-type heading below `action`, which the
    letter is to say (its first paragraph, questions left out), or ()."""
    end = action.evidence.end
    heading = _SUMMARY_HEADING_RE.search(text, end, min(len(text), end + _SUMMARY_NEARBY))
    if not heading:
        return ()
    paragraph = re.split(r"\n\s*\n", text[heading.end() :].lstrip(), maxsplit=1)[0]
    found = re.split(r"(?<=[.!?])\s+", collapse(paragraph))
    points = [
        wording.finish(sentence)
        for sentence in found
        if sentence.endswith((".", "!")) and len(sentence.split()) >= 4
    ]
    return tuple(points[:_SUMMARY_SENTENCES])


# The prose between an order to write and the list of whom to write to says it is that list:
# « la liste des adresses courriels à qui adresser votre lettre », « Coordonnées : ».
_RECIPIENTS_INTRO_RE = folding.compile(
    r"(?i)\b(?:adresses?(?:\s+courriels?)?|courriels|coordonnées|destinataires)\b"
)
# ... and, when it says so, that the numbers in it are to be called.
_NUMBERS_TO_CALL_RE = folding.compile(
    r"(?i)\b(?:numéros?\s+de\s+téléphones?\s+(?:à|pour)\s+(?:appeler|joindre)|appel(?:ez|er)|"
    r"téléphon(?:ez|er))\b"
)
# How far below the order the list may start, and how long the prose between may be.
_LIST_NEARBY = 1200
_MIN_ENTRIES = 2


def recipient_lists(actions: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """« Écrivez au ministre pour lui demander X. » above « Adresses courriels et numéros de
    téléphone : » and lines « Nom, rôle : courriel / téléphone »: everyone in the list is
    written to; and when the page gives the numbers to call, they are called, asking X."""
    text = context.text
    updated = list(actions)
    announcements: list[CallToAction] = []
    for index, action in enumerate(actions):
        if action.kind != LETTER_TO_TARGETS or action.letter_body:
            continue
        block = _entries_after(text, action.evidence.end)
        if block is None:
            continue
        start, end = block
        gap = text[action.evidence.end : start]
        between = [
            other
            for other in actions
            if other is not action
            and other.evidence.start < start
            and other.evidence.end > action.evidence.end
        ]
        # « Voici les numéros à appeler » may itself read as an order to call the list: it
        # is the announcement of this list, read below; any other action is a new ask.
        if not _RECIPIENTS_INTRO_RE.search(gap) or any(
            other.kind not in (CALL, LETTER_TO_TARGETS)
            or other.evidence.start < action.evidence.end
            for other in between
        ):
            continue
        listed = _listed_recipients(text, start, end)
        if len(listed) < _MIN_ENTRIES:
            continue
        announcements += between
        kept = [t for t in action.targets if t.reachable]
        updated[index] = dataclasses.replace(action, targets=tuple(kept + listed))
        # One number each: a person listed with two mailboxes is still one call.
        callers = list({t.phone: t for t in reversed(listed) if t.phone}.values())[::-1]
        cue = _NUMBERS_TO_CALL_RE.search(gap)
        if callers and cue:
            at = action.evidence.end + cue.start()
            sentence = next((s for s in context.sentences if s.start <= at < s.end), None)
            if sentence is None:
                continue
            updated.append(
                dataclasses.replace(
                    action,
                    kind=CALL,
                    evidence=Evidence.of(text, sentence.start, sentence.end),
                    targets=tuple(callers),
                )
            )
    return [a for a in updated if not any(a is other for other in announcements)]


def _entries_before(text: str, before: int) -> tuple[int, int] | None:
    """The run of lines giving contact details right above `before` (blank lines between
    entries allowed), as (start, end), when it has _MIN_ENTRIES."""
    offset = max(0, before - 4000)
    above = lines(text[offset:before].rstrip())
    start = end = None
    entries = 0
    for line in reversed(above):
        if is_contact_entry(line.text):
            start = offset + line.start
            end = end if end is not None else offset + line.end
            entries += 1
        elif line.text.strip():
            break
    if start is None or entries < _MIN_ENTRIES:
        return None
    return start, end


def _entries_after(text: str, after: int) -> tuple[int, int] | None:
    """The first run of lines giving contact details within _LIST_NEARBY after `after`
    (blank lines between entries allowed), as (start, end), when it has _MIN_ENTRIES."""
    window = text[after : after + _LIST_NEARBY + 4000]
    start = end = None
    entries = 0
    for line in lines(window):
        if is_contact_entry(line.text):
            if start is None:
                if line.start > _LIST_NEARBY:
                    return None
                start = after + line.start
            end = after + line.end
            entries += 1
        elif start is not None and line.text.strip():
            break
    if start is None or entries < _MIN_ENTRIES:
        return None
    return start, end


# One entry of a recipients list: « -> Benoît Charette, ministre de l'Environnement : x@y et
# z@w / 514-864-8500 ».
_ENTRY_RE = folding.compile(
    r"^[\W\d]*?(?:(?:L['\u2019]honorable|L['\u2019]hon\.|Mme|M\.|Madame|Monsieur|Dr|Dre)[ \t]+)?"
    r"(?P<name>[A-ZÀ-Þ][\w'\u2019.-]*(?:[ \t]+[A-ZÀ-Þ][\w'\u2019.-]*){1,3})[ \t]*,[ \t]*"
    r"(?P<role>[^:\n\u2013\u2014]{3,140}?)[ \t]*(?::|[ \t][\u2013\u2014-][ \t])(?P<contacts>.*)$"
)


def _listed_recipients(text: str, start: int, end: int) -> list[Target]:
    """The people of a recipients list, each entry read as « Nom, rôle : contacts » when
    written so (every email and the first phone of the line are theirs), else as
    `find_targets` pairs contacts with the words before them."""
    found: list[Target] = []
    for line in lines(text[start:end]):
        line_start, line_end = start + line.start, start + line.end
        entry = _ENTRY_RE.match(line.text)
        if not entry:
            found += [
                t for t in find_targets(text, line_start, line_end, language="fr") if t.reachable
            ]
            continue
        at = line_start + entry.start("contacts")
        role = collapse(entry.group("role"))
        phones = [p.value for p in find_phones(text, at, line_end)]
        for email in find_emails(text, at, line_end):
            found.append(
                Target(
                    name=entry.group("name"),
                    role=role,
                    email=email.value,
                    phone=phones[0] if phones else "",
                    kind=classify_role(role),
                )
            )
        if phones and not find_emails(text, at, line_end):
            found.append(
                Target(
                    name=entry.group("name"), role=role, phone=phones[0], kind=classify_role(role)
                )
            )
    return found
