"""French donation appeals: « Faites un don à Équiterre », « Donnez », « Soutenez notre travail
par un don », « Votre don permettra de ... ».

As in English (`donations`), news mentions gifts without asking for any (« les dons ont
afflué »), so an appeal needs an asking stance: an order to the reader, « vous » / « votre », or
the organisation's own first person. The organisation comes from the sentence when it is named
there (« Faites un don au Comité logement Rosemont »); otherwise `pipeline` fills it in.
"""

from __future__ import annotations

import re
from collections import Counter

from . import folding
from .context import DocumentContext
from .fr_stance import PUBLIC_FR, assess
from .fr_wording import finish
from .stance import APPEAL, DIRECT, IMPERATIVE, REPORTED
from .text import Span
from .types import DONATE, CallToAction, Evidence

_TRIGGER_RE = folding.compile(
    r"(?i)\b(?P<trigger>fai(?:tes|re|s)\s+(?:un|votre|ton|vos)\s+dons?|"
    r"donn(?:ez|er|e)(?=\s*(?:[!.,:]|$|\s+(?:à|au|aux|généreusement|maintenant|dès|aujourd|"
    r"en\s+ligne|ce\s+que|\d|un\s+montant|mensuellement)))|"
    r"soutenez\s+[^.!?;]{1,60}?\s+(?:par|avec|grâce\s+à)\s+un\s+don|"
    r"(?:votre|un|vos|ton|chaque|tout)\s+dons?|dons?\s+(?:mensuels?|en\s+ligne)|"
    r"contribu(?:ez|er)\s+(?:à|au|aux|financièrement|dès|maintenant|généreusement)|"
    r"devenez\s+(?:donat(?:eur|rice)|membre\s+donat(?:eur|rice))|"
    r"reçus?\s+(?:d['\u2019]impôt|fiscaux?|officiels?|aux\s+fins\s+de\s+l['\u2019]impôt)|"
    r"chèques?\s+(?:à\s+l['\u2019]ordre|libellés?|payables?)|"
    r"envoy(?:ez|er)\s+un\s+virement(?:\s+Interac)?|"
    # « en déposant leurs dons dans un magasin »: how the public gives (see _PUBLIC_CAN_RE).
    r"(?:déposant|faisant|versant|envoyant|remettant)\s+(?:leurs?|des|un|vos|votre)\s+dons?|"
    # « Si vous souhaitez apporter votre soutien financier aux grévistes, ... »
    r"(?:apport|offr)(?:ez|er|ir)\s+(?:votre|ton|vos|tes)\s+(?:soutien|appui|aide)\s+financi(?:er|ère))\b"
)
# An order after « Pour faire un don, »: where to go or what to do to give.
_HOW_TO_GIVE_RE = folding.compile(
    # « Pour faire un don (à Centraide) (en ligne), rendez-vous sur ... ».
    r"(?i)^\s*(?:(?:à\s+l['\u2019]|à\s+la\s+|à\s+|au\s+|aux\s+)[^,.;:!?]{1,60}?)?\s*"
    r"(?:en\s+ligne\s*)?,\s*(?:rendez-vous|visitez|allez|cliquez|consultez|utilisez|"
    r"communiquez|contactez|appelez|téléphonez|écrivez|envoyez|remplissez|suivez)\b"
)
# A passive appeal: « Les dons peuvent être faits en ligne », « Les dons sont les bienvenus ».
_PASSIVE_APPEAL_RE = folding.compile(
    r"(?i)^\s*(?:peuvent|peut)\s+être\s+(?:faits?|envoyés?|remis)|"
    r"^\s*(?:sont|est)\s+(?:\w+ment\s+)?(?:les\s+bienvenus|bienvenus?|nécessaires|appréciés?)"
)
# The organisation right after « don à / au », « Soutenez X par un don », « Donnez à X ».
_RECIPIENT_RE = folding.compile(
    r"(?i:\b(?:dons?|donnez|donner|contribuez|contribuer)\s+(?:\w+\s+){0,2}?(?:à\s+l['\u2019]|"
    r"à\s+la\s+|à\s+|au\s+|aux\s+))(?P<org>[A-ZÀ-ÖØ-Þ].*)",
    re.S,
)
_PAYABLE_RE = folding.compile(
    r"(?i:\bà\s+l['\u2019]ordre\s+(?:de\s+la\s+|de\s+l['\u2019]|du\s+|des\s+|de\s+|d['\u2019]))"
    r"(?P<org>[A-ZÀ-ÖØ-Þ].*)",
    re.S,
)
_SUPPORT_RE = folding.compile(
    r"(?i:\bsoutenez\s+(?:l['\u2019]|la\s+|le\s+|les\s+)?)(?P<org>[A-ZÀ-ÖØ-Þ].*)", re.S
)
_PURPOSE_RE = folding.compile(
    r"(?i)\b(?P<purpose>(?:pour|afin\s+de)\s+(?:nous\s+)?(?:aider\s+à\s+)?(?:financer|soutenir|"
    r"aider|payer|offrir|fournir|couvrir|poursuivre|protéger)\s+[^.;!?]+|"
    r"(?:permettra|permettront|servira|serviront)\s+(?:de|d['\u2019]|à)\s*[^.;!?]+)"
)
# A gift named as a noun is asked for only with « votre » or a need: « Votre don permettra
# de ... », « Nous avons besoin de vos dons », « Chaque don compte ».
_ASKING_NOUN_RE = folding.compile(
    r"(?i)\b(?:votre|vos|ton|besoin|comptons\s+sur|dépendons|chaque|tout\s+don)\b"
)
_MENU_RE = folding.compile(r"\s\|\s|^\W*\w+\W*$")
# Words that end an organisation's name: « Faites un don à Équiterre pour ... ».
_ORG_END = frozenset(
    [
        *("pour", "afin", "qui", "que", "dès", "aujourd", "maintenant", "avant", "et", "ou"),
        *("par", "en", "ici", "sur", "dans", "avec", "car", "mais", "ce", "cette", "ces"),
        *("grâce", "via", "aujourd'hui", "aujourd\u2019hui"),
    ]
)
_ARTICLES = frozenset(["le", "la", "les", "un", "une"])
_NAME_ADJECTIVE_RE = folding.compile(r"(?:ale|ales|ienne|iennes|oise|oises|phone|ique|iques|aire)$")
_ORG_CONNECTORS = frozenset(["de", "du", "des", "la", "le", "les", "l'", "d'", "et", "pour"])


