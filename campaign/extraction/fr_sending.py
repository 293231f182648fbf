"""French orders to send letters whose words come in another order than « Envoyez un courriel
au ministre » (which `fr_letters` reads):

* the recipient before the channels: « Envoyons au gouvernement X fax, courriels et lettres
  exprimant notre indignation », « envoyez à la mairesse vos lettres et cartes postales »;
* a quantity or a date between the verb and the channel: « d'envoyer, le 1er mai, un ou
  plusieurs messages à M. X »;
* the letter named first, the order in a relative clause: « une lettre que nous vous invitons
  à envoyer à votre député ».

The infinitive « envoyer » is an order only when the author asks the readers to do it
(« je demande à tous d'envoyer », « nous vous invitons à envoyer »); the stance of the
imperative is judged by `fr_stance.assess`.
"""

from __future__ import annotations

import re

from . import folding
from . import fr_wording as wording
from .context import DocumentContext
from .fr_stance import PUBLIC_FR, assess
from .targets import find_targets
from .text import Span, collapse
from .types import LETTER_TO_MP, LETTER_TO_TARGETS, MP, CallToAction, Evidence, Target

_CHANNEL = (
    r"(?:fax|télécopies?|courriels?|courriers?(?:\s+postaux)?|lettres?(?:\s+postales?)?|"
    r"messages?|cartes?(?:\s+postales?)?|e-?mails?|mails?|mots?)"
)
_QUANTITY = r"(?:un\s+ou\s+plusieurs|plusieurs|quelques|des|vos|nos|un|une|votre|notre|ce|cette)\s+"
_CHANNELS = rf"(?:{_QUANTITY})?{_CHANNEL}(?:\s*(?:,|\bet\b|\bou\b)\s*(?:{_QUANTITY})?{_CHANNEL})*"
# Whom to, up to the words that say how or why (« ... à M. Macron en utilisant le site »).
_RECIPIENT = (
    r"(?P<to>(?:à|au|aux)\s+(?:M\.\s*|Mme\.?\s+)?[^,.;:!?()\n]{2,60}?)"
    r"(?=\s+(?:en|pour|afin|exprimant|dénonçant|réclamant|par|avant|dès|via|sur|le|la|les|"
    r"des|vos|nos|fax|courriels?|lettres?|messages?|cartes?)\b|\s*[,.;:!?]|\s*$)"
)
_SEND = r"(?P<verb>envoy(?:ez|ons|er)|fai(?:tes|sons|re)\s+parvenir)"
# « Envoyons au gouvernement Charest fax, courriels et lettres postales ... ».
_RECIPIENT_FIRST_RE = folding.compile(
    rf"(?i)\b{_SEND}\s+{_RECIPIENT}\s+(?P<channels>{_CHANNELS})\b(?P<rest>.*)", re.S
)
# « envoyer, le 1er mai, un ou plusieurs messages à M. Macron ».
_AFTER_A_PAUSE_RE = folding.compile(
    rf"(?i)\b{_SEND}\s*,[^,.;:!?\n]{{1,40}},\s*(?P<channels>{_CHANNELS})\s+{_RECIPIENT}"
    r"(?P<rest>.*)",
    re.S,
)
# « une lettre que nous vous invitons, toutes et tous, à envoyer à votre député ».
_RELATIVE_RE = folding.compile(
    rf"(?i)\b(?P<channels>{_CHANNEL})\s+que\s+(?P<asker>[^.;!?]{{0,60}}?)\bà\s+"
    rf"(?P<verb>envoyer|faire\s+parvenir)\s+{_RECIPIENT}(?P<rest>.*)",
    re.S,
)
# The author asking the readers, just before an infinitive: « je demande à tous et à toutes
# d' », « Nous demandons à chacun d' », « nous vous invitons à ».
_ASKING_READERS_RE = folding.compile(
    r"(?i)\b(?:je|nous|on)\s+(?:vous\s+)?(?:demand\w*|invit\w*|exhort\w*|encourag\w*|pri\w*)"
    rf"(?:\s+(?:à\s+)?(?:{PUBLIC_FR})(?:\s+et\s+(?:à\s+)?(?:{PUBLIC_FR}))?)?"
    r"[\s,]*(?:(?:toutes\s+et\s+tous|tous\s+et\s+toutes)[\s,]*)?(?:de\s+|d['\u2019]|à\s+)$"
)
_READERS_INVITED_RE = folding.compile(
    r"(?i)^(?:je|nous|on)\s+(?:vous\s+)?(?:demand|invit|exhort|encourag|pri)"
)
# What the letters say: « exprimant notre indignation face à X », « pour dénoncer X ».
_SAYING_RE = folding.compile(
    r"(?i)^[\s,]*(?:(?:en\s+)?(?:exprimant|dénonçant|réclamant|demandant|exigeant)|"
    r"pour\s+(?:exprimer|dénoncer|réclamer|demander|exiger)|afin\s+de\s+\w+)\s+(?P<what>[^.;!?]+)"
)
_OWN_MP_RE = folding.compile(
    r"(?i)^(?:à|au|aux)\s+(?:votre|vos|ton|ta|tes)\s+(?:député|élu|représentant|conseill)"
)


