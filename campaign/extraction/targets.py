"""Recognising the people an action is aimed at: roles, names, emails, phones, postal addresses.

`find_targets` reads a region of text ("the Minister of Foreign Affairs (x@y), the Prime
Minister (z@w)") and pairs every contact detail with the role or name written just before it.
An organisation's own contact details ("email us at ...") are never targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import DIPLOMAT, HEAD_OF_GOVERNMENT, MINISTER, MP, OTHER, Target

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
PHONE_RE = re.compile(
    r"(?<![\w+])(?:"
    # North American: 613-992-4211, (613) 992-4211, 1-800-555-0199, +1 613 992 4211
    r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    # International: +44 20 7219 3000
    r"|\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}"
    r")(?:\s*(?:ext\.?|x)\s*\d{1,5})?(?![\d-])"
)
POSTAL_CODE_RE = re.compile(
    # Canadian (K1A 0A6), US state + ZIP (DC 20500), UK (SW1A 0AA).
    r"\b(?:[ABCEGHJ-NPRSTVXY]\d[A-Z][ -]?\d[A-Z]\d"
    r"|(?:[A-Z]{2}|D\.C\.)\s+\d{5}(?:-\d{4})?"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2})\b"
)

_CAP = r"[A-Z][\w'\u2019-]*"
_CONNECTOR = r"(?:and|&|of|for|the|de|des|du|la)"
# Words that start a new role rather than continue a department name ("... Affairs and the Prime
# Minister" must not swallow the Prime Minister).
_ROLE_WORD = (
    r"(?:Prime|Minister|Ambassador|President|Premier|Secretary|Consul|Senator|Mayor|High|"
    r"Deputy|Governor|Chancellor|Member|MP|MPP|MLA|Representative|Commissioner|Attorney)\b"
)
# Role words are joined by spaces, not line breaks: in a contact block the line above a role is a
# name ("Hon. Jane Doe") and the line below a label ("Phone: ...").
_SP = r"[ \t\u00a0]+"
# After "of", "and" ... a hard-wrapped line may go on ("the Minister of\nImmigration").
_WRAP = r"(?:[ \t\u00a0]+|[ \t]*\n[ \t]*)"
_NEW_ROLE = rf"(?:the{_SP})?{_ROLE_WORD}"
_DEPARTMENT = rf"(?:the{_SP})?{_CAP}(?:{_SP}(?:{_CONNECTOR}{_WRAP})*(?!{_NEW_ROLE}){_CAP})*"
_DEPARTMENTS = (
    rf"{_DEPARTMENT}(?:(?:[ \t]*,[ \t]*(?!{_NEW_ROLE}){_DEPARTMENT})*,?{_SP}(?:and|&){_WRAP}"
    rf"(?!{_NEW_ROLE}){_DEPARTMENT})?"
)
_TITLE_OF = (
    r"(?:(?:Deputy|Associate|Assistant|Acting|Federal|Provincial|Shadow)\s+)?"
    r"(?:Minister(?:\s+of\s+State)?|Secretary(?:\s+of\s+State)?|Secretary-General|Ambassador|"
    r"High\s+Commissioner|Consul(?:\s+General)?|Commissioner|Director(?:\s+General)?|"
    r"President|Governor|Premier|Mayor|Chair(?:person)?|Critic)"
)
_ROLE_PATTERNS = (
    # "Minister of Immigration, Refugees and Citizenship", "Ambassador to Canada"
    re.compile(rf"\b{_TITLE_OF}{_SP}(?:of|for|to|at){_WRAP}{_DEPARTMENTS}"),
    # "Foreign Affairs Minister", "Russian Ambassador", "Deputy Prime Minister"
    re.compile(
        r"\b(?:(?!(?:Email|E-mail|Write|Contact|Call|Phone|Send|Tell|Ask|Urge|Dear|The|Our|Your|"
        r"Please|Hon|Honourable|Mr|Ms|Mrs|Dr|And|Or|To|His|Her|Excellency)\b)"
        r"[A-Z][\w'\u2019-]*[ \t\u00a0]+){1,3}?"
        r"(?:Minister|Ambassador|High\s+Commissioner|Consul(?:\s+General)?|Secretary|Critic)\b"
    ),
    re.compile(
        r"\b(?:(?:Deputy\s+)?Prime\s+Minister|Vice[- ]President|President|Premier|Chancellor|"
        r"Governor(?:\s+General)?|Mayor|Senator|Members?\s+of\s+Parliament|MPP|MLA|MNA|MP|"
        r"Congress(?:wo)?man|Representative|Councillor|Attorney\s+General|Minister|Ambassador|"
        r"High\s+Commissioner|Consul(?:\s+General)?|Chargé\s+d['\u2019]affaires)\b"
    ),
)

_HONORIFIC = (
    r"(?:The\s+Hon(?:ourable|\.)?|Hon(?:ourable|\.)|Right\s+Hon(?:ourable|\.)|"
    r"(?:His|Her)\s+Excellency|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Sen\.?)"
)
# "Joly", "LeBlanc", "McKenna", "O'Regan", "Mélanie".
_NAME_WORD = r"[A-Z][a-z\u00e0-\u00ff'\u2019-]+(?:[A-Z][a-z\u00e0-\u00ff]+)?"
_HONORIFIC_NAME_RE = re.compile(
    rf"\b{_HONORIFIC}\s+(?P<name>{_NAME_WORD}(?:[ \t]+[A-Z]\.)?(?:[ \t]+{_NAME_WORD}){{0,2}})"
)
# "Premier Ford", "Minister Sawhney": a surname straight after a title.
_SURNAME_RE = re.compile(rf"[ \t]+(?P<name>{_NAME_WORD})\b(?![ \t]+[A-Z])")
_TITLE_END_RE = re.compile(
    r"(?:Minister|Premier|Mayor|Ambassador|President|Senator|Councill?or|MPP|MLA|MNA|MP)$"
)
_PLAIN_NAME_RE = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:[ \t]+[A-Z]\.)?"
    rf"(?:[ \t]+(?:de[ \t]+|van[ \t]+|von[ \t]+)?{_NAME_WORD}){{1,2}})\b"
)
# Capitalised words that are never part of a person's name in this context.
_NOT_NAME_WORDS = frozenset(
    [
        "the",
        "house",
        "commons",
        "street",
        "avenue",
        "road",
        "ottawa",
        "ontario",
        "canada",
        "canadian",
        "government",
        "foreign",
        "affairs",
        "email",
        "e-mail",
        "phone",
        "call",
        "write",
        "contact",
        "send",
        "please",
        "office",
        "minister",
        "prime",
        "ambassador",
        "embassy",
        "parliament",
        "senate",
        "president",
        "premier",
        "russian",
        "american",
        "british",
        "federal",
        "provincial",
        "department",
        "ministry",
        "immigration",
        "tel",
        "fax",
        "mail",
        "address",
        "dear",
        "hon",
        "honourable",
        "sincerely",
    ]
)

# Parts of an email address that describe a mailbox rather than a person.
_GENERIC_MAILBOX_WORDS = frozenset(
    [
        "info",
        "contact",
        "contacts",
        "admin",
        "office",
        "mail",
        "email",
        "hello",
        "enquiries",
        "enquiry",
        "inquiries",
        "inquiry",
        "media",
        "press",
        "news",
        "web",
        "webmaster",
        "support",
        "help",
        "team",
        "general",
        "pm",
        "minister",
        "ministre",
        "secretary",
        "reception",
        "comms",
        "communications",
        "donate",
        "donations",
        "feedback",
        "no",
        "reply",
        "noreply",
        "consular",
        "embassy",
        "mp",
    ]
)

# Context showing a contact detail belongs to the organisation writing the document.
_ORG_CONTACT_RE = re.compile(
    r"(?i:\b(?:us|me|our\s+(?:office|team|staff|campaign|organi[sz]ation))\b\W*(?:at|on|via|by|:)?"
    r"\s*$|\b(?:media\s+(?:inquiries|enquiries|requests|contact)|"
    r"press\s+(?:inquiries|enquiries|contact)|(?:un)?subscrib\w*|newsletter|mailing\s+list|"
    r"volunteer\w*|feedback|questions?|(?:more\s+)?information|details|webmaster)\b"
    # What readers send to the organisation - as the thing sent, not earlier in the sentence
    # ("add your own story, and send it to premier@...").
    r"|\b(?:photos?|pictures?|images?|videos?|stor(?:y|ies)|testimon\w+|tips?)\b[^,;]{0,60}$)"
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


def find_roles(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """All official roles in `text[start:end]`; overlapping candidates resolve to the longest."""
    end = len(text) if end is None else end
    candidates = []
    for pattern in _ROLE_PATTERNS:
        for match in pattern.finditer(text, start, end):
            value = re.sub(r"^the\s+", "", match.group(0))
            offset = match.end() - len(value)
            candidates.append(Found(offset, match.end(), re.sub(r"\s+", " ", value)))
    # Overlapping candidates are parts of one role: "Saudi Ambassador" + "Ambassador to Canada"
    # -> "Saudi Ambassador to Canada".
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


def find_names(text: str, start: int, end: int, avoid: list[Found]) -> list[Found]:
    """Likely person names in `text[start:end]` that do not overlap the `avoid` spans.

    Names are searched in the gaps between the avoided spans (roles, contact details), so that
    "Immigration Minister Lena Metlege Diab" yields the whole name after the role. A single
    capitalised word straight after a title ("Premier Ford") is a surname.
    """
    honorific: list[Found] = []
    plain: list[Found] = []
    for gap_start, gap_end, after in _gaps(text, start, end, avoid):
        honorific.extend(_names(_HONORIFIC_NAME_RE, text, gap_start, gap_end))
        found = _names(_PLAIN_NAME_RE, text, gap_start, gap_end)
        if after is not None and _TITLE_END_RE.search(after.value):
            surname = _SURNAME_RE.match(text, gap_start, gap_end)
            if surname and not any(name.start == surname.start("name") for name in found):
                found.extend(_names(_SURNAME_RE, text, gap_start, gap_end))
        plain.extend(found)
    # An honorific name is much stronger evidence than two capitalised words.
    return sorted(honorific or plain, key=lambda name: name.start)


def _gaps(
    text: str, start: int, end: int, avoid: list[Found]
) -> list[tuple[int, int, Found | None]]:
    """The parts of `[start, end)` outside the `avoid` spans, each with the span just before."""
    gaps = []
    cursor, previous = start, None
    for span in sorted(avoid, key=lambda found: found.start):
        if span.end <= start and not text[span.end : start].strip():
            previous = span  # "Premier| Ford": the role ends where the region starts
        if span.end <= start or span.start >= end:
            continue
        if span.start > cursor:
            gaps.append((cursor, span.start, previous))
        cursor, previous = max(cursor, span.end), span
    if cursor < end:
        gaps.append((cursor, end, previous))
    return gaps


def _names(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[Found]:
    found = []
    for match in pattern.finditer(text, start, end):
        words = match.group("name").split()
        if any(word.casefold() in _NOT_NAME_WORDS for word in words):
            continue
        words[-1] = re.sub(r"['\u2019]s$", "", words[-1])  # "Niki Sharma's office"
        found.append(Found(match.start("name"), match.end("name"), " ".join(words)))
    return found


def name_from_email(email: str) -> str:
    """'chrystia.freeland@parl.gc.ca' -> 'Chrystia Freeland'; generic mailboxes give ''."""
    local = email.split("@", 1)[0]
    parts = [part for part in re.split(r"[._]", local) if part]
    if len(parts) < 2 or not all(part.isalpha() and len(part) > 1 for part in parts):
        return ""
    if any(part.casefold() in _GENERIC_MAILBOX_WORDS for part in parts):
        return ""
    return f"{parts[0].capitalize()} {parts[-1].capitalize()}"


def find_emails(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    end = len(text) if end is None else end
    return [
        Found(match.start(), match.end(), match.group(0).rstrip("."))
        for match in EMAIL_RE.finditer(text, start, end)
    ]


def find_phones(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    end = len(text) if end is None else end
    return [Found(m.start(), m.end(), m.group(0)) for m in PHONE_RE.finditer(text, start, end)]


def _looks_like_address_part(part: str) -> bool:
    words = part.split()
    if not words or len(words) > 7 or EMAIL_RE.search(part) or PHONE_RE.search(part):
        return False
    if any(pattern.search(part) for pattern in _ROLE_PATTERNS):
        return False
    if _HONORIFIC_NAME_RE.match(part.strip()):
        return False  # "Hon. Jane Doe, House of Commons, ..." - the person, not the place
    return all(
        word[:1].isupper() or word[:1].isdigit() or word in {"of", "the", "de", "du", "and", "&"}
        for word in words
    )


def find_addresses(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """Postal addresses ending in a postal code, e.g. '80 Wellington Street, Ottawa, ON K1A 0A2'.

    We walk backwards from the postal code through comma- or line-separated parts for as long
    as they look like address parts (capitalised words and numbers, not roles or contacts).
    """
    end = len(text) if end is None else end
    found = []
    for match in POSTAL_CODE_RE.finditer(text, start, end):
        part_start = _part_start(text, match.start(), start)
        for _ in range(6):
            separator = part_start - 1
            if separator < start or text[separator] not in ",\n":
                break
            previous_start = _part_start(text, separator, start)
            part = text[previous_start:separator]
            if not part.strip():
                break
            if _looks_like_address_part(part):
                part_start = previous_start
                continue
            # "write to her at 80 Wellington Street" -> keep only what follows "at".
            tail = re.search(r"(?:\bat|\bto|:)\s+(?P<tail>[A-Z0-9][^,\n]*)$", part)
            if tail and _looks_like_address_part(tail.group("tail")):
                part_start = previous_start + tail.start("tail")
            break
        while part_start < match.end() and text[part_start] in " \t\u00a0":
            part_start += 1
        value = re.sub(r"\s*\n\s*", ", ", text[part_start : match.end()])
        address = Found(part_start, match.end(), re.sub(r"[ \t\u00a0]+", " ", value))
        found.append(_after_roles(text, address, find_roles(text, start, match.start())))
    return found


def _after_roles(text: str, address: Found, roles: list[Found]) -> Found:
    """Cut a role off the front of an address: in "Minister of Immigration, Refugees and
    Citizenship, House of Commons, ..." the department's words look like address parts."""
    start = max([role.end for role in roles if address.start < role.end < address.end], default=0)
    if not start:
        return address
    while start < address.end and text[start] in ", \t\n\u00a0":
        start += 1
    value = re.sub(r"\s*\n\s*", ", ", text[start : address.end])
    return Found(start, address.end, re.sub(r"[ \t\u00a0]+", " ", value))


