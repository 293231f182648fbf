"""A French sign-up form under « Dites à X qu'il doit Y »: a petition to X asking Y.

Campaign pages (« Étape 1 : Vos informations », « * Champs obligatoires ») often carry only a
message for a decision-maker, « Dites à Justin Trudeau qu'il doit protéger les orques », and a
form for the reader's name: no letter to write, no address to send to. What the reader does is
add their name to the message: a petition addressed to X. `fr_letters.detect_tell` reads the
same words as a letter when X has an official's role; a person named without one is read here,
and only when the page has a form and nothing else asks anything.
"""

from __future__ import annotations

from . import folding
from . import fr_wording as wording
from .context import DocumentContext
from .fr_stance import assess
from .stance import IMPERATIVE
from .text import collapse
from .types import LOW_CONFIDENCE, PETITION, CallToAction, Evidence

# The form's own wording: « Étape 1 : Vos informations », « Vos coordonnées », « * Champs
# obligatoires », « Votre adresse courriel * ».
_FORM_RE = folding.compile(
    r"(?im)^[ \t*]*(?:étape\s+1\b|vos\s+(?:informations|coordonnées)\s*$|"
    r"\*?\s*champs?\s+(?:obligatoires?|requis)\b)"
)
_TELL_RE = folding.compile(
    r"(?i)^\W*(?P<verb>dites|rappelez)\s+(?:à|au|aux)\s+(?P<who>[^.;:!?\n]{2,60}?)\s+"
    r"(?:qu['\u2019]|que\s+|de\s+|d['\u2019])(?P<message>[^\n]{3,})"
)


def form_petition(actions: list[CallToAction], context: DocumentContext) -> list[CallToAction]:
    """The « Dites à X que Y » of a page with a sign-up form and no other ask, as a petition."""
    if context.news or any(not a.low_confidence for a in actions):
        return actions
    if not _FORM_RE.search(context.text):
        return actions
    for sentence in context.sentences:
        match = _TELL_RE.match(sentence.text)
        if not match:
            continue
        stance = assess(sentence.text, match.start("verb"), match.end("verb"), news=False)
        message = wording.demand(match.group("message"))
        if stance.label != IMPERATIVE or len(message.split()) < 3:
            continue
        return [
            *actions,
            CallToAction(
                kind=PETITION,
                text=message,
                evidence=Evidence.of(context.text, sentence.start, sentence.end),
                confidence=max(stance.score, LOW_CONFIDENCE + 0.2),
                addressee=collapse(match.group("who")),
            ),
        ]
    return actions
