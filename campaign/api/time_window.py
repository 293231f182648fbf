"""The time filters every list takes: `created_since`, `modified_since`, `until` (ISO 8601).

Each resource names its two times (its `created` and `modified` fields): `created_since`
bounds the first, `modified_since` and `until` the second, so a system that syncs asks for
`modified_since=<its last sync>` and gets everything that entered or changed since. A date
alone is that day's midnight in the site's time zone; a time without a zone, the site's time.
An unparseable value is a 400 that names the parameter.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

FORMATS = ["iso-8601", "%Y-%m-%d"]


class TimeWindowForm(serializers.Serializer):
    """The query string's time filters, bound and checked like a form."""

    created_since = serializers.DateTimeField(
        required=False, input_formats=FORMATS, help_text=_("Created at or after (ISO 8601).")
    )
    modified_since = serializers.DateTimeField(
        required=False,
        input_formats=FORMATS,
        help_text=_("Created or changed at or after (ISO 8601)."),
    )
    until = serializers.DateTimeField(
        required=False,
        input_formats=FORMATS,
        help_text=_("Created or changed before (ISO 8601)."),
    )


@dataclass(frozen=True)
class TimeWindow:
    """Bounds of a list's times; None where not asked for."""

    created_since: datetime | None = None
    modified_since: datetime | None = None
    until: datetime | None = None

    def apply(self, queryset: QuerySet, *, created: str, modified: str) -> QuerySet:
        """`queryset` within the window, `created` and `modified` naming its two times."""
        if self.created_since is not None:
            queryset = queryset.filter(**{f"{created}__gte": self.created_since})
        if self.modified_since is not None:
            queryset = queryset.filter(**{f"{modified}__gte": self.modified_since})
        if self.until is not None:
            queryset = queryset.filter(**{f"{modified}__lt": self.until})
        return queryset


def time_window_from(query_params) -> TimeWindow:
    """The window of a request's query string; raises ValidationError (a 400) when a value
    is not a date."""
    form = TimeWindowForm(data=query_params)
    form.is_valid(raise_exception=True)
    return TimeWindow(**form.validated_data)