def _part_start(text: str, position: int, floor: int) -> int:
    """Start of the comma/line/bracket-separated part that ends at `position`."""
    cursor = position
    while cursor > floor and text[cursor - 1] not in ",\n(:;":
        cursor -= 1
    return cursor


_OFFICIAL_DOMAIN_RE = re.compile(
    r"(?i)(?:^|\.)(?:gc\.ca|gov(?:\.[a-z]{2,3})?|gouv\.qc\.ca|gov\.[a-z]{2}\.ca|ola\.org|"
    r"assnat\.qc\.ca|leg\.bc\.ca|parliament\.uk|europarl\.europa\.eu)$"
)


def is_official_mailbox(email: str) -> bool:
    """True for a government address (pm@pm.gc.ca, premier@gov.ab.ca): an official's mailbox
    even when the text names nobody next to it."""
    return bool(_OFFICIAL_DOMAIN_RE.search(email.rsplit("@", 1)[-1]))


def is_org_contact(text: str, position: int) -> bool:
    """True when the contact detail at `position` is the organisation's own (email us at ...)."""
    # The cue may sit before the words a detector searched ("For media inquiries, contact ..."),
    # so look back a fixed distance, cut at the start of the sentence.
    window = text[max(0, position - 80) : position]
    window = re.split(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bHon)[.!?]\s", window)[
        -1
    ]
    return bool(_ORG_CONTACT_RE.search(window))


