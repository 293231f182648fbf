"""Template letters printed in the document: 'Dear ____,' ... 'Sincerely, [Your name]'.

The blank in the salutation becomes `{{ representative_name }}` and a blank or placeholder
signature becomes `{{ supporter_name }}`, so Chorus can send the letter as a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import lines

REPRESENTATIVE = "{{ representative_name }}"
SUPPORTER = "{{ supporter_name }}"

# A blank to fill in: "____", "[MP name]", "<name>", "{name}", "...", "XXX".
BLANK = r"(?:_{2,}|\[[^\]\n]{1,40}\]|<[^>\n]{1,40}>|\{\{?[^}\n]{1,40}\}?\}|\.{3,}|\u2026|X{3,})"
_SALUTATION_RE = re.compile(
    r"^[^\S\r\n]*Dear[^\S\r\n]+(?P<who>[^\r\n,:]{1,60}?)[^\S\r\n]*[,:][^\S\n]*$", re.M
)
_GENERIC_ADDRESSEE_RE = re.compile(
    r"(?i)^(?:(?:the\s+)?(?:hon(?:ourable|\.)?\s+)?(?:MPP?|MLA|member\s+of\s+parliament|"
    r"representative|councill?or|senator|sir\s+or\s+madam|sir/madam|friend))$"
)
# "Dear partners," / "Dear friends and neighbours,": the message to the readers themselves (a
# newsletter, a forwarded alert), not a letter for them to send.
_READERS_RE = re.compile(
    r"(?i)^(?:(?:dear|fellow|all|our|my|valued)\s+)*(?:friends|partners|members|supporters|"
    r"neighbou?rs|all|everyone|colleagues|community|comrades|sisters|brothers|siblings|allies|"
    r"parents|families|folks|team|subscribers|volunteers|donors|parishioners|students)"
    r"(?:\s*(?:,|and|&)\s*(?:\w+\s+)?\w+)*$"
    # "Dear Friends of the Library,": a supporters' group greeting its members.
    r"|^(?i:friends)\s+of\s+(?:the\s+)?[A-Z]"
)
_SIGN_OFF_RE = re.compile(
    r"(?i)^[^\S\r\n]*(?:sincerely(?:\s+yours)?|yours\s+(?:truly|sincerely|faithfully|respectfully)|"
    r"(?:best|kind|warm(?:est)?)?\s*regards|respectfully(?:\s+yours)?|with\s+thanks|"
    r"thank\s+you|cordially)[^\S\r\n]*[,.!]?[^\S\r\n]*$"
)
_SIGNATURE_PLACEHOLDER_RE = re.compile(
    rf"(?i)^[^\S\r\n]*(?:{BLANK}|\(?your\s+(?:full\s+)?name\)?|\(?name\)?|signature)[^\S\r\n]*$"
)


@dataclass(frozen=True)
class LetterBody:
    start: int
    end: int
    body: str  # with placeholders substituted
    generic: bool  # addressed to a blank or "MP" rather than a named person
    addressee: str  # the named addressee when not generic ("Prime Minister Trudeau")


def find_letter_bodies(text: str) -> list[LetterBody]:
    """Every 'Dear ...' letter that runs to a sign-off within a dozen paragraphs."""
    letters = []
    for salutation in _SALUTATION_RE.finditer(text):
        end = _letter_end(text, salutation.end())
        if end is None:
            continue
        who = salutation.group("who").strip()
        if _READERS_RE.match(who):
            continue
        blank = re.search(BLANK, who)
        generic = bool(blank) or bool(_GENERIC_ADDRESSEE_RE.match(who))
        start = salutation.start() + len(salutation.group(0)) - len(salutation.group(0).lstrip())
        body = text[start:end]
        if blank:
            at = salutation.start("who") - start + blank.start()
            body = body[:at] + REPRESENTATIVE + body[at + len(blank.group(0)) :]
        body = _substitute_signature(body)
        body = re.sub(r"(?i)\[\s*your\s+(?:full\s+)?name\s*\]", SUPPORTER, body)
        letters.append(LetterBody(start, end, body.strip(), generic, "" if generic else who))
    return letters


def _letter_end(text: str, after: int) -> int | None:
    """End of the signature after the sign-off, or None when no sign-off follows."""
    following = lines(text[after : after + 20000])  # 120 lines at most are read below
    for index, line in enumerate(following[:120]):
        if index and _SALUTATION_RE.match(line.text):
            return None  # another letter starts before this one is signed
        if not _SIGN_OFF_RE.match(line.text):
            continue
        end = after + line.end
        for signature in following[index + 1 : index + 4]:
            if not signature.text.strip():
                continue
            stripped = signature.text.strip()
            if _SIGNATURE_PLACEHOLDER_RE.match(signature.text) or (
                len(stripped.split()) <= 5 and not re.search(r"[.!?:]$", stripped)
            ):
                end = after + signature.end
            break
        return end
    return None


def _substitute_signature(body: str) -> str:
    body_lines = body.replace("\r\n", "\n").split("\n")
    for index in range(len(body_lines) - 1, -1, -1):
        if not body_lines[index].strip():
            continue
        if _SIGNATURE_PLACEHOLDER_RE.match(body_lines[index]):
            indent = re.match(r"[^\S\r\n]*", body_lines[index]).group(0)
            body_lines[index] = indent + SUPPORTER
        break
    return "\n".join(body_lines)
