"""Forms of the campaign app (the admin's: adding a source document, a campaign's look)."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.campaign_images import campaign_image_normalised
from campaign.document_files import (
    DOCUMENT_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    UnreadableDocument,
    document_text,
)
from campaign.models import Campaign

# What a pasted document is called in the admin's list (an upload keeps its file's name).
PASTED_FILE_NAME = "pasted.txt"


class SourceDocumentAddForm(forms.Form):
    """A document's text, pasted or uploaded, and the draft campaign to add it to (or none:
    a new draft). `cleaned_data["document"]` is (file name, text), as documents_import takes.

    Only draft campaigns are offered: documents_import drafts nothing into a published one,
    and what it drafts is checked before supporters see it.
    """

    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,  # imported verbatim: the evidence's character offsets point into it
        max_length=MAX_DOCUMENT_BYTES,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        help_text=_("Paste the document's text here, or choose a file below."),
    )
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.text,.md,.html,.htm,.pdf"}),
        help_text=_(
            "A .txt, .md or .html file in UTF-8, or a PDF with text in it (not a scan), "
            "at most 2 MB."
        ),
    )
    campaign = forms.ModelChoiceField(
        label=_("Add to"),
        queryset=Campaign.objects.filter(status=Campaign.Status.DRAFT),
        required=False,
        empty_label=_("A new draft campaign"),
        help_text=_(
            "Only draft campaigns: what Chorus drafts from the document is checked before "
            "supporters see it."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        # A textarea sends its line breaks as CRLF; the same text from a file has LF.
        text = (cleaned.get("text") or "").replace("\r\n", "\n").replace("\r", "\n")
        upload = cleaned.get("file")
        if "file" in self.errors or "text" in self.errors:
            return cleaned
        if upload and text.strip():
            raise forms.ValidationError(_("Paste the text or choose a file, not both."))
        if upload:
            cleaned["document"] = (upload.name, self._read(upload))
        elif text.strip():
            cleaned["document"] = (PASTED_FILE_NAME, text)
        else:
            raise forms.ValidationError(_("Paste the document's text or choose a file."))
        return cleaned

    def _read(self, upload) -> str:
        if Path(upload.name).suffix.lower() not in DOCUMENT_SUFFIXES:
            self._file_error(_("Upload a .txt, .md, .html or .pdf file."))
        if upload.size > MAX_DOCUMENT_BYTES:
            self._file_error(_("The file is larger than 2 MB."))
        try:
            return document_text(upload.read(), name=upload.name)
        except UnreadableDocument as problem:
            self._file_error(_("This file cannot be imported: %(reason)s.") % {"reason": problem})

    def _file_error(self, message: str):
        raise forms.ValidationError({"file": message})


class CampaignAdminForm(forms.ModelForm):
    """The admin's campaign form: an uploaded image is checked and re-encoded
    (campaign.campaign_images) before it is stored, and a colour is kept in lower case."""

    class Meta:
        model = Campaign
        # The admin's fieldsets add the others; these are the ones this form looks after.
        fields = ["image", "image_alt", "brand_colour"]
        widgets = {"brand_colour": forms.TextInput(attrs={"placeholder": "#1f6f43", "size": 8})}

    def clean_image(self):
        image = self.cleaned_data.get("image")
        # A new upload has a content type; the image already stored (or none) is kept as is.
        if image and getattr(image, "content_type", None) is not None:
            return campaign_image_normalised(image)
        return image

    def clean_brand_colour(self) -> str:
        return self.cleaned_data["brand_colour"].strip().lower()
