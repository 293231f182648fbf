"""Webhooks in the admin: endpoints (with a test event) and their deliveries (read-only, retry)."""

import json

from django import forms
from django.contrib import admin, messages
from django.template.defaultfilters import truncatechars
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign.admin_paginators import CappedCountPaginator
from campaign.audit.models import AuditLog
from campaign.audit.services import audit_record_many
from campaign.webhooks import events, services
from campaign.webhooks.addresses import url_problem
from campaign.webhooks.models import WebhookDelivery, WebhookEndpoint


class WebhookEndpointForm(forms.ModelForm):
    # Declared, not generated: endpoints are https only (addresses.url_problem), and a bare
    # host typed in becomes https:// rather than Django 5's default http://.
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[(name, name) for name in events.SUBSCRIBABLE],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "events", "include_personal_data", "active"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        problem = url_problem(url)
        if problem:
            raise forms.ValidationError(problem)
        return url


def _audit(request, model: str, ids: list[int], note: str) -> None:
    audit_record_many(
        actor=request.user,
        action=AuditLog.Action.ACTION,
        model=model,
        object_ids=ids,
        note=note,
    )


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["name", "url", "active", "include_personal_data", "events_shown", "health"]
    list_filter = ["active", "include_personal_data"]
    search_fields = ["name", "url"]
    readonly_fields = ["secret", "consecutive_failures", "paused_until", "created_at"]
    actions = ["send_test"]
    fieldsets = [
        (None, {"fields": ["name", "url", "events", "include_personal_data", "active"]}),
        (
            _("Signing"),
            {
                "fields": ["secret"],
                "description": _(
                    "Give this secret to the receiving system: it checks the X-Chorus-Signature "
                    "header with it (see the README, Webhooks)."
                ),
            },
        ),
        (_("Health"), {"fields": ["consecutive_failures", "paused_until", "created_at"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        # The secret exists once the endpoint is saved.
        return self.fieldsets if obj else self.fieldsets[:1]

    @admin.display(description=_("events"))
    def events_shown(self, endpoint: WebhookEndpoint) -> str:
        return ", ".join(endpoint.events)

    @admin.display(description=_("health"))
    def health(self, endpoint: WebhookEndpoint) -> str:
        if not endpoint.consecutive_failures:
            return _("OK")
        count = endpoint.consecutive_failures
        return ngettext("%(count)d failure in a row", "%(count)d failures in a row", count) % {
            "count": count
        }

    @admin.action(
        description=_("Send a test event to the selected endpoints"), permissions=["change"]
    )
    def send_test(self, request, queryset):
        endpoints = list(queryset)
        for endpoint in endpoints:
            services.webhook_endpoint_send_test(endpoint=endpoint)
        _audit(request, "webhooks.webhookendpoint", [e.pk for e in endpoints], "send test event")
        self.message_user(
            request,
            ngettext(
                "A test event was queued for %(count)d endpoint: see its delivery.",
                "A test event was queued for %(count)d endpoints: see their deliveries.",
                len(endpoints),
            )
            % {"count": len(endpoints)},
            messages.SUCCESS,
        )


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """What was sent where, and what came back. Read-only: a delivery's payload is written once."""

    list_display = [
        "id",
        "event",
        "endpoint",
        "status",
        "attempts",
        "last_status_code",
        "short_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status", "event", "endpoint", "created_at"]
    search_fields = ["=event_id", "=uuid"]
    list_select_related = ["endpoint"]
    show_full_result_count = False
    paginator = CappedCountPaginator
    actions = ["retry"]
    fields = [
        "endpoint",
        "event",
        "event_id",
        "uuid",
        "status",
        "attempts",
        "next_attempt_at",
        "last_status_code",
        "last_error",
        "created_at",
        "sent_at",
        "payload_shown",
    ]
    readonly_fields = fields

    @admin.display(description=_("payload"))
    def payload_shown(self, delivery: WebhookDelivery) -> str:
        return format_html("<pre>{}</pre>", json.dumps(delivery.payload, indent=2, sort_keys=True))

    @admin.display(description=_("last error"))
    def short_error(self, delivery: WebhookDelivery) -> str:
        return truncatechars(delivery.last_error, 80)

    def has_add_permission(self, request) -> bool:
        # Rows come from webhook_emit only: an event is what happened, not what staff type.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Retry the selected deliveries now"), permissions=["change"])
    def retry(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        count = services.webhook_delivery_retry(deliveries=queryset)
        _audit(request, "webhooks.webhookdelivery", ids, "retry")
        self.message_user(
            request,
            ngettext(
                "%(count)d delivery queued again.", "%(count)d deliveries queued again.", count
            )
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )
