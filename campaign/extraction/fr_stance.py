"""Who is asking, in French: the author's own ask, or reported speech (see `stance`).

"Nous demandons au gouvernement de ..." and "Écrivez à votre député" are the author asking the
reader; "X a demandé au gouvernement de ...", "des groupes réclament ...", "... », a déclaré
la ministre" and "selon la coalition, ..." report someone else and score below LOW_CONFIDENCE.
The labels and base scores are the English ones, so a French action is as strong as the same
action in English.
"""

from __future__ import annotations

import re

from . import folding
from .stance import (
    _BASE_SCORES,
    APPEAL,
    DIRECT,
    IMPERATIVE,
    MAIN_ORG,
    REPORTED,
    THIRD_PARTY,
    Assessment,
    _is_headline,
)

# The public, as the object of an appeal: "nous invitons la population à ...".
PUBLIC_FR = (
    r"(?:vous|tous|toutes|tout\s+le\s+monde|chacun(?:e)?|la\s+population|le\s+public|"
    r"les\s+(?:Canadien(?:ne)?s|Québécois(?:es)?|citoyen\w*|gens|membres|lecteurs|lectrices|"
    r"sympathisant\w*|résident\w*|électeurs|électrices|personnes)|"
    r"(?:nos|tous\s+nos|toutes\s+nos)\s+(?:membres|sympathisant\w*|allié\w*)|"
    r"(?:les\s+)?Canadiens\s+et\s+(?:les\s+)?Canadiennes|"
    r"(?:les\s+)?citoyennes\s+et\s+(?:les\s+)?citoyens)"
)
_FIRST_OR_SECOND_RE = folding.compile(
    r"(?i:\b(?:nous|notre|nos|vous|votre|vos|je|mon|ma|mes|on|tu|ton|ta|tes)\b|\bj['\u2019])"
)
_THIRD_PERSON_RE = folding.compile(r"(?i:\b(?:il|elle|ils|elles|leur|leurs)\b)")
_REPORTING_RE = folding.compile(
    r"(?i:\b(?:selon|d['\u2019]après|aurait|auraient|affirme\w*|déclar\w*|a\s+dit|ont\s+dit|"
    r"indiqu\w*|expliqu\w*|soutien\w*|estim\w*|rapport\w*|ajout\w*|a\s+souligné|"
    r"ont\s+souligné|a\s+rappelé|ont\s+rappelé|a\s+lancé|ont\s+lancé|a\s+fait\s+valoir|"
    r"a-t-(?:il|elle)|ont-(?:ils|elles)|"
    # « X et Y viennent de lancer une plateforme pour ... »: the recent past, reported.
    r"vien(?:t|nent)\s+d['\u2019e]\s*\w+)\b)"
)
# A reporting clause after the words: "..., a déclaré la ministre", "..., selon la coalition",
# "..., affirme-t-elle".
_REPORTED_AFTER_RE = folding.compile(
    r"(?i),\s*(?:(?:a|ont|avait|avaient)(?:-t-(?:il|elle|ils|elles)|-(?:ils|elles))?\s+"
    r"(?:\w+ment\s+)?(?:déclaré|dit|affirmé|indiqué|expliqué|ajouté|souligné|rappelé|lancé|"
    r"martelé|précisé|réclamé|demandé|plaidé|insisté|écrit|fait\s+valoir|soutenu|estimé)\b|"
    r"(?:selon|d['\u2019]après)\b|"
    r"(?:affirme|déclare|dit|estime|soutient|ajoute|explique|indique|précise|martèle|"
    r"plaide|rappelle|lance|insiste)(?:nt)?-(?:t-)?(?:il|elle|ils|elles)\b)"
)
_APPEAL_RE = folding.compile(
    rf"(?i:\b(?:encourag\w*|invit\w*|demand(?:e|ent|ons)|exhort\w*|appel(?:le|lent|ons)|"
    rf"incit\w*|convi\w*|press(?:e|ent|ons))\s+{PUBLIC_FR}\b)"
)
# What may precede an order to the reader: "Svp,", "Maintenant :", "Agissez :", "Cliquez ici
# pour", "Si vous le pouvez,", "Avant le 3 mars,".
_IMPERATIVE_LEAD_RE = folding.compile(
    r"(?i)^(?:\W*(?:(?:s['\u2019]il\s+vous\s+pla[iî]t|s['\u2019]il\s+te\s+pla[iî]t|svp|stp|"
    r"maintenant|aujourd['\u2019]hui|dès\s+maintenant|dès\s+aujourd['\u2019]hui|"
    r"sans\s+tarder|vite|et|puis|ensuite|aussi|également|enfin|d['\u2019]abord|alors|donc|"
    r"premièrement|deuxièmement|troisièmement|ensemble|urgent|agissez(?:\s+maintenant)?|"
    r"agir(?:\s+maintenant)?|passez\s+à\s+l['\u2019]action|passer\s+à\s+l['\u2019]action|"
    r"à\s+vous\s+de\s+jouer|cliquez\s+ici\s+pour|n['\u2019]oubliez\s+pas\s+de|pensez\s+à|"
    r"prenez\s+(?:deux|quelques|cinq)\s+minutes\s+pour|"
    # « Utilisez ce formulaire pour écrire à ... »: the tool to use, then the act.
    r"utilis(?:ez|er)\s+(?:ce|le|notre|cet|l['\u2019])\s*(?:formulaire|outil)"
    r"(?:\s+ci-dessous)?\s+pour|"
    r"cette\s+semaine|ce\s+mois-ci|ce\s+soir|"
    r"(?:avant|d['\u2019]ici|jusqu['\u2019]au|le)\s+(?:le\s+)?(?:\d{1,2}(?:er)?\s+\w+|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|\w+\s+\d{1,2})|"
    # « Faites signer la pétition autour de vous »: have it done is an order too.
    r"fai(?:tes|sons)|"
    r"veuillez|merci\s+de)\b"
    r"|si\s+vous\s+[^,;:.]{1,40},|pour\s+[a-zà-ÿ]+(?:\s+[\w'\u2019]+){0,4},)"
    r"[\s,:!.\u2013\u2014-]*)*\W*$"
)
# Instructions that may come first in a sentence of several: "Copiez la lettre et envoyez-la".
_INSTRUCTION_RE = folding.compile(
    r"(?i)^(?:copiez|collez|imprimez|remplissez|signez|téléchargez|utilisez|ajoutez|adaptez|"
    r"personnalisez|modifiez|ouvrez|cliquez|visitez|allez|lisez|partagez|joignez|contactez|"
    r"écrivez|appelez|téléphonez|envoyez|dites|demandez|prenez|trouvez|apportez|venez|"
    r"signe|écris|appelle|envoie|partage)\b[^:;.!?]*?(?:,?\s+(?:et|ou|puis)|,)$"
)
# "Soutenez les défenseurs du territoire en faisant un don", "Aidez-nous en signant ...".
_BY_MEANS_RE = folding.compile(
    r"(?i)^\W*(?:soutenez|aidez|montrez|joignez|protégez|défendez|sauvez|appuyez|agissez|"
    r"faites)\b[^:;.!?\"\u00ab]*\b(?:en|par)$"
)
_ASKING_QUESTION_RE = folding.compile(
    r"(?i)^\W*(?:allez|pouvez|voulez|pourriez|prendrez|signerez|ferez)-vous\b"
)
# "X a demandé ...", "les groupes ont réclamé ...", "nous avions exhorté ...".
_PERFECT_RE = folding.compile(
    r"(?i:\b(?:a|ont|avait|avaient|avons|avions|avez|aviez|eu|été|était|étaient)\s+"
    r"(?:\w+ment\s+|aussi\s+|déjà\s+|encore\s+|été\s+)?$)"
)
# "nous allons demander ...", "je continuerai de réclamer ...": a promise, not an ask.
_PROMISE_RE = folding.compile(
    r"(?i:\b(?:allons|vais|va|vont|continuerons\s+(?:à|de)|continuerai\s+(?:à|de))\s+"
    r"(?:\w+ment\s+|aussi\s+)*$)"
)
_THANKS_RE = folding.compile(
    r"(?i)^\W*(?:merci|un\s+grand\s+merci|mille\s+mercis|nous\s+(?:sommes|remercions))"
)
# « Merci de signer la pétition »: thanks in advance for doing it is a polite order.
_PLEASE_DO_RE = folding.compile(r"(?i)^\W*merci\s+(?:de\s+|d['\u2019])$")
# A verb form that is past or conditional: "demandé", "réclamaient", "exhortèrent".
# Accents kept: « demandé » is past, « demande » is not.
_PAST_FORM_RE = re.compile(r"(?i)\w+(?:é|ée|és|ées|ait|aient|èrent)$")


