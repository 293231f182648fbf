"""Admin: ridings, MPs, FSAs and the ministry, with an upload page for each source's file.

Every edit and import is written to the audit log (campaign.audit).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from campaign.audit.admin import AuditedAdminMixin
from campaign.audit.models import AuditLog
from campaign.audit.services import audit_record
from campaign.directory.importers import ImportFailed
from campaign.directory.importers.directory import (
    fsa_import,
    representatives_file_import,
    ridings_import,
)
from campaign.directory.importers.ministry import ministry_file_import
from campaign.directory.importers.parsing import parse_fsa, parse_ridings_csv
from campaign.directory.models import FsaRiding, Office, OfficeHolder, Representative, Riding
from campaign.directory.selectors import office_holder_current


@admin.register(Riding)
class RidingAdmin(AuditedAdminMixin, admin.ModelAdmin):
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
class RepresentativeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "riding_name_en", "riding_code", "province", "party", "email"]
    list_display += ["is_current", "source", "updated_at"]
    list_filter = ["is_current", "province", "party", "source"]
    search_fields = ["name", "riding_name_en", "riding_name_fr", "riding_code", "email"]
    list_select_related = ["riding"]
    readonly_fields = ["key", "updated_at"]
    autocomplete_fields = ["riding"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    change_list_template = "admin/directory/representative/change_list.html"

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="directory_import",
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
                audit_record(
                    actor=request.user,
                    action=AuditLog.Action.IMPORT,
                    model=f"directory.{form.cleaned_data['kind']}",
                    object_repr=form.cleaned_data["file"].name,
                    note=summary,
                )
                messages.success(request, summary)
                return redirect("admin:directory_representative_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import directory data"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/directory/directory_import.html", context)


class DirectoryImportForm(forms.Form):
    KINDS = [
        ("representatives", _("Members of Parliament (Represent JSON, House of Commons XML, CSV)")),
        ("ridings", _("Ridings (CSV with code, English and French names)")),
        ("fsa", _("FSA to riding (CSV fsa,fed_code or JSON)")),
        ("ministry", _("The ministry (open-data minister list, or CSV portfolio,holder,since)")),
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
        if kind == "ministry":
            return ministry_file_import(data=data).summary(_("Office holders"))
        _kind, counts = representatives_file_import(data=data, partial=self.cleaned_data["partial"])
        return counts.summary(_("Representatives"))


@admin.register(FsaRiding)
class FsaRidingAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["fsa", "riding", "updated_at"]
    search_fields = ["fsa", "riding__name_en", "riding__code"]
    list_select_related = ["riding"]
    autocomplete_fields = ["riding"]


class OfficeHolderInline(admin.TabularInline):
    model = OfficeHolder
    extra = 1
    fields = ["name", "started_at", "ended_at", "email", "representative", "source"]
    autocomplete_fields = ["representative"]
    ordering = ["-started_at"]


@admin.register(Office)
class OfficeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """The ministry by portfolio: letters to a role go to its holder at the time they are built."""

    list_display = ["title_en", "code", "kind", "holder_now"]
    list_filter = ["kind"]
    search_fields = ["code", "title_en", "title_fr", "holders__name"]
    inlines = [OfficeHolderInline]

    @admin.display(description=_("holder now"))
    def holder_now(self, office: Office) -> str:
        holder = office_holder_current(office=office)
        return holder.name if holder else "—"
