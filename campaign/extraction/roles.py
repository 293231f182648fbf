"""Official roles: 'Minister of Immigration, Refugees and Citizenship', 'Russian Ambassador'.

Roles are runs of capitalised words around a title word. They are joined by spaces, except that
a hard-wrapped line may go on after a connector ("the Minister of\nImmigration"), so the name on
the line above a role in a contact block and the label below it stay out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import CAPITALISED as _CAP

# After "of", "and" ... a hard-wrapped line may go on ("the Minister of\nImmigration").
from .text import WRAPPED_SPACE as _WRAP
from .types import DIPLOMAT, HEAD_OF_GOVERNMENT, MINISTER, MP, OTHER

_CONNECTOR = r"(?:and|&|of|for|the|de|des|du|la)"
# Words that start a new role rather than continue a department name ("... Affairs and the Prime
# Minister" must not swallow the Prime Minister).
_ROLE_WORD = (
    r"(?:Prime|Minister|Ambassador|President|Premier|Secretary|Consul|Senator|Mayor|High|"
    r"Deputy|Governor|Chancellor|Member|MP|MPP|MLA|Representative|Commissioner|Attorney)\b"
)
# Role words are joined by spaces, not line breaks: in a contact block the line above a role is a
# name ("Hon. Jane Doe") and the line below a label ("Phone: ...").
_SP = r"[^\S\r\n]+"
_NEW_ROLE = rf"(?:the{_SP})?{_ROLE_WORD}"
_DEPARTMENT = rf"(?:the{_SP})?{_CAP}(?:{_SP}(?:{_CONNECTOR}{_WRAP})*(?!{_NEW_ROLE}){_CAP})*"
_DEPARTMENTS = (
    rf"{_DEPARTMENT}(?:(?:[^\S\r\n]*,{_WRAP}?(?!{_NEW_ROLE}){_DEPARTMENT})*,?{_WRAP}(?:and|&){_WRAP}"
    rf"(?!{_NEW_ROLE}){_DEPARTMENT})?"
)
_TITLE_OF = (
    r"(?:(?:Deputy|Associate|Assistant|Acting|Federal|Provincial|Shadow)\s+)?"
    r"(?:Minister(?:\s+of\s+State)?|Secretary(?:\s+of\s+State)?|Secretary-General|Ambassador|"
    r"High\s+Commissioner|Consul(?:\s+General)?|Commissioner|Director(?:\s+General)?|"
    r"President|Governor|Premier|Mayor|Chair(?:person)?|Critic|Head|Chief(?:\s+Justice)?)"
)
ROLE_PATTERNS = (
    # "Minister of Immigration, Refugees and Citizenship", "Ambassador to Canada"
    re.compile(rf"\b{_TITLE_OF}{_SP}(?:of|for|to|at){_WRAP}{_DEPARTMENTS}"),
    # "Ambassador of Iran to Canada": a diplomat of one country posted to another.
    re.compile(
        rf"\b(?:Ambassador|High{_SP}Commissioner|Consul(?:{_SP}General)?){_SP}of{_WRAP}{_CAP}"
        rf"(?:{_SP}{_CAP})*{_SP}to{_WRAP}(?:the{_SP})?{_CAP}(?:{_SP}{_CAP})*"
    ),
    # "Foreign Affairs Minister", "Russian Ambassador", "Deputy Prime Minister"
    re.compile(
        r"\b(?:(?!(?:Email|E-mail|Write|Contact|Call|Phone|Send|Tell|Ask|Urge|Dear|The|Our|Your|"
        r"Please|Hon|Honourable|Mr|Ms|Mrs|Dr|And|Or|To|His|Her|Excellency)\b)"
        rf"{_CAP}[^\S\r\n]+){{1,3}}?"
        r"(?:Minister|Ambassador|High\s+Commissioner|Consul(?:\s+General)?|Secretary|Critic)\b"
    ),
    re.compile(
        r"\b(?:(?:Deputy\s+)?Prime\s+Minister|Vice[- ]President|President|Premier|Chancellor|"
        r"Governor(?:\s+General)?|Mayor|Senator|Members?\s+of\s+Parliament|MPP|MLA|MNA|MP|"
        r"Congress(?:wo)?man|Representative|Councillor|Attorney\s+General|Minister|Ambassador|"
        r"High\s+Commissioner|Consul(?:\s+General)?|Chargé\s+d['\u2019]affaires)\b"
    ),
)


@dataclass(frozen=True)
class Found:
    """Something recognised in the text, with its absolute offsets."""

    start: int
    end: int
    value: str


def classify_role(role: str) -> str:
    """Map a role to a target kind: minister, head_of_government, diplomat, mp or other."""
    lowered = role.casefold()
    if re.search(r"ambassador|high commissioner|consul|charg|embassy|envoy|diplomat", lowered):
        return DIPLOMAT
    if "prime minister" in lowered and "deputy" not in lowered:
        return HEAD_OF_GOVERNMENT
    if re.search(r"\bpremier\b|chancellor|first minister|taoiseach", lowered):
        return HEAD_OF_GOVERNMENT
    if re.fullmatch(r"(vice[- ])?president(\s+of\s+.*)?", lowered):
        return HEAD_OF_GOVERNMENT if not lowered.startswith("vice") else OTHER
    if re.search(r"minister|secretary of state|attorney general", lowered):
        return MINISTER
    if re.search(
        r"\bmpp?s?\b|\bmla\b|\bmna\b|member of parliament|members of parliament|senator|"
        r"congress|representative",
        lowered,
    ):
        return MP
    return OTHER


# Words that end a department's name, never a person's.
_DEPARTMENT_WORDS = frozenset(
    [
        "canada",
        "change",
        "affairs",
        "development",
        "services",
        "resources",
        "security",
        "safety",
        "health",
        "justice",
        "environment",
        "trade",
        "finance",
        "labour",
        "labor",
        "defence",
        "defense",
        "transport",
        "education",
        "housing",
        "infrastructure",
        "industry",
        "innovation",
        "energy",
        "fisheries",
        "oceans",
        "agriculture",
        "heritage",
        "citizenship",
        "immigration",
        "relations",
        "revenue",
        "treasury",
        "board",
    ]
)


def _without_trailing_name(role: str) -> str:
    """'Minister of Labour David Piccini' -> 'Minister of Labour'.

    A department is one or two capitalised words between connectors ("Public Safety",
    "Immigration, Refugees and Citizenship"); three or more in a row end with a person's name.
    """
    last = re.search(
        rf"(?:^|\b(?:of|for|and|to|at|the)\s+|,\s*)((?:{_CAP}[^\S\r\n]+){{2,}}{_CAP})$", role
    )
    if not last or not re.search(r"\bof\b", role):
        return role
    if set(last.group(1).casefold().split()[-2:]) & _DEPARTMENT_WORDS:
        return role  # "... and Climate Change Canada": the department goes on, nobody is named
    keep = max(1, len(last.group(1).split()) - 2)
    kept = re.match(rf"{_CAP}(?:[^\S\r\n]+{_CAP}){{{keep - 1}}}", last.group(1))
    return role[: last.start(1) + kept.end()]


def find_roles(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """All official roles in `text[start:end]`; overlapping candidates resolve to the longest."""
    end = len(text) if end is None else end
    candidates = []
    for pattern in ROLE_PATTERNS:
        for match in pattern.finditer(text, start, end):
            # "the Minister", "Canada's Minister of Foreign Affairs": the role is "Minister ...".
            value = re.sub(r"^(?:the\s+|[A-Z][\w-]*['\u2019]s\s+)", "", match.group(0))
            offset = match.end() - len(value)
            value = _without_trailing_name(value)
            candidates.append(Found(offset, offset + len(value), re.sub(r"\s+", " ", value)))
    return merge_overlapping(text, candidates)


def merge_overlapping(text: str, candidates: list[Found]) -> list[Found]:
    """Overlapping candidates are parts of one role: "Saudi Ambassador" + "Ambassador to Canada"
    -> "Saudi Ambassador to Canada". The one starting first is extended as far as either goes
    (shared by `fr_roles.find_roles`); sorts `candidates` in place."""
    candidates.sort(key=lambda found: (found.start, -found.end))
    merged: list[Found] = []
    for candidate in candidates:
        if merged and candidate.start < merged[-1].end:
            last = merged[-1]
            if candidate.end > last.end:
                value = re.sub(r"\s+", " ", text[last.start : candidate.end])
                merged[-1] = Found(last.start, candidate.end, value)
            continue
        merged.append(candidate)
    return merged
