"""Reads of the petitions app, for views, the admin and the JSON feed."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone

from petitions import counters, local_cache
from petitions.models import COUNTED, Petition, Signature

PROVINCE_NAMES = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "NT": "Northwest Territories and Nunavut",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
    "YT": "Yukon",
}

RECENT_SIGNERS = 10


def petition_get_public(*, slug: str, preview: bool = False) -> Petition:
    """A petition supporters may see (its campaign published or closed), with its campaign,
    which says whether it is open; 404 otherwise. With `preview` (staff only:
    campaign.previews decides), one of a draft campaign too."""
    petitions = Petition.objects.all() if preview else Petition.objects.public()
    try:
        return petitions.select_related("campaign").get(slug=slug)
    except Petition.DoesNotExist as error:
        raise Http404 from error


def petition_get_public_cached(*, slug: str, preview: bool = False) -> Petition:
    """petition_get_public, remembered by this process for a few seconds (see local_cache):
    the sign form of a viral petition should not read the same row for every signer. A
    preview is read afresh and never remembered."""
    if preview:
        return petition_get_public(slug=slug, preview=True)
    petition = local_cache.petition_get(slug=slug)
    if petition is None:
        petition = petition_get_public(slug=slug)
        local_cache.petition_set(slug=slug, petition=petition)
    return petition


def signature_get_for_confirmation(*, signature_id: int) -> Signature | None:
    """The signature a confirmation link stands for, with its petition and campaign (None if
    gone)."""
    return Signature.objects.select_related("petition__campaign").filter(pk=signature_id).first()


def petition_count(*, petition: Petition) -> int:
    """The public count (from the cache; see petitions.counters)."""
    return counters.count_read(petition.pk)


# The targets a petition with no goal of its own (or one it has passed) aims at next.
MILESTONES = (100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000)


@dataclass(frozen=True)
class Progress:
    """Where a petition stands: `count` of `target` signatures, `percent` of the way there.
    `target` is the organiser's goal until it is reached, then the next round milestone;
    `goal_reached` says the organiser's goal is behind it."""

    count: int
    target: int
    percent: int
    goal_reached: bool


def _next_milestone(count: int) -> int:
    for milestone in MILESTONES:
        if milestone > count:
            return milestone
    # Past the table: the next multiple of 100,000.
    return (count // 100_000 + 1) * 100_000


def petition_progress(*, count: int, goal: int) -> Progress:
    """The progress bar's figures for `count` signatures toward `goal` (0: no goal set)."""
    goal_reached = 0 < goal <= count
    target = goal if goal > count else _next_milestone(count)
    return Progress(
        count=count,
        target=target,
        percent=min(100, count * 100 // target),
        goal_reached=goal_reached,
    )


def signature_list_public_recent(*, petition: Petition, limit: int = RECENT_SIGNERS) -> list:
    """The latest confirmed signers who asked to be shown: first name, initial, riding."""
    return list(
        Signature.objects.filter(COUNTED, petition=petition, show_name=True)
        .order_by("-confirmed_at")
        .only(
            "first_name",
            "last_name",
            "riding_name",
            "province",
            "comment",
            "comment_hidden",
            "confirmed_at",
        )[:limit]
    )


@dataclass(frozen=True)
class AreaCount:
    code: str
    name: str
    count: int


def petition_counts_by_area(*, petition: Petition) -> tuple[list[AreaCount], list[AreaCount]]:
    """Counted signatures by province and by riding (riding unknown is left out of the
    riding list), largest first; one GROUP BY on the partial index of counted rows."""
    rows = (
        Signature.objects.filter(COUNTED, petition=petition)
        .values("province", "riding_code", "riding_name")
        .annotate(n=Count("id"))
    )
    provinces: dict[str, int] = {}
    ridings: dict[str, AreaCount] = {}
    for row in rows:
        provinces[row["province"]] = provinces.get(row["province"], 0) + row["n"]
        if row["riding_code"]:
            previous = ridings.get(row["riding_code"])
            total = row["n"] + (previous.count if previous else 0)
            ridings[row["riding_code"]] = AreaCount(row["riding_code"], row["riding_name"], total)
    by_province = [
        AreaCount(code, PROVINCE_NAMES.get(code, code), n) for code, n in provinces.items()
    ]
    by_province.sort(key=lambda area: (-area.count, area.code))
    by_riding = sorted(ridings.values(), key=lambda area: (-area.count, area.code))
    return by_province, by_riding


@dataclass(frozen=True)
class SourceCount:
    source: str  # "" for signatures that came by no coded link
    signed: int  # not flagged
    counted: int  # confirmed and not flagged


def signature_counts_by_source(*, petition: Petition) -> list[SourceCount]:
    """Signatures (not flagged) and counted signatures per `?source=` code, most counted
    first: which post or partner brought signers (campaign.sharing)."""
    rows = (
        Signature.objects.filter(petition=petition, is_flagged=False)
        .values("source")
        .annotate(signed=Count("id"), counted=Count("id", filter=COUNTED))
        .order_by()
    )
    counts = [SourceCount(row["source"], row["signed"], row["counted"]) for row in rows]
    return sorted(counts, key=lambda c: (-c.counted, -c.signed, c.source))


@dataclass(frozen=True)
class DayCount:
    day: datetime.date
    signed: int
    confirmed: int


def petition_signatures_per_day(*, petition: Petition, days: int = 60) -> list[DayCount]:
    """Signatures made per day (and how many of those are confirmed), for the admin chart."""
    since = timezone.now() - datetime.timedelta(days=days)
    rows = (
        Signature.objects.filter(petition=petition, created_at__gte=since)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(signed=Count("id"), confirmed=Count("id", filter=COUNTED))
        .order_by("day")
    )
    return [DayCount(row["day"], row["signed"], row["confirmed"]) for row in rows]


def petition_next_action_url(*, petition: Petition) -> str:
    """Where a signer goes next: the campaign's write-to-your-MP letter, else its page."""
    campaign = petition.campaign
    templates = getattr(campaign, "letter_templates", None)
    if templates is not None and campaign.is_open:
        # By value (petitions does not import letters): to the MP alone, or with others.
        template = templates.filter(kind__in=["mp", "mp_targets"]).order_by("id").first()
        if template is not None:
            return template.get_absolute_url()
    return campaign.get_absolute_url()
