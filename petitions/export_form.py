"""What staff may ask of a signatory export, checked the same way for the admin and the
command: a petition that exists, real dates, a province code, a riding the directory knows,
columns from the fixed list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.exports.forms import (
    DayField,
    DayRangeExportForm,
    ExcelField,
    ProvinceField,
    RidingCodeField,
)
from petitions.exports import COLUMNS, DEFAULT_COLUMNS, SignatureExport
from petitions.models import Petition


class PetitionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, petition: Petition) -> str:
        return f"{petition.title} ({petition.slug}, {Petition.Status(petition.status).label})"


class SignatureExportForm(DayRangeExportForm):
    petition = PetitionChoiceField(
        label=_("Petition"),
        queryset=Petition.objects.select_related("campaign").order_by("-created_at"),
        to_field_name="slug",
        error_messages={"invalid_choice": _("No petition has the slug “%(value)s”.")},
    )
    columns = forms.MultipleChoiceField(
        label=_("Columns"),
        choices=[(key, column.label) for key, column in COLUMNS.items()],
        initial=list(DEFAULT_COLUMNS),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a column one can export."),
            "required": _("Choose at least one column."),
        },
    )
    since = DayField(label=_("Signed from (YYYY-MM-DD)"))
    until = DayField(label=_("Signed until, included (YYYY-MM-DD)"))
    province = ProvinceField(label=_("Province or territory"))
    riding = RidingCodeField(label=_("Riding code"))
    newsletter_only = forms.BooleanField(
        label=_("Only those who consent now to the campaign's updates"), required=False
    )
    include_unconfirmed = forms.BooleanField(
        label=_("Include signatures not confirmed by email"), required=False
    )
    excel = ExcelField()

    def export(self) -> SignatureExport:
        """The export a valid form describes."""
        data = self.cleaned_data
        return SignatureExport(
            petition=data["petition"],
            columns=tuple(data["columns"]),
            since=data["since"],
            until=data["until"],
            province=data["province"],
            riding_code=data["riding"],
            newsletter_only=data["newsletter_only"],
            include_unconfirmed=data["include_unconfirmed"],
            excel=data["excel"],
        )
