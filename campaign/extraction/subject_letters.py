"""Letters given as an email to send: a subject line and a body, with no salutation.

An email tool or a template to paste often shows the message as it will go out:

    Your email will automatically go to the Minister of the Environment and ...
    Message Email Subject: Protecting the lake
    Thank you for ... Please do not allow ...

or "use the template below ... The email for your MPP can be found at ..." above "SUBJECT LINE:
..." and the body. Without "Dear ..." `letter_body` sees no letter; here the subject line, with
the words above it saying the message is one to send, marks where it starts. It goes to the
reader's own representative when those words say so, else to the officials they name.
"""

from __future__ import annotations

import re

from .context import DocumentContext
from .targets import find_targets
from .text import lines
from .types import LETTER_TO_MP, LETTER_TO_TARGETS, MP, CallToAction, Evidence

# "Subject: ...", "SUBJECT LINE: ...", "Message Email Subject: ..." (a form's labels run together).
_SUBJECT_RE = re.compile(
    r"(?im)^[^\S\n]*(?:(?:message|e-?mail)[^\S\n]+)*subject(?:[^\S\n]+line)?[^\S\n]*:"
    r"[^\S\n]*(?P<subject>\S[^\n]*?)[^\S\n]*$"
)
# How far above the subject line the words presenting the message may be.
_INTRO_REACH = 800
# Words saying the message is one for the reader to send: a template, a tool that sends it,
# whom it will go to.
_TO_SEND_RE = re.compile(
    r"(?i)\b(?:template|(?:e-?mail|letter|action|message)\s+tool|(?:cut|copy)\s+and\s+paste|"
    r"will\s+(?:automatically\s+)?(?:be\s+sent|go)\s+to)\b"
)
_OWN_REPRESENTATIVE_RE = re.compile(
    r"(?i)\byour\s+(?:local\s+)?(?:MPP|MP|MLA|MNA|member\s+of\s+parliament|representative)\b"
)
# Where the message ends: a navigation bar or a run of blank lines.
_FOOTER_RE = re.compile(r"\S\s*\|\s*\S")
_MIN_WORDS = 30
_CONFIDENCE = 0.8


def subject_line_letters(
    actions: list[CallToAction], context: DocumentContext
) -> list[CallToAction]:
    """The messages shown under a subject line, when the words above present them as ones to
    send, as letters; only where no letter with a body was found already."""
    if any(a.letter_body for a in actions):
        return actions
    text = context.text
    found = []
    for subject in _SUBJECT_RE.finditer(text):
        intro = text[max(0, subject.start() - _INTRO_REACH) : subject.start()]
        if not _TO_SEND_RE.search(intro):
            continue
        body = _body(text, subject.end())
        if len(body.split()) < _MIN_WORDS:
            continue
        evidence = Evidence.of(
            text,
            subject.start() + len(subject.group(0)) - len(subject.group(0).lstrip()),
            subject.end(),
        )
        if _OWN_REPRESENTATIVE_RE.search(intro):
            kind, targets = LETTER_TO_MP, ()
        else:
            targets = tuple(
                target
                for target in find_targets(text, subject.start() - len(intro), subject.start())
                if target.role and target.kind != MP
            )
            if not targets:
                continue
            kind = LETTER_TO_TARGETS
        if any(a.kind == kind and a.evidence.overlaps(evidence) for a in actions):
            continue
        found.append(
            CallToAction(
                kind=kind,
                text=subject.group("subject"),
                evidence=evidence,
                confidence=_CONFIDENCE,
                targets=targets,
                letter_body=body,
            )
        )
    return actions + found


def _body(text: str, after: int) -> str:
    """The paragraphs after the subject line, up to a run of blank lines or a footer."""
    kept: list[str] = []
    blank_run = 0
    for line in lines(text[after : after + 8000])[1:]:
        stripped = line.text.strip()
        if not stripped:
            blank_run += 1
            if blank_run > 2 and kept:
                break
            continue
        if _FOOTER_RE.search(stripped) and len(stripped.split()) < 15:
            break
        if kept and blank_run:
            kept.append("")
        blank_run = 0
        kept.append(stripped)
    return "\n".join(kept).strip()
