"""Finding organisation names ("Canadian Centre for Gender & Sexual Diversity", "Rainbow Railroad").

Organisations are written as runs of capitalised words, possibly joined by "of", "for", "&",
"and" or "the". Without a gazetteer we cannot tell every such run from a person's name, so
callers combine these helpers with context: the object of "donate to", the subject of a
fundraising sentence, or a name containing a typical organisation word.
"""

from __future__ import annotations

import re
from collections import Counter

from .text import WRAPPED_SPACE, Span

# "St. Andrew's Food Cupboard": a few abbreviations keep their full stop inside a name.
_WORD = r"(?:(?:St|Ste|Mt|Ft)\.(?=\s+[A-Z])|[A-Z][\w'\u2019+-]*)"
ORG_RE = re.compile(
    rf"(?<![\w'\u2019]){_WORD}"
    rf"(?:{WRAPPED_SPACE}(?:(?:of|for|and|&|the|de|du|des|la|le){WRAPPED_SPACE})*{_WORD})*"
)
# Capitalised words that start sentences or clauses rather than names.
_LEADING_NOISE = frozenset(
    [
        "the",
        "a",
        "an",
        "as",
        "this",
        "that",
        "these",
        "those",
        "our",
        "your",
        "we",
        "in",
        "for",
        "if",
        "and",
        "but",
        "so",
        "please",
        "then",
        "since",
        "with",
        "from",
        "at",
        "on",
        "by",
        "to",
        "of",
        "it",
        "its",
        "their",
        "his",
        "her",
        "they",
        "you",
        "i",
        "also",
        "both",
        "such",
        "all",
    ]
)
_ORG_WORDS = re.compile(
    r"\b(?:Centre|Center|Network|Foundation|Fund|Society|Association|International|Watch|"
    r"Council|Coalition|Alliance|Campaign|Trust|Project|Institute|Organi[sz]ation|Committee|"
    r"League|Union|Federation|Services|Initiative|Action|Amnesty|Rights|Church|Charity|"
    r"Partners|Collective|Railroad|Relief|Aid|Rescue|Refuge|Shelter|Inc|Ltd|Group|Movement)\b"
)
_SHOUTED_WORDS = frozenset(
    [
        "urgent",
        "breaking",
        "update",
        "new",
        "news",
        "alert",
        "act",
        "now",
        "today",
        "donate",
        "help",
        "stop",
        "free",
        "save",
        "join",
        "sign",
        "take",
        "action",
        "please",
        "the",
        "and",
        "for",
        "you",
        "we",
        "our",
        "appeal",
        "emergency",
        "crisis",
    ]
)
_TITLED_PERSON_RE = re.compile(
    r"(?:Mayor|Minister|Premier|Councill?or|President|Senator|Chief|Dr|Mr|Mrs|Ms|Rev|Hon|"
    r"Prime\s+Minister|Executive\s+Director)\b"
)
_FUNDRAISING_RE = re.compile(
    r"(?i:\b(?:rais(?:e|es|ing)\s+(?:funds|money)|collect(?:s|ing)?\s+(?:funds|money|donations)|"
    r"fundrais\w*|donat\w+|tax[- ]receipt\w*|"
    r"gifts?)\b)"
)


def clean_org(name: str) -> str:
    """Strip leading function words ('The', 'As') and a trailing possessive from a name."""
    words = name.split()
    while words and words[0].casefold() in _LEADING_NOISE:
        words.pop(0)
    while words and words[-1].casefold() in {"of", "for", "and", "&", "the", "de", "la"}:
        words.pop()
    if words:
        words[-1] = re.sub(r"['\u2019]s$", "", words[-1])
    return " ".join(words)


def org_at(text: str) -> str:
    """The organisation name at the very start of `text` ('Rainbow Railroad, a charity...')."""
    match = ORG_RE.match(text.lstrip())
    return clean_org(match.group(0)) if match else ""


def is_org_like(name: str) -> bool:
    """True for names that look like organisations rather than people or places."""
    words = name.split()
    if not words:
        return False
    if _ORG_WORDS.search(name):
        return True
    # Acronyms: UNICEF, HRC - but not shouted headline words.
    return (
        len(words) == 1
        and len(name) >= 3
        and name.isupper()
        and name.casefold() not in _SHOUTED_WORDS
    )


def find_orgs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Candidate organisation names in `text[start:end]` (cleaned; value in Span.text)."""
    end = len(text) if end is None else end
    found = []
    for match in ORG_RE.finditer(text, start, end):
        name = clean_org(match.group(0))
        if not name:
            continue
        offset = match.start() + match.group(0).find(name.split()[0])
        found.append(Span(offset, offset + len(name), name))
    return found


def subject_org(clause: str) -> str:
    """The organisation that is the subject of `clause`, if it starts with one.

    'As such, the Canadian Centre for X is encouraging ...' -> 'Canadian Centre for X'.
    """
    match = re.search(
        rf"(?:^|[,;:]\s*|\b(?:the|The)\s+)(?P<org>{ORG_RE.pattern})\s+(?:\w+\s+){{0,2}}?"
        r"(?:is|are|has|have|will|also|today|now|(?:\w+(?:es|s)))\b",
        clause,
    )
    if not match:
        return ""
    name = clean_org(match.group("org"))
    if _TITLED_PERSON_RE.match(name):
        return ""  # "Mayor Paul Lefebvre is urging ..." - a person, not an organisation
    if len(name.split()) >= 2 or is_org_like(name):
        return name
    return ""


def _spelling_key(name: str) -> tuple[str, ...]:
    # Letters of each word, sorted: "Diveristy" and "Diversity" share a key, so a typo in one
    # mention does not split an organisation in two.
    return tuple("".join(sorted(word.casefold())) for word in name.split())


class OrgIndex:
    """Organisation names mentioned in a document, with counts and canonical spellings."""

    def __init__(self, text: str, sentences: list[Span]) -> None:
        self._spellings: dict[tuple[str, ...], Counter[str]] = {}
        for span in find_orgs(text):
            if len(span.text.split()) >= 2 or is_org_like(span.text):
                self._spellings.setdefault(_spelling_key(span.text), Counter())[span.text] += 1
        self._fundraisers = []
        for sentence in sentences:
            if _FUNDRAISING_RE.search(sentence.text):
                org = subject_org(sentence.text)
                if org:
                    self._fundraisers.append(self.canonical(org))

    def canonical(self, name: str) -> str:
        """The most frequent spelling of `name` in the document."""
        spellings = self._spellings.get(_spelling_key(name))
        if not spellings:
            return name
        return max(spellings.items(), key=lambda item: (item[1], item[0] == name))[0]

    def count(self, name: str) -> int:
        spellings = self._spellings.get(_spelling_key(name))
        return sum(spellings.values()) if spellings else 0

    def fundraiser(self) -> str:
        """The organisation that raises money in this document, or the most-mentioned one."""
        if self._fundraisers:
            return Counter(self._fundraisers).most_common(1)[0][0]
        best, best_count = "", 0
        for counter in self._spellings.values():
            name = counter.most_common(1)[0][0]
            total = sum(counter.values())
            if is_org_like(name) and total > best_count:
                best, best_count = name, total
        return best
