"""Person names near a role or contact detail: 'Hon. Lena Metlege Diab', 'Premier Ford'.

Without a gazetteer a name is two or three capitalised words that are not place or office words,
a name after an honorific, or a single surname straight after a title.
"""

from __future__ import annotations

import re

from .roles import Found

_HONORIFIC = (
    # "Hon Jim Prentice": the abbreviation is often written without its full stop.
    r"(?:The\s+Hon(?:ourable|\.)?|Hon(?:ourable|\.|(?=[^\S\r\n]))|Right\s+Hon(?:ourable|\.)|"
    r"(?:His|Her)\s+Excellency|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Sen\.?)"
)
# "Joly", "LeBlanc", "McKenna", "O'Regan", "Mélanie", "France-Élaine".
_NAME_WORD = r"[A-Z][a-z\u00e0-\u00ff'\u2019-]+(?:[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]+)?"
HONORIFIC_NAME_RE = re.compile(
    rf"\b{_HONORIFIC}\s+(?P<name>{_NAME_WORD}(?:[^\S\r\n]+[A-Z]\.)?(?:[^\S\r\n]+{_NAME_WORD}){{0,2}})"
)
# "Premier Ford", "Minister Sawhney": a surname straight after a title.
_SURNAME_RE = re.compile(rf"[^\S\r\n]+(?P<name>{_NAME_WORD})\b(?![^\S\r\n]+[A-Z])")
_TITLE_END_RE = re.compile(
    r"(?:Minister|Premier|Mayor|Ambassador|President|Senator|Councill?or|Secretary|Governor|"
    r"Commissioner|MPP|MLA|MNA|MP)$"
)
# Between the words of a name: spaces, or a hard-wrap line break when the name plainly ends on
# the next line ("..., Maryse" / "Bertrand, at ..."); address blocks keep one name a line.
_NAME_GAP = (
    rf"(?:[^\S\r\n]+|[^\S\r\n]*\r?\n[^\S\r\n]*(?={_NAME_WORD}(?:,|[^\S\r\n]+at\b|[^\S\r\n]*\()))"
)
_PLAIN_NAME_RE = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:[^\S\r\n]+[A-Z]\.)?"
    rf"(?:{_NAME_GAP}(?:de[^\S\r\n]+|van[^\S\r\n]+|von[^\S\r\n]+)?{_NAME_WORD}){{1,2}})\b"
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
        "republic",
        "islamic",
        "kingdom",
        "united",
        "states",
        "federation",
        "democratic",
        "embassy",
        "consulate",
        "commission",
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
        # "mmcmahon.mpp.co@...": a legislator's office mailbox, not a first and last name.
        "mpp",
        "mla",
        "mna",
        "co",
        "board",
        "chair",
        "clerk",
        "council",
        "mayor",
        "premier",
        "president",
    ]
)

