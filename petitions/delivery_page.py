"""The printable delivery list (admin): what an organiser hands to the target's office.

Only staff holding `petitions.export_signature` (data staff) open it: it names the signers.
Each opening is written to the audit log. The page streams riding by riding from a server-side
cursor (petitions/delivery.py), so a petition of a million signers costs the process one riding
at a time. It is one plain HTML page with print CSS (static/chorus/delivery.css: each riding
starts a new printed page); "Print → Save as PDF" in any browser makes the PDF, so Chorus
needs no PDF library.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone

from campaign.audit.models import AuditLog
from campaign.audit.services import audit_record
from petitions import delivery
from petitions.models import Petition

log = logging.getLogger(__name__)

PERMISSION = "petitions.export_signature"


def delivery_view(request, petition_id: int):
    """The delivery list of one petition, or 403 for staff without the export permission."""
    if not request.user.has_perm(PERMISSION):
        log.warning(
            "petitions: user %s was refused the delivery list of petition %s",
            request.user.pk,
            petition_id,
        )
        raise PermissionDenied
    petition = get_object_or_404(Petition.objects.select_related("campaign"), pk=petition_id)
    audit_record(
        actor=request.user, action=AuditLog.Action.ACTION, obj=petition, note="delivery_list"
    )
    return StreamingHttpResponse(
        _page(petition=petition, request=request), content_type="text/html; charset=utf-8"
    )


def _page(*, petition: Petition, request):
    context = {
        "petition": petition,
        "count": delivery.delivery_count(petition=petition),
        "printed_at": timezone.now(),
    }
    yield render_to_string("petitions/admin/delivery_head.html", context, request=request)
    for group in delivery.delivery_groups(petition=petition):
        yield render_to_string("petitions/admin/delivery_riding.html", {"riding": group})
    yield render_to_string("petitions/admin/delivery_foot.html", context)
