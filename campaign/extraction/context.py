"""What every detector may know about the whole document, computed once."""

from __future__ import annotations

from dataclasses import dataclass

from .orgs import OrgIndex
from .text import Span


@dataclass(frozen=True)
class DocumentContext:
    text: str
    sentences: tuple[Span, ...]
    orgs: OrgIndex
    # The organisation the document raises money for; its own asks in the third person
    # ("The Centre calls on ...") count as the author's asks.
    main_org: str = ""
    # A news report: appeals it mentions are reported, not made (stance.looks_like_news).
    news: bool = False
    # The language the document is read in: "en" or "fr" (see `language`).
    language: str = "en"
