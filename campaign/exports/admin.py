"""The export log in the admin: read-only, and for superusers only (it names who exported
which supporters; data staff see their own exports in the files they have)."""

from django.contrib import admin

from campaign.admin_paginators import CappedCountPaginator
from campaign.exports.models import ExportLog


@admin.register(ExportLog)
class ExportLogAdmin(admin.ModelAdmin):
    list_display = ["started_at", "actor", "via", "kind", "subject", "rows", "outcome"]
    list_filter = ["outcome", "via", "kind", ("started_at", admin.DateFieldListFilter)]
    search_fields = ["=actor", "subject"]
    show_full_result_count = False
    paginator = CappedCountPaginator
    fields = ["started_at", "finished_at", "actor", "actor_id", "via", "kind", "subject"]
    fields += ["filters", "columns", "rows", "outcome", "note"]
    readonly_fields = fields

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
