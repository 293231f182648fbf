"""Form fields every export form shares, with errors that name the value they refuse."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campaign.directory.models import PROVINCE_CHOICES, Riding


class DayField(forms.DateField):
    """A day written YYYY-MM-DD; an error names what was typed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(**kwargs)

    def to_python(self, value) -> datetime.date | None:
        try:
            return super().to_python(value)
        except ValidationError as error:
            raise ValidationError(
                _("“%(value)s” is not a date: write it as YYYY-MM-DD."),
                code="invalid",
                params={"value": value},
            ) from error


class ProvinceField(forms.ChoiceField):
    """A province or territory code (ON, QC…), or nothing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("choices", [("", _("All")), *PROVINCE_CHOICES])
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("“%(value)s” is not a province or territory code.")},
        )
        super().__init__(**kwargs)

    def to_python(self, value) -> str:
        return super().to_python(value).strip().upper()


class RidingCodeField(forms.CharField):
    """The code of a riding the directory holds (35075…), or nothing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)

    def validate(self, value: str) -> None:
        super().validate(value)
        if value and not Riding.objects.filter(code=value).exists():
            raise ValidationError(
                _("No riding has the code “%(value)s”."), code="unknown", params={"value": value}
            )


class ExcelField(forms.BooleanField):
    """Whether the file starts with a UTF-8 byte order mark, which Excel needs to show accents."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("For Excel (adds a UTF-8 byte order mark, so accents show)"))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class DayRangeExportForm(forms.Form):
    """An export form with `since` and `until` DayFields: refuses a range that ends before it
    starts, naming both days. (No fields here, so each form keeps its own fields' order and
    labels: the admin page takes the first one as what is exported.)"""

    def clean(self):
        cleaned_data = super().clean()
        since, until = cleaned_data.get("since"), cleaned_data.get("until")
        if since and until and since > until:
            raise ValidationError(
                _("“Until” (%(until)s) is before “since” (%(since)s)."),
                code="range",
                params={"since": since.isoformat(), "until": until.isoformat()},
            )
        return cleaned_data


def errors_in_one_line(form: forms.Form) -> str:
    """Every error of a bound form, on one line (for a command's stderr)."""
    messages = []
    for name, errors in form.errors.items():
        label = "" if name == forms.forms.NON_FIELD_ERRORS else f"--{name.replace('_', '-')}: "
        messages.extend(f"{label}{error}" for error in errors)
    return " ".join(messages)
