"""Admin for organisers: campaigns, their source documents, and the evidence for each action."""

import logging
from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from campaign import selectors, services
from campaign.calls.selectors import call_page_offices, call_total
from campaign.dashboards.views import campaign_dashboard_view
from campaign.directory.selectors import office_holder_current
from campaign.drafts.admin import CampaignReviewAdminMixin, SourceDocumentRereadAdminMixin
from campaign.drafts.services import draft_items_dismissed
from campaign.embeds import embed_snippets
from campaign.evidence import FoundInMixin, evidence_html, highlighted_document_html
from campaign.forms import CampaignAdminForm, SourceDocumentAddForm
from campaign.image_renditions import campaign_image_renditions_write
from campaign.models import (
    CallPage,
    CallToAction,
    Campaign,
    DonationLink,
    DraftDecision,
    SourceDocument,
    Target,
)
from campaign.translations import FRENCH_VERSION_HELP

log = logging.getLogger(__name__)


class TargetInline(FoundInMixin, admin.TabularInline):
    model = Target
    extra = 0
    fields = ["office", "holder_now", "name", "role", "kind", "email", "phone", "organisation"]
    fields += ["named_in_document", "found_in"]
    readonly_fields = ["holder_now", "named_in_document", "found_in"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("office")

    @admin.display(description=_("letters go to now"))
    def holder_now(self, target: Target) -> str:
        """For a target by role, who its letters go to today (looked up, not stored)."""
        if not target.office_id:
            return "—"
        holder = office_holder_current(office=target.office)
        if holder is None:
            return _("nobody holds the office")
        return f"{holder.name} <{holder.letter_email or _('no address')}>"

    @admin.display(description=_("named in the document"))
    def named_in_document(self, target: Target) -> str:
        named = " ".join(f for f in (target.document_name, target.document_email) if f)
        return named or "—"


class DonationLinkInline(FoundInMixin, admin.TabularInline):
    model = DonationLink
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["organisation", "url", "ask", "ask_fr", "found_in"]
    readonly_fields = ["found_in"]


class CallPageInline(FoundInMixin, admin.StackedInline):
    """A campaign's call pages: what to say, the offices to call, and how many called each."""

    model = CallPage
    extra = 0
    fields = ["title", "slug", "script", "title_fr", "script_fr", "targets", "calls_counted"]
    fields += ["found_in"]
    readonly_fields = ["calls_counted", "found_in"]
    show_change_link = False

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "targets":
            # Only the campaign's own targets, and only those with a number to call.
            campaign_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Target.objects.filter(campaign_id=campaign_id).exclude(phone="")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("calls counted"))
    def calls_counted(self, page: CallPage):
        """Counted from the calls when the page is shown (selectors), never stored."""
        if not page.pk:
            return "—"
        offices = call_page_offices(page=page)
        return format_html(
            "<p><strong>{}</strong></p><ul>{}</ul>",
            ngettext("%(n)d call in all", "%(n)d calls in all", call_total(offices))
            % {"n": call_total(offices)},
            format_html_join(
                "", "<li>{}: {}</li>", ((office.label, office.calls) for office in offices)
            ),
        )


class CallToActionInline(admin.TabularInline):
    model = CallToAction
    extra = 0
    can_delete = False
    fields = ["kind", "text", "confidence_label", "evidence"]
    readonly_fields = fields
    show_change_link = True
    verbose_name_plural = _("calls to action found in the sources")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document")

    @admin.display(description=_("confidence"))
    def confidence_label(self, obj):
        return _confidence_label(obj)

    @admin.display(description=_("evidence"))
    def evidence(self, obj):
        return evidence_html(obj)


def _confidence_label(obj: CallToAction) -> str:
    if obj.is_low_confidence:
        return format_html("{} <strong>({})</strong>", f"{obj.confidence:.2f}", _("low"))
    return f"{obj.confidence:.2f}"


def _campaign_inlines():
    # The apps that hang off a campaign provide their own inlines.
    from letters.admin import LetterTemplateInline
    from petitions.admin import PetitionInline

    return [PetitionInline, LetterTemplateInline, CallPageInline, TargetInline, DonationLinkInline]


