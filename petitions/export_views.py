"""The signatory export in the admin: a form, then the CSV as a stream (staff with the
export permission only; every refusal is logged)."""

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from campaign.exports.models import ExportLog
from campaign.exports.services import export_refuse
from petitions.export_form import SignatureExportForm
from petitions.exports import (
    EXPORT_PERMISSION,
    KIND,
    signature_export_stream,
    signature_export_subject,
)
from petitions.models import Petition


def signature_export(request, *, admin_site):
    """GET without `download`: the form (the petition from `?petition=`). With `download`:
    the CSV, or the form again with its errors and status 400."""
    if not request.user.has_perm(EXPORT_PERMISSION):
        petition = Petition.objects.filter(slug=request.GET.get("petition", "")[:80]).first()
        export_refuse(
            actor=request.user,
            via=ExportLog.Via.ADMIN,
            kind=KIND,
            subject=signature_export_subject(petition),
            filters=_asked(request),
        )
        raise PermissionDenied
    if "download" not in request.GET:
        form = SignatureExportForm(initial={"petition": request.GET.get("petition")})
        return _form_page(request, admin_site, form)
    form = SignatureExportForm(request.GET)
    if not form.is_valid():
        return _form_page(request, admin_site, form, status=400)
    export = form.export()
    response = StreamingHttpResponse(
        signature_export_stream(export=export, actor=request.user, via=ExportLog.Via.ADMIN),
        content_type="text/csv; charset=utf-8",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="{export.petition.slug}-signatures-{day}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _asked(request) -> dict:
    """What a refused request asked for, as the log keeps it (short values, known names)."""
    names = SignatureExportForm.base_fields
    return {
        name: ",".join(request.GET.getlist(name))[:100] for name in names if name in request.GET
    }


def _form_page(request, admin_site, form, *, status: int = 200) -> TemplateResponse:
    context = {
        **admin_site.each_context(request),
        "opts": Petition._meta,
        "title": _("Export signatories"),
        "form": form,
    }
    return TemplateResponse(request, "petitions/admin/export.html", context, status=status)