def detect(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """A French donation appeal in `sentence`, or None. `organisation` may be empty."""
    if _MENU_RE.search(sentence.text):
        return None
    appeals = [
        found
        for match in _TRIGGER_RE.finditer(sentence.text)
        if (found := _appeal(sentence.text, match, context.news))
    ]
    if not appeals:
        return None
    _, score = max(appeals, key=lambda pair: pair[1])
    organisation = _recipient(sentence.text) or _payee(sentence, context.text)
    if _FUND_RE.match(organisation) and (launcher := _APPEAL_LAUNCHER_RE.search(context.text)):
        # « verser un don au Fonds de secours X » that « La Croix-Rouge ... sollicite »: the fund
        # is what the gift is for, the organisation appealing receives it.
        organisation = launcher.group("name").strip()
    organisation = context.orgs.canonical(organisation) if organisation else ""
    score += 0.05 if organisation else -0.05
    return CallToAction(
        kind=DONATE,
        text=describe(organisation, sentence.text),
        evidence=Evidence.of(context.text, sentence.start, sentence.end),
        confidence=score,
        organisation=organisation,
    )


_FUND_RE = folding.compile(r"(?i)^(?:fonds|campagne|collecte)\b")


# « plusieurs façons de donner : », « Voici comment faire un don : ».
_WAYS_TO_GIVE_RE = folding.compile(
    r"(?i)\b(?:(?:façons|moyens|manières)\s+(?:\w+\s+)?de|comment)\s+$"
)
# A subject right before « donne »: the verb is stated, not ordered.
_SUBJECT_BEFORE_RE = folding.compile(r"(?i)\b(?:je|j['\u2019]|il|elle|on|qui|cela|ça)\s+$")
# Whoever wishes to, invited to give: « Ceux qui souhaitent soutenir ... peuvent verser ».
_WILLING_PUBLIC_RE = folding.compile(
    r"(?i)\bqui\s+(?:souhait|désir|veul|voudr)\w*\b[^.;!?]{0,120}?\b"
    r"(?:peuvent|peut|pourront|pourra|sont\s+invités?\s+à)\s+(?:\w+\s+){0,2}$"
)


# The public able to give, in the third person: « les gens peuvent toujours ... en déposant
# leurs dons dans ... », as a charity's press release puts its appeal.
_PUBLIC_CAN_RE = folding.compile(
    r"(?i)\b(?:les\s+gens|le\s+public|la\s+population|les\s+donat(?:eurs|rices)|"
    r"les\s+citoyen\w*|les\s+personnes|tout\s+le\s+monde|chacun)\s+"
    r"(?:peuvent|peut|pourront|pourra|(?:sont|est)\s+invitée?s?\s+à)\b[^.;!?]{0,160}$"
)
# « Ceux qui souhaitent verser un don au Fonds X peuvent le faire en ligne »: the wish to give,
# then how; the public invited in the third person.
_WISH_TO_GIVE_RE = folding.compile(
    r"(?i)\bqui\s+(?:souhait|désir|veul|voudr)\w*\s+(?:(?:verser|faire|offrir|envoyer)\s+)?$"
)
_CAN_DO_SO_RE = folding.compile(
    r"(?i)^[^.;!?]{0,120}?\b(?:peuvent|peut|pourront|pourra)\s+(?:le\s+faire|l['\u2019]\w+|"
    r"(?:aussi\s+|également\s+)?(?:se\s+rendre|visiter|composer|appeler|passer))\b"
)


def _appeal(sentence: str, match: re.Match[str], news: bool) -> tuple[re.Match[str], float] | None:
    trigger = match.group("trigger").casefold()
    verb_form = bool(re.match(r"(?:fai|donn|soutenez|contribu|devenez|envoy)", trigger))
    start = match.start() + (len(trigger.split()[0]) + 1 if trigger.startswith("votre") else 0)
    before = sentence[: match.start()]
    if trigger.startswith("donn") and _SUBJECT_BEFORE_RE.search(before):
        return None  # « le Mardi je donne », « elle donne »: a statement or a name, no order
    stance = assess(sentence, start, match.end(), imperative=verb_form, news=news)
    if stance.label == DIRECT and not verb_form and not _ASKING_NOUN_RE.search(sentence):
        return None  # « Nous remercions la Fondation pour son don généreux. »
    if stance.label in (DIRECT, IMPERATIVE, APPEAL):
        return match, stance.score
    if _HOW_TO_GIVE_RE.match(sentence[match.end() :]) and re.search(
        r"(?i)\bpour\s+$", sentence[: match.start()]
    ):
        # « Pour faire un don, rendez-vous sur la page ... »: how to give, said to the reader.
        return match, 0.4 if news else 0.75
    if _WAYS_TO_GIVE_RE.search(before) and sentence[match.end() :].lstrip().startswith(":"):
        # « Il existe plusieurs façons de donner : » over a list of them: how to give.
        return match, 0.4 if news else 0.7
    if _WILLING_PUBLIC_RE.search(before) or (
        trigger.endswith(("don", "dons")) and _PUBLIC_CAN_RE.search(before)
    ):
        # « Les personnes qui souhaitent aider peuvent verser un don en ... »: the public
        # invited in the third person, as a press release from the organisation says it.
        return match, 0.7
    if _WISH_TO_GIVE_RE.search(before) and _CAN_DO_SO_RE.match(sentence[match.end() :]):
        return match, 0.7
    if trigger.startswith("chèque"):
        return match, 0.4 if news or stance.label == REPORTED else 0.7
    if _PASSIVE_APPEAL_RE.search(sentence[match.end() :]):
        return match, 0.4 if news or stance.label == REPORTED else 0.7
    return None


def describe(organisation: str, *sentences: str) -> str:
    """« Faire un don à X pour financer Y », from the organisation and the purpose."""
    purpose = ""
    for sentence in sentences:
        found = _PURPOSE_RE.search(sentence)
        if found:
            purpose = finish(found.group("purpose"))
            purpose = re.sub(r"(?i)^(?:permettra|permettront|servira|serviront)\s+", "", purpose)
            purpose = re.sub(r"(?i)^(?:de|à)\s+", "pour ", purpose)
            purpose = re.sub(r"(?i)^d['\u2019]", "pour ", purpose)
            break
    base = "Faire un don"
    if organisation:
        # « au Comité ... », « à la Fondation ... », as the document writes it.
        written = (
            re.search(rf"(?i)\b(à\s+la|à\s+l['\u2019]|au|aux|à)\s*{re.escape(organisation)}", s)
            for s in sentences
        )
        preposition = next((found.group(1) for found in written if found), "à")
        space = "" if preposition.endswith(("'", "\u2019")) else " "
        base = f"{base} {preposition}{space}{organisation}"
    return base + (f" {purpose}" if purpose else "")


# A line of a payment block that is an account or bank code: « BE19 0000 0000 1212 »,
# « BPOT BE B1 », « Transit 00012 ».
_ACCOUNT_LINE_RE = folding.compile(r"^(?:[A-Z0-9]{1,6}\b[\s-]*)+$|^\W*(?:IBAN|BIC|SWIFT|Transit)\b")
# How many lines after « Faites un don sur : » the payment block may run.
_PAYMENT_LINES = 4


def _payee(sentence: Span, text: str) -> str:
    """The organisation named in the payment block an appeal ending in a colon introduces:
    « Faites un don sur : / BE19 0000 0000 1212 / Fondation X, 1210 Bruxelles »."""
    if not sentence.text.rstrip().endswith(":"):
        return ""
    following = text[sentence.end :].lstrip(" \t:").split("\n")
    block = [line.strip() for line in following[: _PAYMENT_LINES + 1]]
    for line in block:
        if not line:
            continue
        if _ACCOUNT_LINE_RE.search(line):
            continue
        # « Fondation X, 1210 Bruxelles »: the name before the address.
        name = line.split(",")[0].strip()
        words = name.split()
        if 1 <= len(words) <= 8 and name[:1].isupper() and not re.search(r"\d", name):
            return name
        return ""
    return ""


def _recipient(sentence: str) -> str:
    match = (
        _RECIPIENT_RE.search(sentence)
        or _PAYABLE_RE.search(sentence)
        or _SUPPORT_RE.search(sentence)
    )
    return org_name(match.group("org")) if match else ""


# Words that start an organisation's name in French.
_ORG_START_RE = folding.compile(
    r"\b(?:Comité|Fondation|Coalition|Association|Réseau|Centre|Ligue|Regroupement|Front|"
    r"Société|Alliance|Fédération|Syndicat|Collectif|Mouvement|Amnistie|Maison|Table|Banque|"
    r"Institut|Fonds|Organisme|Projet|Union|Confédération|Centrale|Conseil\s+canadien|"
    r"Conseil\s+québécois|Action)\b"
)


# Whom gifts go to, anywhere in the document: « la collecte de dons annuelle de X », « un don
# supplémentaire de 15 000 $ à X ».
_GIFTS_TO_RE = folding.compile(
    r"(?i:\bdons?\b[^.!?\n]{0,40}?\s(?:à\s+l['\u2019]|à\s+la\s+|à\s+|au\s+|aux\s+|"
    r"de\s+la\s+|de\s+l['\u2019]|de\s+|du\s+|d['\u2019]))(?P<org>[A-ZÀ-ÖØ-Þ][^\n]*)"
)


# « sur le site de X », « le site Web de la X »: whose page the reader is sent to.
_SITE_OF_RE = folding.compile(
    r"(?i:\b(?:sur|au|via)\s+(?:le\s+)?site\s+(?:web\s+|internet\s+)?(?:de\s+la\s+|de\s+l['\u2019]|"
    r"du\s+|des\s+|de\s+|d['\u2019]))(?P<org>[A-ZÀ-ÖØ-Þ][^\n]*)"
)
# A press release's first line of news: the organisation appealing, as the subject of the
# appeal: « X a lancé aujourd'hui un appel aux dons », « X sollicite des dons »,
# « X presse les Canadiens de ... », « X appelle la population à faire preuve de générosité ».
# The name may be two joined by a slash (« Moisson Mauricie / Centre-du-Québec »).
_APPEAL_LAUNCHER_RE = folding.compile(
    r"(?:(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,[ \t]))[ \t]*(?:(?:La|Le|Les)[ \t]+|L['\u2019])?|"
    # Mid-line after a dateline or a date (« -- La Croix-Rouge canadienne lance »): a
    # capitalised article opens the subject.
    r"(?<=[\w)\-][ \t])(?:(?:La|Le|Les)[ \t]+|L['\u2019]))"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][^,.;:!?\n]{1,60}?)[ \t]+(?:"
    r"(?:a[ \t]+lancé|lance|ont[ \t]+lancé|lancent)"
    r"[ \t]+(?:aujourd['\u2019]hui[ \t]+|ce[ \t]+\w+[ \t]+)?"
    r"(?:un[ \t]+appel[ \t]+(?:aux|à[ \t]+des)[ \t]+dons|(?:le|un)[ \t]+[Ff]onds\b)|"
    r"sollicit(?:e|ent)[ \t]+(?:des|vos|les)[ \t]+dons|"
    r"(?:presse|pressent|appelle|appellent|invite|invitent|exhorte|exhortent|encourage|"
    r"encouragent)[ \t]+(?:{PUBLIC})[ \t]+(?:à|de|d['\u2019]))".replace("{PUBLIC}", PUBLIC_FR),
    re.M,
)


