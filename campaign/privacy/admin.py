"""The supporters' data page in the admin: look up, export (JSON) and delete one mailbox.

Addresses travel in POST bodies only, never in a URL (which servers and browsers log). Each
view checks its own permission: privacy.view_supporter_data to look up and export,
privacy.delete_supporter_data to delete; every use is audited by the service it calls.
"""

import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaign.outbox import Suppression
from campaign.privacy import services
from campaign.privacy.forms import MailboxEraseForm, MailboxForm
from campaign.privacy.models import SupporterData

VIEW = "privacy.view_supporter_data"
DELETE = "privacy.delete_supporter_data"


@admin.register(SupporterData)
class SupporterDataAdmin(admin.ModelAdmin):
    """No list of rows: the "changelist" is the look-up page (there is no table to list)."""

    def has_module_permission(self, request) -> bool:
        return request.user.has_perm(VIEW)

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm(VIEW)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        return [
            path("", wrap(self.lookup_view), name="privacy_supporterdata_changelist"),
            path("export/", wrap(self.export_view), name="privacy_supporterdata_export"),
            path("erase/", wrap(self.erase_view), name="privacy_supporterdata_erase"),
        ]

    def _page(self, request, *, form, data=None, erase_form=None, status=200):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Supporters' data"),
            "form": form,
            "data": data,
            "erase_form": erase_form,
            "may_erase": request.user.has_perm(DELETE),
        }
        response = TemplateResponse(request, "privacy/admin/lookup.html", context, status=status)
        add_never_cache_headers(response)
        return response

    @staticmethod
    def _require(request, permission: str) -> None:
        if not request.user.has_perm(permission):
            raise PermissionDenied

    def lookup_view(self, request):
        """GET: the form. POST: everything held on the address, with export and delete."""
        self._require(request, VIEW)
        if request.method != "POST":
            return self._page(request, form=MailboxForm())
        form = MailboxForm(request.POST)
        if not form.is_valid():
            return self._page(request, form=form, status=400)
        address = form.cleaned_data["address"]
        data = services.supporter_data_look_up(actor=request.user, address=address)
        erase_form = MailboxEraseForm(initial={"address": address})
        return self._page(request, form=form, data=data, erase_form=erase_form)

    @method_decorator(require_POST)
    def export_view(self, request):
        """Everything held on the address as a JSON download (a PIPEDA access request)."""
        self._require(request, VIEW)
        form = MailboxForm(request.POST)
        if not form.is_valid():
            return self._page(request, form=form, status=400)
        export = services.supporter_data_export(
            actor=request.user, address=form.cleaned_data["address"]
        )
        response = HttpResponse(
            json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        name = f"supporter-data-{export['mailbox_hash'][:12]}.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        add_never_cache_headers(response)
        return response

    @method_decorator(require_POST)
    def erase_view(self, request):
        """Erase everything held on the address, leaving its hashed suppression."""
        self._require(request, DELETE)
        form = MailboxEraseForm(request.POST)
        if not form.is_valid():
            lookup = MailboxForm(initial={"address": request.POST.get("address", "")})
            return self._page(request, form=lookup, erase_form=form, status=400)
        outcome = services.supporter_data_erase(
            actor=request.user,
            address=form.cleaned_data["address"],
            reason=Suppression.Reason.ERASURE,
        )
        counts = outcome.counts
        messages.success(
            request,
            _(
                "Erased: %(signatures)s signatures, %(letters)s letters, %(emails)s emails. "
                "The address is suppressed (kept only as a hash)."
            )
            % {
                "signatures": counts.get("signatures", 0),
                "letters": counts.get("letters", 0),
                "emails": counts.get("emails", 0),
            },
        )
        return redirect("admin:privacy_supporterdata_changelist")
