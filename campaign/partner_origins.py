"""Partner origins: the sites allowed to frame a campaign's embeds (`https://host[:port]`).

Kept apart from the embed views so the model can validate the field without importing them.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A host name (letters, digits, hyphens, dots; no path, no wildcard) and an optional port.
_ORIGIN = re.compile(
    r"https://(?=.{1,253}(?::|$))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
    r"(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::[0-9]{1,5})?"
)


def _is_origin(value: str) -> bool:
    if not _ORIGIN.fullmatch(value):
        return False
    port = value[len("https://") :].partition(":")[2]
    return not port or 0 < int(port) <= 65535


def partner_origins_parse(text: str) -> list[str]:
    """The non-empty lines of `text`, trimmed and lower-cased, without repeats, in order."""
    origins: list[str] = []
    for line in (text or "").splitlines():
        origin = line.strip().lower().rstrip("/")
        if origin and origin not in origins:
            origins.append(origin)
    return origins


def validate_partner_origins(text: str) -> None:
    """Each line must be `https://host` or `https://host:port`: no path, no wildcard, no
    other scheme (a CSP source list would read anything else differently, or too widely)."""
    bad = [o for o in partner_origins_parse(text) if not _is_origin(o)]
    if bad:
        raise ValidationError(
            _(
                "Write one site address a line, as https://www.example.org (no path, no "
                "wildcard). Not valid: %(origins)s"
            )
            % {"origins": ", ".join(bad)},
            code="partner_origin",
        )
