"""The ledger in the admin, read only, and the page where staff withdraw a consent on a
supporter's request ("stop emailing me", by phone or letter).

Nobody edits a row here: consent is given by supporters, and withdrawn by them or by staff
through the withdrawal page, which calls the one withdrawal service (services.consent_withdraw,
as the unsubscribe link does) and needs permission consent.withdraw_consentevent. Addresses
travel in POST bodies only, never in a URL.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from campaign.consent import services
from campaign.consent.forms import ALL_SCOPES, ConsentLookupForm, ConsentWithdrawForm
from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import scope_describe

WITHDRAW = "consent.withdraw_consentevent"


@admin.register(ConsentEvent)
class ConsentEventAdmin(admin.ModelAdmin):
    list_display = (
        "recorded_at",
        "scope",
        "action",
        "method",
        "recorded_by",
        "language",
        "address",
    )
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

    # --- Withdrawing on a supporter's request ---------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("withdraw/", wrap(self.lookup_view), name="consent_consentevent_withdraw"),
            path(
                "withdraw/confirm/",
                wrap(self.confirm_view),
                name="consent_consentevent_withdraw_confirm",
            ),
            path("withdraw/done/", wrap(self.withdraw_view), name="consent_consentevent_withdrawn"),
            *super().get_urls(),
        ]

    @staticmethod
    def _require_permission(request) -> None:
        if not request.user.has_perm(WITHDRAW):
            raise PermissionDenied

    def _page(self, request, template: str, *, status: int = 200, **context):
        response = TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Withdraw a consent"),
                **context,
            },
            status=status,
        )
        add_never_cache_headers(response)
        return response

    def lookup_view(self, request):
        """GET: an address to look up. POST: its consents in force, each with a button."""
        self._require_permission(request)
        if request.method != "POST":
            return self._page(request, "consent/admin/lookup.html", form=ConsentLookupForm())
        form = ConsentLookupForm(request.POST)
        if not form.is_valid():
            return self._page(request, "consent/admin/lookup.html", form=form, status=400)
        found = services.consent_look_up(actor=request.user, address=form.cleaned_data["address"])
        if not found.known:
            messages.error(request, _("The consent ledger holds nothing for this address."))
        elif not found.in_force:
            messages.info(
                request, _("This address has no consent in force: there is nothing to withdraw.")
            )
        return self._page(
            request,
            "consent/admin/lookup.html",
            form=form,
            found=found,
            address=form.cleaned_data["address"],
            all_scopes=ALL_SCOPES,
        )

    @method_decorator(require_POST)
    def confirm_view(self, request):
        """What the button will withdraw, and the button. Changes nothing."""
        self._require_permission(request)
        form = ConsentWithdrawForm(request.POST)
        if not form.is_valid():
            return self._refused(request)
        scope = form.scope_or_none
        found = services.consent_look_up(actor=request.user, address=form.cleaned_data["address"])
        chosen = [c for c in found.in_force if scope is None or c.scope == scope]
        if not chosen:
            messages.info(request, _("Nothing to withdraw: that consent is not in force."))
            return redirect("admin:consent_consentevent_withdraw")
        return self._page(
            request,
            "consent/admin/confirm.html",
            title=_("Withdraw this consent?"),
            form=form,
            chosen=chosen,
        )

    @method_decorator(require_POST)
    def withdraw_view(self, request):
        """Withdraw (services.consent_withdraw_by_staff), then back to the look-up page."""
        self._require_permission(request)
        form = ConsentWithdrawForm(request.POST)
        if not form.is_valid():
            return self._refused(request)
        withdrawn = services.consent_withdraw_by_staff(
            actor=request.user, address=form.cleaned_data["address"], scope=form.scope_or_none
        )
        if withdrawn:
            messages.success(
                request,
                ngettext(
                    "Consent withdrawn: %(what)s. Emails still queued for it are cancelled.",
                    "Consents withdrawn: %(what)s. Emails still queued for them are cancelled.",
                    len(withdrawn),
                )
                % {"what": "; ".join(scope_describe(event.scope) for event in withdrawn)},
            )
        else:
            messages.info(request, _("Nothing changed: that consent was not in force."))
        return redirect("admin:consent_consentevent_withdraw")

    def _refused(self, request):
        messages.error(request, _("Nothing changed: that request was not one this page sends."))
        return self._page(
            request, "consent/admin/lookup.html", form=ConsentLookupForm(), status=400
        )
