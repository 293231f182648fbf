"""Reads of the directory: who holds an office now, and which office a role names."""

import re
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from campaign.directory.importers.parsing import match_key
from campaign.directory.models import Office, OfficeHolder, Representative

# Words around a title that do not change which office it is ("Canada's Minister of …").
_NOISE = re.compile(
    r"\b(?:the|canada(?:'|\u2019)?s|canadian|federal|hon(?:ourable)?\.?|right|current)\b",
    re.IGNORECASE,
)
# "Foreign Affairs Minister" is the "Minister of Foreign Affairs".
_TITLE_AFTER = re.compile(r"^(?P<portfolio>.+?)\s+(?P<title>Minister|Secretary)$", re.IGNORECASE)


def office_holder_current(*, office: Office, at: datetime | None = None) -> OfficeHolder | None:
    """Who holds `office` at `at` (now by default): the latest tenure under way, or None."""
    at = at or timezone.now()
    return (
        office.holders.filter(started_at__lte=at)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=at))
        .select_related("representative", "office")
        .order_by("-started_at")
        .first()
    )


def _role_key(role: str) -> str:
    role = " ".join(_NOISE.sub(" ", role or "").split())
    inverted = _TITLE_AFTER.match(role)
    if inverted and not role.lower().startswith("prime"):
        role = f"{inverted.group('title')} of {inverted.group('portfolio')}"
    return match_key(role)


def office_for_role(role: str) -> Office | None:
    """The office a role written in a document names, or None.

    "Minister of Foreign Affairs", "the Foreign Affairs Minister", "Canada's Prime Minister"
    match exactly (accents, case and punctuation aside). A shortened title ("Minister of
    Immigration") matches the one office with a current holder whose title it begins.
    """
    key = _role_key(role)
    if not key:
        return None
    offices = list(Office.objects.all())
    for office in offices:
        if key in (_role_key(office.title_en), _role_key(office.title_fr)):
            return office
    candidates = [
        office
        for office in offices
        if _role_key(office.title_en).startswith(key) and office_holder_current(office=office)
    ]
    return candidates[0] if len(candidates) == 1 else None


def representative_names_by_riding() -> dict[str, str]:
    """The current MP's name for each riding code (one query; 343 rows at most)."""
    return dict(
        Representative.objects.filter(is_current=True)
        .exclude(riding_code="")
        .values_list("riding_code", "name")
    )
