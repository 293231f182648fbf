"""Admin for petitions and signatures, built to stay fast on millions of signatures."""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign.admin_paginators import CappedCountPaginator
from campaign.audit.models import AuditLog
from campaign.audit.services import audit_record_many
from campaign.drafts.admin import DismissedWhenDeletedAdminMixin
from campaign.evidence import FoundInMixin
from campaign.identities import mailbox_key
from campaign.source_filter import SourceListFilter
from campaign.translations import FRENCH_VERSION_HELP
from petitions import export_views, local_cache, selectors, services
from petitions.delivery_page import PERMISSION as DELIVERY_PERMISSION
from petitions.delivery_page import delivery_view
from petitions.exports import EXPORT_PERMISSION
from petitions.models import Petition, Signature

NOT_KEPT_REASON = "(flagged)"


class PetitionInline(FoundInMixin, admin.TabularInline):
    """The petitions of a campaign, on the campaign's admin page."""

    model = Petition
    extra = 0
    fields = ["title", "slug", "addressed_to", "goal", "found_in"]
    readonly_fields = ["found_in"]
    show_change_link = True
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Petition)
class PetitionAdmin(DismissedWhenDeletedAdminMixin, FoundInMixin, admin.ModelAdmin):
    list_display = ["title", "campaign", "state", "goal", "public_count", "created_at"]
    change_form_template = "petitions/admin/petition_change_form.html"
    list_filter = [("campaign__status", admin.ChoicesFieldListFilter), "campaign"]
    list_select_related = ["campaign"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["state", "found_in", "created_at", "figures", "target_updates"]
    fieldsets = [
        (None, {"fields": ["campaign", "title", "slug", "demand", "addressed_to", "goal"]}),
        (
            _("Delivery to the target"),
            {
                "fields": ["target_email", "target_update_every", "target_updates"],
                "description": _(
                    "Chorus can email the target the new signers (name, riding, first half of "
                    "the postal code) each time the count passes a multiple of the number below."
                ),
            },
        ),
        (
            _("French version"),
            {
                "fields": ["title_fr", "demand_fr", "addressed_to_fr"],
                "description": FRENCH_VERSION_HELP,
            },
        ),
        (
            _("Status"),
            {
                "fields": ["state", "figures", "found_in", "created_at"],
                "description": _(
                    "A petition is open while its campaign is published and closed once the "
                    "campaign is closed: publish or close the campaign to change it."
                ),
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # This process shows the edit at once; the others within PETITIONS_PAGE_CACHE_SECONDS.
        local_cache.page_forget(petition_id=obj.pk)

    @admin.display(description=_("status"), ordering="campaign__status")
    def state(self, petition: Petition) -> str:
        # The campaign's status decides (see Petition): publish or close the campaign to change it.
        if not petition.pk:
            return _("Open once its campaign is published.")
        return Petition.Status(petition.status).label

    @admin.display(description=_("count"))
    def public_count(self, petition: Petition) -> int:
        return selectors.petition_count(petition=petition)

    @admin.display(description=_("signatures"))
    def figures(self, petition: Petition) -> str:
        if not petition.pk:
            return "-"
        return format_html(
            '{} · <a href="{}">{}</a> · <a href="{}?petition__id__exact={}">{}</a>',
            selectors.petition_count(petition=petition),
            reverse("admin:petitions_petition_per_day", args=[petition.pk]),
            _("signatures per day"),
            reverse("admin:petitions_signature_changelist"),
            petition.pk,
            _("list"),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The printable list names the signers: its button only for those who may open it.
        if request.user.has_perm(DELIVERY_PERMISSION) and str(object_id).isdigit():
            extra_context = {
                **(extra_context or {}),
                "delivery_url": reverse("admin:petitions_petition_delivery", args=[object_id]),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("emailed so far"))
    def target_updates(self, petition: Petition) -> str:
        if not petition.target_updated_at:
            return _("Nothing yet.")
        return _("Up to %(count)d signatures, last on %(date)s.") % {
            "count": petition.target_updated_count,
            "date": date_format(localtime(petition.target_updated_at), "DATETIME_FORMAT"),
        }

    def get_urls(self):
        return [
            path(
                "<int:petition_id>/delivery/",
                self.admin_site.admin_view(delivery_view),
                name="petitions_petition_delivery",
            ),
            path(
                "export/",
                self.admin_site.admin_view(
                    partial(export_views.signature_export, admin_site=self.admin_site)
                ),
                name="petitions_petition_export",
            ),
            path(
                "<int:petition_id>/per-day/",
                self.admin_site.admin_view(self.per_day_view),
                name="petitions_petition_per_day",
            ),
            *super().get_urls(),
        ]

    def per_day_view(self, request, petition_id: int):
        """Signatures per day as a server-rendered bar chart (inline SVG, no script, no CDN)."""
        petition = get_object_or_404(Petition, pk=petition_id)
        if not self.has_view_permission(request, petition):
            raise PermissionDenied
        days = selectors.petition_signatures_per_day(petition=petition)
        peak = max((day.signed for day in days), default=0) or 1
        bar_width = 14
        rows = []
        for i, day in enumerate(days):
            signed_height = round(day.signed * 150 / peak)
            confirmed_height = round(day.confirmed * 150 / peak)
            rows.append(
                {
                    "day": day,
                    "x": i * (bar_width + 4),
                    "signed_height": signed_height,
                    "signed_y": 160 - signed_height,
                    "confirmed_height": confirmed_height,
                    "confirmed_y": 160 - confirmed_height,
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Signatures per day: %(title)s") % {"title": petition.title},
            "petition": petition,
            "rows": rows,
            "peak": peak,
            "bar_width": bar_width,
            "chart_width": max(len(rows) * (bar_width + 4), bar_width),
        }
        return TemplateResponse(request, "petitions/admin/per_day.html", context)


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confirmed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(confirmed_at__isnull=True)
        return queryset


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "petition",
        "first_name",
        "last_name",
        "province",
        "riding_name",
        "created_at",
        "confirmed_at",
        "flagged",
        "newsletter_opt_in",
        "comment_hidden",
    ]
    list_filter = [
        ConfirmedFilter,
        # Named explicitly: a generated column would otherwise get a filter listing its
        # distinct values, a scan of the whole table on every page.
        ("is_flagged", admin.BooleanFieldListFilter),
        "flag_reason",
        SourceListFilter,
        "newsletter_opt_in",
        "comment_hidden",
        ("created_at", admin.DateFieldListFilter),
        "petition",
    ]
    list_select_related = ["petition"]
    # Exact address only (normalised as on signing): an indexed lookup, not a table scan.
    search_fields = ["=email_key"]
    search_help_text = _("Search by exact email address.")
    show_full_result_count = False
    paginator = CappedCountPaginator
    list_per_page = 50
    ordering = ["-id"]
    actions = ["hide_comments", "show_comments", "clear_flags"]
    # What supporters wrote is theirs: nothing here is editable. Moderation goes through the
    # actions below, each written to the audit log.
    readonly_fields = [
        "petition",
        "first_name",
        "last_name",
        "comment",
        "comment_hidden",
        "email",
        "email_key",
        "postal_code",
        "province",
        "riding_code",
        "riding_name",
        "show_name",
        "newsletter_opt_in",
        "newsletter_consent_text",
        "newsletter_consent_at",
        "organisation_newsletter_opt_in",
        "organisation_newsletter_consent_text",
        "consent_page",
        "language",
        "ip_hash",
        "flag_reason",
        "rate_limit_pending",
        "confirmation_sends",
        "created_at",
        "confirmed_at",
    ]
    fields = readonly_fields
    # How to reach a signer, and where they live: for the people who may export the list
    # (data staff). Organisers moderate names and comments and need none of it.
    CONTACT_FIELDS = ("email", "email_key", "postal_code", "ip_hash")

    def get_fields(self, request, obj=None):
        if request.user.has_perm(EXPORT_PERMISSION):
            return self.fields
        return [name for name in self.fields if name not in self.CONTACT_FIELDS]

    @admin.display(description=_("flagged"), boolean=True, ordering="is_flagged")
    def flagged(self, signature: Signature) -> bool:
        return signature.is_flagged

    def has_add_permission(self, request) -> bool:
        # Signatures come from supporters only.
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def _audit(self, request, signature_ids: list[int], changes: dict, note: str) -> None:
        audit_record_many(
            actor=request.user,
            action=AuditLog.Action.ACTION,
            model="petitions.signature",
            object_ids=signature_ids,
            changes=changes,
            note=note,
        )

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        return queryset.filter(email_key=mailbox_key(term)), False

    def has_moderate_permission(self, request) -> bool:
        """Who may run the moderation actions (hide/show comments, clear flags)."""
        return request.user.has_perm("petitions.moderate_signature")

    @admin.action(
        description=_("Hide the comments of the selected signatures"), permissions=["moderate"]
    )
    def hide_comments(self, request, queryset):
        ids = list(queryset.exclude(comment_hidden=True).values_list("pk", flat=True))
        changed = services.signature_comments_hide(signature_ids=ids, hidden=True)
        self._audit(request, ids, {"comment_hidden": (False, True)}, "hide_comments")
        self.message_user(
            request,
            ngettext("%(n)d comment hidden.", "%(n)d comments hidden.", changed) % {"n": changed},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Show the comments of the selected signatures"), permissions=["moderate"]
    )
    def show_comments(self, request, queryset):
        ids = list(queryset.exclude(comment_hidden=False).values_list("pk", flat=True))
        changed = services.signature_comments_hide(signature_ids=ids, hidden=False)
        self._audit(request, ids, {"comment_hidden": (True, False)}, "show_comments")
        self.message_user(
            request,
            ngettext("%(n)d comment shown.", "%(n)d comments shown.", changed) % {"n": changed},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Clear the flag (genuine) and send the confirmation"),
        permissions=["moderate"],
    )
    def clear_flags(self, request, queryset):
        ids = list(queryset.filter(is_flagged=True).values_list("pk", flat=True))
        changed = services.signature_unflag(signature_ids=ids)
        self._audit(request, ids, {"flag_reason": (NOT_KEPT_REASON, "")}, "clear_flags")
        self.message_user(
            request,
            ngettext("%(n)d signature unflagged.", "%(n)d signatures unflagged.", changed)
            % {"n": changed},
            messages.SUCCESS,
        )
