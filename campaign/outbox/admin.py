"""The outbox in the admin: the queue with counts per status, its errors, retry and cancel."""

from django import forms
from django.contrib import admin, messages
from django.template.defaultfilters import truncatechars
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign.admin_paginators import CappedCountPaginator
from campaign.audit.admin import AuditedAdminMixin, form_changes
from campaign.audit.models import AuditLog
from campaign.audit.services import audit_record, audit_record_many
from campaign.identities import mailbox_hash
from campaign.outbox import selectors, services
from campaign.outbox.models import OutboundEmail, Suppression
from campaign.outbox.purposes import purpose_label, purposes_registered
from campaign.outbox.redaction import redact_headers, redact_links

_BODIES = {"body_text", "body_html", "headers"}


class PurposeFilter(admin.SimpleListFilter):
    """The purposes the apps registered (campaign/outbox/purposes.py), by their labels."""

    title = _("purpose")
    parameter_name = "purpose"

    def lookups(self, request, model_admin):
        return [(p.name, p.label) for p in purposes_registered()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(purpose=self.value())
        return queryset


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "purpose_shown",
        "to",
        "status",
        "attempts",
        "next_attempt_at",
        "short_error",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status", PurposeFilter, "created_at", "sent_at"]
    search_fields = ["=message_id", "=to", "=esp_message_id"]
    list_select_related = ["related_type"]
    # The queue grows by one row per signature and letter: no full COUNT(*) and no date
    # drill-down (which scans every row for its dates); the date filters narrow instead.
    show_full_result_count = False
    paginator = CappedCountPaginator
    actions = ["retry", "cancel"]
    # Bodies only through the redacting displays below: a stored confirmation link would let
    # whoever reads the row confirm in the supporter's place.
    readonly_fields = [
        *(f.name for f in OutboundEmail._meta.fields if f.name not in _BODIES),
        "body_text_shown",
        "body_html_shown",
        "headers_shown",
        "purpose_shown",
    ]
    fieldsets = [
        (
            None,
            {"fields": ["status", "purpose_shown", "last_error", "attempts", "next_attempt_at"]},
        ),
        (
            _("Message"),
            {"fields": ["to", "from_email", "reply_to", "subject", "template", "message_id"]},
        ),
        (
            _("Bodies"),
            {
                "classes": ["collapse"],
                "fields": ["body_text_shown", "body_html_shown", "headers_shown"],
                "description": _("Confirmation and status links are shown without their token."),
            },
        ),
        (
            _("Delivery"),
            {
                "fields": [
                    "created_at",
                    "sent_at",
                    "lease_expires_at",
                    "claimed_by",
                    "pacing_slot_reserved",
                    "esp_message_id",
                    "related_type",
                    "related_id",
                ]
            },
        ),
    ]

    @admin.display(description=_("text body"))
    @admin.display(description=_("purpose"), ordering="purpose")
    def purpose_shown(self, email: OutboundEmail) -> str:
        return purpose_label(email.purpose)

    def body_text_shown(self, email: OutboundEmail) -> str:
        return redact_links(email.body_text)

    @admin.display(description=_("HTML body"))
    def body_html_shown(self, email: OutboundEmail) -> str:
        return redact_links(email.body_html)

    @admin.display(description=_("extra headers"))
    def headers_shown(self, email: OutboundEmail) -> str:
        return redact_headers(email.headers)

    @admin.display(description=_("last error"))
    def short_error(self, email: OutboundEmail) -> str:
        return truncatechars(email.last_error, 80)

    def has_add_permission(self, request) -> bool:
        # Rows come from queue_email only: a hand-made row would skip its caller's rules.
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "status_counts": [
                (OutboundEmail.Status(status).label, status, count)
                for status, count in selectors.status_counts().items()
            ],
        }
        return super().changelist_view(request, extra_context=extra_context)

    def _audit(self, request, email_ids: list[int], action: str) -> None:
        audit_record_many(
            actor=request.user,
            action=AuditLog.Action.ACTION,
            model="outbox.outboundemail",
            object_ids=email_ids,
            note=action,
        )

    @admin.action(description=_("Retry the selected emails now"), permissions=["change"])
    def retry(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        count = services.outbound_email_retry(emails=queryset)
        self._audit(request, ids, "retry")
        self.message_user(
            request,
            ngettext("%(count)d email queued again.", "%(count)d emails queued again.", count)
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )

    @admin.action(description=_("Cancel the selected queued emails"), permissions=["change"])
    def cancel(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        count = services.outbound_email_cancel(emails=queryset)
        self._audit(request, ids, "cancel")
        self.message_user(
            request,
            ngettext("%(count)d email cancelled.", "%(count)d emails cancelled.", count)
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )


class SuppressionForm(forms.ModelForm):
    class Meta:
        model = Suppression
        fields = ["address", "reason", "detail"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["address"].required = True
        # Erasures are made by the supporters' data page, which keeps no address.
        self.fields["reason"].choices = [
            (value, label)
            for value, label in self.fields["reason"].choices
            if value not in ERASURE_REASONS
        ]

    def clean_address(self) -> str:
        # Lower case before the uniqueness check, so an address differing only in case is a
        # form error, not a duplicate key on save.
        address = self.cleaned_data["address"].strip().lower()
        if Suppression.objects.filter(address=address).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This address is suppressed already."))
        return address


# Suppressions of an erased mailbox: a hash only, made and shown read-only.
ERASURE_REASONS = {Suppression.Reason.SELF_REMOVAL, Suppression.Reason.ERASURE}


@admin.register(Suppression)
class SuppressionAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Addresses Chorus no longer writes to. Delete a row to lift its suppression.

    Adding, editing and lifting are audited without the address (a supporter's; the log keeps
    no personal data beyond retention)."""

    audit_hidden_fields = frozenset({"address"})

    form = SuppressionForm
    list_display = ["__str__", "reason", "detail", "created_at"]
    list_filter = ["reason", "created_at"]
    search_fields = ["address"]
    readonly_fields = ["source_email", "created_at"]
    show_full_result_count = False

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.mailbox_hash:
            return False
        return super().has_change_permission(request, obj)

    def get_fields(self, request, obj=None):
        if obj is not None and obj.mailbox_hash:
            return ["mailbox_hash", "reason", "created_at"]
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.mailbox_hash:
            return ["mailbox_hash", "reason", "created_at"]
        return super().get_readonly_fields(request, obj)

    def get_search_results(self, request, queryset, search_term):
        """An erased mailbox is found by typing its address: its hash is searched too."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if "@" in search_term:
            found |= queryset.filter(mailbox_hash=mailbox_hash(search_term))
        return found, may_have_duplicates

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # Through the service: also cancels what is queued for the address.
        suppression, _cancelled = services.suppression_add(
            address=obj.address, reason=obj.reason, detail=obj.detail
        )
        obj.pk = suppression.pk
        audit_record(
            actor=request.user,
            action=AuditLog.Action.ADD,
            obj=suppression,
            object_repr=self.audit_repr(suppression),
            changes=form_changes(form, hidden=self.audit_hidden_fields),
        )

    def audit_repr(self, obj) -> str:
        return f"#{obj.pk} ({obj.get_reason_display()})"
