"""The days a dashboard covers, and rows counted per day in one aggregate query each."""

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from campaign.dashboards.registry import Window

# The periods a campaign's page offers (days); the first is the default.
PERIODS = (30, 90, 365)


def window_ending_today(days: int, *, now: datetime | None = None) -> Window:
    """The last `days` days, today included, in the site's time zone."""
    now = timezone.localtime(now)
    today = now.date()
    first = today - timedelta(days=days - 1)
    tz = timezone.get_current_timezone()
    return Window(
        days=[first + timedelta(days=n) for n in range(days)],
        start=datetime.combine(first, time.min, tzinfo=tz),
        today_start=datetime.combine(today, time.min, tzinfo=tz),
    )


def counts_per_day(queryset: QuerySet, *, field: str, window: Window) -> list[int]:
    """How many rows of `queryset` fall on each day of `window`, by the datetime `field`:
    one GROUP BY over the window's rows, zeros for days without any."""
    by_day = _grouped(queryset, field=field, window=window, by=())
    return [by_day.get((day,), 0) for day in window.days]


def counts_per_day_by(
    queryset: QuerySet, *, field: str, window: Window, by: str
) -> dict[str, list[int]]:
    """counts_per_day for each value of the column `by` (e.g. status), in one query."""
    grouped = _grouped(queryset, field=field, window=window, by=(by,))
    values = sorted({key[1] for key in grouped})
    return {value: [grouped.get((day, value), 0) for day in window.days] for value in values}


def running_total(values: Sequence[int], *, before: int = 0) -> list[int]:
    """The cumulative count at the end of each day, starting from `before`."""
    totals, total = [], before
    for value in values:
        total += value
        totals.append(total)
    return totals


def _grouped(queryset: QuerySet, *, field: str, window: Window, by: tuple[str, ...]) -> dict:
    rows = (
        queryset.filter(**{f"{field}__gte": window.start})
        .annotate(day=TruncDate(field))
        .values("day", *by)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["day"], *(row[name] for name in by)): row["n"] for row in rows}
