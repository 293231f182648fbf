"""French petitions: demands addressed to a government or official that supporters can sign.

Recognised phrasings (subject and tense are judged by `fr_stance.assess`):

* « Signez la pétition », « Signez notre pétition pour ... », « Ajoutez votre nom »
* « Nous demandons au gouvernement du Canada de <demande> », « ... prions / pressons /
  sommons le premier ministre de ... »
* « Nous exhortons / appelons / invitons le gouvernement à <demande> »
* « Nous réclamons / exigeons <demande> », « ... exigeons que le gouvernement <demande> »
* « Nous, soussigné(e)s, résidents du Canada, demandons à la Chambre des communes de ... »

The demand (« protéger l'habitat du caribou ») is the action's text, as in English.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from . import folding
from . import fr_wording as wording
from .context import DocumentContext
from .fr_stance import PUBLIC_FR, assess
from .fr_wording import INFINITIVE
from .petitions import _overlapping
from .stance import IMPERATIVE, Assessment
from .text import Span
from .types import CALL, LETTER_TO_TARGETS, PETITION, CallToAction, Evidence, Target

_ADDRESSEE = r"(?P<addr>[^.;:!?\u00ab\u00bb\u201c\u201d\"()]{2,100}?)"
# « demander à X de Y », « prier / presser / sommer X de Y ».
_ASK_DE_RE = folding.compile(
    r"\b(?P<verb>(?i:demand(?:ons|ent|e|ez|er|é|ée|ait|aient)|pri(?:ons|ent|e|er|é)|"
    r"press(?:ons|ent|e|er|é)|somm(?:ons|ent|e|er|é)|suppli(?:ons|ent|e|er|é)|"
    r"conjur(?:ons|ent|e|er|é)|enjoign(?:ons|ent)|enjoindre))\s+"
    rf"{_ADDRESSEE}\s*,?\s+(?:de\s+|d['\u2019])(?P<demand>{INFINITIVE}.*)",
    re.S,
)
# « exhorter / appeler / inviter X à Y ».
_ASK_A_RE = folding.compile(
    r"\b(?P<verb>(?i:exhort(?:ons|ent|e|ez|er|é|ée)|appel(?:ons|lent|le|er|é|ée)|"
    r"invit(?:ons|ent|e|er|é|ée)|incit(?:ons|ent|e|er|é)|"
    r"encourage(?:ons|nt|r)?|encouragé))\s+"
    rf"{_ADDRESSEE}\s*,?\s+à\s+(?P<demand>{INFINITIVE}.*)",
    re.S,
)
# « Nous demandons au gouvernement du Canada : » - the demands follow as a list.
_ASK_COLON_RE = folding.compile(
    r"\b(?P<verb>(?i:demand(?:ons|ent|e)|exhort(?:ons|ent|e)|exige(?:ons|nt)?|"
    r"réclam(?:ons|ent|e)|pri(?:ons|ent|e)))\s+"
    r"(?P<addr>(?:à|au|aux|(?i:l[ea]s?|l['\u2019]))\s*[^.;:!?\u00ab\u00bb]{2,100}?)"
    r"(?:\s+(?:de|d['\u2019]|qu['\u2019](?:il|elle|ils|elles)))?\s*(?P<colon>:)\s*$"
)
# « Nous demandons au lieutenant-gouverneur la dissolution du Parlement »: « demander à qqn
# qqch », whom (after « à ») then what (a noun after its article).
_ASK_THING_RE = folding.compile(
    r"\b(?P<verb>(?i:demand(?:ons|ent)|exige(?:ons|nt)|réclam(?:ons|ent)))\s+"
    r"(?P<addr>(?i:à|au|aux)\s+[^.;:!?,\u00ab\u00bb]{2,80}?)(?<!\sde)(?<!\sdu)(?<!\sdes)"
    r"\s+(?P<demand>(?i:la|le|les|l['\u2019]|une?)\s*\w.*)",
    re.S,
)
# « exiger que le gouvernement ... », « demander que la ministre ... ».
_DEMAND_THAT_RE = folding.compile(
    r"\b(?P<verb>(?i:exige(?:ons|nt|r)?|exigé|demand(?:ons|ent|e|er|é)|réclam(?:ons|ent|e|er|é)|"
    r"insist(?:ons|ent|e|er|é)\s+pour))\s+(?:que\s+|qu['\u2019])"
    r"(?P<addr>(?:l[ea]s?\s+|l['\u2019])[^.;:!?,]{2,80}?)\s+"
    r"(?P<demand>(?:(?:ne\s+|n['\u2019])?[a-zà-ÿ]+(?:e|ent|isse|issent)\b).*)",
    re.S,
)
# « Nous réclamons une enquête publique », « Nous exigeons l'abolition de ... »: what is
# called for, with nobody named.
_CALL_FOR_RE = folding.compile(
    r"\b(?P<verb>(?i:réclam(?:ons|ent|e|er|é)|exige(?:ons|nt|r)?|exigé|"
    r"appel(?:ons|lent|le|er|é)\s+à|plaid(?:ons|ent|er)\s+pour|militons\s+pour))\s+"
    r"(?P<demand>(?:un|une|des|le|la|les|l['\u2019]|du|plus\s+de|davantage\s+de)\s*\S.*)",
    re.S,
)
# « Nous demandons qu'une consultation soit tenue », « nous exigeons que des mesures soient
# prises »: the thing asked for as the subject of a clause; nobody is named, the whole clause
# is the demand.
_CLAUSE_FOR_RE = folding.compile(
    r"\b(?P<verb>(?i:demand(?:ons|ent|e|er)|exige(?:ons|nt|r)?|réclam(?:ons|ent|e|er)|"
    r"souhait(?:ons|ent|e|er)))\s+"
    r"(?P<demand>(?i:que\s+|qu['\u2019])(?i:une?|des|du|plus\s+de)\s+\S.*)",
    re.S,
)
_SIGN_RE = folding.compile(
    r"(?i)\b(?P<verb>sign(?:ez|er|e|ons)\s+(?:(?:la|notre|cette|ma|une|leur|sa)\s+)?"
    # « Signez la lettre ouverte », « signez cette lettre »: signed with others, a petition.
    r"(?:[\w-]+\s+){0,2}?(?:pétition|lettre(?:\s+ouverte)?|déclaration|engagement)|"
    r"ajout(?:ez|er|e)\s+(?:votre|ton|ta|vos)\s+(?:nom|voix|signature)s?|"
    r"joign(?:ez|ons)[\s-]+(?:vous|nous)\s+aux\s+(?:\S+\s+){0,3}?signataires|"
    r"sign(?:ez|er|e)\s+(?:(?:dès\s+)?maintenant|aujourd['\u2019]hui|ici))"
    r"(?P<rest>.*)",
    re.S,
)
# Asking the readers themselves is not a petition to anyone (« Nous invitons la population à
# signer »), and « demandez à votre député de ... » is a letter (see fr_letters).
_NOT_ADDRESSEE_RE = folding.compile(
    rf"(?i)^(?:à\s+|aux\s+)?(?:{PUBLIC_FR}|vous|nous|tous|toutes|chacun\w*|"
    # « encourager nos députés à ... », « inciter [Madame la députée] à ... »: the reader's own
    # representatives, whom a call or letter asks (fr_letters), or a blank for them.
    r"\[|(?:(?:à|a)\s+)?(?:votre|vos|ton|ta|tes|leur|leurs|nos|notre)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:député\S*|élu\S*|représentant\S*|conseill\S*|sénat\S*|MP|MNA|MPP|MLA)|"
    r"l['\u2019]aide|de\s|d['\u2019]|des\s|qu['\u2019]|que\s)"
)
# What a signed petition is for: « pour demander au gouvernement de », « qui demande à ».
_SIGNING_PURPOSE_RE = folding.compile(
    r"(?i)^\s*[,:]?\s*(?:(?:pour|afin\s+de|qui)\s+(?:demander|exiger|réclamer|demande|exige|"
    r"réclame|exhorte|exhorter)\s+(?P<addr>[^.;:!?]{2,80}?)\s+(?:de\s+|"
    r"d['\u2019]|à\s+)(?P<demand>\S.*)|(?:pour|afin)\s+qu(?:e\s+|['\u2019])(?P<that>\S.*)|"
    r"(?:pour|afin\s+de)\s+(?P<bare>\S.*))",
    re.S,
)
# Authorities: a demand to one of them is a petition even when it is not capitalised.
_AUTHORITY = (
    r"(?i:gouvernements?|autorités|parlement|ministres?|premi(?:er|ère)\s+ministre|"
    r"ministère|chambre|assemblée|conseil|ville|municipalité|province|état|élus|"
    r"députés|sénat|entreprises?|compagnie|commission|agence|université|école|"
    r"employeurs?|hôpital|cabinet|ottawa|québec|canada|onu|nations\s+unies)"
)
# An order to write or call, earlier in the sentence: what follows is what the letter or call
# says (fr_letters reads it), not a separate petition: « Écrivez à la ministre pour exiger ... »,
# « Dans votre lettre, demandez au ministre de ... ».
_LETTER_CONTENT_RE = folding.compile(
    r"(?i)\b(?:écrivez|écrire|envoyez|envoyer|appelez|appeler|téléphonez|téléphoner|contactez|"
    r"contacter|interpellez|interpeller|courriel|joignez|rencontrez)\b|"
    r"\b(?:dans|lors\s+de)\s+votre\s+(?:lettre|courriel|message|appel)|"
    # The caller or writer speaking to the official in a script: « Je vous écris afin de vous
    # demander de ... ».
    r"\b(?:je|nous)\s+vous\s+(?:appel\w*|téléphon\w*|écri\w*|contact\w*)"
)
# « Je vous appelle ... à »: the verb itself is the caller's; « vous » is the official.
_SPEAKER_RE = folding.compile(r"(?i)\b(?:je|j['\u2019]|nous)\s*vous\s+$")
# A future or intended ask just before the verb: « on va (même) demander », « nous allons
# réclamer », « ils comptent exiger ».
_PLAN_RE = folding.compile(
    r"(?i)\b(?:va|vont|allons|allez|irons|iront|compt(?:e|ons|ent)|entend(?:s|ons|ent)?|"
    r"prévoi(?:t|ent)|prévoyons)(?:\s+(?:même|aussi|donc|bientôt|ensuite|encore))?\s+$"
)
# « Nous, soussigné(e)s, ... »: the formal petition.
_UNDERSIGNED_RE = folding.compile(r"(?i)\bsoussign|\bnous,?\s+(?:les\s+)?signataires\b")
# « Je me demande pourquoi ... », « on se demande si ... », « nous nous demandons comment »:
# « se demander » is wondering, not asking anyone anything.
_REFLEXIVE_RE = folding.compile(r"(?i)\b(?:me|te|se|s['\u2019]|nous\s+nous|vous\s+vous)\s*$")
# What follows the verb is a question (« ... pourquoi on ne fait pas X », « ... si Y »), not
# the person asked.
_QUESTION_WORD_RE = folding.compile(
    r"(?i)^(?:pourquoi|comment|combien|quand|où|si|s['\u2019]il|s['\u2019]ils|ce\s+qu|qui\s|quel)"
)


@dataclass(frozen=True)
class _Candidate:
    score: float
    addressee: str
    text: str
    label: str


def detect(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """The best French petition-like demand in `sentence`, or None."""
    signing = _signing(sentence.text, context)
    asks = _asks(sentence.text, context)
    if signing:
        asks = [dataclasses.replace(a, score=max(a.score, signing[0].score)) for a in asks]
    demands = [*asks, *_calls_for(sentence.text, context)]
    if not demands and not signing:
        return None
    best = max(
        [(c, 1) for c in demands] + [(c, 0) for c in signing],
        key=lambda pair: (pair[0].score, pair[1], bool(pair[0].addressee), len(pair[0].text)),
    )[0]
    means = _MEANS_RE.search(best.text) if best in demands and best.addressee else None
    if means:
        # « Demandez au gouvernement de X en envoyant une lettre »: the ask is made by letter
        # (or by phone), wherever the verb saying so sits in the sentence.
        demand = wording.finish(best.text[: means.start()])
        calling = (
            (means.group("means") or means.group("channel"))
            .casefold()
            .startswith(("appel", "téléphon"))
        )
        return CallToAction(
            kind=CALL if calling else LETTER_TO_TARGETS,
            text=demand,
            evidence=Evidence.of(context.text, sentence.start, sentence.end),
            confidence=best.score,
            targets=(Target(role=best.addressee),),
            talking_points=_antecedent(demand, sentence, context),
        )
    return CallToAction(
        kind=PETITION,
        text=best.text,
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=best.score,
        addressee=best.addressee,
    )


# A short demand pointing back with a possessive: « tenir sa promesse », « respecter son
# engagement ».
_POINTS_BACK_RE = folding.compile(r"(?i)^\S+\s+(?:sa|son|ses|leur|leurs)\s+\w+$")
# How many sentences up the one naming what is pointed back to may stand.
_ANTECEDENT_REACH = 3


def _antecedent(demand: str, sentence: Span, context: DocumentContext) -> tuple[str, ...]:
    """For a demand that points back (« tenir sa promesse »), the sentence before it, which
    says what is meant, as a talking point."""
    if not _POINTS_BACK_RE.match(demand):
        return ()
    before = [s for s in context.sentences if s.end <= sentence.start and s.text.strip()]
    # The sentence that names what is pointed back to (« ... ; promesse non tenue. »), among
    # the last few, else the one right before.
    noun = demand.split()[-1].casefold()
    naming = [s for s in before[-_ANTECEDENT_REACH:] if noun in s.text.casefold()]
    chosen = naming[-1] if naming else (before[-1] if before else None)
    return (wording.finish(chosen.text),) if chosen else ()


# The means of an ask, said after it: « ... en envoyant une lettre », « ... en lui écrivant »,
# « ... par courriel », « ... en appelant son bureau ».
_MEANS_RE = folding.compile(
    r"(?i)[\s,]+(?:en\s+(?:(?:lui|leur)\s+)?(?P<means>envoyant|écrivant|adressant|faisant\s+parvenir|"
    r"transmettant|appelant|téléphonant)\b|par\s+(?P<channel>courriel|lettre|la\s+poste|"
    r"téléphone)\b)"
)


def is_bare_signing(action: CallToAction) -> bool:
    """True for « Signez maintenant ! »: a request to sign that names no demand of its own
    (its text is the request itself, not a demand)."""
    return (
        action.kind == PETITION
        and not action.addressee
        and not action.letter_body  # an open letter signed is what it says
        and bool(_SIGN_RE.match(action.text))
    )


def _assess(sentence: str, match: re.Match[str], context: DocumentContext) -> Assessment:
    verb = match.group("verb").casefold()
    # An order in the base form (« Signez », « Exigeons ») or an infinitive heading (« Signer la
    # pétition »); « demandent » and « réclame » need a subject.
    imperative = bool(re.match(r"\S+(?:ez|ons|er)\b", verb)) or verb.startswith("sign")
    stance = assess(
        sentence,
        match.start("verb"),
        match.end("verb"),
        imperative=imperative,
        main_org=context.main_org,
        news=context.news,
    )
    if _PLAN_RE.search(sentence[: match.start("verb")]):
        # « On va demander un moratoire au prochain gouvernement »: what someone will ask later,
        # not a demand the reader can sign now.
        return Assessment(stance.label, min(stance.score, 0.4))
    return stance


# What is asked is to send a letter or message: the channel is writing, not signing.
_SENDING_RE = folding.compile(
    r"(?i)^\s*(?:faire\s+parvenir|envoyer|écrire|adresser|transmettre)\b"
    r"[^.;!?]{0,40}?\b(?:lettres?|courriels?|messages?|mots?|télécopies?)\b"
)


def _asks(sentence: str, context: DocumentContext) -> list[_Candidate]:
    found = []
    for pattern in (_ASK_DE_RE, _ASK_A_RE, _DEMAND_THAT_RE, _ASK_COLON_RE, _ASK_THING_RE):
        for match in _overlapping(pattern, sentence):
            addressee = _addressee(match.group("addr"))
            if not addressee or len(addressee.split()) > 14 or _NOT_ADDRESSEE_RE.match(addressee):
                continue
            if _NOT_ADDRESSEE_RE.match(match.group("addr").strip()):
                continue
            if _REFLEXIVE_RE.search(sentence[: match.start("verb")]) or _QUESTION_WORD_RE.match(
                match.group("addr").strip()
            ):
                continue  # « Je me demande pourquoi ... »: a question asked of nobody
            if _is_direct_object_of_demand(match):
                continue
            # « Écrivez à la ministre pour exiger ... »: what the letter says (fr_letters); « Je
            # vous appelle pour vous encourager à ... »: the caller speaking in a script.
            if _is_letter_content(sentence[: match.start("verb")]) or _SPEAKER_RE.search(
                sentence[: match.start("verb")]
            ):
                continue
            if _SENDING_RE.match(match.groupdict().get("demand") or ""):
                continue  # « ... de faire parvenir cette lettre à X »: a letter (fr_letters)
            stance = _assess(sentence, match, context)
            if "colon" in match.groupdict() and match.group("colon"):
                text = wording.finish(sentence)
            else:
                text = wording.demand(match.group("demand"))
            if len(text.split()) < 2:
                continue
            score = stance.score
            if _UNDERSIGNED_RE.search(sentence[: match.start("verb")]):
                score += 0.05  # the formal petition's own wording
            elif not re.search(_AUTHORITY, addressee) and not re.search(r"[A-ZÀ-Þ]", addressee):
                score -= 0.15
            found.append(_Candidate(score, addressee, text, stance.label))
    return found


# « demander un gel du Plan Nord afin de ... »: after « demander » an article starts what is
# asked for, not whom (« demander au gouvernement de ... », « demander à la ministre de ... »).
_DEMAND_VERB_RE = folding.compile(r"(?i)demand")
_THING_ASKED_RE = folding.compile(r"(?i)^(?:une?|des|du|l[ea]s?|l['\u2019])(?:\s|(?<=['\u2019]))")


def _is_direct_object_of_demand(match: re.Match[str]) -> bool:
    return bool(
        _DEMAND_VERB_RE.match(match.group("verb"))
        and _THING_ASKED_RE.match(match.group("addr").strip())
    )


def _addressee(raw: str) -> str:
    """« au gouvernement du Canada » -> « le gouvernement du Canada », « à la ministre » ->
    « la ministre »."""
    addressee = wording.finish(raw)
    addressee = re.sub(r"(?i)^(?:à|a)\s+", "", addressee)
    addressee = re.sub(r"(?i)^au\s+", "le ", addressee)
    return re.sub(r"(?i)^aux\s+", "les ", addressee)


def _calls_for(sentence: str, context: DocumentContext) -> list[_Candidate]:
    found = []
    matches = [*_CALL_FOR_RE.finditer(sentence), *_CLAUSE_FOR_RE.finditer(sentence)]
    for match in matches:
        if _is_letter_content(sentence[: match.start("verb")]):
            continue
        text = wording.demand(match.group("demand"))
        if len(text.split()) < 2:
            continue
        stance = _assess(sentence, match, context)
        found.append(_Candidate(stance.score - 0.05, "", text, stance.label))
    return found


# « Vous avez été des milliers à signer la pétition »: thanks for what readers did, not an ask.
_SIGNED_ALREADY_RE = folding.compile(r"(?i)\b(?:avez|avons|ont|as)\s+été\s+[^.!?]{0,60}?\bà\s+$")


def _signing(sentence: str, context: DocumentContext) -> list[_Candidate]:
    match = _SIGN_RE.search(sentence)
    if not match:
        return []
    stance = _assess(sentence, match, context)
    if _SIGNED_ALREADY_RE.search(sentence[: match.start()]):
        stance = Assessment(stance.label, min(stance.score, 0.4))
    if stance.label != IMPERATIVE and not re.search(
        r"(?i)\b(?:vous|votre|nous|notre)\b", sentence[: match.start()]
    ):
        stance = Assessment(stance.label, min(stance.score, 0.4))
    rest = match.group("rest")
    addressee = ""
    purpose = _SIGNING_PURPOSE_RE.match(rest)
    if purpose and purpose.group("demand"):
        addressee = _addressee(purpose.group("addr"))
        text = wording.demand(purpose.group("demand"))
    elif purpose and (purpose.group("that") or purpose.group("bare")):
        text = wording.demand(purpose.group("that") or purpose.group("bare"))
    else:
        text = ""
    if len(text.split()) < 2:
        # The request itself, up to the next order: « Signe la pétition et écris à ... ».
        request = (
            sentence[match.start() : match.end("verb")]
            + re.split(r"\s+(?:et|puis|ou)\s+|[,;:(]", rest, maxsplit=1)[0]
        )
        text = wording.capitalise(wording.finish(wording.strip_links(request)))
    return [_Candidate(stance.score, addressee, text, stance.label)]


def _is_letter_content(prefix: str) -> bool:
    """True when an order to write or call comes before the ask in the same sentence, unless
    the sentence asks to sign (« Signez la lettre ouverte demandant à ... »)."""
    return bool(_LETTER_CONTENT_RE.search(prefix)) and not re.search(r"(?i)\bsign", prefix)


# What a petition is for, said where the document mentions it: « Une pétition a été mise en
# ligne afin de demander le gel du projet », « la pétition qui réclame un moratoire ».
_PETITION_PURPOSE_RE = folding.compile(
    r"(?i)\bpétition\b[^.!?\n]{0,120}?\b(?:(?:pour|afin\s+de|afin\s+d['\u2019]|qui)\s*"
    r"(?:demander|exiger|réclamer|demande|exige|réclame)|"
    # « une pétition demandant au gouvernement de ... », « ... exigeant la fin de ... ».
    r"demandant|exigeant|réclamant|sommant|exhortant|pressant)\s+"
    r"(?:(?:à|au|aux)\s+[^.!?\n]{2,80}?\s+(?:de\s+|d['\u2019]))?"
    r"(?P<demand>[^.!?\n]+)"
    r"|\bpétition\b[^.!?\n]{0,120}?\b(?:pour|afin\s+de|afin\s+d['\u2019]|qui)\s*"
    r"(?:(?:demander|exiger|réclamer|demande|exige|réclame)\s+"
    r"(?:(?:à|au|aux)\s+[^.!?\n]{2,80}?\s+(?:de\s+|d['\u2019]))?"
    r"(?P<demand2>[^.!?\n]+)"
    # « Campagne de pétition pour inverser les coupes »: the verb is the demand's own.
    rf"|(?<=pour\s)(?P<verb_demand>(?!sign|faire\s+signer|recueillir){INFINITIVE}[^.!?\n]+))"
)
# What a page says about getting a petition tabled (« demander à un député de la présenter à
# la Chambre »): how it reaches the House, not what it asks for.
_ROUTING_RE = folding.compile(
    r"(?i)^(?:la|les|le)\s+(?:présenter|déposer|remettre|transmettre)\b|"
    r"^(?:présenter|déposer|remettre|transmettre)\s+(?:la|cette|notre|votre|les|vos|nos)\s+"
    r"pétitions?\b"
)
# How far back (in characters) a request to sign may look for what the petition is for.
_PURPOSE_NEARBY = 600


def stated_purpose(action: CallToAction, text: str) -> str:
    """For a bare request to sign, what the petition it signs is for, as the text before it
    says (« ... une pétition afin de demander le gel du projet. Signez-la ! »), or ""."""
    start = action.evidence.start
    before = text[max(0, start - _PURPOSE_NEARBY) : start]
    found = list(_PETITION_PURPOSE_RE.finditer(before))
    if not found:
        return ""
    last = found[-1]
    if last.group("demand") and _POINTING_BACK_RE.match(last.group("demand")):
        # « une pétition demandant cette condamnation »: what it points back to is asked
        # earlier (« une motion demandant la fin des colonies »).
        referent = list(_ASKING_FOR_RE.finditer(text, 0, start))
        referent = [m for m in referent if not _POINTING_BACK_RE.match(m.group("demand"))]
        if referent:
            asked = referent[-1]
            if asked.group("asker"):
                # « l'adoption d'une motion au Parlement demandant la fin des colonies »
                return wording.finish(text[asked.start("asker") : asked.end()])
            return wording.demand(asked.group("demand"))
    text_found = wording.demand(
        last.group("demand") or last.group("demand2") or last.group("verb_demand")
    )
    return text_found if len(text_found.split()) >= 2 else ""


# A demand that only points back: « cette condamnation », « une telle enquête ».
_POINTING_BACK_RE = folding.compile(
    r"(?i)^\s*(?:ce|cet|cette|ces|une?\s+tel(?:le)?|tel(?:le)?s?)\b"
)
# Anything asking for something: « une motion au Parlement demandant la fin des colonies ».
# The thing asking is part of the demand: what the campaign wants adopted.
_ASKING_FOR_RE = folding.compile(
    r"(?i)(?P<asker>\b(?:l['\u2019]adoption\s+d['\u2019])?(?:une?|la|le|les|des)\s+"
    r"[^.!?\n,;:\u00ab\u00bb]{2,50}?\s+)?"
    r"\b(?P<verb>demandant|exigeant|réclamant)\s+(?:(?:à|au|aux)\s+[^.!?\n]{2,80}?\s+"
    r"(?:de\s+|d['\u2019]))?(?P<demand>[^.!?\n]+)"
)


def routed_petitions(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """« Vous pouvez demander à un député de la présenter à la Chambre »: a petition whose ask
    is only how it gets tabled asks what the page says the petition is for; with nothing said,
    it is not a demand of its own."""
    updated = []
    for action in actions:
        if action.kind != PETITION or not _ROUTING_RE.match(action.text):
            updated.append(action)
            continue
        purpose = stated_purpose(action, text)
        if purpose:
            updated.append(dataclasses.replace(action, text=purpose, addressee=""))
        else:
            updated.append(dataclasses.replace(action, confidence=min(action.confidence, 0.4)))
    return updated


# A demand written as a formal wish, one per line of a list: « - 1 - Que le gouvernement
# interdise la vente de pesticides; », « Qu'Ottawa rétablisse le financement. ».
_WISH_LINE_RE = folding.compile(
    r"(?m)^[ \t]*(?:[-\u2013\u2014•*]|\d+[.)]?|[ \t])*[ \t]*"
    r"(?P<wish>(?:Que|QUE)\s+\S[^\n]{10,}|(?:Qu|QU)['\u2019][^\n]{10,})$"
)
# Fewer formal wishes than this is a quotation, not the list of what is demanded.
_MIN_WISHES = 2


def formal_wishes(action: CallToAction, text: str) -> tuple[str, ...]:
    """For a bare request to sign, the list of formal wishes after it (« Que le gouvernement
    interdise ... ; Que ... »): what the petition demands, as talking points; else ()."""
    wishes = [
        wording.point(match.group("wish"))
        for match in _WISH_LINE_RE.finditer(text, action.evidence.end)
    ]
    return tuple(wishes) if len(wishes) >= _MIN_WISHES else ()


# A page that is a petition: its formal text (« Nous, soussignés », « Texte de la pétition »,
# « Pétition au gouvernement du Canada »), not an article that mentions one.
_PETITION_PAGE_RE = folding.compile(
    r"(?im)\bsoussign|^\s*(?:texte\s+de\s+la\s+pétition|pétition\s+(?:à|au|aux|adressée)\b)"
)
# Where a petition's own formal text starts: one per petition the page really holds.
_FORMAL_START_RE = folding.compile(r"(?i)\bsoussign")


def one_per_petition_page(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """On a petition page, the petitions found are parts of the one petition (its text, its
    title, the « Demandez au Canada de ... » above its letter) unless the page holds several
    formal texts (« Nous, soussignés » twice): the page's petition keeps the others' demands as
    talking points."""
    if not _PETITION_PAGE_RE.search(text):
        return actions
    found = [a for a in actions if a.kind == PETITION]
    allowed = max(1, len(_FORMAL_START_RE.findall(text)), len(_titled_blocks(text)))
    if len(found) <= allowed:
        return actions
    # The formal text first, then the strongest, then the earliest.
    ranked = sorted(
        found,
        key=lambda a: (
            not _FORMAL_START_RE.search(a.evidence.quote),
            -a.confidence,
            a.evidence.start,
        ),
    )
    kept, folded = ranked[:allowed], ranked[allowed:]
    host = kept[0]
    points = tuple(dict.fromkeys((*host.talking_points, *(a.text for a in folded))))
    updated = dataclasses.replace(host, talking_points=points)
    return [updated if a is host else a for a in actions if not any(a is f for f in folded)]


# A petition's title over its whereas clauses: « Moratoire sur la hausse des droits de
# scolarité » then « - CONSIDÉRANT QU'... » (after a dash).
_TITLED_BLOCK_RE = folding.compile(
    r"(?m)^[ \t]*(?P<title>[A-ZÀ-Þ][^\n.:;!?]{3,100}?)[ \t,.]*\n(?:[ \t]*\n)*"
    r"[ \t]*[\u2013\u2014•*-]?[ \t]*CONSIDÉRANT\b"
)
# The page asks to sign several petitions: « invités à signer les deux pétitions suivantes ».
_SIGN_SEVERAL_RE = folding.compile(r"(?i)\bsign\w*\b[^.!?\n]{0,60}?\bpétitions\b")
_TITLE_WORDS = 14
# As strong as a request to sign that names its demand elsewhere.
_TITLED_CONFIDENCE = 0.75


def _titled_blocks(text: str) -> list[re.Match[str]]:
    return [
        match
        for match in _TITLED_BLOCK_RE.finditer(text)
        if len(match.group("title").split()) <= _TITLE_WORDS
        and not re.match(r"(?i)considérant", match.group("title"))
    ]


def titled_petitions(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """On a page asking to sign several petitions, each one given by its title and whereas
    clauses; one cut before its demand is still one to sign, its title saying what for."""
    if not _SIGN_SEVERAL_RE.search(text):
        return actions
    blocks = _titled_blocks(text)
    added = []
    for index, block in enumerate(blocks):
        end = blocks[index + 1].start() if index + 1 < len(blocks) else len(text)
        if any(a.kind == PETITION and block.start() <= a.evidence.start < end for a in actions):
            continue
        title = block.group("title").strip()
        text_of = wording.finish(re.sub(r"(?i),?\s*etc\W*$", "", title))
        start = block.start("title") + block.group("title").index(title)
        added.append(
            CallToAction(
                kind=PETITION,
                text=text_of,
                evidence=Evidence.of(text, start, start + len(title)),
                confidence=_TITLED_CONFIDENCE,
            )
        )
    return [*actions, *added]


# A petition site's header: « Guillaume F. / a lancé une pétition à destination de / Jean
# Charest, premier ministre du Québec ».
# The header's layout (the verb opening its line, the addressee alone on the next) is what
# tells it from a news story's « X a lancé une pétition adressée à Y ».
_LAUNCHED_RE = folding.compile(
    r"(?im)^[ \t]*a\s+lancé\s+(?:une|cette)\s+pétition\s+(?:à\s+destination\s+d[eu']|"
    r"adressée\s+à|à\s+l['\u2019]attention\s+d[eu']|destinée\s+à)[ \t]*\n[ \t]*"
    r"(?P<addr>[^\n]{2,100})"
)
_PAGE_TITLE_WORDS = 3


def launched_petition(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """A petition site's page with no demand to sign found: the petition its header says
    someone launched (« X a lancé une pétition à destination de Y »), to Y, asking what the
    title above the header says."""
    if any(a.kind == PETITION and not a.low_confidence for a in actions):
        return actions
    header = _LAUNCHED_RE.search(text)
    if not header:
        return actions
    above = text[: header.start()].split("\n")
    offset = header.start()
    for line in reversed(above):
        offset -= len(line) + 1
        title = line.strip()
        if (
            len(title.split()) >= _PAGE_TITLE_WORDS
            and len(title.split()) <= _TITLE_WORDS
            and not re.search(r"(?i)pétition|[.!?]$", title)
        ):
            start = offset + 1 + line.index(title)
            petition = CallToAction(
                kind=PETITION,
                text=wording.finish(title),
                evidence=Evidence.of(text, start, start + len(title)),
                confidence=_TITLED_CONFIDENCE,
                addressee=_addressee(header.group("addr")),
            )
            return [*actions, petition]
    return actions


# A list whose dashes stand alone on their lines, the item on the next: « -\nLève ...;\n-\n
# S'engage ... ». `text.list_blocks` reads dashes that start their item's line.
_DASH_LINE_ITEM_RE = folding.compile(r"\s*\n[ \t]*[-\u2013\u2014•][ \t]*\n[ \t]*(?P<item>[^\n]+)")


def dash_line_items(actions: list[CallToAction], text: str) -> list[CallToAction]:
    """« Nous, soussignés, demandons au gouvernement qu'il : » over dash-line items: the items
    are what is demanded (the petition's text and talking points)."""
    updated = []
    for action in actions:
        quote = action.evidence.quote.rstrip()
        if action.kind != PETITION or action.talking_points or not quote.endswith(":"):
            updated.append(action)
            continue
        items = []
        position = action.evidence.start + len(quote)
        while match := _DASH_LINE_ITEM_RE.match(text, position):
            items.append(wording.finish(match.group("item")))
            position = match.end()
        if len(items) < 2:
            updated.append(action)
            continue
        points = tuple(wording.point(item) for item in items)
        updated.append(dataclasses.replace(action, text="; ".join(points), talking_points=points))
    return updated
