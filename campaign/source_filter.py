"""The admin's "source" filter of signatures and letters (`?source=` codes: campaign.sharing)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# The choices come from the newest rows only: a DISTINCT over a million signatures on every
# page of the list would scan the table, and the newest rows hold the sources in use.
RECENT_ROWS = 5000


class SourceListFilter(admin.SimpleListFilter):
    """Filter by source; the choices are the sources of the newest RECENT_ROWS rows, and
    "none" for rows that came by no coded link."""

    title = _("source")
    parameter_name = "source"
    none_value = "-"

    def lookups(self, request, model_admin):
        recent = model_admin.model._default_manager.order_by("-pk").values_list("pk", flat=True)
        edge = recent[RECENT_ROWS - 1 : RECENT_ROWS].first()
        rows = model_admin.model._default_manager.exclude(source="")
        if edge is not None:
            rows = rows.filter(pk__gte=edge)
        sources = sorted(set(rows.values_list("source", flat=True)))
        return [(self.none_value, _("none")), *((s, s) for s in sources)]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.none_value:
            return queryset.filter(source="")
        if value:
            return queryset.filter(source=value)
        return queryset
