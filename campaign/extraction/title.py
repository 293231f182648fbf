"""Document title and publication date.

Scraped pages start with navigation junk ("Home World <title>", "Pin It", "Now Reading"). The
title is usually repeated (page header and article header, sometimes glued to breadcrumbs), so
a line seen twice wins; otherwise the first headline-like line.
"""

from __future__ import annotations

import datetime
import re

from .text import LIST_ITEM_RE, collapse

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PATTERNS = (
    re.compile(rf"(?i)\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"(?i)\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
)


def _words(line: str) -> int:
    return len(re.findall(r"[\w\u2019']+", line))


# Accessibility links and page furniture that scraped pages start with.
_CHROME_RE = re.compile(
    r"(?i)^(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|menu)|"
    r"(?:main\s+)?menu|search|(?:sign|log)\s+in|toggle\s+navigation)\W*$"
)


def _is_menu(line: str) -> bool:
    # "Home | About | Campaigns | Donate", "Skip to main content": site navigation, never the
    # title.
    return line.count(" | ") >= 2 or bool(_CHROME_RE.match(line))


def _is_body_sentence(line: str) -> bool:
    # Titles rarely end with a full stop or a colon, or contain several sentences.
    ending = line.rstrip("\"'\u201d\u2019)] ")
    return (
        len(line) > 200
        or ending.endswith((".", ":"))
        or bool(re.search(r"[.!?]\s+[A-Z]", line))
        or bool(LIST_ITEM_RE.match(line))
    )


def _repeats(line: str, other: str) -> bool:
    """True when `other` is `line` or carries it glued to breadcrumbs or to the next paragraph."""
    if other == line or other.endswith(" " + line):
        return True
    # "Emergency in chechnyaThe Centre ..." - the title run into the first paragraph.
    return len(other) > len(line) and other.casefold().startswith(line.casefold())


def extract_title(text: str) -> str:
    """The document's title; see the module docstring for the heuristics."""
    candidates = [collapse(line) for line in text.splitlines()]
    candidates = [line for line in candidates if line and not _is_menu(line)]
    if not candidates:
        return ""
    for line in candidates:
        if _words(line) < 3 or _is_body_sentence(line):
            continue
        seen = sum(1 for other in candidates if _repeats(line, other))
        if seen >= 2:
            return line
    # Otherwise the first headline-like line before the body starts (later short lines are
    # subheadings, captions and address blocks).
    for line in candidates:
        if _is_body_sentence(line):
            break
        # "PHARMACARE NOW": a shouted two-word headline is a title too.
        if _words(line) >= 3 or (_words(line) == 2 and line.isupper()):
            return line
    return candidates[0]


def extract_date(text: str) -> datetime.date | None:
    """The first valid date written in the document ('April 20, 2017', '2017-04-20', ...)."""
    found: list[tuple[int, datetime.date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match.group("month")
            month_number = int(month) if month.isdigit() else _MONTHS[month.casefold()]
            try:
                date = datetime.date(
                    int(match.group("year")), month_number, int(match.group("day"))
                )
            except ValueError:
                continue
            found.append((match.start(), date))
            break
    return min(found)[1] if found else None
