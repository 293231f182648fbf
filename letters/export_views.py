"""The letters report in the admin (campaign.exports.views.export_page does the work)."""

from django.utils.translation import gettext_lazy as _

from campaign.exports.models import ExportLog
from campaign.exports.views import ExportPage, export_page
from campaign.models import Campaign
from letters.export_form import LetterExportForm
from letters.exports import EXPORT_PERMISSION, KIND, letter_export_stream, letter_export_subject
from letters.models import Letter

PAGE = ExportPage(
    form_class=LetterExportForm,
    permission=EXPORT_PERMISSION,
    kind=KIND,
    title=_("Export the letters report"),
    template="letters/admin/export.html",
    opts=Letter._meta,
    stream=lambda export, user: letter_export_stream(
        export=export, actor=user, via=ExportLog.Via.ADMIN
    ),
    subject=lambda slug: letter_export_subject(Campaign.objects.filter(slug=slug).first()),
    name=lambda export: f"{export.campaign.slug}-letters",
)


def letter_export(request, *, admin_site):
    """The form, then the CSV of letters sent per recipient, riding and day."""
    return export_page(request, admin_site=admin_site, page=PAGE)
