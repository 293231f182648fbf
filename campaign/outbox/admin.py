from django.contrib import admin

from campaign.outbox.models import OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ["id", "purpose", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "purpose"]
    search_fields = ["message_id"]
    show_full_result_count = False
    readonly_fields = [f.name for f in OutboundEmail._meta.fields]
