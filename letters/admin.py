"""Admin: the MP directory and its import, letter templates with a preview, letters sent."""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from campaign.evidence import FoundInMixin
from campaign.outbox.models import OutboundEmail
from letters.composing import SAMPLE_CONTEXT, LetterContext, addressed_as, render_text
from letters.forms import LetterTemplateAdminForm
from letters.importers import ImportFailed
from letters.importers.directory import fsa_import, representatives_file_import, ridings_import
from letters.importers.parsing import parse_fsa, parse_ridings_csv
from letters.models import (
    FsaRiding,
    Letter,
    LetterRecipient,
    LetterTemplate,
    Representative,
    Riding,
)
from letters.selectors import letter_delivery, letters_with_copies

# --- Directory ------------------------------------------------------------------------------


@admin.register(Riding)
class RidingAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_fr", "province", "fsa_count"]
    list_filter = ["province"]
    search_fields = ["code", "name_en", "name_fr", "fsas__fsa"]
    ordering = ["code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(fsa_count=Count("fsas", distinct=True))

    @admin.display(description=_("FSAs"), ordering="fsa_count")
    def fsa_count(self, riding: Riding) -> int:
        return riding.fsa_count


@admin.register(Representative)
class RepresentativeAdmin(admin.ModelAdmin):
    list_display = ["name", "riding_name_en", "riding_code", "province", "party", "email"]
    list_display += ["is_current", "source", "updated_at"]
    list_filter = ["is_current", "province", "party", "source"]
    search_fields = ["name", "riding_name_en", "riding_name_fr", "riding_code", "email"]
    list_select_related = ["riding"]
    readonly_fields = ["key", "updated_at"]
    autocomplete_fields = ["riding"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    change_list_template = "admin/letters/representative/change_list.html"

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="letters_directory_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload a directory file: the same importers as the management commands."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = DirectoryImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                summary = form.run()
            except ImportFailed as error:
                form.add_error("file", str(error))
            else:
                messages.success(request, summary)
                return redirect("admin:letters_representative_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import directory data"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/letters/directory_import.html", context)


class DirectoryImportForm(forms.Form):
    KINDS = [
        ("representatives", _("Members of Parliament (Represent JSON, House of Commons XML, CSV)")),
        ("ridings", _("Ridings (CSV with code, English and French names)")),
        ("fsa", _("FSA to riding (CSV fsa,fed_code or JSON)")),
    ]
    kind = forms.ChoiceField(label=_("What the file holds"), choices=KINDS)
    file = forms.FileField(label=_("File"))
    partial = forms.BooleanField(
        label=_("Only add and update"),
        required=False,
        help_text=_(
            "Members: a by-election or correction; members missing from the file stay current."
        ),
    )

    def run(self) -> str:
        """Import the uploaded file; returns the one-line summary. Raises ImportFailed."""
        data = self.cleaned_data["file"].read()
        kind = self.cleaned_data["kind"]
        if kind == "ridings":
            return ridings_import(records=parse_ridings_csv(data)).summary(_("Ridings"))
        if kind == "fsa":
            return fsa_import(pairs=parse_fsa(data)).summary(_("FSA pairs"))
        _kind, counts = representatives_file_import(data=data, partial=self.cleaned_data["partial"])
        return counts.summary(_("Representatives"))


@admin.register(FsaRiding)
class FsaRidingAdmin(admin.ModelAdmin):
    list_display = ["fsa", "riding", "updated_at"]
    search_fields = ["fsa", "riding__name_en", "riding__code"]
    list_select_related = ["riding"]
    autocomplete_fields = ["riding"]


# --- Templates ------------------------------------------------------------------------------


def _sample_context(template: LetterTemplate) -> LetterContext:
    """The template's first recipient, or a real current MP; made-up names when there is none."""
    name, riding = SAMPLE_CONTEXT.representative_name, SAMPLE_CONTEXT.riding
    if template.kind == LetterTemplate.Kind.TARGETS:
        first = template.targets.first() if template.pk else None
        if first:
            name = addressed_as(first)
    else:
        representative = Representative.objects.current().order_by("name").first()
        if representative:
            name, riding = representative.name, representative.riding_name_en
    return LetterContext(
        representative_name=name,
        riding=riding,
        supporter_name=SAMPLE_CONTEXT.supporter_name,
        supporter_postal_code=SAMPLE_CONTEXT.supporter_postal_code,
        talking_points=list(template.talking_points or []),
    )


def template_preview_html(template: LetterTemplate):
    """The letter as a sample supporter would send it (escaped: it is shown, not trusted)."""
    if not template.pk:
        return _("Save the template to see a preview.")
    context = _sample_context(template)
    try:
        subjects = [render_text(subject, context) for subject in template.subjects]
        body = render_text(template.body, context)
    except Exception as error:  # a template saved before validation existed
        return format_html('<p class="errornote">{}</p>', str(error))
    return format_html(
        '<div class="letter-preview"><p><strong>{}</strong></p><ul>{}</ul>'
        '<pre style="white-space: pre-wrap">{}</pre></div>',
        _("Subjects, in rotation:"),
        format_html_join("", "<li>{}</li>", ((subject,) for subject in subjects)),
        body,
    )


class LetterTemplateInline(FoundInMixin, admin.StackedInline):
    """For the campaign page: the campaign's letter templates, validated on save."""

    model = LetterTemplate
    form = LetterTemplateAdminForm
    extra = 0
    fields = [
        "title",
        "slug",
        "kind",
        "editable",
        "subject_variants",
        "body",
        "talking_points",
        "found_in",
    ]
    readonly_fields = ["found_in"]
    show_change_link = True


@admin.register(LetterTemplate)
class LetterTemplateAdmin(FoundInMixin, admin.ModelAdmin):
    form = LetterTemplateAdminForm
    list_display = ["title", "campaign", "kind", "editable", "letter_count", "flagged_count"]
    list_filter = ["kind", "editable", "campaign"]
    search_fields = ["title", "slug", "campaign__title"]
    list_select_related = ["campaign"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["targets"]
    readonly_fields = ["preview", "found_in"]
    fieldsets = [
        (None, {"fields": ["campaign", "title", "slug", "kind", "editable", "found_in"]}),
        (_("Recipients (fixed-recipient letters)"), {"fields": ["targets"]}),
        (_("Text"), {"fields": ["subject_variants", "body", "talking_points"]}),
        (_("Preview for a sample MP"), {"fields": ["preview"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                letter_total=Count("letters", distinct=True),
                flagged_total=Coalesce(
                    Subquery(
                        letters_with_copies(Letter.objects.filter(template=OuterRef("pk")))
                        .filter(flagged_similar=True)
                        .order_by()
                        .values("template")
                        .annotate(n=Count("pk"))
                        .values("n")
                    ),
                    0,
                ),
            )
        )

    @admin.display(description=_("letters"), ordering="letter_total")
    def letter_count(self, template: LetterTemplate) -> int:
        return template.letter_total

    @admin.display(description=_("near-identical"), ordering="flagged_total")
    def flagged_count(self, template: LetterTemplate) -> int:
        return template.flagged_total

    @admin.display(description=_("preview"))
    def preview(self, template: LetterTemplate):
        return template_preview_html(template)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "targets":
            # Only the campaign's own targets make sense; the template's campaign is known
            # when editing.
            template_id = request.resolver_match.kwargs.get("object_id")
            template = LetterTemplate.objects.filter(pk=template_id).first()
            if template is not None:
                kwargs["queryset"] = template.campaign.targets.all()
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# --- Letters --------------------------------------------------------------------------------


class LetterRecipientInline(admin.TabularInline):
    model = LetterRecipient
    fields = ["name", "role", "email", "delivery"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("delivery"))
    def delivery(self, recipient: LetterRecipient) -> str:
        for item in letter_delivery(recipient.letter):
            if item.recipient.pk == recipient.pk:
                return item.status_label
        return ""


class NearIdenticalFilter(admin.SimpleListFilter):
    """Form letters (see selectors.letters_with_copies): counted, not stored."""

    title = _("near-identical to many others")
    parameter_name = "near_identical"

    def lookups(self, request, model_admin):
        return [("1", _("Yes")), ("0", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in ("0", "1"):
            return queryset.filter(flagged_similar=self.value() == "1")
        return queryset


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ["id", "subject", "campaign", "template", "supporter_name", "riding"]
    list_display += ["status", "delivery_summary", "near_identical", "copies", "test_mode"]
    list_display += ["created_at"]
    list_filter = ["status", NearIdenticalFilter, "test_mode", "campaign", "template"]
    search_fields = ["supporter_email", "supporter_name", "subject"]
    list_select_related = ["campaign", "template", "riding"]
    date_hierarchy = "created_at"
    show_full_result_count = False
    inlines = [LetterRecipientInline]
    readonly_fields = [
        "template",
        "campaign",
        "supporter_name",
        "supporter_email",
        "supporter_postal_code",
        "riding",
        "subject",
        "body",
        "send_copy",
        "status",
        "test_mode",
        "near_identical",
        "copies",
        "text_hash",
        "created_at",
        "confirmed_at",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        letter_type = ContentType.objects.get_for_model(Letter)

        def delivered(*statuses):
            # Counted in the outbox, per letter, in the same query as the page.
            return Coalesce(
                Subquery(
                    OutboundEmail.objects.filter(
                        related_type=letter_type,
                        related_id=OuterRef("pk"),
                        purpose=OutboundEmail.Purpose.LETTER,
                        status__in=statuses,
                    )
                    .order_by()
                    .values("related_id")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            )

        Status = OutboundEmail.Status
        return letters_with_copies(super().get_queryset(request)).annotate(
            sent_count=delivered(Status.SENT),
            waiting_count=delivered(Status.QUEUED, Status.SENDING),
            failed_count=delivered(Status.FAILED, Status.CANCELLED),
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("same text"), ordering="copies")
    def copies(self, letter: Letter) -> int:
        return letter.copies

    @admin.display(
        description=_("near-identical to many others"), boolean=True, ordering="flagged_similar"
    )
    def near_identical(self, letter: Letter) -> bool:
        return letter.flagged_similar

    @admin.display(description=_("delivery"))
    def delivery_summary(self, letter: Letter) -> str:
        if letter.status == Letter.Status.UNCONFIRMED:
            return "—"
        return _("sent %(sent)d, waiting %(waiting)d, failed %(failed)d") % {
            "sent": letter.sent_count,
            "waiting": letter.waiting_count,
            "failed": letter.failed_count,
        }

    def get_list_display_links(self, request, list_display):
        return ["id", "subject"]
