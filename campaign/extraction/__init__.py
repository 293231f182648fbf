"""Finding the calls to action in advocacy documents, each traced back to its evidence.

Pure Python (no Django): give it the UTF-8 text of a news article, an NGO appeal or a plain
text, get back petitions, letters, calls and donation appeals with the quoted sentence that
supports each, and a confidence score. Actions below LOW_CONFIDENCE are likely reported speech
or news rather than the author's ask and must be shown as such.

    >>> from campaign.extraction import extract_document
    >>> document = extract_document(text)
    >>> [action.kind for action in document.actions]
"""

from .pipeline import extract_actions, extract_document
from .title import extract_date, extract_title
from .types import (
    CALL,
    DONATE,
    LETTER_TO_MP,
    LETTER_TO_TARGETS,
    LOW_CONFIDENCE,
    PETITION,
    CallToAction,
    Evidence,
    ExtractedDocument,
    Target,
)

__all__ = [
    "CALL",
    "DONATE",
    "LETTER_TO_MP",
    "LETTER_TO_TARGETS",
    "LOW_CONFIDENCE",
    "PETITION",
    "CallToAction",
    "Evidence",
    "ExtractedDocument",
    "Target",
    "extract_actions",
    "extract_date",
    "extract_document",
    "extract_title",
]
