"""The signatory export in the admin (campaign.exports.views.export_page does the work)."""

from django.utils.translation import gettext_lazy as _

from campaign.exports.models import ExportLog
from campaign.exports.views import ExportPage, export_page
from petitions.export_form import SignatureExportForm
from petitions.exports import (
    EXPORT_PERMISSION,
    KIND,
    signature_export_stream,
    signature_export_subject,
)
from petitions.models import Petition

PAGE = ExportPage(
    form_class=SignatureExportForm,
    permission=EXPORT_PERMISSION,
    kind=KIND,
    title=_("Export signatories"),
    template="petitions/admin/export.html",
    opts=Petition._meta,
    stream=lambda export, user: signature_export_stream(
        export=export, actor=user, via=ExportLog.Via.ADMIN
    ),
    subject=lambda slug: signature_export_subject(Petition.objects.filter(slug=slug).first()),
    name=lambda export: f"{export.petition.slug}-signatures",
)


def signature_export(request, *, admin_site):
    """The form, then the CSV of a petition's signatories (data staff and superusers)."""
    return export_page(request, admin_site=admin_site, page=PAGE)
