"""Turning matched clauses into the short plain-words `text` of an action."""

from __future__ import annotations

import re

from .text import CAPITALISED, collapse

# "(contact info here)", "(click here)" and similar link leftovers from scraped pages.
_LINK_PAREN_RE = re.compile(r"\s*\((?:[^()]*\b(?:here|link|info|click|below)\b[^()]*)\)", re.I)
_CONTACT_PAREN_RE = re.compile(r"\s*\([^()]*(?:@|\d{3}[\s.-]\d{4})[^()]*\)")
_FILLER_RE = re.compile(
    r"^(?:(?:immediately|urgently|now|quickly|finally|also|please)\s+)*"
    r"(?:take\s+(?:(?:immediate|urgent|concrete|swift|decisive|real|meaningful)\s+)?"
    r"(?:steps|action|measures)\s+(?:(?:now|immediately|today|urgently)\s+)?to\s+)?",
    re.I,
)
# Where a demand clause stops: a new clause with its own subject ("..., and we ...").
_CLAUSE_END_RE = re.compile(
    r"(?:[;]|,?\s+(?:and|but|while|as|because)\s+(?:we|I|you|they|he|she|it|this|that)\b"
    rf"|,\s+{CAPITALISED}\s+(?:[\w'\u2019-]+\s+){{0,3}}?"
    r"(?:have|has|had|are|is|was|were|will|would|can)\b"
    r"|\.\s|\s[\u2013\u2014]\s)"
)


def strip_links(text: str) -> str:
    """Remove parenthesised link leftovers and contact details from a clause."""
    return _CONTACT_PAREN_RE.sub("", _LINK_PAREN_RE.sub("", text))


def finish(text: str) -> str:
    """Collapse whitespace and drop trailing punctuation and quote marks."""
    text = collapse(text)
    return re.sub(r"[\s.,;:!?\"'\u201d\u2019)]+$", "", text).strip()


def demand(text: str) -> str:
    """Tidy a demand clause: 'immediately take steps now to issue visas and to help X'
    -> 'issue visas and help X'."""
    text = strip_links(text)
    cut = _CLAUSE_END_RE.search(text)
    if cut:
        text = text[: cut.start()]
    text = finish(text)
    tidied = _FILLER_RE.sub("", text, count=1)
    # "immediately take steps to rescue them" keeps its filler: "rescue them" says too little.
    if len(tidied.split()) >= 4:
        text = tidied
    # Parallel infinitives read better without the repeated "to" in a bare-verb demand.
    text = re.sub(r"\s+and\s+to\s+(?=[a-z])", " and ", text)
    return text


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
