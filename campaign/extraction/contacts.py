"""Contact details: emails, phone numbers and postal addresses, and whose they are.

An organisation's own contact details ("email us at ...", "for media inquiries ...", "send your
photos to ...") are never targets; a government mailbox (pm@pm.gc.ca) is an official's even
when no name stands next to it.
"""

from __future__ import annotations

import re

from .names import HONORIFIC_NAME_RE
from .roles import ROLE_PATTERNS, Found, find_roles

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
    r"\b(?:[ABCEGHJ-NPRSTVXY]\d[A-Z](?:[^\S\r\n]|-)?\d[A-Z]\d"
    r"|(?:[A-Z]{2}|D\.C\.)\s+\d{5}(?:-\d{4})?"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2})\b"
)


_ORG_CONTACT_RE = re.compile(
    r"(?i:\b(?:us|me|our\s+(?:office|team|staff|campaign|organi[sz]ation))\b\W*(?:at|on|via|by|:)?"
    r"\s*$|\b(?:media\s+(?:inquiries|enquiries|requests|contact)|"
    r"press\s+(?:inquiries|enquiries|contact)|(?:un)?subscrib\w*|newsletter|mailing\s+list|"
    r"volunteer\w*|feedback|questions?|(?:more\s+)?information|details|webmaster|interviews?|"
    r"spokes(?:person|woman|man)|communications|"
    # Procedure and bookings: "register as a delegation by emailing the clerk at ...".
    r"regist(?:er|ering|ration)|rsvp|delegations?|sign\s+up|book(?:ing)?\s+(?:a|an|the|your))\b"
    # What readers send to the organisation - as the thing sent, not earlier in the sentence
    # ("add your own story, and send it to premier@...").
    r"|\b(?:photos?|pictures?|images?|videos?|stor(?:y|ies)|testimon\w+|tips?)\b[^,;]{0,60}$)"
)


# The words of a template's stand-in address: "firstname.lastname@parl.gc.ca" tells the
# reader how addresses are made, it is nobody's.
_PLACEHOLDER_WORDS = frozenset(
    [
        "first",
        "firstname",
        "last",
        "lastname",
        "surname",
        "name",
        "names",
        "fullname",
        "your",
        "yourname",
        "my",
        "myname",
        "prenom",
        "prénom",
        "nom",
        "votre",
        "user",
        "username",
        "email",
        "mail",
        "address",
        "adresse",
        "mp",
        "member",
        "x",
        "xx",
        "xxx",
        "initial",
        "initials",
    ]
)


def is_placeholder_email(email: str) -> bool:
    """True for an address that stands for others ("firstname.lastname@parl.gc.ca")."""
    local = email.split("@", 1)[0].casefold()
    words = [word for word in re.split(r"[._+-]", local) if word]
    return bool(words) and all(word in _PLACEHOLDER_WORDS for word in words)


# French: « écrivez-nous à », « pour nous joindre », « renseignements », « relations avec les
# médias », « bénévoles », « infolettre », « envoyez-nous vos photos ».
_ORG_CONTACT_FR_RE = re.compile(
    r"(?i:(?:-nous|\bnous(?:\s+(?:écrire|joindre|contacter|rejoindre))?|\bnotre\s+(?:bureau|équipe|"
    r"personnel|campagne|organisation|organisme|secrétariat))\b\W*(?:à|au|par|via|:)?\s*$|"
    r"\b(?:médias|presse|journalistes|entrevues?|renseignements|informations?|infolettre|"
    r"abonne\w*|désabonne\w*|bénévol\w*|questions?|commentaires|inscri\w*|porte-parole|"
    r"communications|webmestre|réservations?)\b"
    r"|\b(?:photos?|images?|vidéos?|histoires?|témoignages?)\b[^,;]{0,60}$)"
)


