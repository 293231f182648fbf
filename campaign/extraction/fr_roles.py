"""French official roles: « ministre de l'Immigration, des Réfugiés et de la Citoyenneté »,
« première ministre », « député de Rosemont-La Petite-Patrie », « ambassadeur de Russie ».

French writes titles in lower case and departments with a capital on their first word only
(« ministre de l'Environnement et du Changement climatique », « Affaires étrangères »), so a
department is a capitalised word with up to two adjectives after it, joined to the next one by
a connector (« , des », « et de la »). A name after a comma (« , Mélanie Joly ») has no
connector and stays out of the role.
"""

from __future__ import annotations

import re

from . import folding
from .roles import Found, merge_overlapping
from .text import WRAPPED_SPACE
from .types import DIPLOMAT, HEAD_OF_GOVERNMENT, MINISTER, MP, OTHER

CAPITALISED_FR = r"[A-ZÀ-ÖØ-Þ][\w'\u2019-]*"
# Inside a role, words may be hard-wrapped onto the next line, never across a blank line.
_SP = WRAPPED_SPACE
# Lower-case words that belong to a department: « climatique », « étrangères », « publique ».
_ADJECTIVE = (
    r"(?:[a-zà-ÿ-]+(?:ique|iques|ale|ales|aux|al|elle|elles|ère|ères|ienne|iennes|ien|iens|"
    r"aire|aires|ive|ives|if|ifs|ics|ic|aine|aines|oise|oises|ée|ées))\b"
)
_CONNECTOR = (
    rf"(?:de{_SP}la|de{_SP}l['\u2019]|du|des|de|d['\u2019]|aux|au|"
    rf"à{_SP}la|à{_SP}l['\u2019]|la|le|les|l['\u2019])"
)
_WORD = rf"{CAPITALISED_FR}(?:{_SP}{_ADJECTIVE}){{0,2}}"
_DEPARTMENT = (
    rf"{_WORD}(?:(?:[^\S\r\n]*,{_SP}{_CONNECTOR}{_SP}?|{_SP}et{_SP}(?:{_CONNECTOR}{_SP}?)?)"
    rf"{_WORD})*"
)
# « Rosemont-La Petite-Patrie » (with a hyphen or an en dash), « Outremont ».
_PLACE = (
    rf"{CAPITALISED_FR}(?:(?:[^\S\r\n]*[\u2013\u2014-]{_SP}?|[^\S\r\n]+)"
    rf"(?:(?:de|du|des|la|le|les|sur|en){_SP})?{CAPITALISED_FR})*"
)
_OF = rf"{_SP}(?:{_CONNECTOR}){_SP}?"
_MINISTER = (
    rf"(?:(?:[Vv]ice-)?[Pp]remi(?:er|ère){_SP})?[Mm]inistre"
    rf"(?:{_SP}(?:délégué|déléguée|associé|associée|fédéral|fédérale|provincial|"
    r"provinciale|responsable))?"
)
ROLE_PATTERNS = (
    # « ministre de l'Immigration, des Réfugiés et de la Citoyenneté », « premier ministre du
    # Canada », « ministre responsable des Aînés ».
    folding.compile(rf"\b{_MINISTER}{_OF}{_DEPARTMENT}"),
    # « député de Rosemont-La Petite-Patrie », « mairesse de Montréal ».
    folding.compile(
        rf"\b(?:[Dd]éputée?|[Mm]aire(?:sse)?|[Ss]énat(?:eur|rice)){_SP}"
        rf"(?:(?:fédérale?|provinciale?){_SP})?(?:de|d['\u2019]|du|des)[^\S\r\n]*{_PLACE}"
    ),
    # « ambassadeur de Russie au Canada », « présidente du Conseil du Trésor ».
    folding.compile(
        rf"\b(?:[Aa]mbassad(?:eur|rice)|[Cc]onsule?(?:{_SP}générale?)?|[Hh]aut-commissaire|"
        rf"[Pp]résidente?){_OF}{_DEPARTMENT}"
        rf"(?:{_SP}(?:au|en){_SP}{CAPITALISED_FR})?"
    ),
    # A title alone: « la ministre Mélanie Joly », « le premier ministre », « les ministres ».
    folding.compile(
        rf"\b(?:(?:[Vv]ice-)?[Pp]remi(?:er|ère){_SP}[Mm]inistre|[Mm]inistres?|"
        r"[Dd]éputé(?:e|\(e\)|·e|\.e)?|[Ss]énat(?:eur|rice)|[Aa]mbassad(?:eur|rice)|"
        r"[Mm]aire(?:sse)?|"
        # « le chef de l'État »: France's president, by the title the press gives him.
        rf"[Cc]he(?:f|ffe){_SP}de{_SP}l['\u2019][ÉE]tat)(?![\w-])"
    ),
)


def find_roles(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """All French official roles in `text[start:end]`; overlapping ones resolve to the one
    starting first, as long as it goes."""
    end = len(text) if end is None else end
    candidates = [
        Found(match.start(), match.end(), re.sub(r"\s+", " ", match.group(0)))
        for pattern in ROLE_PATTERNS
        for match in pattern.finditer(text, start, end)
    ]
    return merge_overlapping(text, candidates)


def classify_role(role: str) -> str:
    """Map a French role to a target kind: minister, head_of_government, diplomat, mp or other."""
    # Folded, so that « depute » and « premiere ministre » typed without accents count.
    lowered = folding.fold(role.casefold())
    if re.search(r"ambassad|consul|haut-commissaire|chargee? d'affaires", lowered):
        return DIPLOMAT
    if re.match(
        r"premi(?:er|ere) ministre|chef(?:fe)? de l'etat|presidente? de la republique", lowered
    ):
        return HEAD_OF_GOVERNMENT
    if "ministre" in lowered:
        return MINISTER
    if re.search(r"depute|senat", lowered):
        return MP
    return OTHER