@admin.register(Campaign)
class CampaignAdmin(CampaignReviewAdminMixin, admin.ModelAdmin):
    form = CampaignAdminForm
    list_display = ["title", "status", "language", "published_at", "test_mode", "updated_at"]
    list_filter = ["status", "language", "test_mode"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["sources"]
    # Status moves only through the actions below: campaign_publish and campaign_close also
    # stamp the dates and refresh the cached petition pages, which editing the field would skip.
    readonly_fields = ["status", "published_at", "closed_at", "public_link", "embed_snippets"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language", "summary", "sources"]}),
        (_("Look"), {"fields": ["image", "image_alt", "brand_colour"]}),
        (
            _("French version"),
            {
                "fields": ["title_fr", "summary_fr", "image_alt_fr"],
                "description": FRENCH_VERSION_HELP,
            },
        ),
        (_("Status"), {"fields": ["status", "published_at", "closed_at", "public_link"]}),
        (_("Testing"), {"fields": ["test_mode", "test_email"]}),
        (_("Sharing and embedding"), {"fields": ["partner_origins", "embed_snippets"]}),
    ]
    actions = ["publish", "close"]
    # Adds "Review draft" and "Dashboard" beside "History".
    change_form_template = "campaign/admin/campaign_change_form.html"

    def get_urls(self):
        return [
            path(
                "<int:campaign_id>/dashboard/",
                self.admin_site.admin_view(
                    partial(campaign_dashboard_view, admin_site=self.admin_site, model_admin=self)
                ),
                name="campaign_campaign_dashboard",
            ),
            *super().get_urls(),
        ]

    def get_inlines(self, request, obj):
        return [*_campaign_inlines(), CallToActionInline] if obj else []

    @admin.display(description=_("code to embed on a partner site"))
    def embed_snippets(self, obj):
        """The iframe code of each petition and letter, for partners to paste (campaign.embeds):
        it shows only on the sites listed above."""
        if not obj.pk:
            return _("Save the campaign first.")
        snippets = embed_snippets(obj)
        if not snippets:
            return _("This campaign has no petition or letter to embed.")
        return format_html_join(
            "",
            '<p><strong>{}</strong></p><textarea readonly rows="3" cols="90"'
            ' class="vLargeTextField" aria-label="{}">{}</textarea>',
            ((s.title, s.title, escape(s.html)) for s in snippets),
        )

    @admin.display(description=_("public page"))
    def public_link(self, obj):
        if not obj.pk:
            return _("Not public until published.")
        if not obj.is_public:
            # Staff see the draft's pages at their public URLs, marked as a preview.
            return format_html(
                '<a href="{}">{}</a> · {}',
                obj.get_absolute_url(),
                _("Preview"),
                _("Not public until published: only staff can open it."),
            )
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())

    @admin.action(description=_("Publish the selected campaigns"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for campaign in queryset:
            try:
                services.campaign_publish(campaign=campaign)
            except services.CampaignNotPublishable as refused:
                for refusal in refused.refusals:
                    self.message_user(request, refusal, messages.ERROR)
                continue
            count += 1
            for warning in selectors.campaign_publish_warnings(campaign=campaign):
                self.message_user(request, warning, messages.WARNING)
        if count:
            self.message_user(
                request,
                ngettext("Published %d campaign.", "Published %d campaigns.", count) % count,
                messages.SUCCESS,
            )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self._role_messages(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def _role_messages(self, request, object_id) -> None:
        """Letters by role: whose holder the document got wrong, and what blocks publishing."""
        campaign = self.get_object(request, object_id)
        if campaign is None:
            return
        for warning in selectors.campaign_role_warnings(campaign=campaign):
            self.message_user(request, warning, messages.WARNING)
        for refusal in selectors.campaign_publish_refusals(campaign=campaign):
            self.message_user(request, refusal, messages.ERROR)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.image and "image" in form.changed_data:
            try:
                campaign_image_renditions_write(image=obj.image)
            except OSError:
                # The pages still work with the image alone: the save goes through.
                log.exception("campaign %s: image renditions not written", obj.pk)
                self.message_user(
                    request,
                    _(
                        "The image's smaller copies for phones could not be written: pages "
                        "show the full image until an administrator runs "
                        "manage.py write_image_renditions."
                    ),
                    messages.WARNING,
                )

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        # A drafted item deleted here is remembered, as from the review: not drafted again.
        draft_items_dismissed(
            campaign=form.instance, items=formset.deleted_objects, user=request.user
        )

    @admin.action(description=_("Close the selected campaigns"), permissions=["change"])
    def close(self, request, queryset):
        for campaign in queryset:
            services.campaign_close(campaign=campaign)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("Closed %d campaign.", "Closed %d campaigns.", count) % count,
            messages.SUCCESS,
        )


@admin.register(CallToAction)
class CallToActionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "confidence_label", "document", "campaign"]
    list_filter = ["kind", "campaign"]
    list_select_related = ["document", "campaign"]
    search_fields = ["text", "evidence_quote", "organisation", "addressee"]
    readonly_fields = [
        "document",
        "kind",
        "evidence",
        "confidence",
        "evidence_start",
        "evidence_end",
        "targets_found",
    ]
    fields = [
        "campaign",
        "document",
        "kind",
        "text",
        "addressee",
        "organisation",
        "talking_points",
        "letter_body",
        "targets_found",
        "confidence",
        "evidence",
        "evidence_start",
        "evidence_end",
    ]

    @admin.display(description=_("confidence"), ordering="confidence")
    def confidence_label(self, obj):
        return _confidence_label(obj)

    @admin.display(description=_("evidence"))
    def evidence(self, obj):
        return evidence_html(obj, with_context=True)

    @admin.display(description=_("targets found"))
    def targets_found(self, obj):
        if not obj.targets:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} {} &lt;{}&gt;</li>",
                ((t.get("role", ""), t.get("name", ""), t.get("email", "")) for t in obj.targets),
            ),
        )


