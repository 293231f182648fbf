"""The "I called" form: one per office on the call page, naming the office in a hidden field."""

from django import forms

from campaign.models import CallPage, Target


class CalledForm(forms.Form):
    """Which office the supporter says they called: only an office of `page` is accepted."""

    office = forms.ModelChoiceField(queryset=Target.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args, page: CallPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = page.targets.exclude(phone="")
