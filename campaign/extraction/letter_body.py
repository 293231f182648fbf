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

from . import folding
from .text import lines

REPRESENTATIVE = "{{ representative_name }}"
SUPPORTER = "{{ supporter_name }}"

# A blank to fill in: "____", "[MP name]", "<name>", "{name}", "...", "XXX".
BLANK = r"(?:_{2,}|\[[^\]\n]{1,40}\]|<[^>\n]{1,40}>|\{\{?[^}\n]{1,40}\}?\}|\.{3,}|\u2026|X{3,})"
POSTAL_CODE = "{{ supporter_postal_code }}"
# "Dear Jane Doe," / "Dear Minister:" / "Dear Minister Blair;" and, with nothing after it on its
# line, "Dear [MP's name]" or "Dear Mr Prentice" (checked by `_is_addressee` when the comma is
# missing).
_SALUTATION_RE = re.compile(
    r"^[^\S\r\n]*(?:Dear|Hello)[^\S\r\n]+(?P<who>[^\r\n,:;]{1,60}?)[^\S\r\n]*(?P<mark>[,:;]?)[^\S\n]*$",
    re.M,
)
# "Dear MP ______Congratulations! I voted for you.": the blank, then the letter on the same
# line (its line break lost).
_INLINE_BLANK_SALUTATION_RE = re.compile(
    r"^[^\S\r\n]*(?:Dear|Hello)[^\S\r\n]+(?P<who>[^\r\n,:_]{0,40}?_{2,})(?P<mark>)(?=[A-Z])", re.M
)
# Without "Dear": an official's title (and name) alone on a line, ending with a colon or comma -
# "Premier Ford:", "Prime Minister Trudeau," - read as a salutation only when prose follows.
# "The Honourable Jane Roe,", "To the Honourable Jane Roe:" and "Minister Roe;" open a letter
# the same way.
_TITLE = (
    r"(?:Deputy\s+)?(?:Prime\s+Minister|Premier|Minister|Mayor|President|Senator|Councill?or|"
    r"Secretary|Governor)(?:[^\S\r\n]+[A-Z][\w'\u2019-]*){0,3}"
)
_NAME = r"(?:[A-Z][\w.'\u2019-]*[^\S\r\n]+){0,2}[A-Z][\w'\u2019-]+"
_TITLE_SALUTATION_RE = re.compile(
    r"^[^\S\r\n]*(?:To\s+the\s+(?=Hon))?"
    rf"(?P<who>(?P<hon>(?:The\s+)?Hon(?:ourable|orable|\.)?\s+)?(?(hon)(?:{_TITLE}|{_NAME})|{_TITLE}))"
    r"[^\S\r\n]*(?P<mark>[,:;])[^\S\n]*$",
    re.M,
)
# A salutation inside a line whose breaks were lost with the page's markup: "The Honorable
# Jane Roe, P.C., M.P. Dear Minister: Re: ... I am writing ... Yours sincerely," - after the
# end of a sentence or an address, a title (and name), a colon or comma, then a capital.
_MIDLINE_SALUTATION_RE = re.compile(
    r"(?<=[.!?)][^\S\r\n])Dear[^\S\r\n]+(?P<who>(?:(?:Prime\s+)?Minister|Premier|Mayor|Senator|"
    r"Councill?or|MPP?|MLA|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir\s+or\s+Madam)(?:[^\S\r\n]+[A-Z][\w'\u2019-]*){0,2})"
    r"(?P<mark>[,:;])[^\S\r\n]+(?=[A-Z])"
)
# A sign-off closing that same line: "... on behalf of our country. Yours sincerely,".
_TRAILING_SIGN_OFF_RE = re.compile(
    r"(?i)[.!?][^\S\r\n]+(?:sincerely(?:\s+yours)?|yours\s+(?:truly|sincerely|faithfully|"
    r"respectfully)|(?:best|kind)\s+regards|respectfully(?:\s+yours)?)[^\S\r\n]*[,.]?[^\S\r\n]*$"
)
_GENERIC_ADDRESSEE_RE = re.compile(
    r"(?i)^(?:(?:the\s+)?(?:hon(?:ourable|\.)?\s+)?(?:MPP?|MLA|member\s+of\s+parliament|"
    r"representative|councill?or|senator|sir\s+or\s+madam|sir/madam|friend))$"
)
# Without a comma only a blank, a title or a capitalised name is an addressee ("Dear Mr Prentice"),
# not the start of a sentence that goes on ("Dear me, what a week").
_BARE_ADDRESSEE_RE = re.compile(
    rf"^(?:{BLANK}|(?:[A-Z][\w.'\u2019-]*[^\S\r\n]+){{0,4}}(?:[A-Z][\w.'\u2019-]*|{BLANK}))$"
)
# "Dear partners," / "Dear friends and neighbours,": the message to the readers themselves (a
# newsletter, a forwarded alert), not a letter for them to send.
_READERS_RE = re.compile(
    r"(?i)^(?:(?:dear|fellow|all|our|my|valued)\s+)*(?:friends|partners|members|supporters|"
    r"neighbou?rs|all|everyone|colleagues|community|comrades|sisters|brothers|siblings|allies|"
    r"parents|families|folks|team|subscribers|volunteers|donors|parishioners|students|readers?)"
    r"(?:\s*(?:,|and|&)\s*(?:\w+\s+)?\w+)*$"
    # "Dear Friends of the Library,": a supporters' group greeting its members.
    r"|^(?i:friends)\s+of\s+(?:the\s+)?[A-Z]"
)
_SIGN_OFF_RE = re.compile(
    r"(?i)^[^\S\r\n]*(?:sincerely(?:\s+yours)?|yours\s+(?:truly|sincerely|faithfully|respectfully)|"
    r"(?:best|kind|warm(?:est)?)?\s*regards|respectfully(?:\s+yours)?|with\s+thanks|"
    r"thank\s+you|cordially)[^\S\r\n]*[,.!]?[^\S\r\n]*$"
)
# The words a signature placeholder is made of: "[Your name and contact information]",
# "(add your own name and address)", "Your Email", "Postal code".
_PLACEHOLDER_WORD = (
    r"(?:your|own|full|first|last|name|names|signature|address(?:es)?|e-?mail|phone|number|"
    r"telephone|contact|info|information|details|postal|post|zip|code|postcode|city|town|"
    r"province|riding|constituency|organi[sz]ation|title|add|insert|here|and|&|/|,|-|\u2013)"
)
# A web form's field under the letter counts as its signature line: "Your Name (required)",
# "Your Email *".
_FORM_FIELD_MARK = r"(?:[^\S\r\n]*(?:\((?:required|optional)\)|\*))?"
_SIGNATURE_PLACEHOLDER_RE = re.compile(
    rf"(?i)^[^\S\r\n]*(?:{BLANK}|signature|"
    rf"(?P<open>[\[(<])?(?=[^\r\n]*\b(?:name|signature|address|e-?mail|postal|postcode)\b)"
    rf"{_PLACEHOLDER_WORD}(?:[^\S\r\n]*{_PLACEHOLDER_WORD})*(?(open)[\])>]))"
    rf"{_FORM_FIELD_MARK}[^\S\r\n]*$"
)
# A letter's last words when nobody signs it: "Thank you for your attention to these comments."
_CLOSING_SENTENCE_RE = re.compile(
    r"(?i)(?:^|[.!?][\"\u201d\u2019]?\s+)(?:thank\s+you|thanks|i\s+look\s+forward)\b[^.!?]*[.!?]?\s*$"
)
# What says a letter with neither sign-off nor signature is a template to copy.
_TEMPLATE_INTRO_RE = re.compile(
    r"(?i)\b(?:sample|template|model|example|suggested|draft|copy\s+and\s+paste|"
    r"(?:letter|message|e-?mail|text)\s+below|below\s+is|"
    r"(?:the\s+)?following\s+(?:letter|message|e-?mail|text)|"
    # "Send this message to the Premier:", "Copy our letter".
    r"(?:send|copy|use|adapt)\s+(?:this|our|the)\s+(?:\w+\s+)?(?:message|letter|e-?mail|text))\b"
)
# Page furniture after an unsigned letter: the letter stops before it.
_NOT_LETTER_LINE_RE = re.compile(
    r"(?i)^\W*(?:click|share|download|print|tweet|donate|subscribe|sign\s+(?:up|the|our)|"
    r"follow\s+us|back\s+to\s+top|copyright|\u00a9|read\s+more|learn\s+more|related|"
    r"posted\s+(?:in|by|on)|tags?:|\d+\s+comments?)"
)
# After the sign-off, a copy list is not the sender's signature.
_COPY_LINE_RE = re.compile(r"(?i)^\W*(?:b?cc|c\.c\.|p\.?s\.?|encl\w*)\b")