@admin.register(SourceDocument)
class SourceDocumentAdmin(SourceDocumentRereadAdminMixin, admin.ModelAdmin):
    list_display = ["title", "file_name", "language", "published", "imported_at", "action_count"]
    list_filter = ["language"]
    search_fields = ["title", "file_name", "text"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # The language the extractor read the text in: changing it would not re-read the text.
    readonly_fields = ["file_name", "language", "sha256", "imported_at", "document_with_evidence"]
    fields = [
        "title",
        "published",
        "url",
        "file_name",
        "language",
        "sha256",
        "imported_at",
        "document_with_evidence",
    ]
    # Adds "Re-read with the current extractor" beside "History".
    change_form_template = "campaign/admin/sourcedocument_change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_action_count=Count("calls_to_action"))

    @admin.display(description=_("calls to action"), ordering="_action_count")
    def action_count(self, obj):
        return obj._action_count

    @admin.display(description=_("text, with the evidence highlighted"))
    def document_with_evidence(self, obj):
        return highlighted_document_html(obj)

    def add_view(self, request, form_url="", extra_context=None):
        """Import a pasted or uploaded document as `import_seeds` does (documents_import), then
        open the review of the campaign drafted from it. A text imported before is re-read
        instead: the current extractor may find more in it than the one that imported it."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = SourceDocumentAddForm(request.POST, request.FILES)
        else:
            form = SourceDocumentAddForm(initial={"campaign": request.GET.get("campaign")})
        if form.is_valid():
            file_name, text = form.cleaned_data["document"]
            existing = selectors.source_document_get_by_text(text=text)
            if existing is not None:
                self.message_user(
                    request,
                    _(
                        "This text is already imported, as “%(document)s”. Here is what the "
                        "current extractor finds in it that its campaign has not seen."
                    )
                    % {"document": existing},
                    messages.WARNING,
                )
                return redirect(self.reread_url([existing]))
            campaign = form.cleaned_data["campaign"]
            report = services.documents_import(
                documents=[(file_name, text)], campaign_slug=campaign.slug if campaign else None
            )
            self.message_user(request, _imported_message(report), messages.SUCCESS)
            for line in report.skipped:
                self.message_user(request, _("Not drafted: %(why)s") % {"why": line}, messages.INFO)
            return redirect("admin:campaign_campaign_review", report.campaign.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Add a source document"),
            "form": form,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "campaign/admin/source_document_add.html", context)


@admin.register(DraftDecision)
class DraftDecisionAdmin(admin.ModelAdmin):
    """What organisers kept or deleted from drafts. Deleting a dismissal lets a re-read offer
    that sentence again; nothing here is edited."""

    list_display = ["campaign", "decision", "kind", "evidence_quote", "decided_by", "decided_at"]
    list_filter = ["decision", "kind", "campaign"]
    list_select_related = ["campaign", "decided_by"]
    search_fields = ["evidence_quote"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _imported_message(report: services.ImportReport) -> str:
    drafted = len(report.drafted)
    found = ngettext(
        "%(n)d call to action found", "%(n)d calls to action found", report.actions_created
    ) % {"n": report.actions_created}
    if drafted:
        result = ngettext(
            "%(n)d item drafted: check it against its source before publishing.",
            "%(n)d items drafted: check each against its source before publishing.",
            drafted,
        ) % {"n": drafted}
    else:
        result = _("nothing new drafted.")
    return _("Imported into “%(campaign)s”: %(found)s; %(result)s") % {
        "campaign": report.campaign,
        "found": found,
        "result": result,
    }