def fundraiser(text: str) -> str:
    """The organisation a French document most often names, for an appeal that names none:
    a name starting with a word such as « Fondation », else the one the document says gifts
    go to (« la collecte de dons de X »), else an acronym the text gives an
    article (« le MQF », « du MQF »), as French writes an organisation's initials, else a name
    that twice opens a sentence acting as an organisation does (« X appelle à ... »)."""
    if launcher := _APPEAL_LAUNCHER_RE.search(text):
        # « La Croix-Rouge canadienne a lancé un appel aux dons »: whoever launches it.
        return launcher.group("name").strip()
    names = [org_name(text[match.start() :]) for match in _ORG_START_RE.finditer(text)]
    counts = Counter(name for name in names if name)
    if not counts:
        # « En allant sur le site de Moisson Québec »: where the reader goes to give.
        counts = Counter(
            name for match in _SITE_OF_RE.finditer(text) if (name := org_name(match.group("org")))
        )
    if not counts:
        counts = Counter(
            name for match in _GIFTS_TO_RE.finditer(text) if (name := org_name(match.group("org")))
        )
    if not counts:
        counts = Counter(match.group("acronym") for match in _ACRONYM_RE.finditer(text))
        counts = Counter({name: n for name, n in counts.items() if n >= 2})
    if not counts:
        counts = _speakers(text)
    return counts.most_common(1)[0][0] if counts else ""


