"""Naming the bill a drafted ask points back to, in English and French.

"... to vote against this Bill" or « ... voter contre ce projet de loi » is read without the
document around it once drafted: in a document about one bill (Bill C-257, « le projet de loi
C-510 », « la proposition de loi « relative à la sécurité globale » »), the ask names it. One
mechanism; each language gives how its documents name a bill and point back to it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from .types import CallToAction


@dataclasses.dataclass(frozen=True)
class _Forms:
    """How one language names a bill and points back to it."""

    # A bill's name as the document gives it; the name is the `name` group.
    named: tuple[re.Pattern[str], ...]
    # Words that point back to the document's bill without naming it.
    this: re.Pattern[str]
    # The words pointing back, rewritten to name it.
    write: Callable[[re.Match[str], str], str]
    # Whether talking points are named too, not only the ask.
    points: bool


_ENGLISH = _Forms(
    named=(re.compile(r"\b(?P<name>Bill\s+(?:[A-Z]{1,2}-?)?\d{1,4})\b"),),
    # "this Bill" points back; "the bill" may be any bill, and "the Bill C-332" names it already.
    this=re.compile(r"(?i)\bthis\s+bill\b(?!\s+(?:[A-Z]{1,2}-?)?\d)"),
    write=lambda match, name: name,
    points=False,
)
_FRENCH = _Forms(
    named=(
        # Where the document introduces it: « une proposition de loi présentée par ... « relative
        # à la sécurité globale » », « le projet de loi dit de « ... » ».
        re.compile(
            r"(?i)\b(?:proposition|projet)\s+de\s+loi\b[^«».!?\n]{0,80}?"
            r"(?P<name>\u00ab[^»\n]{3,80}\u00bb)"
        ),
        # « le projet de loi C-510 », « le projet de loi no 52 ».
        re.compile(
            r"(?i)\bprojet\s+de\s+loi\s+(?:n[o°º]\.?\s*)?(?P<name>(?-i:[A-Z]{1,2})-\d{1,4}|\d{1,4})\b"
        ),
    ),
    # « cette proposition de loi », « ce projet de loi »: points back to the document's bill.
    this=re.compile(
        r"(?i)\b(?:cette\s+proposition|ce\s+projet)\s+de\s+loi\b"
        r"(?!\s*(?:n[o°º]\b|\u00ab|(?-i:[A-Z]{1,2})-\d|\d))"
    ),
    write=lambda match, name: f"{match.group(0)} {name}",
    points=True,
)
_FORMS = {"en": _ENGLISH, "fr": _FRENCH}


def name_the_bill(
    actions: list[CallToAction], text: str, *, language: str = "en"
) -> list[CallToAction]:
    """Each ask pointing back to "this bill" names it, when `text` names exactly one."""
    forms = _FORMS[language]
    names = {
        re.sub(r"\s+", " ", match.group("name"))
        for pattern in forms.named
        for match in pattern.finditer(text)
    }
    if len({name.casefold() for name in names}) != 1:
        return actions
    name = min(names)

    def named(said: str) -> str:
        if name in said or not forms.this.search(said):
            return said
        return forms.this.sub(lambda match: forms.write(match, name), said)

    return [
        dataclasses.replace(
            a,
            text=named(a.text),
            talking_points=tuple(map(named, a.talking_points))
            if forms.points
            else a.talking_points,
        )
        for a in actions
    ]
