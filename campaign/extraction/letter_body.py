"""Template letters printed in the document: 'Dear ____,' ... 'Sincerely, [Your name]'.

The blank in the salutation becomes `{{ representative_name }}` and a blank or placeholder
signature becomes `{{ supporter_name }}`, so Chorus can send the letter as a template.

French letters (`language="fr"`) open with « Madame la Ministre, », « Monsieur le Premier
Ministre, », « Madame, Monsieur, » or « Monsieur le député, » and close with a formula that is
often a whole sentence (« Veuillez agréer, Madame la Ministre, l'expression de mes sentiments
distingués. »), or « Salutations distinguées », « Cordialement », over « [Votre nom] », « [Nom] »
or « Signature ».
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


# French forms.
_SALUTATION_FR_RE = re.compile(
    r"^[^\S\r\n]*(?P<who>(?:Madame|Monsieur)[^\S\r\n]*,[^\S\r\n]*(?:Madame|Monsieur)"
    r"\b[^\r\n,:]{0,40}?"
    r"|(?:(?:Cher|Chère|Bonjour|(?:Très[^\S\r\n]+)?[Hh]onorable)[^\S\r\n]+)?"
    r"(?:Madame|Monsieur|Mesdames|Messieurs|[Mm]inistre|[Dd]éputée?)\b[^\r\n,:]{0,60}?"
    r"|(?:Cher|Chère|Chers|Chères)[^\S\r\n]+[^\r\n,:]{1,60}?)"
    r"[^\S\r\n]*[,:][^\S\n]*$",
    re.M,
)
_GENERIC_ADDRESSEE_FR_RE = re.compile(
    r"(?i)^(?:(?:cher|chère|bonjour)\s+)?(?:(?:madame|monsieur|mesdames|messieurs)"
    r"[^\S\r\n]*(?:,|/|ou|et)?[^\S\r\n]*)*(?:(?:le|la|l['\u2019]|le/la|les)\s+)?"
    r"(?:députée?s?|député\(e\)|député·e|représentante?|élue?|membre\s+du\s+parlement)?$"
)
_READERS_FR_RE = re.compile(
    r"(?i)^(?:(?:cher|chère|chers|chères|bonjour|salut|et|à)\s+)*(?:ami\S*|membres|partenaires|"
    r"sympathisant\S*|voisin\S*|tous|toutes|tout\s+le\s+monde|collègues|camarades|allié\S*|"
    r"parents|familles|bénévoles|donat\S*|abonné\S*|militant\S*|citoyen\S*)\b"
)
# A short closing alone on its line, or the start of a closing sentence.
_SIGN_OFF_FR_RE = re.compile(
    r"(?i)^[^\S\r\n]*(?:(?:(?:mes|nos|sincères|meilleures|respectueuses)\s+)?salutations"
    r"(?:\s+(?:distinguées|respectueuses|cordiales|sincères))?|cordialement|respectueusement|"
    r"bien\s+à\s+vous|sincèrement|merci)[^\S\r\n]*[,.!]?[^\S\r\n]*$"
    r"|^[^\S\r\n]*(?:veuillez\s+(?:agréer|recevoir|accepter)|(?:je|nous)\s+vous\s+prions?\s+"
    r"(?:d['\u2019]agréer|de\s+recevoir|de\s+croire|d['\u2019]accepter)|recevez|agréez|"
    r"(?:je|nous)\s+vous\s+remerci\w+\s+(?:à\s+l['\u2019]avance\s+)?(?:de|pour)\s+"
    r"(?:votre|l['\u2019])\s*\w+\s+et\s+vous\s+prions?|"
    r"avec\s+mes\s+(?:sincères\s+|meilleures\s+)?(?:salutations|remerciements))\b"
)
_FORMAL_FR_RE = re.compile(r"(?i)^[^\S\r\n]*(?:veuillez|je|nous|recevez|agréez|avec)\b")
_SIGNATURE_PLACEHOLDER_FR_RE = re.compile(
    rf"(?i)^[^\S\r\n]*(?:{BLANK}|\(?(?:votre\s+)?(?:nom|prénom(?:\s+et\s+nom)?|"
    r"nom\s+et\s+prénom|signature)(?:\s+complet)?\)?)[^\S\r\n]*$"
)
_SUPPORTER_FR_RE = re.compile(
    r"(?i)\[\s*(?:votre\s+)?(?:nom|prénom\s+et\s+nom|nom\s+et\s+prénom)(?:\s+complet)?\s*\]"
)


@dataclass(frozen=True)
class _Forms:
    salutation: re.Pattern[str]
    generic: re.Pattern[str]
    readers: re.Pattern[str]
    sign_off: re.Pattern[str]
    placeholder: re.Pattern[str]
    supporter: re.Pattern[str]


_ENGLISH = _Forms(
    _SALUTATION_RE,
    _GENERIC_ADDRESSEE_RE,
    _READERS_RE,
    _SIGN_OFF_RE,
    _SIGNATURE_PLACEHOLDER_RE,
    re.compile(r"(?i)\[\s*your\s+(?:full\s+)?name\s*\]"),
)
_FRENCH = _Forms(
    _SALUTATION_FR_RE,
    _GENERIC_ADDRESSEE_FR_RE,
    _READERS_FR_RE,
    _SIGN_OFF_FR_RE,
    _SIGNATURE_PLACEHOLDER_FR_RE,
    _SUPPORTER_FR_RE,
)


@dataclass(frozen=True)
class LetterBody:
    start: int
    end: int
    body: str  # with placeholders substituted
    generic: bool  # addressed to a blank or "MP" rather than a named person
    addressee: str  # the named addressee when not generic ("Prime Minister Trudeau")


def find_letter_bodies(text: str, *, language: str = "en") -> list[LetterBody]:
    """Every 'Dear ...' letter (« Madame la Ministre, » in French) that runs to a sign-off
    within a dozen paragraphs."""
    forms = _FRENCH if language == "fr" else _ENGLISH
    letters = []
    for salutation in forms.salutation.finditer(text):
        end = _letter_end(text, salutation.end(), forms)
        if end is None:
            continue
        who = salutation.group("who").strip()
        if forms.readers.match(who):
            continue
        blank = re.search(BLANK, who)
        generic = bool(blank) or bool(forms.generic.match(who))
        start = salutation.start() + len(salutation.group(0)) - len(salutation.group(0).lstrip())
        body = text[start:end]
        if blank:
            at = salutation.start("who") - start + blank.start()
            body = body[:at] + REPRESENTATIVE + body[at + len(blank.group(0)) :]
        body = _substitute_signature(body, forms)
        body = forms.supporter.sub(SUPPORTER, body)
        letters.append(LetterBody(start, end, body.strip(), generic, "" if generic else who))
    return letters


def _letter_end(text: str, after: int, forms: _Forms = _ENGLISH) -> int | None:
    """End of the signature after the sign-off, or None when no sign-off follows."""
    following = lines(text[after : after + 20000])  # 120 lines at most are read below
    for index, line in enumerate(following[:120]):
        if index and forms.salutation.match(line.text):
            return None  # another letter starts before this one is signed
        if not forms.sign_off.match(line.text):
            continue
        end = after + line.end
        if forms is _FRENCH and _FORMAL_FR_RE.match(line.text):
            # « Veuillez agréer, Madame la Ministre, l'expression de mes » / « sentiments
            # distingués. »: the closing sentence may go on over a line or two.
            while not re.search(r"[.!,]\s*$", following[index].text) and index + 1 < min(
                len(following), 120
            ):
                if not following[index + 1].text.strip():
                    break
                index += 1
                end = after + following[index].end
        for signature in following[index + 1 : index + 4]:
            if not signature.text.strip():
                continue
            stripped = signature.text.strip()
            if forms.placeholder.match(signature.text) or (
                len(stripped.split()) <= 5 and not re.search(r"[.!?:]$", stripped)
            ):
                end = after + signature.end
            break
        return end
    return None


def _substitute_signature(body: str, forms: _Forms = _ENGLISH) -> str:
    body_lines = body.replace("\r\n", "\n").split("\n")
    for index in range(len(body_lines) - 1, -1, -1):
        if not body_lines[index].strip():
            continue
        if forms.placeholder.match(body_lines[index]):
            indent = re.match(r"[^\S\r\n]*", body_lines[index]).group(0)
            body_lines[index] = indent + SUPPORTER
        break
    return "\n".join(body_lines)
