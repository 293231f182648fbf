"""French asks that name their channels apart from the verb: « Par courriel ou téléphone, nous
vous invitons à interpeller le chef de l'État », « Par téléphone ou par lettre, interpellez la
ministre de la Santé ».

The verb (« interpeller », « contacter », « joindre ») says neither write nor call; the channels
stand in front, so each one the sentence names is an action to the official named after the
verb: a letter for « courriel / lettre / courrier », a call for « téléphone ». Words between
the verb and the official (« avec détermination et respect ») do not break the link, as they do
for `fr_letters.detect_to_targets`, which reads the official right after the verb.
"""

from __future__ import annotations

from . import folding
from .context import DocumentContext
from .fr_stance import assess
from .stance import REPORTED
from .targets import find_targets
from .text import Span
from .types import CALL, LETTER_TO_TARGETS, MP, CallToAction, Evidence

_CHANNEL = r"(?:courriels?|e-?mails?|mails?|lettres?|courriers?|téléphone|appels?)"
_CHANNELS_RE = folding.compile(
    rf"(?i)^\W*par\s+(?P<channels>{_CHANNEL}(?:\s*(?:,|ou|et|/)\s*(?:par\s+)?{_CHANNEL})+)\s*,"
)
_VERB_RE = folding.compile(r"(?i)\b(?P<verb>interpell(?:ez|er)|contact(?:ez|er)|joign(?:ez|re))\b")
_PHONE_RE = folding.compile(r"(?i)téléphone|appels?")
_WRITTEN_RE = folding.compile(r"(?i)courriel|mail|lettre|courrier")


def detect(sentence: Span, context: DocumentContext) -> list[CallToAction]:
    """One action per channel named before the verb, to the officials named after it."""
    channels = _CHANNELS_RE.match(sentence.text)
    verb = _VERB_RE.search(sentence.text, channels.end()) if channels else None
    if not verb:
        return []
    stance = assess(sentence.text, verb.start("verb"), verb.end("verb"), news=context.news)
    if stance.label == REPORTED:
        return []
    start = sentence.start + verb.end()
    targets = tuple(
        target
        for target in find_targets(context.text, start, sentence.end, language="fr")
        if target.kind != MP and (target.role or target.name)
    )
    if not targets:
        return []
    kinds = []
    if _WRITTEN_RE.search(channels.group("channels")):
        kinds.append(LETTER_TO_TARGETS)
    if _PHONE_RE.search(channels.group("channels")):
        kinds.append(CALL)
    return [
        CallToAction(
            kind=kind,
            # Only whom: the page's demand is borrowed later (`borrowed_demands`).
            text=f"Contactez {targets[0].role or targets[0].name}",
            evidence=Evidence.of(context.text, sentence.start, sentence.end),
            confidence=stance.score,
            targets=targets,
        )
        for kind in kinds
    ]
