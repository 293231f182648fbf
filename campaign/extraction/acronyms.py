"""Initials spelled out: "CAF" is the "Canadian Arab Federation" a document defines as
"Canadian Arab Federation (CAF)" (or « Fédération canadienne de la faune (FCF) »), so that
an organiser sees whom an appeal is for, not only its initials. Both languages."""

from __future__ import annotations

import re

# Little words a name's initials skip ("Federation of Labour" -> "FL").
_LINK_WORDS = frozenset(
    ["of", "the", "and", "for", "on", "in", "de", "la", "le", "les", "du", "des", "et", "pour"]
)
# Up to eight words before the bracketed initials: "the Canadian Arab Federation (CAF)".
_DEFINED_RE = r"((?:[\w'\u2019-]+[^\S\r\n]+){{1,8}})\(\s*{short}\s*\)"


def spelled_out(short: str, text: str) -> str:
    """The full name `text` gives for the initials `short` ("Canadian Arab Federation (CAF)"),
    or `short` itself when it is no set of initials or the text never spells it out."""
    if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 8):
        return short
    for match in re.finditer(_DEFINED_RE.format(short=re.escape(short)), text):
        name = _name_ending_before(match.group(1).split(), short)
        if name:
            return name
    return short


def _name_ending_before(words: list[str], short: str) -> str:
    """The shortest run of `words`, ending with the last, whose initials are `short`."""
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        if run[0].casefold() in _LINK_WORDS:
            continue
        initials = "".join(w[0] for w in run if w.casefold() not in _LINK_WORDS).upper()
        if initials == short:
            return " ".join(run)
        if len(initials) > len(short):
            break
    return ""