def inside_quotes(prefix: str, suffix: str = "") -> bool:
    """True when the trigger sits inside quoted speech: « ... », “ ... ” or "..."."""
    if prefix.count("\u00ab") > prefix.count("\u00bb"):
        return True
    if prefix.count("\u201c") > prefix.count("\u201d") or prefix.count('"') % 2:
        return True
    if suffix.count('"') % 2:
        return True
    # A closing guillemet later in the sentence before any opening one: "... d'agir », a dit X".
    closing = re.search(r"\u00bb|\u201d", suffix)
    opening = re.search(r"\u00ab|\u201c", suffix)
    return bool(closing and (not opening or closing.start() < opening.start()))


def is_imperative_prefix(prefix: str) -> bool:
    """True when the words before a verb leave it an order to the reader."""
    prefix = prefix.strip()
    if _IMPERATIVE_LEAD_RE.match(prefix) or _BY_MEANS_RE.match(prefix):
        return True
    reported = _REPORTING_RE.search(prefix) or _THIRD_PERSON_RE.search(prefix)
    if reported or inside_quotes(prefix):
        return False
    if ":" in prefix:
        before, after = prefix.rsplit(":", 1)
        if len(before.split()) <= 8 and is_imperative_prefix(after):
            return True
    return bool(_INSTRUCTION_RE.match(prefix))


