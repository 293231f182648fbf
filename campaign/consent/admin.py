"""The ledger in the admin: read only. Consent is given and withdrawn by supporters (or by
staff acting on a request, through the supporters' data page), never edited here."""

from django.contrib import admin

from campaign.consent.models import ConsentEvent


@admin.register(ConsentEvent)
class ConsentEventAdmin(admin.ModelAdmin):
    list_display = ("recorded_at", "scope", "action", "method", "language", "address")
    list_filter = ("action", "method", "language", "scope")
    # The exact mailbox key: the ledger is looked up by person, never browsed by address part.
    search_fields = ("=mailbox_key", "=address")
    date_hierarchy = "recorded_at"
    show_full_result_count = False
    readonly_fields = [field.name for field in ConsentEvent._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
