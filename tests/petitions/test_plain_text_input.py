"""Names and postal codes are text, through the sign form: a form error, never a 500.

The issue's probe: the public signer list showed `\u202eecilA P.` (a right-to-left override);
zero-width characters and non-ASCII digits were accepted in names and postal codes.
"""

import pytest
from django.urls import reverse

from petitions.models import Signature

pytestmark = pytest.mark.django_db


def sign(client, petition, data):
    return client.post(reverse("petitions:sign", kwargs={"slug": petition.slug}), data)


@pytest.mark.parametrize(
    "name",
    [
        "\u202eecilA",  # right-to-left override: shown as "Alice" reversed
        "Al\u200bice",  # zero-width space
        "Alice\u2066",  # left-to-right isolate
        "Alice\u200f",  # right-to-left mark
        "Justin Trudeau <pm@pm.gc.ca>",
        "pm@pm.gc.ca",
        "Alice\x1b",
    ],
)
@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_it_refuses_a_name_that_is_not_plain_text(client, petition, valid_form, field, name):
    response = sign(client, petition, {**valid_form, field: name})

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Signature.objects.exists()


def test_it_still_takes_names_in_any_script(client, petition, valid_form):
    response = sign(
        client, petition, {**valid_form, "first_name": "\u0639\u0644\u064a", "last_name": "Côté"}
    )

    assert response.status_code == 302
    assert Signature.objects.get().first_name == "\u0639\u0644\u064a"


@pytest.mark.parametrize(
    "postal_code",
    [
        "K\u0661A 0A6",  # Arabic-Indic digit one
        "K1A \u06f0A6",  # Extended Arabic-Indic digit zero
        "K1A\u200b0A6",  # zero-width space
        "\u202eK1A 0A6",  # right-to-left override
    ],
)
def test_it_refuses_a_postal_code_that_is_not_ascii(client, petition, valid_form, postal_code):
    response = sign(client, petition, {**valid_form, "postal_code": postal_code})

    assert response.status_code == 200
    assert response.context["form"].errors["postal_code"]
    assert not Signature.objects.exists()


def test_it_reads_a_full_width_postal_code_as_the_same_code(client, petition, valid_form):
    full_width = "\uff2b\uff11\uff21\u3000\uff10\uff21\uff16"  # K1A 0A6 typed full-width

    response = sign(client, petition, {**valid_form, "postal_code": full_width})

    assert response.status_code == 302
    assert Signature.objects.get().postal_code == "K1A 0A6"