def detect(sentence: Span, context: DocumentContext) -> CallToAction | None:
    """An order to send letters worded in one of the orders above, or None."""
    if context.news:
        return None
    for pattern in (_RECIPIENT_FIRST_RE, _AFTER_A_PAUSE_RE, _RELATIVE_RE):
        match = pattern.search(sentence.text)
        if not match:
            continue
        score = _score(sentence.text, match, context)
        if score is None:
            continue
        recipient = match.group("to")
        saying = _SAYING_RE.match(match.group("rest"))
        text = wording.demand(saying.group("what")) if saying else ""
        if _OWN_MP_RE.match(recipient):
            kind, targets = LETTER_TO_MP, ()
        else:
            kind, targets = LETTER_TO_TARGETS, _recipients(recipient)
            if not targets:
                continue
        return CallToAction(
            kind=kind,
            # Nothing said: only whom to send what, for a demand nearby to be borrowed.
            text=text or f"Envoyer {_counted(match.group('channels'))} {collapse(recipient)}",
            evidence=Evidence.of(context.text, sentence.start, sentence.end),
            confidence=score,
            targets=targets,
        )
    return None


def _score(sentence: str, match: re.Match[str], context: DocumentContext) -> float | None:
    verb = match.group("verb").casefold()
    if "asker" in match.groupdict():
        # The relative clause: only the author inviting the readers makes it an order.
        if not _READERS_INVITED_RE.match(match.group("asker").strip()):
            return None
        return assess(sentence, match.start("verb"), match.end("verb"), imperative=False).score
    if verb.startswith(("envoyer", "faire")):
        if not _ASKING_READERS_RE.search(sentence[: match.start("verb")]):
            return None
        # « je demande à tous d'envoyer »: the author's own ask of the readers.
        stance = assess(sentence, match.start("verb"), match.end("verb"), imperative=False)
        return max(stance.score, 0.75) if stance.score >= 0.5 else stance.score
    return assess(
        sentence, match.start("verb"), match.end("verb"), imperative=True, news=context.news
    ).score


def _recipients(recipient: str) -> tuple[Target, ...]:
    """« au gouvernement Charest » -> a target with that role, « à M. Macron » -> named."""
    found = [t for t in find_targets(recipient, language="fr") if t.role or t.name]
    found = [t for t in found if t.kind != MP or t.name]
    if found:
        return tuple(found)
    who = re.sub(r"(?i)^(?:à|au|aux)\s+", "", recipient).strip()
    return (Target(role=who),) if who[:1].isalpha() else ()


_FEMININE_CHANNEL_RE = folding.compile(r"(?i)^(?:lettre|carte|télécopie)")


def _counted(channels: str) -> str:
    """« lettre » named without an article in a relative clause -> « une lettre »."""
    channels = collapse(channels)
    if re.match(rf"(?i){_QUANTITY}", channels):
        return channels
    if channels.endswith("s"):
        return f"des {channels}"
    return f"{'une' if _FEMININE_CHANNEL_RE.match(channels) else 'un'} {channels}"


def one_letter_per_recipient(actions: list[CallToAction]) -> list[CallToAction]:
    """« Envoyons au gouvernement X des lettres exprimant notre indignation face à Y » and, lower,
    « je demande à tous d'envoyer au gouvernement X des lettres exprimant notre indignation »:
    the same letters to the same people, said twice, are one (the fuller wording kept)."""
    letters = [a for a in actions if a.kind == LETTER_TO_TARGETS and a.targets]
    dropped: set[int] = set()
    for letter in letters:
        whom = {t.key() for t in letter.targets}
        said = letter.text.casefold()
        for other in letters:
            if (
                other is not letter
                and id(other) not in dropped
                and {t.key() for t in other.targets} == whom
                and said in other.text.casefold()
                and (len(said) < len(other.text) or other.evidence.start < letter.evidence.start)
            ):
                dropped.add(id(letter))
                break
    return [a for a in actions if id(a) not in dropped]
