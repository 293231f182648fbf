"""Turning matched French clauses into the short `text` of an action (see `wording`)."""

from __future__ import annotations

import re

from . import folding
from .wording import capitalise, finish, strip_links

__all__ = ["capitalise", "demand", "finish", "infinitive", "point", "strip_links"]

# "(cliquez ici)", "(lien)", "(coordonnées ci-dessous)": link leftovers from scraped pages.
_LINK_PAREN_RE = folding.compile(
    r"(?i)\s*\((?:[^()]*\b(?:ici|lien|cliquez|ci-dessous|coordonnées)\b[^()]*)\)"
)
_FILLER_RE = folding.compile(
    r"(?i)^(?:(?:immédiatement|d['\u2019]urgence|de\s+toute\s+urgence|rapidement|enfin|aussi|"
    r"maintenant|dès\s+maintenant|sans\s+délai|sans\s+tarder)\s+)*"
    r"(?:(?:de\s+)?prendre\s+(?:(?:des|les)\s+)?(?:mesures|moyens)\s+(?:(?:concrètes|urgentes|"
    r"immédiates|nécessaires)\s+)?(?:(?:dès\s+maintenant|immédiatement)\s+)?pour\s+)?"
)
# Where a demand stops: a new clause with its own subject ("..., et nous ...", "..., car ...").
_CLAUSE_END_RE = folding.compile(
    r"(?:;|,?\s+(?:et|mais|car|parce\s+que|alors\s+que|tandis\s+que)\s+"
    r"(?:nous|je|j['\u2019]|vous|ils|elles|il|elle|on|c['\u2019]est|cela|ce)\b"
    r"|,\s+(?:car|parce\s+que|puisque)\b|\.\s|\s[\u2013\u2014]\s|\s*\u00bb"
    # « ..., a déclaré la porte-parole », « ..., selon la coalition »: who said it.
    r"|,\s*(?:(?:a|ont)(?:-t-(?:il|elle)|-(?:ils|elles))?\s+(?:\w+ment\s+)?(?:déclaré|dit|"
    r"affirmé|indiqué|expliqué|ajouté|souligné|rappelé|précisé|lancé)|selon|d['\u2019]après)\b)"
)
# A French infinitive, the verb of a demand: "protéger", "agir", "mettre fin", "ne pas
# approuver", "s'engager". Words like "notre" and "contre" end the same way and are not one.
INFINITIVE = (
    r"(?:ne\s+(?:pas|plus|jamais)\s+)?(?:(?:s['\u2019]|se\s+|les?\s+|la\s+|l['\u2019]|leur\s+|"
    r"lui\s+|y\s+|en\s+)?)"
    r"(?!(?:notre|votre|autre|entre|contre|leur|quatre|titre|lettre|ministre|centre|membre|"
    r"premier|dernier|hier|cher|fier|ordre|offre|nombre|libre|propre|pauvre|sombre|mer|"
    r"guerre|terre|chair|noir|soir|espoir|devoir|pouvoir|avoir|savoir|mer|hiver|avenir|désir|"
    r"plaisir|loisir|quartier|chantier|dossier|papier|métier|foyer|loyer|air|chambre|titre|"
    r"livre|œuvre|mètre|registre|[a-zà-ÿ]*ières?)\b)"
    r"[a-zà-ÿ]{2,}(?:er|ir|re|oir)\b"
)
_INFINITIVE_RE = folding.compile(INFINITIVE)


def demand(text: str) -> str:
    """Tidy a demand clause: 'prendre des mesures immédiates pour protéger le caribou' ->
    'protéger le caribou'."""
    text = strip_links(_LINK_PAREN_RE.sub("", text))
    cut = _CLAUSE_END_RE.search(text)
    if cut:
        text = text[: cut.start()]
    text = finish(finish(text).strip("\u00ab\u00bb \u00a0\u202f"))
    tidied = _FILLER_RE.sub("", text, count=1)
    if len(tidied.split()) >= 3:
        text = tidied
    return text


def point(item: str) -> str:
    """A list item as a talking point: « - de protéger l'habitat du caribou; » -> « protéger
    l'habitat du caribou » (the « de » belongs to the sentence that introduces the list)."""
    item = finish(item)
    stripped = re.sub(r"(?i)^(?:de\s+|d['\u2019])(?=" + INFINITIVE + ")", "", item)
    return capitalise(stripped) if stripped != item else item


def infinitive(text: str) -> bool:
    """True when `text` starts with an infinitive (the verb of a demand)."""
    return bool(_INFINITIVE_RE.match(text))
