"""The staff page's forms: an address to look up, and a withdrawal to confirm.

The address is typed as on the supporters' data page (any spelling of the mailbox), and then
travels in hidden fields of POST forms only, never in a URL.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from campaign.consent.scopes import scope_is_valid
from campaign.privacy.forms import MailboxForm

# The scope field's value meaning "every consent in force".
ALL_SCOPES = "all"


class ConsentLookupForm(MailboxForm):
    """The address whose consents to show."""


class ConsentWithdrawForm(MailboxForm):
    """One consent (a scope), or all of them, of the address: what the confirmation page shows
    and its button withdraws."""

    address = forms.EmailField(widget=forms.HiddenInput, max_length=254)
    scope = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def clean_scope(self) -> str:
        scope = self.cleaned_data["scope"]
        if scope != ALL_SCOPES and not scope_is_valid(scope):
            raise ValidationError(_("This is not a consent Chorus records."), code="scope")
        return scope

    @property
    def scope_or_none(self) -> str | None:
        """The scope to withdraw, or None for every consent in force."""
        scope = self.cleaned_data["scope"]
        return None if scope == ALL_SCOPES else scope