# A name opening a sentence or clause as the subject of what an organisation does in public:
# « X met en lumière ... », « X appelle à ... », « X demande ... ».
_SPEAKER_RE = folding.compile(
    r"(?:^|(?<=[.!?,]\s)|(?<=\n))[ \t]*(?P<name>[A-ZÀ-ÖØ-Þ][\w\u2019'-]+"
    r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w\u2019'-]+){0,3})[ \t]+(?:\w+[ \t]+)?"
    r"(?:appelle|demande|exhorte|réclame|dénonce|salue|invite|exige|met\s+en\s+lumière|lance|"
    r"rappelle|recommande|presse|milite|travaille|soutient|agit|intervient|œuvre|défend)\b",
    re.M,
)
_DETERMINER_RE = folding.compile(
    r"(?i)^(?:l[ea]s?|l['\u2019]\S*|une?|ce|cet|cette|ces|ils?|elles?|nous|on)$"
)


def _speakers(text: str) -> Counter[str]:
    """Names that speak and act as an organisation at least twice in `text`, never given an
    article (« le Canada », « du Québec » are places and governments)."""
    names = Counter(
        match.group("name")
        for match in _SPEAKER_RE.finditer(text)
        if not _DETERMINER_RE.match(match.group("name").split()[0])
    )
    return Counter(
        {
            name: n
            for name, n in names.items()
            if n >= 2
            and not re.search(
                r"(?i)\b(?:le|la|les|du|des|au|aux|l['\u2019])\s*" + re.escape(name) + r"\b", text
            )
        }
    )


