"""Accent- and typography-insensitive matching that keeps evidence offsets exact.

Advocacy texts are often typed without accents (« Envoyez une lettre a votre depute »), with
curly or straight apostrophes (U+2019 or '), and with non-breaking spaces. Rules written with the
accents should read them all. Two tools, for any language:

* `fold(text)` - a copy of the same length where each character is replaced one-for-one by
  its unaccented base (é -> e, U+2019 -> ', a no-break space -> a space), so an offset found in the
  folded copy is the same offset in the original.
* `tolerant(pattern)` / `compile(pattern)` - a regular expression whose accented letters and
  apostrophes also match their plain forms, run on the original text: what it captures is the
  text as written, accents and all, and its offsets are the original's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typography folded one-for-one: apostrophes and quotes, dashes, spaces.
_TYPOGRAPHY = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2013": "-",
    "\u2014": "-",
}
_APOSTROPHES = "'\u2019"


@lru_cache(maxsize=4096)
def base_letter(char: str) -> str:
    """The unaccented form of one character (é -> e, Ç -> C), or the character itself; always
    one character, so folding never moves an offset. Ligatures (œ) are kept as they are."""
    if char in _TYPOGRAPHY:
        return _TYPOGRAPHY[char]
    if char.isascii():
        return char
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    return base if len(decomposed) > 1 and base.isascii() else char


def fold(text: str) -> str:
    """`text` without accents and with plain apostrophes and spaces, of the same length."""
    if text.isascii():
        return text
    return "".join(base_letter(c) for c in text)


def _class_end(pattern: str, start: int) -> int:
    """The index of the `]` closing the character class opened at `start`."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def tolerant(pattern: str) -> str:
    """`pattern` rewritten so that each accented letter also matches its base letter
    (`député` -> `d[ée]put[ée]`) and an apostrophe matches both ' and U+2019. Character classes
    gain the base letters of their accented members; negated classes are left alone (what
    they exclude is excluded as written)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[":
            end = _class_end(pattern, i)
            body = pattern[i + 1 : end]
            if body.startswith("^"):
                out.append(pattern[i : end + 1])
            else:
                extra = {base_letter(c) for c in body if base_letter(c) != c}
                if "'" in body or "\u2019" in body:
                    extra.update(_APOSTROPHES)
                extra -= set(body)
                out.append("[" + "".join(sorted(extra)) + body + "]")
            i = end + 1
            continue
        if char in _APOSTROPHES:
            out.append("['\u2019]")
        elif (base := base_letter(char)) != char and base.isalpha():
            out.append(f"[{char}{base}]")
        else:
            out.append(char)
        i += 1
    return "".join(out)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile` of the `tolerant` form of `pattern`."""
    return re.compile(tolerant(pattern), flags)
