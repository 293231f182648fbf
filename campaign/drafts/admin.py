"""Admin views for reviewing a draft and re-reading documents, mixed into the campaign app's
ModelAdmins. Each view authorises, binds a form, calls one service and redirects or renders."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from campaign import services
from campaign.drafts import selectors as draft_selectors
from campaign.drafts import services as draft_services
from campaign.drafts.forms import DraftItemForm, RereadForm
from campaign.models import Campaign, SourceDocument


class DismissedWhenDeletedAdminMixin:
    """For the admin of a drafted item (a petition, a letter template): deleting it on its own
    page, one or several at a time, is remembered as from the review or the campaign's page,
    so no import or re-read drafts it again from the same sentence."""

    def delete_model(self, request, obj):
        draft_services.draft_items_dismissed(campaign=obj.campaign, items=[obj], user=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for item in queryset.select_related("campaign", "source"):
            draft_services.draft_items_dismissed(
                campaign=item.campaign, items=[item], user=request.user
            )
        super().delete_queryset(request, queryset)


class CampaignReviewAdminMixin:
    """A campaign's "Review draft" page: each drafted item beside its evidence, to accept or
    delete, and the campaign published from there once it reads right."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/review/", view(self.review_view), name="campaign_campaign_review"),
            path(
                "<int:pk>/review/accept/",
                view(require_POST(self.review_accept_view)),
                name="campaign_campaign_review_accept",
            ),
            path(
                "<int:pk>/review/delete/",
                view(require_POST(self.review_delete_view)),
                name="campaign_campaign_review_delete",
            ),
            path(
                "<int:pk>/review/publish/",
                view(require_POST(self.review_publish_view)),
                name="campaign_campaign_review_publish",
            ),
            *super().get_urls(),
        ]

    def _campaign(self, request, pk: int, *, change: bool) -> Campaign:
        campaign = get_object_or_404(Campaign, pk=pk)
        allowed = (
            self.has_change_permission(request, campaign)
            if change
            else self.has_view_permission(request, campaign)
        )
        if not allowed:
            raise PermissionDenied
        return campaign

    def review_view(self, request, pk: int):
        campaign = self._campaign(request, pk, change=False)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": campaign,
            "title": _("Review the draft of “%(campaign)s”") % {"campaign": campaign},
            "review": draft_selectors.campaign_review(campaign=campaign),
            "can_change": self.has_change_permission(request, campaign),
            "is_draft": campaign.status == Campaign.Status.DRAFT,
        }
        return TemplateResponse(request, "campaign/admin/campaign_review.html", context)

    def review_accept_view(self, request, pk: int):
        campaign = self._campaign(request, pk, change=True)
        form = DraftItemForm(request.POST)
        if not form.is_valid():
            raise Http404
        try:
            draft_services.draft_item_accept(campaign=campaign, **form.item_ref, user=request.user)
        except draft_selectors.UnknownDraftItem:
            raise Http404 from None
        self.message_user(request, _("Accepted."), messages.SUCCESS)
        return redirect("admin:campaign_campaign_review", campaign.pk)

    def review_delete_view(self, request, pk: int):
        campaign = self._campaign(request, pk, change=True)
        form = DraftItemForm(request.POST)
        if not form.is_valid():
            raise Http404
        try:
            item = draft_selectors.draft_item_get(campaign=campaign, **form.item_ref)
        except draft_selectors.UnknownDraftItem:
            raise Http404 from None
        opts = item._meta
        if not request.user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"):
            raise PermissionDenied
        try:
            name = draft_services.draft_item_delete(
                campaign=campaign, **form.item_ref, user=request.user
            )
        except draft_services.DraftItemLocked:
            self.message_user(request, _DELETE_REFUSED, messages.ERROR)
        else:
            self.message_user(
                request,
                _("Deleted “%(item)s”: Chorus will not draft it again from the same sentence.")
                % {"item": name},
                messages.SUCCESS,
            )
        return redirect("admin:campaign_campaign_review", campaign.pk)

    def review_publish_view(self, request, pk: int):
        campaign = self._campaign(request, pk, change=True)
        try:
            services.campaign_publish(campaign=campaign)
        except services.CampaignNotPublishable as refused:
            for refusal in refused.refusals:
                self.message_user(request, refusal, messages.ERROR)
            return redirect("admin:campaign_campaign_review", campaign.pk)
        self.message_user(
            request, _("Published “%(campaign)s”.") % {"campaign": campaign}, messages.SUCCESS
        )
        return redirect("admin:campaign_campaign_review", campaign.pk)


_DELETE_REFUSED = gettext_lazy(
    "Not deleted: only a draft campaign's items are deleted from the review, and never one "
    "supporters have written letters with. Edit it on its own page instead."
)


class SourceDocumentRereadAdminMixin:
    """ "Re-read with the current extractor": the calls to action a newer extractor finds in
    stored documents that their campaign has not seen, offered to add or decline."""

    actions = ["reread"]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("reread/", view(self.reread_view), name="campaign_sourcedocument_reread"),
            *super().get_urls(),
        ]

    @staticmethod
    def reread_url(documents) -> str:
        ids = ",".join(str(document.pk) for document in documents)
        return f"{reverse('admin:campaign_sourcedocument_reread')}?ids={ids}"

    @admin.action(
        description=gettext_lazy("Re-read with the current extractor"), permissions=["change"]
    )
    def reread(self, request, queryset):
        """Offer what is new on a page of its own (admin actions redirect to such pages)."""
        return redirect(self.reread_url(queryset.order_by("pk")))

    def reread_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        ids = [part for part in request.GET.get("ids", "").split(",") if part.isdigit()]
        documents = list(SourceDocument.objects.filter(pk__in=ids).order_by("pk"))
        if not documents:
            raise Http404
        results = [draft_selectors.source_document_reread(document=doc) for doc in documents]
        form = RereadForm(request.POST if request.method == "POST" else None, results=results)
        if request.method == "POST" and form.is_valid():
            for document in documents:
                report = draft_services.source_document_reread_apply(
                    document=document, add=form.cleaned_data["add"], user=request.user
                )
                self._reread_messages(request, report)
            campaigns = {result.campaign for result in results if result.campaign}
            if len(campaigns) == 1:
                return redirect("admin:campaign_campaign_review", campaigns.pop().pk)
            return redirect("admin:campaign_sourcedocument_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Re-read with the current extractor"),
            "results": results,
            "form": form,
            "offers": sum(len(result.offers) for result in results),
        }
        return TemplateResponse(request, "campaign/admin/source_document_reread.html", context)

    def _reread_messages(self, request, report: draft_services.RereadReport) -> None:
        if report.added or report.declined:
            self.message_user(
                request,
                _("%(document)s: %(added)s; %(declined)s.")
                % {
                    "document": report.document,
                    "added": ngettext(
                        "%(n)d call to action added", "%(n)d calls to action added", report.added
                    )
                    % {"n": report.added},
                    "declined": ngettext(
                        "%(n)d declined (not offered again)",
                        "%(n)d declined (not offered again)",
                        report.declined,
                    )
                    % {"n": report.declined},
                },
                messages.SUCCESS,
            )
        for line in report.drafted:
            self.message_user(request, _("Drafted %(item)s") % {"item": line}, messages.INFO)
        for line in report.skipped:
            self.message_user(request, _("Not drafted: %(why)s") % {"why": line}, messages.INFO)
        if report.drafting_skipped and report.added:
            self.message_user(
                request,
                _("The campaign is not a draft: the calls to action are recorded, not drafted."),
                messages.WARNING,
            )