# French: « M. », « Mme », « l'honorable », « Son Excellence »; names may start with an accented
# capital (« Élise », « Ève ») and titles are written in lower case (« la ministre Joly »).
_HONORIFIC_FR = (
    r"(?:(?:[Ll]a\s+)?(?:[Tt]rès\s+)?[Hh]onorable|[Ll]['\u2019][Hh]onorable|[Ll]['\u2019][Hh]on\.|"
    r"Son\s+Excellence|M\.|Mme|Mmes|MM\.|Me|Dr|Dre)"
)
_NAME_WORD_FR = r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ'\u2019]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-ÿ'\u2019]+)*(?:[A-Z][a-zà-ÿ]+)?"
HONORIFIC_NAME_FR_RE = re.compile(
    rf"(?<![\w-]){_HONORIFIC_FR}\s+(?P<name>{_NAME_WORD_FR}(?:[^\S\r\n]+[A-Z]\.)?"
    rf"(?:[^\S\r\n]+(?:(?:de|du|des|van|von|Le|La)[^\S\r\n]+)?{_NAME_WORD_FR}){{0,2}})"
)
_SURNAME_FR_RE = re.compile(
    rf"[^\S\r\n]+(?P<name>{_NAME_WORD_FR})(?![\w-])(?![^\S\r\n]+[A-ZÀ-ÖØ-Þ])"
)
_TITLE_END_FR_RE = re.compile(
    r"(?i:(?:ministre|député(?:e)?|maire(?:sse)?|ambassad(?:eur|rice)|sénat(?:eur|rice)|"
    r"président(?:e)?))$"
)
_PLAIN_NAME_FR_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME_WORD_FR}(?:[^\S\r\n]+[A-Z]\.)?"
    rf"(?:[^\S\r\n]+(?:(?:de|du|des|van|von|Le|La)[^\S\r\n]+)?{_NAME_WORD_FR}){{1,2}})(?![\w-])"
)
_NOT_NAME_WORDS_FR = _NOT_NAME_WORDS | frozenset(
    [
        "madame",
        "monsieur",
        "ministre",
        "première",
        "chambre",
        "communes",
        "québec",
        "gouvernement",
        "bureau",
        "courriel",
        "téléphone",
        "écrivez",
        "envoyez",
        "contactez",
        "appelez",
        "téléphonez",
        "interpellez",
        "signez",
        "député",
        "députée",
        "environnement",
        "affaires",
        "colline",
        "parlement",
        "rue",
        "édifice",
        "assemblée",
        "nationale",
        "ambassade",
        "consulat",
        "nous",
        "vous",
        "votre",
        "merci",
        "cordialement",
        "salutations",
    ]
)


def find_names(
    text: str, start: int, end: int, avoid: list[Found], *, language: str = "en"
) -> list[Found]:
    """Likely person names in `text[start:end]` that do not overlap the `avoid` spans.

    Names are searched in the gaps between the avoided spans (roles, contact details), so that
    "Immigration Minister Lena Metlege Diab" yields the whole name after the role. A single
    capitalised word straight after a title ("Premier Ford") is a surname.
    """
    french = language == "fr"
    honorific_re = HONORIFIC_NAME_FR_RE if french else HONORIFIC_NAME_RE
    plain_re = _PLAIN_NAME_FR_RE if french else _PLAIN_NAME_RE
    surname_re = _SURNAME_FR_RE if french else _SURNAME_RE
    title_end_re = _TITLE_END_FR_RE if french else _TITLE_END_RE
    not_names = _NOT_NAME_WORDS_FR if french else _NOT_NAME_WORDS
    honorific: list[Found] = []
    plain: list[Found] = []
    for gap_start, gap_end, after in _gaps(text, start, end, avoid):
        honorific.extend(_names(honorific_re, text, gap_start, gap_end, not_names))
        found = _names(plain_re, text, gap_start, gap_end, not_names)
        if after is not None and title_end_re.search(after.value):
            surname = surname_re.match(text, gap_start, gap_end)
            if surname and not any(name.start == surname.start("name") for name in found):
                found.extend(_names(surname_re, text, gap_start, gap_end, not_names))
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


def _names(
    pattern: re.Pattern[str],
    text: str,
    start: int,
    end: int,
    not_names: frozenset[str] = _NOT_NAME_WORDS,
) -> list[Found]:
    found = []
    for match in pattern.finditer(text, start, end):
        words = match.group("name").split()
        if any(word.casefold() in not_names for word in words):
            continue
        if re.search(r"(?i)\bthe\s+$", text[max(0, match.start("name") - 4) : match.start("name")]):
            continue  # "the Holy See", "the Red Cross": a place or a body, not a person
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
    if any(word in parts[0].casefold() for word in ("embassy", "consulat", "ministry", "office")):
        return ""  # "iranembassy.ca@...": an institution's mailbox
    return f"{parts[0].capitalize()} {parts[-1].capitalize()}"
