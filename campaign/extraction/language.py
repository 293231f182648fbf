"""Which language a document is written in: English, French, or another one the extractor
cannot read.

No model: every language has short words it cannot do without ("the", "and", "of" in English;
"les", "des", "nous", "votre" in French; "el", "los", "y" in Spanish; "der", "und", "nicht" in
German), so counting them is enough to tell a paragraph of one from another. Words several
languages share ("de", "la", "que") count for each of them, so they tell French from English
but not from Spanish; French elisions
("l'", "d'", "qu'") count for French, and accented letters count a little towards the languages
that use them, which settles a short sentence with few function words ("Signez la pétition").

Deciding a document: each paragraph is judged on its own (the language it has at least twice as
many words of) and weighs as many words as it has; then

* too little to judge (a headline, "Sign now!", no paragraph with a full function word) is
  English: the extractor has always read such text as English, and it keeps doing so;
* another language (Spanish, German, Italian, Portuguese, Dutch) when its paragraphs weigh at
  least twice the English ones and twice the French ones: `""`, and the pipeline finds nothing
  in the document rather than misreading it;
* a bilingual page (the same appeal in English and in French, as Canadian organisations often
  publish) is read once, in English, unless its French paragraphs weigh at least twice the
  English ones: its actions are then found once rather than twice, in the wording the
  extractor reads best. A French page with an English menu or sentence is French, and so is
  one whose French outweighs its English when its body (the long paragraphs) is French: a
  French text inside a tool's English interface.
"""

from __future__ import annotations

import re
from collections import Counter

from .quoting import dequoted
from .text import paragraphs

ENGLISH = "en"
FRENCH = "fr"
OTHER = ""

NEITHER_WARNING = "written in neither English nor French; no actions"


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_FUNCTION_WORDS = {
    ENGLISH: _words(
        "the and of to is are was were that this with for you your we our they their it its be "
        "have has not will would from by at or but which who what all can an there been these "
        "those he she his her them my me us do does if about into than then so should must "
        "please how more out up just also now"
    ),
    FRENCH: _words(
        "le les des du une et est sont dans pour qui ne pas nous vous votre vos notre nos ils "
        "elle elles au aux avec ce cette ces sur par mais ou où leur leurs sa ses lui été être "
        "avoir fait très plus tous tout toute toutes aussi comme je ont avons avez doit peut "
        "cela ça chez sans sous depuis afin dont lors était sera "
        "la de un que en se son y il à"
    ),
    "es": _words(
        "el los las del y es por para con una su sus lo al como más pero este esta estos estas "
        "nuestro nuestra nuestros nosotros usted ustedes está están hay fue muy también sin "
        "sobre pide firma la de un que en se son y"
    ),
    "de": _words(
        "der die das und ist nicht mit den dem ein eine einen zu auf für sich auch von wir sie "
        "ihr uns unser unsere werden wird sind bitte oder aber wie bei nach noch nur dass im "
        "zum zur"
    ),
    "it": _words(
        "di che della delle dei gli sono questo questa nel nella alla anche più ci noi voi "
        "vostro nostro nostra chiediamo la un se il à"
    ),
    "pt": _words(
        "os do da dos não com em é são nosso nossa você vocês também mais pelo pela ao de que se à"
    ),
    "nl": _words(
        "het een van dat niet op met voor zijn wij ons onze jullie ook maar naar bij worden "
        "wordt deze dit de en"
    ),
}
# Letters that belong to some languages and not to English.
_LETTERS = {
    FRENCH: re.compile(r"[éèêëàâçùûîïôœ]"),
    "es": re.compile(r"[ñáíóú¿¡]"),
    "de": re.compile(r"[äöüß]"),
    "pt": re.compile(r"[ãõ]"),
}
_LETTER_WEIGHT = 0.25
_WORD_RE = re.compile(r"[a-zà-ÿœæß]+")
# "l'école", "d'adopter", "qu'il", "n'a", "c'est", "jusqu'à".
_ELISION_RE = re.compile(r"\b(?:[ldjcnmst]|qu|jusqu|lorsqu|puisqu)['\u2019](?=[a-zà-ÿ])")


def language_scores(text: str) -> Counter[str]:
    """How strongly `text` reads as each language: its function words, French elisions and a
    quarter point for each word with a letter of that language."""
    lowered = text.casefold()
    scores: Counter[str] = Counter()
    for word in _WORD_RE.findall(lowered):
        for language, words in _FUNCTION_WORDS.items():
            if word in words:
                scores[language] += 1
        for language, letters in _LETTERS.items():
            if letters.search(word):
                scores[language] += _LETTER_WEIGHT
    scores[FRENCH] += len(_ELISION_RE.findall(lowered))
    return scores


def guess_language(text: str) -> str:
    """'en', 'fr', or '' for a document in another language (see the module docstring).

    Each paragraph is judged on its own and weighs as many words as it has, so that a
    paragraph of French (whose articles and elisions are denser than English ones) does not
    outweigh a paragraph of English saying the same thing.
    """
    weights: Counter[str] = Counter()
    # A forwarded email ("> " on every line) has its paragraphs inside the quote marks.
    for paragraph in paragraphs(dequoted(text).text):
        judged = _judge(language_scores(paragraph.text))
        if judged is not None:
            weights[judged] += len(paragraph.text.split())
    english, french, other = weights[ENGLISH], weights[FRENCH], weights[OTHER]
    if other and other >= 2 * english and other >= 2 * french:
        # A scrap of a foreign name or motto is not enough to give up on a document.
        scores = language_scores(text)
        if max(score for language, score in scores.items() if language not in _KNOWN) >= 3:
            return OTHER
    if french and french >= 2 * english:
        return FRENCH
    if french > english and _body_is_french(text):
        # A French text in a tool's English interface (« Call for free », « Feedback »): the
        # interface is many short lines, the body the long paragraphs.
        return FRENCH
    return ENGLISH


# A paragraph of the body, not a line of a menu, button or form: at least this many words.
_BODY_WORDS = 40


def _body_is_french(text: str) -> bool:
    """True when the body's paragraphs (`_BODY_WORDS` words or more) are French at least twice
    over: a bilingual page has English ones as long as its French ones."""
    body: Counter[str] = Counter()
    for paragraph in paragraphs(dequoted(text).text):
        words = len(paragraph.text.split())
        if words >= _BODY_WORDS:
            body[_judge(language_scores(paragraph.text)) or ""] += words
    return body[FRENCH] > 0 and body[FRENCH] >= 2 * body[ENGLISH]


_KNOWN = (ENGLISH, FRENCH)


def _judge(scores: Counter[str]) -> str | None:
    """The language of one paragraph, or None when it says too little to tell."""
    english, french = scores[ENGLISH], scores[FRENCH]
    other = max((s for language, s in scores.items() if language not in _KNOWN), default=0.0)
    if max(english, french, other) < 1:
        return None  # "Comité logement Rosemont", "Info : x@y"
    if other >= 2 * english and other >= 2 * french:
        return OTHER
    if french >= 2 * english and french > other:
        return FRENCH
    return ENGLISH
