"""One signature per mailbox, and names and postal codes that are text, through the sign form.

The issue's probe: four ways of typing one Gmail address made four signatures, four
confirmations in one inbox and a count of 4; an IDN address, a control character, a bidi
override in a name and foreign digits in a postal code must each be a 200 or a form error.
"""

from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from campaign.outbox import delivery
from petitions.models import Signature
from petitions.selectors import petition_count

pytestmark = pytest.mark.django_db

ONE_MAILBOX = [
    "jane.doe@gmail.com",
    '"janedoe"@gmail.com',
    "janedoe@\uff27\uff2d\uff21\uff29\uff2c.com",  # GMAIL in full-width letters
    "JaneDoe+petition@googlemail.com",
]


def sign(client, petition, data):
    return client.post(reverse("petitions:sign", kwargs={"slug": petition.slug}), data)


def deliver_and_confirm(client) -> int:
    """Send every queued email, then press the button of every confirmation received."""
    delivery.deliver_due(limit=50, budget_seconds=30)
    for message in mail.outbox:
        link = next(w for w in message.body.split() if "/petitions/confirm/" in w)
        client.post(urlsplit(link).path)
    return len(mail.outbox)


def test_it_makes_one_signature_and_one_count_per_mailbox(client, petition, valid_form):
    for address in ONE_MAILBOX:
        response = sign(client, petition, {**valid_form, "email": address})
        assert response.status_code == 302

    deliver_and_confirm(client)

    signature = Signature.objects.get()
    assert signature.email_key == "janedoe@gmail.com"
    assert signature.confirmed_at is not None
    assert petition_count(petition=petition) == 1


def test_it_stores_the_address_unquoted_with_an_ascii_domain(client, petition, valid_form):
    sign(client, petition, {**valid_form, "email": '"janedoe"@gmail.com'})
    sign(client, petition, {**valid_form, "email": "Juergen@B\u00fccher.de"})

    stored = set(Signature.objects.values_list("email", "email_key"))
    assert stored == {
        ("janedoe@gmail.com", "janedoe@gmail.com"),
        ("Juergen@xn--bcher-kva.de", "juergen@xn--bcher-kva.de"),
    }


def test_it_sends_the_confirmation_of_an_idn_address_and_counts_it(client, petition, valid_form):
    response = sign(client, petition, {**valid_form, "email": "juergen@b\u00fccher.de"})
    assert response.status_code == 302

    assert deliver_and_confirm(client) == 1

    assert mail.outbox[0].to == ["juergen@xn--bcher-kva.de"]
    assert petition_count(petition=petition) == 1


@pytest.mark.parametrize(
    "address",
    [
        "janedoe@gmail.com\u200b",  # zero-width space
        "jane\ufeffdoe@gmail.com",  # zero-width no-break space
        "\u202ejanedoe@gmail.com",  # right-to-left override
        '"jane\x01"@gmail.com',  # control character in a quoted local part
        '"jane\x0b"@gmail.com',  # a vertical tab: a line break to the email package
        '"a@b"@gmail.com',  # quotes that change the address
    ],
)
def test_it_refuses_an_address_with_hidden_characters_with_a_form_error(
    client, petition, valid_form, address
):
    response = sign(client, petition, {**valid_form, "email": address})

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not Signature.objects.exists()


def test_it_says_why_it_cannot_take_accented_letters_before_the_at(client, petition, valid_form):
    # Such an address is valid (SMTPUTF8) and its owner uses it; only Chorus cannot send to
    # it yet, so "not a valid address" would be wrong.
    response = sign(client, petition, {**valid_form, "email": "zoë.côté@exemple.ca"})

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "We cannot send email yet to an address with accented or non-Latin letters before "
        "the @. Please use another address."
    ]
    assert not Signature.objects.exists()


def test_it_says_why_in_french_on_the_french_page(client, petition, valid_form):
    response = client.post(
        f"/fr/petitions/{petition.slug}/sign/", {**valid_form, "email": "zoë@exemple.ca"}
    )

    assert "avant le @" in response.context["form"].errors["email"][0]
