"""Supporter forms (postal code, riding, the letter) and the organiser's template form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from campaign.consent.wording import (
    CAMPAIGN_UPDATES_CONSENT,
    ORGANISATION_NEWSLETTER_CONSENT,
    organisation_newsletter_offered,
)
from campaign.directory.models import Representative, Riding
from campaign.identities import MailboxField, validate_name_text
from campaign.postal_codes import PostalCodeField
from campaign.sharing import SourceField
from letters.models import LetterTemplate
from letters.services import (
    BODY_MAX_LENGTH,
    BODY_MIN_LENGTH,
    NAME_MAX_LENGTH,
    SUBJECT_MAX_LENGTH,
    has_line_break,
)

SINGLE_LINE_ERROR = _("This must be a single line: remove the line break.")


class PostalCodeForm(forms.Form):
    postal_code = PostalCodeField(
        help_text=_("We use it to find your Member of Parliament."),
    )
    source = SourceField()  # the link's `?source=`, carried to the letter (campaign.sharing)


class RidingChoiceForm(forms.Form):
    """The supporter picks their riding when the postal code alone cannot tell."""

    postal_code = PostalCodeField(widget=forms.HiddenInput)
    riding = forms.ChoiceField(label=_("Your riding"), widget=forms.RadioSelect)
    source = SourceField()

    def __init__(self, *args, ridings: list[Riding], **kwargs):
        super().__init__(*args, **kwargs)
        # One query for every riding's MP: a province can have 122 ridings.
        members = {
            rep.riding_id: rep.name
            for rep in Representative.objects.current().filter(riding__in=ridings)
        }
        self.fields["riding"].choices = [
            (riding.code, f"{riding.name} — {members[riding.pk]}")
            if riding.pk in members
            else (riding.code, riding.name)
            for riding in ridings
        ]


class SingleLineField(forms.CharField):
    """A text field refusing CR/LF: its value goes into an email header."""

    def __init__(self, **kwargs):
        # Not stripped before validation, so "\r\nBcc: …" is refused rather than trimmed.
        kwargs["strip"] = False
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and has_line_break(value):
            raise forms.ValidationError(SINGLE_LINE_ERROR, code="line_break")
        value = (value or "").strip()
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return value


class LetterForm(forms.Form):
    """The letter itself. Recipients are not fields: they come from the campaign or directory."""

    supporter_name = SingleLineField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    # Cleaned to the address mail is sent to (campaign.identities.mailbox_address).
    supporter_email = MailboxField(
        label=_("Your email address"),
        help_text=_("We send you a link to confirm it; replies from recipients come to it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    supporter_postal_code = PostalCodeField(label=_("Your postal code"))
    subject = SingleLineField(label=_("Subject"), max_length=SUBJECT_MAX_LENGTH)
    body = forms.CharField(
        label=_("Your letter"),
        min_length=BODY_MIN_LENGTH,
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "A sentence or two in your own words — why this matters to you — makes your "
            "letter count far more than a copy of the template."
        ),
    )
    send_copy = forms.BooleanField(label=_("Email me a copy of my letter"), required=False)
    # The petitions' sentence: one consent, whichever action the supporter takes.
    newsletter = forms.BooleanField(label=CAMPAIGN_UPDATES_CONSENT, required=False)
    # Removed in __init__ unless the organisation runs a newsletter (as on the petition form).
    organisation_newsletter = forms.BooleanField(
        label=ORGANISATION_NEWSLETTER_CONSENT, required=False
    )
    source = SourceField()

    def __init__(
        self,
        *args,
        template: LetterTemplate,
        subjects: list[str],
        postal_code_fixed: str = "",
        **kwargs,
    ):
        """`postal_code_fixed`: the code step one found the MP from; the letter must keep it."""
        super().__init__(*args, **kwargs)
        self.postal_code_fixed = postal_code_fixed
        if not organisation_newsletter_offered():
            del self.fields["organisation_newsletter"]
        if not template.editable:
            # A locked template: the organiser's text goes out as written, under one of the
            # organiser's subjects.
            del self.fields["body"]
            self.fields["subject"] = forms.ChoiceField(
                choices=[(subject, subject) for subject in subjects], widget=forms.HiddenInput
            )
        if postal_code_fixed:
            self.fields["supporter_postal_code"].widget = forms.HiddenInput()
        # The draft is in the template's language, which on a French page is English when the
        # template has no French version: the field says so, as a block of text would.
        self.fields["subject"].widget.attrs["lang"] = template.shown.subject_variants.lang
        if "body" in self.fields:
            self.fields["body"].widget.attrs["lang"] = template.shown.body.lang

    def clean_supporter_name(self) -> str:
        # After SingleLineField's own check, so a line break keeps its own message.
        name = self.cleaned_data["supporter_name"]
        validate_name_text(name)
        return name

    def clean_supporter_postal_code(self) -> str:
        postal_code = self.cleaned_data["supporter_postal_code"]
        if self.postal_code_fixed and postal_code != self.postal_code_fixed:
            # Another code could be another riding, and the letter is addressed to this one's MP.
            raise forms.ValidationError(_("Start again to change your postal code."))
        return postal_code


class LetterTemplateAdminForm(forms.ModelForm):
    """Catches template errors when the organiser saves, not when a supporter sends.

    The template text itself is checked by LetterTemplate.clean() (validate_template_source),
    which a ModelForm runs after its own fields; checking it here too reported each error twice.
    """

    class Meta:
        model = LetterTemplate
        fields = [
            "campaign",
            "slug",
            "title",
            "kind",
            "targets",
            "subject_variants",
            "body",
            "talking_points",
            "editable",
            "source",
            "title_fr",
            "subject_variants_fr",
            "body_fr",
            "talking_points_fr",
        ]

    def _talking_points(self, field: str):
        talking_points = self.cleaned_data.get(field)
        if talking_points is not None and not (
            isinstance(talking_points, list) and all(isinstance(p, str) for p in talking_points)
        ):
            raise forms.ValidationError(_('Give a list of short texts, like ["…", "…"].'))
        return talking_points

    def clean(self):
        cleaned = super().clean()
        # Only where the form shows the recipients (the campaign page's inline does not).
        if (
            "targets" in self.fields
            and cleaned.get("kind") == LetterTemplate.Kind.MP_AND_TARGETS
            and not cleaned.get("targets")
        ):
            self.add_error(
                "targets",
                _(
                    "Choose at least one recipient besides the MP, or make this a letter to "
                    "the supporter's MP only."
                ),
            )
        return cleaned

    def clean_talking_points(self):
        return self._talking_points("talking_points")

    def clean_talking_points_fr(self):
        return self._talking_points("talking_points_fr")