def find_emails(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """Real addresses in `text[start:end]`: placeholders are not anyone's."""
    end = len(text) if end is None else end
    found = (
        Found(match.start(), match.end(), match.group(0).rstrip("."))
        for match in EMAIL_RE.finditer(text, start, end)
    )
    return [email for email in found if not is_placeholder_email(email.value)]


def find_phones(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    end = len(text) if end is None else end
    return [Found(m.start(), m.end(), m.group(0)) for m in PHONE_RE.finditer(text, start, end)]


def _looks_like_address_part(part: str) -> bool:
    words = part.split()
    if not words or len(words) > 7 or EMAIL_RE.search(part) or PHONE_RE.search(part):
        return False
    if any(pattern.search(part) for pattern in ROLE_PATTERNS):
        return False
    if HONORIFIC_NAME_RE.match(part.strip()):
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
            probe = separator - 1
            while probe > start and text[probe] in " \t\r":
                probe -= 1
            if text[separator] == "\n" and text[probe] == ",":
                separator = probe  # "House of Commons,\nOttawa": one separator, hard-wrapped
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
        while part_start < match.end() and text[part_start] in " \t\u00a0\u202f\u2009":
            part_start += 1
        address = _address(text, part_start, match.end())
        found.append(_after_roles(text, address, find_roles(text, start, match.start())))
    return found


def _after_roles(text: str, address: Found, roles: list[Found]) -> Found:
    """Cut a role off the front of an address: in "Minister of Immigration, Refugees and
    Citizenship, House of Commons, ..." the department's words look like address parts."""
    start = max([role.end for role in roles if address.start < role.end < address.end], default=0)
    if not start:
        return address
    while start < address.end and text[start] in ", \t\r\n\u00a0":
        start += 1
    return _address(text, start, address.end)


def _address(text: str, start: int, end: int) -> Found:
    """The address at `text[start:end]` on one line: each line break becomes a comma."""
    value = re.sub(r"\s*\n\s*", ", ", text[start:end])
    return Found(start, end, re.sub(r"[^\S\r\n]+", " ", value))


def _part_start(text: str, position: int, floor: int) -> int:
    """Start of the comma/line/bracket-separated part that ends at `position`."""
    cursor = position
    while cursor > floor and text[cursor - 1] not in ",\n(:;":
        cursor -= 1
    return cursor


_OFFICIAL_DOMAIN_RE = re.compile(
    r"(?i)(?:^|\.)(?:gc\.ca|gov(?:\.[a-z]{2,3})?|gouv\.qc\.ca|gov\.[a-z]{2}\.ca|ola\.org|"
    # Provincial governments that write their own name as their domain.
    r"(?:ontario|alberta|quebec|manitoba|saskatchewan|novascotia|gnb)\.ca|"
    r"assnat\.qc\.ca|leg\.bc\.ca|parliament\.uk|europarl\.europa\.eu)$"
)


def is_official_mailbox(email: str) -> bool:
    """True for a government address (pm@pm.gc.ca, premier@gov.ab.ca): an official's mailbox
    even when the text names nobody next to it."""
    return bool(_OFFICIAL_DOMAIN_RE.search(email.rsplit("@", 1)[-1]))


# A photo's caption or credit: whoever it names took or is in the picture.
_CAPTION_LINE_RE = re.compile(
    r"(?i)^\W*(?:photo|image|caption|credit|picture|illustration|crédit|légende)s?\b"
)
# The sender's closing, after which come their own name, title and contact details.
_CLOSING_LINE_RE = re.compile(
    r"(?i)^\W*(?:sincerely|yours(?:\s+(?:truly|sincerely))?|regards|best(?:\s+regards|\s+wishes)?|"
    r"kind\s+regards|thanks|thank\s+you|in\s+solidarity|solidarity|warmly|warm\s+regards|"
    r"respectfully|cheers|cordialement|salutations(?:\s+\w+)?|solidairement|merci)\s*[,!.]?\s*$"
)
_SIGNATURE_LINES = 6


def in_caption_or_signature(text: str, position: int) -> bool:
    """True when `position` is on a caption's line or in the few lines under a sender's
    closing ("In solidarity,\nJane Smith\nCampaigner\njane@org.ca"): neither names a target.

    A template letter's own closing is followed by a placeholder, not by contact details, so
    an address given after it ("Send it to: minister@…") starts a new line of instruction and
    is not counted as part of the signature (see `_INSTRUCTION_AFTER_CLOSING_RE`).
    """
    line_start = text.rfind("\n", 0, position) + 1
    if _CAPTION_LINE_RE.match(text[line_start:position]):
        return True
    before = text[:line_start].splitlines()[-_SIGNATURE_LINES:]
    for offset, line in enumerate(reversed(before)):
        if _CLOSING_LINE_RE.match(line):
            between = before[len(before) - offset :]
            return not any(
                _INSTRUCTION_AFTER_CLOSING_RE.match(item)
                for item in [*between, text[line_start:position]]
            )
    return False


_INSTRUCTION_AFTER_CLOSING_RE = re.compile(
    r"(?i)^\W*(?:send|write|e-?mail|mail|copy|copies|cc|to|call|phone|fax|envoy\w*|écri\w*)\b"
)


def is_org_contact(text: str, position: int, *, language: str = "en") -> bool:
    """True when the contact detail at `position` is the organisation's own (email us at ...)."""
    # The cue may sit before the words a detector searched ("For media inquiries, contact ..."),
    # so look back a fixed distance, cut at the start of the sentence.
    window = text[max(0, position - 80) : position]
    window = re.split(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bHon)[.!?]\s", window)[
        -1
    ]
    cues = _ORG_CONTACT_FR_RE if language == "fr" else _ORG_CONTACT_RE
    return bool(cues.search(window))
