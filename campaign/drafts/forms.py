"""Forms of the review screen and of the re-read page (posted from plain HTML forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.drafts.selectors import ITEM_KINDS, RereadResult


class DraftItemForm(forms.Form):
    """One drafted item, as the review's buttons send it: "petition:12"."""

    item = forms.RegexField(regex=r"^[a-z_]+:\d+$")

    def clean_item(self) -> str:
        value = self.cleaned_data["item"]
        if value.split(":")[0] not in ITEM_KINDS:
            raise forms.ValidationError(_("Unknown kind of item."))
        return value

    @property
    def item_ref(self) -> dict:
        """The item as draft_item_get takes it: {"kind": …, "pk": …}."""
        kind, pk = self.cleaned_data["item"].split(":")
        return {"kind": kind, "pk": int(pk)}


class RereadForm(forms.Form):
    """Which of a re-read's offers to add; every offer not ticked is declined."""

    add = forms.MultipleChoiceField(
        label=_("Add to the draft"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, results: list[RereadResult], **kwargs):
        super().__init__(*args, **kwargs)
        offers = [offer for result in results for offer in result.offers]
        self.fields["add"].choices = [(offer.key, offer.key) for offer in offers]
        # What the extractor is sure of is ticked; a low-confidence find is left to the organiser.
        self.fields["add"].initial = [offer.key for offer in offers if not offer.low_confidence]
