"""French calls through a switchboard: a number to dial, then whom to ask for.

« Téléphonez à l'Assemblée (standard : 01 40 63 60 00, puis demandez à parler à l'assistant
parlementaire de votre député) », « Voici le numéro de l'Assemblée nationale : 01 ... Précisez
que vous souhaitez être mis en relation avec le bureau du député », « Téléphonez au
1 866 599-4999. Demandez la boîte vocale du premier ministre. »: the number is the call's, and
the person is the one asked for after it, not the institution that answers. The detectors
that read « Appelez X au NUMÉRO » miss this shape, because the person comes after the number.

What to say is read from the orders to say just before the number, in its paragraph
(« Faites part de vos préoccupations au premier ministre. Dites-lui combien le temps presse. »);
otherwise the call says nothing and borrows the page's demand (`borrowed_demands`).
"""

from __future__ import annotations

import re

from . import folding
from .contacts import PHONE_RE
from .context import DocumentContext
from .fr_roles import classify_role
from .text import Span
from .types import CALL, MP, CallToAction, Evidence, Target

# French numbers as well as North American ones: « 01 40 63 60 00 », « +33 1 40 63 68 18 ».
FRENCH_PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+33|0033)[\s.]?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?![\d-])"
)
# The number is one to dial: a call verb, or « numéro » / « standard » before it.
_DIAL_CUE_RE = folding.compile(
    r"(?i)\b(?:téléphon\w*|appel(?:ez|er|ons|ant)\b|coup\s+de\s+fil|numéro|standard)"
)
# After the number, whom to ask for.
_ASK_FOR_RE = folding.compile(
    r"(?i)\b(?:demand(?:ez|er)\s+(?:à\s+parler\s+(?:à|au|aux|avec)|"
    r"(?:la\s+)?(?:boîte\s+vocale|ligne|bureau)\s+(?:de|du|des|d['\u2019]))|"
    r"(?:être|soyez|êtes)\s+mis(?:e|es)?\s+en\s+relation\s+avec|"
    r"transf[ée]r(?:ez|er|é)\s+(?:à|au|vers))\s*"
    r"(?P<who>[^.;:!?()\n]{2,90})"
)
# « le bureau de », « l'assistant parlementaire de »: the office stands for its holder.
_OFFICE_RE = folding.compile(
    r"(?i)^(?:(?:le|la|l['\u2019]|un|une)\s*)?(?:bureau|cabinet|permanence|"
    r"assistante?\s+parlementaire|attachée?\s+parlementaire|secrétariat|boîte\s+vocale)\s+"
    r"(?:de|du|des|d['\u2019])\s*"
)
_OWN_REPRESENTATIVE_RE = folding.compile(
    r"(?i)\b(?:votre|vos|son|leur|un|une|le|la|les)\s+(?:(?:monsieur|madame)\s*/?\s*)*"
    r"(?:député|élu|sénat(?:eur|rice)|représentant)"
    r"|\b(?:monsieur|madame)\s*/\s*(?:monsieur|madame)\s+le\s+député"
)
# The orders to say, in the paragraph before the number.
_SAY_RE = folding.compile(
    r"(?i)^\W*(?:dites|rappelez|expliquez|demandez|exprimez|faites\s+part|faites\s+savoir)\b"
)
# How many sentences after the number whom to ask for may come.
_REACH = 3


def detect(context: DocumentContext) -> list[CallToAction]:
    """Calls whose number is a switchboard's and whose person is asked for after it."""
    if context.news:
        return []
    found = []
    spans = list(context.sentences)
    for index, sentence in enumerate(spans):
        phone = _number(sentence.text)
        if phone is None:
            continue
        # « Voici le numéro de la mairie » / « 04 11 22 33 44 »: the cue may head the line above.
        lead = sentence.text[: phone.start()]
        if not lead.strip() and index:
            lead = spans[index - 1].text
        if not _DIAL_CUE_RE.search(lead):
            continue
        for following in spans[index : index + _REACH + 1]:
            start = phone.end() if following is sentence else 0
            asked = _ASK_FOR_RE.search(following.text, start)
            if asked:
                break
        else:
            continue
        target = _target(asked.group("who"), phone.group(0))
        if target is None:
            continue
        end = following.start + asked.end()
        found.append(
            CallToAction(
                kind=CALL,
                text=_said_before(spans, index, context.text) or _describe(target),
                evidence=Evidence.of(context.text, sentence.start, end),
                confidence=0.8,
                targets=(target,),
                talking_points=(),
            )
        )
    return found


def _number(sentence: str) -> re.Match[str] | None:
    return FRENCH_PHONE_RE.search(sentence) or PHONE_RE.search(sentence)


def _target(who: str, phone: str) -> Target | None:
    """The person asked for, reached at the switchboard's number."""
    who = re.split(r"(?i)\s+(?:et|puis|pour|afin)\s+|,", who.strip())[0].strip()
    if _OWN_REPRESENTATIVE_RE.search(who):
        return Target(role="député", phone=phone, kind=MP)
    role = _OFFICE_RE.sub("", who).strip()
    role = re.sub(r"(?i)^(?:le|la|les|l['\u2019])\s*", "", role)
    if not role or len(role.split()) > 8:
        return None
    return Target(role=role, phone=phone, kind=classify_role(role))


def _said_before(spans: list[Span], index: int, text: str) -> str:
    """« Dites-lui combien le temps presse. »: the orders to say in the number's paragraph."""
    said = []
    for previous in reversed(spans[max(0, index - 3) : index]):
        if "\n\n" in text[previous.end : spans[index].start]:
            break
        if _SAY_RE.match(previous.text):
            said.insert(0, previous.text.strip())
    return " ".join(said)


def _describe(target: Target) -> str:
    return f"Téléphonez au bureau de {target.role}"
