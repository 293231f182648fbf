"""French officials named without a title, their role given after them in apposition.

« Envoyez un mail à Jean Dupont et Marie Roy, ces deux députés défendent ... », « Écrivez à
Paul Martin, sénateur de l'Yonne »: the names come first and the role after a comma, so the
role finder, which reads a title before a name, finds nobody. Each name is a target with the
role the apposition gives (singular: « deux députés » -> « député »).
"""

from __future__ import annotations

import re

from . import folding
from .fr_roles import classify_role
from .types import Target

_NAME = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?(?:\s+(?:de\s+|du\s+|le\s+)?[A-ZÀ-Þ][\w-]+){1,2}"
_APPOSED_RE = folding.compile(
    rf"^\s*(?:à|au)\s+(?P<names>{_NAME}(?:\s*(?:,|et)\s*{_NAME})*)\s*,\s*"
    r"(?:(?:ces|les|nos|vos)\s+(?:deux|trois|quatre|cinq)?\s*)?"
    r"(?P<role>députée?s?|sénat(?:eur|rice)s?|ministres?|maires?|élue?s?)\b"
)


def apposed_targets(clause: str) -> list[Target]:
    """« à X et Y, ces deux députés »: X and Y, each a député."""
    match = _APPOSED_RE.match(clause)
    if not match:
        return []
    role = re.sub(r"s$", "", match.group("role"))
    names = re.split(r"\s*(?:,|\bet\b)\s*", match.group("names"))
    return [Target(name=name, role=role, kind=classify_role(role)) for name in names if name]
