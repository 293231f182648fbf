"""The letters report page (admin): letters sent per recipient and per riding, with dates.

It names recipients (MPs, ministers, the campaign's targets) and ridings, never a supporter,
so whoever may read letters may open it. The CSV of the same report is an export (issue 14,
item 1), built beside the other exports.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from campaign.models import Campaign
from letters import reports

PERMISSION = "letters.view_letter"


def letters_report_view(request, campaign_id: int, *, admin_site, model_admin):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    campaign = get_object_or_404(Campaign, pk=campaign_id)
    context = {
        **admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Letters report: %(title)s") % {"title": campaign.title},
        "campaign": campaign,
        "recipients": reports.letters_sent_per_recipient(campaign=campaign),
        "ridings": reports.letters_sent_per_riding(campaign=campaign),
    }
    return TemplateResponse(request, "letters/admin/report.html", context)
