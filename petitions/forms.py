"""The sign form: what a supporter types, validated before anything is stored."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from campaign.consent.wording import (
    CAMPAIGN_UPDATES_CONSENT,
    ORGANISATION_NEWSLETTER_CONSENT,
    organisation_newsletter_offered,
)
from campaign.identities import MailboxField, validate_name_text
from campaign.postal_codes import PostalCodeField
from campaign.sharing import SourceField
from petitions.services import SignatureInput

# A web address in a name is spam; the shapes spammers use, not every dot.
_URLISH = re.compile(
    r"(https?:|www\.|://|\.(?:com|net|org|ca|ru|cn|info|io|xyz|top|biz|link|ly)\b)",
    re.IGNORECASE,
)
# A leading =, +, - or @ makes a spreadsheet run a formula when the export is opened.
_FORMULA_START = ("=", "+", "-", "@")


def validate_person_name(value: str) -> None:
    """Refuse names that are spam or unsafe in an export: control, zero-width or direction
    characters, markup or an address, spreadsheet formulas, web addresses, or no letter."""
    validate_name_text(value)
    if value.startswith(_FORMULA_START) or any(ch in value for ch in '="|;\\{}[]'):
        raise ValidationError(
            _("Use letters, spaces, apostrophes and hyphens only."), code="formula"
        )
    if _URLISH.search(value):
        raise ValidationError(_("A name cannot contain a web address."), code="url")
    if not any(ch.isalpha() for ch in value):
        raise ValidationError(_("Enter your name."), code="letters")


def validate_readable_text(value: str) -> None:
    """Refuse text holding control characters or U+FFFD (what undecodable bytes became)."""
    if "\ufffd" in value or re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", value):
        raise ValidationError(
            _("This contains characters we cannot read; please retype it."), code="characters"
        )


class SignatureForm(forms.Form):
    """First name, last name, email, postal code, optional comment and two opt-in boxes (three
    when the organisation runs a newsletter: ORGANISATION_NEWSLETTER).

    Only these fields are read from the POST: extra fields (`confirmed=1`, `is_flagged=0`)
    are ignored because nothing else is ever copied into the signature.
    """

    first_name = forms.CharField(
        label=_("First name"),
        max_length=50,
        validators=[validate_person_name],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=50,
        validators=[validate_person_name],
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    # Cleaned to the address mail is sent to (campaign.identities.mailbox_address).
    email = MailboxField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send you a link to confirm your signature."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    postal_code = PostalCodeField(
        help_text=_("Canadian postal code, to count signatures by riding."),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        max_length=500,
        required=False,
        validators=[validate_readable_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    show_name = forms.BooleanField(
        label=_("Show my first name, last initial and riding on this petition's page"),
        required=False,
    )
    newsletter = forms.BooleanField(label=CAMPAIGN_UPDATES_CONSENT, required=False)
    # Shown, and read, only when the organisation runs a newsletter. Kept among the fields
    # either way: SignatureSubmission validates with the class's own field objects.
    organisation_newsletter = forms.BooleanField(
        label=ORGANISATION_NEWSLETTER_CONSENT, required=False
    )
    # Honeypot: hidden from people (and screen readers); bots fill every field they find.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    # The `?source=` of the link the signer came by, carried from the page (campaign.sharing).
    source = SourceField()

    def __init__(self, *args, petition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.petition = petition

    @cached_property
    def helper(self) -> FormHelper:
        # Built only when the form is rendered: a valid POST never needs the layout.
        petition = self.petition
        helper = FormHelper()
        helper.form_method = "post"
        if petition is not None:
            helper.form_action = reverse("petitions:sign", kwargs={"slug": petition.slug})
        helper.form_class = "row g-2"
        helper.layout = Layout(
            Div(Field("first_name"), css_class="col-sm-6"),
            Div(Field("last_name"), css_class="col-sm-6"),
            Div(Field("email"), css_class="col-12"),
            Div(Field("postal_code"), css_class="col-sm-6"),
            Div(Field("comment"), css_class="col-12"),
            Div(
                Field("show_name"),
                Field("newsletter"),
                *([Field("organisation_newsletter")] if organisation_newsletter_offered() else []),
                css_class="col-12",
            ),
            Field("source"),
            Div(
                Field("website"),
                css_class="chorus-hp",
                aria_hidden="true",
                style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden",
            ),
            HTML(
                format_html(
                    '<p class="small col-12"><a href="{}">{}</a></p>',
                    reverse("campaign:privacy"),
                    _("How we use your information"),
                )
            ),
            Div(
                Submit("sign", _("Sign the petition"), css_class="btn-lg w-100"),
                css_class="col-12",
            ),
        )
        return helper

    @property
    def is_honeypot_filled(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def to_input(
        self, *, consent_page: str, language: str, source: str | None = None
    ) -> SignatureInput:
        """The cleaned data as the service's input, with the consent wordings that were shown.
        `source`, when given, is the one to store if the form carries none (an embed's)."""
        data = self.cleaned_data
        # A POST ticking a box the page did not show records nothing.
        newsletter = organisation_newsletter_offered() and data["organisation_newsletter"]
        return SignatureInput(
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            email=data["email"],
            postal_code=data["postal_code"],
            comment=data["comment"].strip(),
            show_name=data["show_name"],
            newsletter_opt_in=data["newsletter"],
            newsletter_consent_text=str(CAMPAIGN_UPDATES_CONSENT),
            organisation_newsletter_opt_in=newsletter,
            # The service keeps the wording only with the box ticked (signature_create).
            organisation_newsletter_consent_text=str(ORGANISATION_NEWSLETTER_CONSENT),
            consent_page=consent_page,
            language=language,
            source=data.get("source") or source or "",
            honeypot_filled=self.is_honeypot_filled,
        )


class _SharedFields(dict):
    """A form's `base_fields` whose deep copy holds the same field objects (see below)."""

    def __deepcopy__(self, memo) -> dict:
        return dict(self)


class SignatureSubmission(SignatureForm):
    """SignatureForm's fields and validation, for a POST that is validated and never rendered.

    Django deep-copies every field and widget for each form instance, so that an instance may
    change its own fields; crispy's rendering does change widget attributes. That copy was
    about a tenth of a signature's CPU. Validating changes no field, so this form validates
    with the class's own field objects, shared by every request (and thread) of the process.
    The view renders a SignatureForm instead, when the data is invalid.
    """

    @property
    def helper(self) -> FormHelper:
        # Rendering would write into the shared widgets, and so into every later page.
        raise TypeError("A SignatureSubmission is never rendered: render a SignatureForm.")

    def render(self, *args, **kwargs):
        raise TypeError("A SignatureSubmission is never rendered: render a SignatureForm.")


SignatureSubmission.base_fields = _SharedFields(SignatureSubmission.base_fields)
