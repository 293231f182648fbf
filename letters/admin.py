"""Admin: letter templates with a preview, and the letters supporters sent."""

from functools import partial

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from campaign.directory.models import Representative
from campaign.drafts.admin import DismissedWhenDeletedAdminMixin
from campaign.evidence import FoundInMixin
from campaign.outbox import OutboundEmail
from campaign.source_filter import SourceListFilter
from campaign.translations import FRENCH_VERSION_HELP
from letters import export_views
from letters.composing import SAMPLE_CONTEXT, LetterContext, addressed_as, render_text
from letters.forms import LetterTemplateAdminForm
from letters.models import Letter, LetterRecipient, LetterTemplate
from letters.purposes import LetterPurpose
from letters.report_page import letters_report_view
from letters.selectors import letter_delivery, letters_with_copies

# --- Templates ------------------------------------------------------------------------------


def _sample_context(template: LetterTemplate) -> LetterContext:
    """A real current MP (a letter to the MP and others is previewed as the MP gets it), else
    the template's first recipient; made-up names when there is none."""
    name, riding = SAMPLE_CONTEXT.representative_name, SAMPLE_CONTEXT.riding
    if not template.writes_to_mp:
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
        talking_points=list(template.shown.talking_points or []),
    )


def template_preview_html(template: LetterTemplate):
    """The letter as a sample supporter would send it (escaped: it is shown, not trusted)."""
    if not template.pk:
        return _("Save the template to see a preview.")
    context = _sample_context(template)
    try:
        subjects = [render_text(subject, context) for subject in template.subjects]
        # In the admin's language when the template has a version in it, as supporters see it.
        body = render_text(template.shown.body, context)
    except Exception as error:  # a template saved before validation existed
        return format_html('<p class="errornote">{}</p>', str(error))
    return format_html(
        '<div class="letter-preview"><p><strong>{}</strong></p><ul>{}</ul>'
        '<pre class="chorus-letter-text">{}</pre></div>',
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
        "title_fr",
        "subject_variants_fr",
        "body_fr",
        "talking_points_fr",
        "found_in",
    ]
    readonly_fields = ["found_in"]
    show_change_link = True


@admin.register(LetterTemplate)
class LetterTemplateAdmin(DismissedWhenDeletedAdminMixin, FoundInMixin, admin.ModelAdmin):
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
        (
            _("Recipients (fixed recipients, alone or with the supporter's MP)"),
            {
                "fields": ["targets"],
                "description": _(
                    "Used when the kind above names fixed recipients. A recipient by role "
                    "(an office) gets the letter at its holder's address when the letter is "
                    "written."
                ),
            },
        ),
        (_("Text"), {"fields": ["subject_variants", "body", "talking_points"]}),
        (
            _("French version"),
            {
                "fields": ["title_fr", "subject_variants_fr", "body_fr", "talking_points_fr"],
                "description": FRENCH_VERSION_HELP,
            },
        ),
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
                # A target reached only by phone (a call page's office) has no letter address.
                kwargs["queryset"] = template.campaign.targets.filter(
                    Q(office__isnull=False) | ~Q(email="")
                )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# --- Letters --------------------------------------------------------------------------------


class LetterRecipientInline(admin.TabularInline):
    model = LetterRecipient
    fields = ["name", "role", "email", "held_office", "delivery"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("office_holder__office")

    @admin.display(description=_("written to by role"))
    def held_office(self, recipient: LetterRecipient) -> str:
        """A letter to an office went to its holder when it was written: who, and since when."""
        holder = recipient.office_holder
        if holder is None:
            return "—"
        return _("%(name)s, %(office)s since %(start)s") % {
            "name": holder.name,
            "office": holder.office.title_en,
            "start": timezone.localdate(holder.started_at).isoformat(),
        }

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
    list_filter = [
        "status",
        NearIdenticalFilter,
        "test_mode",
        "campaign",
        "template",
        SourceListFilter,
    ]
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

    def get_urls(self):
        return [
            path(
                "report/<int:campaign_id>/",
                self.admin_site.admin_view(
                    partial(letters_report_view, admin_site=self.admin_site, model_admin=self)
                ),
                name="letters_letter_report",
            ),
            path(
                "export/",
                self.admin_site.admin_view(
                    partial(export_views.letter_export, admin_site=self.admin_site)
                ),
                name="letters_letter_export",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        letter_type = ContentType.objects.get_for_model(Letter)

        def delivered(*statuses):
            # Counted in the outbox, per letter, in the same query as the page.
            return Coalesce(
                Subquery(
                    OutboundEmail.objects.filter(
                        related_type=letter_type,
                        related_id=OuterRef("pk"),
                        purpose=LetterPurpose.LETTER,
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
