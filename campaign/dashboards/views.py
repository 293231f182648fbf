"""A campaign's dashboard page (admin): its figures over time, drawn on the server."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from campaign.dashboards import selectors
from campaign.dashboards.periods import PERIODS
from campaign.dashboards.site import DASHBOARD_PERMISSION
from campaign.models import Campaign


def campaign_dashboard_view(request, campaign_id: int, *, admin_site, model_admin):
    """The page of one campaign, over PERIODS[0] days or `?days=` one of PERIODS."""
    if not request.user.has_perm(DASHBOARD_PERMISSION):
        raise PermissionDenied
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    days = request.GET.get("days", str(PERIODS[0]))
    if days not in {str(period) for period in PERIODS}:
        return HttpResponseBadRequest(
            _("“%(days)s” is not a period this page shows: choose %(periods)s days.")
            % {"days": days[:20], "periods": ", ".join(map(str, PERIODS))},
            content_type="text/plain; charset=utf-8",
        )
    dashboard = selectors.campaign_dashboard(campaign=campaign, days=int(days), user=request.user)
    context = {
        **admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Dashboard: %(title)s") % {"title": campaign.title},
        "campaign": campaign,
        "dashboard": dashboard,
        "periods": PERIODS,
        "days": int(days),
    }
    return TemplateResponse(request, "campaign/dashboards/campaign.html", context)
