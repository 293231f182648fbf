"""Canadian postal codes: what is accepted, how it is written, and where it is."""

import pytest
from django.core.exceptions import ValidationError

from campaign.postal_codes import (
    PostalCodeField,
    fsa_of,
    is_fsa,
    normalise_postal_code,
    province_of,
)


@pytest.mark.parametrize("typed", ["k1a0a6", "K1A 0A6", " k1a-0a6 ", "K1A  0A6"])
def test_it_writes_a_valid_code_as_a1a_1a1(typed):
    assert normalise_postal_code(typed) == "K1A 0A6"


@pytest.mark.parametrize(
    "typed",
    ["", "12345", "Z9Z 9Z9", "W1A 0A6", "K1A 0A", "D1A 0A6", "K1A 0O6", "K" * 200],
)
def test_it_refuses_what_canada_post_never_issues(typed):
    assert normalise_postal_code(typed) is None


@pytest.mark.parametrize(
    ("code", "province"),
    [("K1A 0A6", "ON"), ("H2X 1Y4", "QC"), ("V6B 1A1", "BC"), ("A1C 5M2", "NL")],
)
def test_it_knows_the_province_from_the_first_letter(code, province):
    assert province_of(code) == province


@pytest.mark.parametrize(
    ("code", "territory"),
    [("X0A 0H0", "NU"), ("X0B 0C0", "NU"), ("X0C 0E0", "NU"), ("X1A 2L9", "NT"), ("X0E 0T0", "NT")],
)
def test_it_tells_nunavut_from_the_northwest_territories_within_x(code, territory):
    assert province_of(code) == territory


def test_it_gives_the_forward_sortation_area():
    assert fsa_of("K1A 0A6") == "K1A"
    assert is_fsa("K1A")
    assert not is_fsa("K1")
    assert not is_fsa("Z1A")
    assert not is_fsa("k1a")


def test_the_form_field_cleans_to_the_written_form_and_explains_errors():
    field = PostalCodeField()

    assert field.clean("k1a0a6") == "K1A 0A6"
    with pytest.raises(ValidationError, match="Canadian postal code"):
        field.clean("12345")


@pytest.mark.parametrize(
    "typed",
    [
        "K\u0661A 0A6",  # Arabic-Indic one
        "K1A \u06f0A6",  # Extended Arabic-Indic zero
        "K1A 0A\u0c66",  # Telugu zero
        "K1A\u200b0A6",  # zero-width space
        "\u202eK1A 0A6",  # right-to-left override
    ],
)
def test_it_refuses_digits_of_other_scripts_and_hidden_characters(typed):
    assert normalise_postal_code(typed) is None


def test_it_reads_full_width_input_as_the_same_code():
    assert normalise_postal_code("\uff2b\uff11\uff21\u3000\uff10\uff21\uff16") == "K1A 0A6"
