"""What staff may ask of the letters report, checked the same way in the admin and the
command: a campaign that exists, real days, a province code, a riding the directory knows."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.exports.forms import (
    DayField,
    DayRangeExportForm,
    ExcelField,
    ProvinceField,
    RidingCodeField,
)
from campaign.models import Campaign
from letters.exports import LetterExport


class LetterExportForm(DayRangeExportForm):
    campaign = forms.ModelChoiceField(
        label=_("Campaign"),
        queryset=Campaign.objects.order_by("title"),
        to_field_name="slug",
        error_messages={"invalid_choice": _("No campaign has the slug “%(value)s”.")},
    )
    since = DayField(label=_("Sent from (YYYY-MM-DD)"))
    until = DayField(label=_("Sent until, included (YYYY-MM-DD)"))
    province = ProvinceField(label=_("Supporters' province or territory"))
    riding = RidingCodeField(label=_("Supporters' riding code"))
    excel = ExcelField()

    def export(self) -> LetterExport:
        """The export a valid form describes."""
        data = self.cleaned_data
        return LetterExport(
            campaign=data["campaign"],
            since=data["since"],
            until=data["until"],
            province=data["province"],
            riding_code=data["riding"],
            excel=data["excel"],
        )
