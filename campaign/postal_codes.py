"""Canadian postal codes: normalising, validating, and what the first letter says.

Shared by petitions (a signature's postal code) and letters (finding the supporter's MP).
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Letters D, F, I, O, Q, U never appear; W and Z never start a code (Canada Post's rules).
_FSA = r"[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z]"
_POSTAL_CODE = re.compile(rf"^({_FSA})([0-9][ABCEGHJ-NPRSTV-Z][0-9])$")
_FSA_ONLY = re.compile(rf"^{_FSA}$")

# X serves two territories: these FSAs are Nunavut's, the rest of X the Northwest Territories'.
NUNAVUT_FSAS = frozenset({"X0A", "X0B", "X0C"})

# The first letter of a postal code names the province or territory (for X, see NUNAVUT_FSAS).
PROVINCE_BY_FIRST_LETTER = {
    "A": "NL",
    "B": "NS",
    "C": "PE",
    "E": "NB",
    "G": "QC",
    "H": "QC",
    "J": "QC",
    "K": "ON",
    "L": "ON",
    "M": "ON",
    "N": "ON",
    "P": "ON",
    "R": "MB",
    "S": "SK",
    "T": "AB",
    "V": "BC",
    "X": "NT",
    "Y": "YT",
}


def normalise_postal_code(value: str) -> str | None:
    """Return the code as `A1A 1A1`, or None when it is not a valid Canadian postal code.

    Full-width input (`K1A 0A6` typed in full-width letters by a phone keyboard in an East
    Asian mode) is NFKC's width variant of the same characters and is accepted as that code;
    anything still not ASCII after NFKC (Arabic-Indic or other digits, zero-width or
    direction characters) is refused: reading another script's digits as ours would be a
    guess at a different code.
    """
    if not value or len(value) > 20:
        return None
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value)
        if not value.isascii():
            return None
    compact = re.sub(r"[\s-]", "", value).upper()
    match = _POSTAL_CODE.match(compact)
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"


def fsa_of(postal_code: str) -> str:
    """The forward sortation area: the first three characters of a normalised code."""
    return postal_code[:3]


def province_of(postal_code: str) -> str:
    """The two-letter province or territory code a postal code belongs to ('' if unknown)."""
    if postal_code[:3].upper() in NUNAVUT_FSAS:
        return "NU"
    return PROVINCE_BY_FIRST_LETTER.get(postal_code[:1].upper(), "")


def is_fsa(value: str) -> bool:
    """Whether `value` is a well-formed forward sortation area such as "K1A" (upper case)."""
    return bool(_FSA_ONLY.match(value))


class PostalCodeField(forms.CharField):
    """A form field that accepts `k1a0a6`, `K1A-0A6`, `K1A 0A6` and cleans them to `K1A 0A6`."""

    default_error_messages = {
        "invalid": _("Enter a Canadian postal code, like K1A 0A6."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("label", _("Postal code"))
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "postal-code", "autocapitalize": "characters"})

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        normalised = normalise_postal_code(value)
        if normalised is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return normalised
