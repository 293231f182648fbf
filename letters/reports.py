"""The letters report: letters sent per recipient (an MP or a campaign's target) and per
riding, with the first and last date, for the dashboards and the report page (admin).

A letter counts once per recipient whose email the mail server accepted (the outbox says
`sent`); letters written in test mode went to the campaign's test address and are left out.
Dates are when the supporter confirmed the letter: it leaves within seconds of that.
Aggregates only (GROUP BY recipient or riding), whatever the number of letters.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Min, Q, QuerySet

from campaign.outbox import sent_message_ids
from letters.models import Letter, LetterRecipient
from letters.purposes import LetterPurpose

_SENT_AND_DATES = {
    "n": Count("pk"),
    "first": Min("letter__confirmed_at"),
    "last": Max("letter__confirmed_at"),
}


def letters_sent(**filters) -> QuerySet[LetterRecipient]:
    """Every letter that reached its recipient, one row per recipient (test mode left out)."""
    return LetterRecipient.objects.filter(
        letter__test_mode=False,
        message_id__in=sent_message_ids(purpose=LetterPurpose.LETTER),
        **filters,
    )


@dataclass(frozen=True)
class SentTo:
    """Letters sent to one recipient, or from one riding."""

    label: str
    detail: str
    sent: int
    first: datetime | None
    last: datetime | None


def letters_sent_per_campaign(*, campaign_ids: list[int]) -> dict[int, int]:
    rows = (
        letters_sent(campaign_id__in=campaign_ids)
        .values("campaign_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["campaign_id"]: row["n"] for row in rows}


def letters_sent_per_recipient(*, campaign) -> list[SentTo]:
    """Per recipient (by address: an MP, a minister, an embassy), most letters first."""
    rows = (
        letters_sent(campaign=campaign)
        .values("email", "name", "role")
        .annotate(
            n=Count("pk"), first=Min("letter__confirmed_at"), last=Max("letter__confirmed_at")
        )
        .order_by("-n", "name", "email")
    )
    merged: dict[str, SentTo] = {}
    # One address may carry several names over time (a shuffle): one row per address.
    for row in rows:
        key = row["email"].lower()
        seen = merged.get(key)
        if seen is None:
            merged[key] = SentTo(row["name"], row["role"], row["n"], row["first"], row["last"])
            continue
        merged[key] = SentTo(
            seen.label,
            seen.detail,
            seen.sent + row["n"],
            min(filter(None, [seen.first, row["first"]]), default=None),
            max(filter(None, [seen.last, row["last"]]), default=None),
        )
    return sorted(merged.values(), key=lambda row: (-row.sent, row.label))


def letters_sent_per_riding(*, campaign) -> list[SentTo]:
    """Per supporter's riding (from the directory; "" for letters without one)."""
    rows = (
        letters_sent(campaign=campaign)
        .values("letter__riding__code", "letter__riding__name_en", "letter__riding__province")
        .annotate(
            n=Count("pk"), first=Min("letter__confirmed_at"), last=Max("letter__confirmed_at")
        )
        .order_by("-n", "letter__riding__name_en")
    )
    return [
        SentTo(
            row["letter__riding__name_en"] or "",
            row["letter__riding__province"] or "",
            row["n"],
            row["first"],
            row["last"],
        )
        for row in rows
    ]


def letters_sent_per_province(*, campaign) -> list[tuple[str, int]]:
    """(province code, letters) for letters whose supporter's riding is known."""
    rows = (
        letters_sent(campaign=campaign, letter__riding__isnull=False)
        .values("letter__riding__province")
        .annotate(n=Count("pk"))
        .order_by("-n", "letter__riding__province")
    )
    return [(row["letter__riding__province"], row["n"]) for row in rows]


@dataclass(frozen=True)
class SourceCount:
    source: str  # "" for letters that came by no coded link
    written: int
    confirmed: int


def letters_by_source(*, campaign) -> list[SourceCount]:
    """Letters written and confirmed per `?source=` code (campaign.sharing), most confirmed
    first; test-mode letters left out, as everywhere in the figures."""
    rows = (
        Letter.objects.filter(campaign=campaign, test_mode=False)
        .values("source")
        .annotate(
            written=Count("id"),
            confirmed=Count("id", filter=Q(status=Letter.Status.CONFIRMED)),
        )
        .order_by()
    )
    counts = [SourceCount(row["source"], row["written"], row["confirmed"]) for row in rows]
    return sorted(counts, key=lambda c: (-c.confirmed, -c.written, c.source))
