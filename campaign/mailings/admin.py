"""Mailings in the admin: write (English and French), preview, test to yourself, send, follow.

The change page adds Preview beside History, and two buttons: "Send a test to me" and "Send…"
(a confirmation page saying how many people consent now). Each view checks its permission and
calls one service. A mailing that is sending or sent is read only.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.mailings import selectors, services
from campaign.mailings.models import Mailing

SEND = "mailings.send_mailing"


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    list_display = (
        "subject",
        "campaign",
        "status",
        "send_requested_at",
        "sent_count",
        "queued_count",
        "failed_count",
        "cancelled_count",
    )
    list_filter = ("status", "campaign")
    search_fields = ("subject",)
    list_select_related = ("campaign",)
    change_form_template = "mailings/admin/mailing_change_form.html"
    fieldsets = [
        (None, {"fields": ["campaign", "subject", "body"]}),
        (gettext_lazy("French version"), {"fields": ["subject_fr", "body_fr"]}),
        (
            gettext_lazy("Sending"),
            {
                "fields": [
                    "status",
                    "send_requested_by",
                    "send_requested_at",
                    "expanded_at",
                    "figures",
                ]
            },
        ),
    ]
    readonly_fields = ("status", "send_requested_by", "send_requested_at", "expanded_at", "figures")

    def get_queryset(self, request):
        return selectors.mailings_with_counts(super().get_queryset(request))

    def has_change_permission(self, request, obj=None) -> bool:
        # Once sending, what was sent is the record: nothing to edit.
        if obj is not None and obj.status != Mailing.Status.DRAFT:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.status != Mailing.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=gettext_lazy("sent"), ordering="sent_count")
    def sent_count(self, obj) -> int:
        return obj.sent_count

    @admin.display(description=gettext_lazy("queued"))
    def queued_count(self, obj) -> int:
        return obj.queued_count

    @admin.display(description=gettext_lazy("failed"))
    def failed_count(self, obj) -> int:
        return obj.failed_count

    @admin.display(description=gettext_lazy("cancelled or suppressed"))
    def cancelled_count(self, obj) -> int:
        return obj.cancelled_count

    @admin.display(description=gettext_lazy("figures"))
    def figures(self, obj) -> str:
        if obj is None or not obj.pk:
            return "—"
        if obj.status == Mailing.Status.DRAFT:
            return _("%(count)s people consent now to this campaign's updates.") % {
                "count": selectors.audience_count(mailing=obj)
            }
        counts = selectors.mailing_counts(mailing=obj)
        return (
            _(
                "%(recipients)s recipients: %(sent)s sent, %(queued)s queued, %(failed)s failed, "
                "%(cancelled)s cancelled or suppressed; %(unsubscribed)s have unsubscribed since."
            )
            % counts.__dict__
        )

    # --- Preview, test, send ---------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", wrap(self.preview_view), name="mailings_mailing_preview"),
            path("<int:pk>/test/", wrap(self.test_view), name="mailings_mailing_test"),
            path("<int:pk>/send/", wrap(self.send_view), name="mailings_mailing_send"),
            *super().get_urls(),
        ]

    def _mailing(self, request, pk: int) -> Mailing:
        mailing = get_object_or_404(Mailing.objects.select_related("campaign"), pk=pk)
        if not self.has_view_permission(request, mailing):
            raise PermissionDenied
        return mailing

    def _page(self, request, template: str, mailing: Mailing, **context):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": mailing,
                **context,
            },
        )

    def preview_view(self, request, pk: int):
        """The mailing as a supporter gets it, in each language: headers, subject, text."""
        mailing = self._mailing(request, pk)
        address = request.user.email or "supporter@example.org"
        return self._page(
            request,
            "mailings/admin/preview.html",
            mailing,
            title=_("Preview: %(subject)s") % {"subject": mailing.subject},
            messages_by_language=services.mailing_preview(mailing=mailing, address=address),
        )

    def test_view(self, request, pk: int):
        """POST: queue the mailing to the organiser's own address."""
        if request.method != "POST":
            return redirect("admin:mailings_mailing_change", pk)
        mailing = self._mailing(request, pk)
        try:
            services.mailing_send_test(mailing=mailing, to=request.user.email)
        except ValidationError:
            messages.error(request, _("Your account has no email address: add one first."))
        else:
            messages.success(
                request, _("A test was sent to %(address)s.") % {"address": request.user.email}
            )
        return redirect("admin:mailings_mailing_change", pk)

    def send_view(self, request, pk: int):
        """GET: how many people it would go to now, and a button (or why it may not go). POST:
        send, or say why not."""
        mailing = self._mailing(request, pk)
        if not request.user.has_perm(SEND):
            raise PermissionDenied
        if request.method == "POST":
            try:
                started = services.mailing_send(mailing=mailing, actor=request.user)
            except services.MailingRefused as refused:
                messages.error(request, str(refused))
                return redirect("admin:mailings_mailing_change", pk)
            if started:
                messages.success(
                    request,
                    _("Sending: the emails are being queued; the figures below grow as they go."),
                )
            else:
                messages.warning(request, _("This mailing was sent already."))
            return redirect("admin:mailings_mailing_change", pk)
        return self._page(
            request,
            "mailings/admin/send.html",
            mailing,
            title=_("Send “%(subject)s”?") % {"subject": mailing.subject},
            audience=selectors.audience_count(mailing=mailing),
            refusal=selectors.mailing_send_refusal(mailing=mailing),
            change_url=reverse("admin:mailings_mailing_change", args=[pk]),
        )
