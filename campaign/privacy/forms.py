"""The staff page's forms: an address to look up or export, and an erasure to confirm."""

from django import forms
from django.utils.translation import gettext_lazy as _


class MailboxForm(forms.Form):
    """An address, in any spelling of its mailbox (`Jane.Doe+x@gmail.com` finds janedoe)."""

    address = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("Case, dots in Gmail addresses and +tags do not matter."),
    )


class MailboxEraseForm(MailboxForm):
    """An erasure, confirmed by ticking a box: it cannot be undone."""

    address = forms.EmailField(widget=forms.HiddenInput, max_length=254)
    confirm = forms.BooleanField(
        label=_(
            "I understand: every signature, letter and email held under this address is "
            "erased for good, and Chorus will not write to it again."
        ),
        error_messages={"required": _("Tick the box to confirm the deletion.")},
    )