def find_targets(text: str, start: int = 0, end: int | None = None) -> list[Target]:
    """Pair each contact detail in `text[start:end]` with the role/name written just before it.

    A contact with no role or name before it (a phone number after an email, an address on the
    next line) completes the previous target. Roles mentioned without contact details still
    become targets, so "write to the Prime Minister" yields a target with only a role.
    """
    end = len(text) if end is None else end
    roles = find_roles(text, start, end)
    addresses = find_addresses(text, start, end)
    emails = find_emails(text, start, end)
    phones = [
        phone
        for phone in find_phones(text, start, end)
        if not any(phone.start < a.end and a.start < phone.end for a in addresses)
        # Nobody is asked to phone a fax number.
        and not re.search(r"(?i)\bfax\W{0,3}$", text[max(0, phone.start - 8) : phone.start])
    ]
    contacts = sorted(
        [("email", item) for item in emails]
        + [("phone", item) for item in phones]
        + [("postal_address", item) for item in addresses],
        key=lambda pair: pair[1].start,
    )
    occupied = roles + [item for _, item in contacts]

    targets: list[Target] = []
    used_roles: set[int] = set()
    cursor = start
    for field, contact in contacts:
        if is_org_contact(text, contact.start):
            cursor = contact.end
            continue
        window_roles = [r for r in roles if cursor <= r.start and r.end <= contact.start]
        names = find_names(text, cursor, contact.start, occupied)
        role = window_roles[-1].value if window_roles else ""
        if role:
            # "Write to the Saudi Ambassador to Canada: His Excellency Ambassador, <address>" -
            # the fuller mention of the same role is the better one.
            same = [r.value for r in window_roles if _role_words(role) <= _role_words(r.value)]
            role = max(same, key=len)
        name = names[-1].value if names else ""
        used_roles.update(r.start for r in window_roles)
        cursor = contact.end
        if role or name:
            existing = _matching(targets, role, name)
            if existing is not None and not getattr(targets[existing], field):
                targets[existing] = _with(targets[existing], field, contact.value)
                continue
            targets.append(_with(_new_target(role, name), field, contact.value))
            continue
        if targets and not getattr(targets[-1], field):
            targets[-1] = _with(targets[-1], field, contact.value)
            continue
        targets.append(_with(_new_target("", ""), field, contact.value))

    for role in roles:
        if role.start not in used_roles and _matching(targets, role.value, "") is None:
            targets.append(_new_target(role.value, _name_after(text, role, end, occupied)))

    return [_with_email_name(target) for target in targets]