def assess(
    sentence: str,
    trigger_start: int,
    trigger_end: int,
    *,
    imperative: bool = True,
    main_org: str = "",
    news: bool = False,
) -> Assessment:
    """Score how likely the trigger at `sentence[trigger_start:trigger_end]` is the author's ask
    (the French counterpart of `stance.assess`, with the same arguments)."""
    prefix = sentence[:trigger_start]
    suffix = sentence[trigger_end:]
    trigger = sentence[trigger_start:trigger_end]
    if inside_quotes(prefix, suffix):
        return Assessment(REPORTED, 0.15)

    markers: list[tuple[int, int, str]] = []
    for priority, (pattern, label) in enumerate(
        (
            (_REPORTING_RE, REPORTED),
            (_THIRD_PERSON_RE, REPORTED),
            (_APPEAL_RE, APPEAL),
            (_FIRST_OR_SECOND_RE, DIRECT),
        )
    ):
        markers.extend((match.end(), priority, label) for match in pattern.finditer(prefix))
    if imperative and is_imperative_prefix(prefix):
        label = IMPERATIVE
    elif markers:
        label = max(markers)[2]
    elif main_org and main_org.casefold() in prefix.casefold():
        label = MAIN_ORG
    else:
        label = THIRD_PARTY
    if label != REPORTED and _REPORTED_AFTER_RE.search(suffix):
        label = REPORTED  # "Nous demandons au gouvernement d'agir, a déclaré la porte-parole."
    score = _BASE_SCORES[label]
    if news and label in (APPEAL, MAIN_ORG, THIRD_PARTY):
        score -= 0.3

    first_word = trigger.split()[0] if trigger.split() else ""
    past = bool(
        (_PAST_FORM_RE.match(first_word) and label not in (IMPERATIVE,))
        or _PERFECT_RE.search(prefix)
        or (_THANKS_RE.match(prefix) and not _PLEASE_DO_RE.match(prefix))
        or (label == DIRECT and _PROMISE_RE.search(prefix))
    )
    if past:
        score -= 0.4 if label in (DIRECT, IMPERATIVE) else 0.2
    if re.search(r"(?i)\b(?:s['\u2019]il\s+vous\s+pla[iî]t|svp|veuillez)\b", prefix):
        score += 0.05
    stripped = sentence.rstrip()
    # An order with a question mark (« Ajoutez votre nom pour ... ? ») is still an order.
    if stripped.endswith("?") and not _ASKING_QUESTION_RE.match(sentence) and label != IMPERATIVE:
        score -= 0.4
    elif _is_headline(stripped) and label not in (DIRECT, IMPERATIVE):
        score -= 0.1
    return Assessment(label, round(max(0.0, min(1.0, score)), 2))


# "MONTRÉAL — Plusieurs centaines ...", "QUÉBEC (La Presse canadienne) - ...".
_DATELINE_RE = folding.compile(
    r"(?m)^[ \t]*[A-ZÀ-Ý][A-ZÀ-Ý.'\u2019 -]{2,}(?:,\s*[\w. ]+)?(?:\s*\([\w ]+\))?"
    r"\s+[\u2014\u2013-]{1,2}\s"
)
_BYLINE_RE = folding.compile(
    r"(?m)^[ \t]*Par\s+[A-ZÀ-Ý][\w.'\u2019-]+(?:\s+[A-ZÀ-Ý][\w.'\u2019-]+)+\s*$"
)
_SAID_RE = folding.compile(
    r"(?i)\b(?:a|ont)(?:-t-(?:il|elle)|-(?:ils|elles))?\s+(?:déclaré|dit|affirmé|indiqué|"
    r"expliqué|ajouté|souligné)\b|\bselon\b|\b(?:affirme|déclare|explique|ajoute|précise)"
    r"-t-(?:il|elle)\b|\bLa\s+Presse\s+canadienne\b"
)


def looks_like_news(text: str) -> bool:
    """True for a French news report: a dateline, a byline with quoted sources, or many
    sources ("a déclaré", "selon", "a-t-elle ajouté")."""
    if _DATELINE_RE.search(text):
        return True
    sources = len(_SAID_RE.findall(text))
    return sources >= 3 or (sources >= 2 and bool(_BYLINE_RE.search(text)))