_ACRONYM_RE = folding.compile(r"\b(?i:le|la|du|au|l['\u2019])\s*(?P<acronym>[A-Z]{2,6})\b(?!-)")


# « pour enfants », « pour aînés » ending a name: a plural noun without article, then the end.
_BENEFICIARIES_RE = re.compile(r"[ \t]+([a-zà-ÿ]+s)(?=[ \t]*(?:[\u00bb\"\u201d,.;:!?)]|\n|$))")


def org_name(text: str) -> str:
    """The organisation's name at the start of `text`: « Fondation David Suzuki »,
    « Amnistie internationale Canada francophone », « Comité logement Rosemont »."""
    words: list[str] = []
    initials_follow = False
    for found in re.finditer(r"[^\s,.;:!?()\u00ab\u00bb]+", text.split("\n")[0]):
        word = found.group(0)
        beneficiaries = _BENEFICIARIES_RE.match(text, found.end())
        if words and word.casefold() == "pour" and beneficiaries:
            # « Fondation de l'Hôpital de Montréal pour enfants »: whom it serves, no article,
            # closing the name.
            return " ".join([*words, word, beneficiaries.group(1)])
        if len(words) == 7 or word.casefold() in _ORG_END or re.match(r"\d", word):
            break
        capitalised = word[:1].isupper() or bool(re.match(r"[dl]['\u2019][A-ZÀ-ÖØ-Þ]", word))
        if not words and not capitalised:
            break
        # « ... Rosemont défend les locataires »: an article after anything but « de » starts
        # the rest of the sentence.
        if word.casefold() in _ARTICLES and words and words[-1].casefold() not in ("de", "à"):
            break
        words.append(word)
        # « Fédération canadienne de la faune (FCF) »: the initials in brackets close the name
        # they stand for, whatever its last word.
        if re.match(r"[ \t]*\([A-ZÀ-Þ]{2,8}\)", text[found.end() :]):
            initials_follow = True
            break
        if text[found.end() : found.end() + 1] in tuple(",.;:!?()\u00ab\u00bb"):
            break
    # A name ends on a capitalised word or an adjective (« Amnistie internationale »), not on
    # the verb after it.
    while words and (
        words[-1].casefold() in _ORG_CONNECTORS
        or (
            not initials_follow
            and words[-1][:1].islower()
            and not re.match(r"[dl]['\u2019][A-ZÀ-ÖØ-Þ]", words[-1])
            and not _NAME_ADJECTIVE_RE.search(words[-1])
        )
    ):
        words.pop()
    return " ".join(words)