def _name_after(text: str, role: Found, end: int, occupied: list[Found]) -> str:
    """The name written straight after a role ("Premier Ford", "Minister Jane Doe")."""
    names = find_names(text, role.end, min(end, role.end + 60), occupied)
    if names and not text[role.end : names[0].start].strip(" \t,"):
        return names[0].value
    return ""


def _new_target(role: str, name: str) -> Target:
    return Target(name=name, role=role, kind=classify_role(role) if role else OTHER)


def _with(target: Target, field: str, value: str) -> Target:
    return Target(**{**target.__dict__, field: value})


def _with_email_name(target: Target) -> Target:
    if target.name or not target.email:
        return target
    return _with(target, "name", name_from_email(target.email))


def _role_words(role: str) -> set[str]:
    words = set(role.casefold().split())
    return words - {"his", "her", "excellency", "the", "hon", "hon.", "honourable"}


def _matching(targets: list[Target], role: str, name: str) -> int | None:
    for index, target in enumerate(targets):
        if role and target.role.casefold() == role.casefold():
            return index
        # "His Excellency Ambassador" in an address block is the "Saudi Ambassador to Canada"
        # named in the instruction: one role's words contain the other's.
        if role and target.role:
            mine, theirs = _role_words(role), _role_words(target.role)
            if mine and theirs and (mine <= theirs or theirs <= mine):
                return index
        if name and target.name.casefold() == name.casefold():
            return index
    return None
