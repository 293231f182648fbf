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
        # A mailing's subject-line tags ("RESEND: MPs are back"), not an acronym.
        "resend",
        "fwd",
        "reminder",
        "correction",
        "reply",
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
    # Acronyms: UNICEF, HRC - but not shouted headline words, nor codes with digits
    # ("COVID-19", "C-22"), which name a disease or a bill.
    return (
        len(words) == 1
        and len(name) >= 3
        and name.isupper()
        and not any(c.isdigit() for c in name)
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
        # Mentions that name the organisation as the document's own: in the title (first
        # line) or the copyright/footer line, or as the subject of what it does.
        self._own: Counter[tuple[str, ...]] = Counter()
        # Mentions that name a parent, partner or network the asking organisation belongs to.
        self._parent: Counter[tuple[str, ...]] = Counter()
        title_end = _title_end(text)
        for span in find_orgs(text):
            if len(span.text.split()) >= 2 or is_org_like(span.text) or _abbreviated(span.text):
                key = _spelling_key(span.text)
                self._spellings.setdefault(key, Counter())[span.text] += 1
                line = _line_at(text, span.start)
                if span.start < title_end or _FOOTER_RE.search(line) or _acts(text, span.end):
                    self._own[key] += 1
                if _PARENT_RE.search(text[max(0, span.start - 40) : span.start]):
                    self._parent[key] += 1
        # What an organisation launched ("X launched an initiative called the Y Fund (YF)")
        # is its programme: money given to it goes to X.
        self._programmes: set[tuple[str, ...]] = set()
        for match in _LAUNCHED_RE.finditer(text):
            for name in (match.group("name"), match.group("short") or ""):
                if name.strip():
                    self._programmes.add(_spelling_key(clean_org(name) or name))
        self._fundraisers = []
        for sentence in sentences:
            if _FUNDRAISING_RE.search(sentence.text):
                org = subject_org(sentence.text) or _self_funded(sentence.text)
                if org:
                    self._fundraisers.append(self.canonical(org))

    def canonical(self, name: str) -> str:
        """The most frequent spelling of `name` in the document, written in full when the
        document also gives the longer name it is short for ("Legacy Fund" -> "Legacy Fund for
        the Environment")."""
        spellings = self._spellings.get(_spelling_key(name))
        if spellings:
            name = max(spellings.items(), key=lambda item: (item[1], item[0] == name))[0]
        return self._full(name)

    def count(self, name: str) -> int:
        spellings = self._spellings.get(_spelling_key(name))
        return sum(spellings.values()) if spellings else 0

    def names(self) -> list[str]:
        """Each organisation's most frequent spelling."""
        return [counter.most_common(1)[0][0] for counter in self._spellings.values()]

    def fundraiser(self) -> str:
        """The organisation that raises money in this document, or else the document's own
        organisation: the most-mentioned one, counting short forms of its name ("FoE" for "FoE
        Canada"), with a bonus for the title, the footer and acting as a subject; never a
        political party, nor a network the text names the organisation a member of."""
        if self._fundraisers:
            return Counter(self._fundraisers).most_common(1)[0][0]
        scores: Counter[str] = Counter()
        for key, counter in self._spellings.items():
            name = self._full(counter.most_common(1)[0][0])
            total = sum(counter.values())
            if _PARTY_RE.search(name) or _ROLE_RE.match(name) or self._parent[key] >= total:
                continue
            if key in self._programmes or _spelling_key(name) in self._programmes:
                continue
            if not (is_org_like(name) or _abbreviated(name)):
                continue
            scores[name] += total + self._own[key]
        # A short form counts for the one longer name it starts ("FoE" -> "FoE Canada").
        for name in list(scores):
            longer = [other for other in scores if other.startswith(name + " ")]
            if len(longer) == 1:
                scores[longer[0]] += scores.pop(name)
        best = max(scores.items(), key=lambda item: item[1], default=None)  # first among equals
        return best[0] if best else ""

    def _full(self, name: str) -> str:
        """The longer name the document gives that goes on from `name` with "of", "for" ...,
        when there is only one: "Legacy Fund" -> "Legacy Fund for the Environment"."""
        longer = {
            other
            for other in self.names()
            if re.match(rf"{re.escape(name)}\s+(?:of|for|and|&|de|du|des)\s", other)
        }
        return longer.pop() if len(longer) == 1 else name


# Abbreviations in mixed case ("FoE"), or in capitals leading a name ("CARE Canada").
_MIXED_ACRONYM_RE = re.compile(r"[A-Z](?:[a-z]?[A-Z])*[a-z][A-Z]\b")
_CAPITALS_RE = re.compile(r"[A-Z]{3,}\b")
_ROLE_RE = re.compile(r"(?:MPP|MLA|MNA|MHA|CEO|CFO|MEP)s?\b")
_PARTY_RE = re.compile(
    r"\b(?:Party|NDP|Liberals?|Conservatives?|Tory|Tories|Greens|Bloc|GOP|Democrats?|"
    r"Republicans?)\b"
)
# "a member of the Friends of the Earth International team", "in partnership with X".
_PARENT_RE = re.compile(
    r"(?i)\b(?:members?|part|affiliates?|chapters?|partners?|partnership|section)\s+"
    r"(?:of|with)\s+(?:the\s+)?$"
)
_LAUNCHED_RE = re.compile(
    r"(?i:\b(?:launched|created|founded|established|set\s+up|started)\s+"
    r"(?:an?\s+|the\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,4}?(?:called|named|known\s+as)\s+"
    r"(?:the\s+)?)(?P<name>(?:[A-Z][\w'\u2019-]*\s+){0,4}[A-Z][\w'\u2019-]*)"
    r"(?:\s+\((?P<short>[A-Z]{2,6})\))?"
)
_FOOTER_RE = re.compile(
    r"(?i)\u00a9|\(c\)|\bcopyright\b|\ball\s+rights\s+reserved\b|^\W*about\s+us\b"
)
# "FoE Canada can bring ...", "Ecojustice is using ...": the organisation acting.
_ACTS_RE = re.compile(
    r"\s+(?:also\s+)?(?:can|could|will|would|is|are|has|have|works?|wishes|helps?|fights?|"
    r"supports?|provides?|brings?|runs?|funds?|finances?)\b"
)
# "Leadnow is sustained by thousands of small donations", "Ecojustice relies on donors".
_SELF_FUNDED_RE = re.compile(
    r"^\W*(?:The\s+)?(?P<org>[A-Z][\w'\u2019-]+)\s+(?:is|are)\s+(?:\w+ly\s+)?"
    r"(?:sustained|funded|supported|powered|made\s+possible)\s+by\b|"
    r"^\W*(?:The\s+)?(?P<org2>[A-Z][\w'\u2019-]+)\s+(?:relies|depends|counts)\s+(?:\w+ly\s+)?on\b"
)


def _abbreviated(name: str) -> bool:
    """'FoE', 'FoE Canada', 'CARE Canada': a name that is or starts with an abbreviation."""
    first = name.split()[0]
    if _MIXED_ACRONYM_RE.fullmatch(first):
        return True
    return (
        len(name.split()) >= 2
        and bool(_CAPITALS_RE.fullmatch(first))
        and first.casefold() not in _SHOUTED_WORDS
    )


def _self_funded(sentence: str) -> str:
    match = _SELF_FUNDED_RE.search(sentence)
    if not match:
        return ""
    name = match.group("org") or match.group("org2")
    return "" if name.casefold() in _LEADING_NOISE else name


def _acts(text: str, end: int) -> bool:
    return bool(_ACTS_RE.match(text, end))


def _title_end(text: str) -> int:
    """End of the document's first non-empty line."""
    stripped = len(text) - len(text.lstrip())
    newline = text.find("\n", stripped)
    return len(text) if newline < 0 else newline


def _line_at(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start : len(text) if end < 0 else end]