# French forms.
# A note to whoever sends a template, in brackets: « (à modifier selon ...) », « (rayer la
# mention inutile) », « (au choix) ».
_SENDER_NOTE_FR = (
    # « à » and an infinitive, however spelt (« à modofier »): something for the sender to do.
    r"\((?i:à\s+\w+(?:er|ir|re)\b|selon\s+le\s+cas|rayer|"
    r"biffer|au\s+choix|choisir|adapter|modifier)[^)\r\n]{0,80}\)"
)
# French forms are matched accents aside (« Madame la deputee, »), see `folding`.
_SALUTATION_FR_RE = folding.compile(
    r"^[^\S\r\n]*(?P<who>(?:Madame|Monsieur)[^\S\r\n]*,[^\S\r\n]*(?:Madame|Monsieur)"
    r"\b[^\r\n,:]{0,40}?"
    r"|(?:(?:Cher|Chère|Bonjour|(?:Très[^\S\r\n]+)?[Hh]onorable)[^\S\r\n]+)?"
    r"(?:Madame|Monsieur|Mesdames|Messieurs|[Mm]inistre|[Dd]éputée?)\b[^\r\n,:]{0,60}?"
    # « Madame la députée, ou Monsieur le député, »: either one, the sender picks.
    # « Madame la Députée, Monsieur le Député (au choix) »: the two side by side.
    r"(?:(?:[^\S\r\n]*,?[^\S\r\n]*(?:ou|et|/)|[^\S\r\n]*,)[^\S\r\n]*(?:Madame|Monsieur)\b"
    r"[^\r\n,:]{0,40}?)?"
    r"|(?:Cher|Chère|Chers|Chères)[^\S\r\n]+[^\r\n,:]{1,60}?"
    # « M. le Président de la République, », « Mme la Ministre, ».
    r"|(?:M\.|Mme\.?)[^\S\r\n]+(?:[Ll]e|[Ll]a|[Ll]['\u2019])[^\S\r\n]*[^\r\n,:]{1,60}?"
    # « Cher (ère), [nom du candidat] »: the blank after the comma is the addressee.
    rf"|(?:Cher|Chère)[^\S\r\n]*(?:\((?:ère|e)\))?[^\S\r\n]*,[^\S\r\n]*{BLANK}"
    # « Bonjour, » alone: a salutation only in a letter introduced as a template.
    r"|Bonjour)"
    r"[^\S\r\n]*(?:[,:]|(?<=[\]>}_])|"
    # « Madame la députée ou Monsieur le député (à modifier selon à qui vous écrivez) »: a note
    # to the sender closes the line of a template's salutation.
    rf"{_SENDER_NOTE_FR})[^\S\n]*$",
    re.M,
)
# What says a French letter is a template to copy (then it may be unsigned or cut short).
_TEMPLATE_INTRO_FR_RE = folding.compile(
    r"(?i)\b(?:modèle|exemple|gabarit|copie[rz][-\s]+colle[rz]|"
    r"(?:lettre|message|courriel|texte)\s+(?:suivante?|ci-dessous|type)|ci-dessous|"
    r"voici\s+(?:la|le|un|une|notre)\s+(?:lettre|message|courriel|texte|ébauche|brouillon))"
)
# Page furniture after an unsigned French letter: the letter stops before it.
_NOT_LETTER_LINE_FR_RE = folding.compile(
    r"(?i)^\W*(?:cliquez|partag|télécharg|imprim|faites\s+un\s+don|donnez|abonnez|"
    r"inscrivez|signez|suivez-nous|retour|droits\s+d['\u2019]auteur|\u00a9|en\s+savoir|"
    r"lire\s+la\s+suite|publié\s+(?:le|par|dans)|étiquettes?\s*:|\d+\s+commentaires?)"
)
_GENERIC_ADDRESSEE_FR_RE = folding.compile(
    r"(?i)^(?:(?:cher|chère|bonjour)\s+)?(?:(?:madame|monsieur|mesdames|messieurs)"
    r"[^\S\r\n]*(?:,|/|ou|et)?[^\S\r\n]*)*(?:(?:l[ea]/l[ea]|le|la|l['\u2019]|les)\s+)?"
    # « député-e », « député·e », « député(e) »: the inclusive forms.
    r"(?:députée?s?|député(?:\(e\)|[-·.]e)|représentante?|élue?|membre\s+du\s+parlement)?$"
)
_READERS_FR_RE = re.compile(
    r"(?i)^(?:(?:cher|chère|chers|chères|bonjour|salut|et|à)\s+)*(?:ami\S*|membres|partenaires|"
    r"sympathisant\S*|voisin\S*|tous|toutes|tout\s+le\s+monde|collègues|camarades|allié\S*|"
    r"parents|familles|bénévoles|donat\S*|abonné\S*|militant\S*|citoyen\S*)\b"
)
# A short closing alone on its line, or the start of a closing sentence.
_SIGN_OFF_FR_RE = folding.compile(
    r"(?i)^[^\S\r\n]*(?:(?:(?:mes|nos|sincères|meilleures|respectueuses)\s+)?salutations"
    r"(?:\s+(?:distinguées|respectueuses|cordiales|sincères))?|cordialement|respectueusement|"
    r"bien\s+à\s+vous|sincèrement|merci)[^\S\r\n]*[,.!]?[^\S\r\n]*$"
    r"|^[^\S\r\n]*(?:veuillez\s+(?:agréer|recevoir|accepter)|(?:je|nous)\s+vous\s+prions?\s+"
    r"(?:d['\u2019]agréer|de\s+recevoir|de\s+croire|d['\u2019]accepter)|recevez|agréez|"
    r"(?:je|nous)\s+vous\s+remerci\w+\s+(?:à\s+l['\u2019]avance\s+)?(?:de|pour)\s+"
    r"(?:votre|l['\u2019])\s*\w+\s+et\s+vous\s+prions?|"
    r"avec\s+(?:mes|nos)\s+(?:sincères\s+|meilleures\s+)?(?:salutations|remerciements))\b"
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
    """Every 'Dear ...' letter that runs to its sign-off or signature placeholder within a
    dozen paragraphs, or, for a template (a blank addressee, or introduced as a sample), to its
    last paragraph of prose. French letters (« Madame la Ministre, ») are read by
    `_french_letter_bodies`, which asks for a sign-off."""
    if language == "fr":
        return _french_letter_bodies(text)
    letters = []
    for salutation in _salutations(text):
        who = salutation.group("who").strip()
        if _READERS_RE.match(who):
            continue
        blank = re.search(BLANK, who)
        generic = bool(blank) or bool(_GENERIC_ADDRESSEE_RE.match(who))
        start = salutation.start() + len(salutation.group(0)) - len(salutation.group(0).lstrip())
        introduced = bool(_TEMPLATE_INTRO_RE.search(text[max(0, start - 400) : start]))
        # "Dear friend," greets the reader of an appeal; only a blank or a representative's
        # title says an unsigned letter is one for the reader to send.
        template = introduced or (generic and not re.fullmatch(r"(?i)friend", who))
        end = _letter_end(text, salutation.end(), template=template)
        if end is None:
            continue
        body = text[start:end]
        if blank:
            at = salutation.start("who") - start + blank.start()
            body = body[:at] + REPRESENTATIVE + body[at + len(blank.group(0)) :]
        body = _substitute_signature(body)
        body = re.sub(r"(?i)\[\s*your\s+(?:full\s+)?name\s*\]", SUPPORTER, body)
        letters.append(LetterBody(start, end, body.strip(), generic, "" if generic else who))
    return letters


def _salutations(text: str) -> list[re.Match[str]]:
    """'Dear ...' lines, and an official's title alone on a line when a paragraph follows."""
    found = [match for match in _SALUTATION_RE.finditer(text) if _is_salutation(match)]
    found += [m for m in _INLINE_BLANK_SALUTATION_RE.finditer(text) if _is_salutation(m)]
    found += list(_MIDLINE_SALUTATION_RE.finditer(text))
    for match in _TITLE_SALUTATION_RE.finditer(text):
        following = lines(text[match.end() : match.end() + 2000])[1:6]
        first = next((line for line in following if line.text.strip()), None)
        if first is not None and _is_prose(first.text):
            found.append(match)
    return sorted(found, key=lambda match: match.start())


def salutations(text: str) -> list[re.Match[str]]:
    """The 'Dear ...' lines (and officials' titles alone on a line) that open a letter; the
    `who` group is the addressee."""
    return _salutations(text)


def greets_readers(who: str) -> bool:
    """True for "Dear friends," and the like: the message is to the readers themselves."""
    return bool(_READERS_RE.match(who.strip()))


def _is_salutation(match: re.Match[str]) -> bool:
    return bool(match.group("mark") or _BARE_ADDRESSEE_RE.match(match.group("who").strip()))


def _starts_letter(line: str) -> bool:
    dear = _SALUTATION_RE.match(line)
    return bool(dear and _is_salutation(dear)) or bool(_TITLE_SALUTATION_RE.match(line))


def _is_prose(line: str) -> bool:
    """A paragraph of sentences, not a heading, a label or a contact line."""
    stripped = line.strip()
    return len(stripped.split()) >= 8 and bool(re.search(r"[.!?:][\"\u201d\u2019)]?$", stripped))


def _letter_end(text: str, after: int, template: bool) -> int | None:
    """End of the letter that starts before `after`: its signature after the sign-off, its
    signature placeholder, or - for a template that is left unsigned or cut short - its last
    paragraph of prose. None when no letter can be told apart."""
    window = text[after : after + 20000]
    following = lines(window)  # 120 lines at most are read below
    whole = len(following) <= 120 and after + len(window) >= len(text)
    last = None  # end of the last line of the letter read so far
    closing = None  # end of a "Thank you for ..." closing sentence
    prose = 0
    stopped = False
    for index, line in enumerate(following[:120]):
        stripped = line.text.strip()
        if index and _starts_letter(line.text):
            return None  # another letter starts before this one is signed
        if _SIGN_OFF_RE.match(line.text):
            return after + _signature_end(following, index)
        if index and _SIGNATURE_PLACEHOLDER_RE.match(line.text) and (prose or last):
            return after + _placeholders_end(following, index)
        if not index:
            if _TRAILING_SIGN_OFF_RE.search(line.text) and len(line.text.split()) >= 30:
                return after + line.end  # the whole letter was on the salutation's line
            if _is_prose(line.text):  # the letter goes on after an inline salutation
                prose, last = 1, line.end
            continue
        if not stripped:
            continue
        if closing is not None or (
            prose and (_NOT_LETTER_LINE_RE.match(stripped) or stripped.startswith("("))
        ):
            stopped = True
            break
        last = line.end
        if _is_prose(line.text) or len(stripped.split()) >= 8:
            prose += 1
        if _CLOSING_SENTENCE_RE.search(stripped) and prose:
            closing = line.end
    if not template or not prose or not (stopped or whole):
        return None
    return after + (closing if closing is not None else last)


def _signature_end(following: list, index: int) -> int:
    """End of the sign-off line at `index`, or of the signature just under it."""
    end = following[index].end
    for signature in following[index + 1 : index + 4]:
        if not signature.text.strip():
            continue
        stripped = signature.text.strip()
        if _COPY_LINE_RE.match(stripped):
            break  # "cc: Premier ...": whom copies go to, not who signs
        if _SIGNATURE_PLACEHOLDER_RE.match(signature.text):
            return _placeholders_end(following, following.index(signature))
        if len(stripped.split()) <= 5 and not re.search(r"[.!?:]$", stripped):
            end = signature.end
        break
    return end


def _placeholders_end(following: list, index: int) -> int:
    """End of the run of placeholder lines starting at `index` ("Your Name" / "Your Email")."""
    end = following[index].end
    blank_run = 0
    for line in following[index + 1 : index + 8]:
        if not line.text.strip():
            blank_run += 1
            if blank_run > 1:
                break
            continue
        blank_run = 0
        if not _SIGNATURE_PLACEHOLDER_RE.match(line.text):
            break
        end = line.end
    return end


def _substitute_signature(body: str) -> str:
    """The placeholder lines that end the letter become the supporter's name (and postal code,
    when one is asked for); the others (an address, an email) are the sender's business."""
    body_lines = body.replace("\r\n", "\n").split("\n")
    index = len(body_lines)
    while index > 0 and (
        not body_lines[index - 1].strip() or _SIGNATURE_PLACEHOLDER_RE.match(body_lines[index - 1])
    ):
        index -= 1
    while index < len(body_lines) and not body_lines[index].strip():
        index += 1  # the blank lines above the signature stay
    block = body_lines[index:]
    if not block:
        return body
    indent = re.match(r"[^\S\r\n]*", next(line for line in block if line.strip())).group(0)
    replaced = [indent + SUPPORTER]
    if any(re.search(r"(?i)\b(?:postal|post|zip)\s*code|\bpostcode\b", line) for line in block):
        replaced.append(indent + POSTAL_CODE)
    return "\n".join(body_lines[:index] + replaced)


# --- French --------------------------------------------------------------------------------


def _all_generic(who: str, forms: _Forms) -> bool:
    """« Madame la députée, ou Monsieur le député »: generic when every alternative is."""
    alternatives = re.split(
        r"\s*,?\s*\b(?:ou|et)\b\s*|(?<!\bl[ae])\s*/\s*|\s*,\s*(?=(?:Madame|Monsieur)\b)", who
    )
    return all(forms.generic.match(part) for part in alternatives if part)


def _french_letter_bodies(text: str) -> list[LetterBody]:
    """Every « Madame la Ministre, » letter that runs to a sign-off within a dozen paragraphs."""
    forms = _FRENCH
    letters = []
    found = sorted(
        [
            *forms.salutation.finditer(text),
            *_midline_salutations(text, forms),
            *_STACKED_SALUTATIONS_FR_RE.finditer(text),
        ],
        key=lambda match: match.start(),
    )
    for salutation in found:
        who = salutation.group("who").strip()
        if forms.readers.match(who):
            continue
        blank = re.search(BLANK, who)
        hello = who.casefold() == "bonjour"
        generic = bool(blank) or hello or _all_generic(who, forms)
        start = salutation.start() + len(salutation.group(0)) - len(salutation.group(0).lstrip())
        introduced = bool(_TEMPLATE_INTRO_FR_RE.search(text[max(0, start - 400) : start]))
        if hello and not introduced:
            continue  # « Bonjour, » greets the reader of a newsletter as often as an official
        # A template (introduced as one, addressed to a blank, or the page itself, which opens
        # with a salutation to an office, not a person) may be left unsigned or cut short. A page
        # opening on « Monsieur Benoît Charette, » and never signed is a letter published as an
        # opinion, its « Monsieur le Président, » counterpart an action's letter.
        template = (
            introduced
            or bool(blank)
            or (not _NAMES_PERSON_FR_RE.match(who) and not text[:start].strip())
            or bool(_SENDER_BLANKS_FR_RE.search(text[max(0, start - 600) : start]))
        )
        end = _french_letter_end(text, salutation.end(), forms, template=template)
        if end is None:
            continue
        body = text[start:end]
        if blank:
            at = salutation.start("who") - start + blank.start()
            body = body[:at] + REPRESENTATIVE + body[at + len(blank.group(0)) :]
        body = _french_substitute_signature(body, forms)
        # The note to the sender on the salutation's line is not part of the letter sent.
        note = re.compile(rf"[^\S\r\n]*{_SENDER_NOTE_FR}")
        at = salutation.end("who") - start
        body = body[:at] + note.sub("", body[at:], count=1) if note.match(body, at) else body
        body = forms.supporter.sub(SUPPORTER, body)
        letters.append(LetterBody(start, end, body.strip(), generic, "" if generic else who))
    return letters


# « Monsieur Benoît Charette », « Chère Mme Joly »: a person by name, not an office by title.
_NAMES_PERSON_FR_RE = folding.compile(
    r"^(?:(?:Cher|Chère|Bonjour|Madame|Monsieur|M\.|Mme\.?)[^\S\r\n]+)+"
    r"(?!(?i:l[ea]|les|l['\u2019]|ministre|député|sénat|maire|président|premi)\w*)"
    r"[A-ZÀ-Þ][\w'\u2019-]+[^\S\r\n]+[A-ZÀ-Þ]"
)


# A letterhead left for the sender to fill in above the salutation: « {Votre nom} »,
# « [Votre adresse] », « (DATE) ». Only a template has one.
_SENDER_BLANKS_FR_RE = re.compile(r"(?i)[\[{(<]\s*(?:votre|vos|date\b)")


# « ... Ottawa, ON K1A 0A6 Monsieur le ministre, (OU Madame la ministre,) Je suis ... »: a
# template run together on one line, its salutation after the address block.
_MIDLINE_SALUTATION_FR_RE = re.compile(
    r"(?<=[\w.)] )(?P<who>(?:Madame|Monsieur)[^\S\r\n]+(?:le|la)[^\S\r\n]+"
    r"(?:(?:premier|première)[^\S\r\n]+)?(?:ministre|député|députée|sénateur|sénatrice|"
    r"maire|mairesse|président|présidente))[^\S\r\n]*,(?=[^\S\r\n]+[(A-ZÀ-Þ])"
)


# « Monsieur le Président de la République / Madame la Sénatrice ou Monsieur le Sénateur /
# Madame la Députée ou Monsieur le Député », one a line and no comma: a letter to all of them
# at once. Two lines at least, so that a title alone on a line (a caption, a heading) is none.
_ADDRESSEE_LINE_FR = (
    r"(?:Madame|Monsieur)[^\S\r\n]+(?:l[ea]|l['\u2019])[^\S\r\n]*[^\W\d_][^\r\n,.:;!?]{1,60}"
)
_STACKED_SALUTATIONS_FR_RE = folding.compile(
    rf"^[^\S\r\n]*(?P<who>{_ADDRESSEE_LINE_FR}(?:[^\S\r\n]*\n[^\S\r\n]*{_ADDRESSEE_LINE_FR})+)"
    r"[^\S\r\n]*$",
    re.M,
)


def _midline_salutations(text: str, forms: _Forms) -> list[re.Match[str]]:
    """Salutations in the middle of a line, in a page introduced as a template (« Modèle de
    lettre ») only: elsewhere « Monsieur le ministre, » mid-sentence is someone speaking."""
    return [
        match
        for match in _MIDLINE_SALUTATION_FR_RE.finditer(text)
        if not forms.salutation.match(text, text.rfind("\n", 0, match.start()) + 1)
        and _TEMPLATE_INTRO_FR_RE.search(text[max(0, match.start() - 400) : match.start()])
    ]


def _french_letter_end(
    text: str, after: int, forms: _Forms, *, template: bool = False
) -> int | None:
    """End of the signature after the sign-off, or None when no sign-off follows - unless the
    letter is a template, which then ends with its last paragraph before page furniture or the
    end of the document."""
    window = text[after : after + 20000]
    following = lines(window)  # 120 lines at most are read below
    whole = len(following) <= 120 and after + len(window) >= len(text)
    last = None  # end of the last line of prose read so far
    stopped = False
    for index, line in enumerate(following[:120]):
        if index and forms.salutation.match(line.text):
            return None  # another letter starts before this one is signed
        if not forms.sign_off.match(line.text):
            stripped = line.text.strip()
            if index and stripped and last is not None and _NOT_LETTER_LINE_FR_RE.match(stripped):
                stopped = True
                break
            # The first line is the rest of the salutation's: empty, unless the salutation
            # stood in the middle of a line run together (see `_midline_salutations`).
            if len(stripped.split()) >= 8:
                last = line.end
            continue
        end = after + line.end
        if _FORMAL_FR_RE.match(line.text):
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
    if template and last is not None and (stopped or whole):
        return after + last
    return None


def _french_substitute_signature(body: str, forms: _Forms) -> str:
    body_lines = body.replace("\r\n", "\n").split("\n")
    for index in range(len(body_lines) - 1, -1, -1):
        if not body_lines[index].strip():
            continue
        if forms.placeholder.match(body_lines[index]):
            indent = re.match(r"[^\S\r\n]*", body_lines[index]).group(0)
            body_lines[index] = indent + SUPPORTER
        break
    return "\n".join(body_lines)
