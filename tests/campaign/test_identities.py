"""The identity of a mailbox, the address stored for it, and what a name may contain."""

import pytest
from django.core.exceptions import ValidationError

from campaign.identities import (
    UnsendableAddress,
    mailbox_address,
    mailbox_key,
    sendable_address,
    validate_name_text,
)

FULL_WIDTH_GMAIL = "\uff27\uff2d\uff21\uff29\uff2c"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Jane.Doe@Example.org", "Jane.Doe@example.org"),
        ('"janedoe"@gmail.com', "janedoe@gmail.com"),
        ('"jane.doe"@gmail.com', "jane.doe@gmail.com"),
        (f"janedoe@{FULL_WIDTH_GMAIL}.com", "janedoe@gmail.com"),
        ("\uff4a\uff41\uff4e\uff45\uff20gmail.com", "jane@gmail.com"),  # all full-width
        ("juergen@b\u00fccher.de", "juergen@xn--bcher-kva.de"),
        ("juergen@B\u00dcCHER.DE", "juergen@xn--bcher-kva.de"),
        ("  sam@example.org ", "sam@example.org"),
    ],
)
def test_it_stores_one_ascii_form_of_an_address(typed, stored):
    assert mailbox_address(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("janedoe@gmail.com\u200b", "characters"),
        ("jane\u200cdoe@gmail.com", "characters"),
        ("\ufeffjanedoe@gmail.com", "characters"),
        ("janedoe@gmail.com\u202e", "characters"),
        ('"jane\x01"@gmail.com', "characters"),
        ('"a@b"@gmail.com', "quoted"),
        ('"jane doe"@gmail.com', "quoted"),
        ("j\u00fcrgen@b\u00fccher.de", "unicode_local_part"),  # no SMTPUTF8 yet
        ("\u674e\u96f7@\u4f8b\u3048.jp", "unicode_local_part"),
        ("janedoe@", "invalid"),
        ("janedoe", "invalid"),
    ],
)
def test_it_refuses_what_it_cannot_store_as_one_address(typed, code):
    with pytest.raises(ValidationError) as raised:
        mailbox_address(typed)
    assert raised.value.code == code


@pytest.mark.parametrize(
    "variant",
    [
        "jane.doe@gmail.com",
        '"janedoe"@gmail.com',
        f"janedoe@{FULL_WIDTH_GMAIL}.com",
        "janedoe@gmail.com\u200b",  # stored before the forms refused it
        "Jane.Doe+petition@GoogleMail.com",
        "JANEDOE@GMAIL.COM",
    ],
)
def test_every_variant_of_one_mailbox_has_one_key(variant):
    assert mailbox_key(variant) == "janedoe@gmail.com"


def test_it_keeps_dots_outside_gmail_and_never_raises():
    assert mailbox_key("Jane.Doe+x@Example.org") == "jane.doe@example.org"
    assert mailbox_key("juergen@b\u00fccher.de") == "juergen@xn--bcher-kva.de"
    assert mailbox_key("not an address") == "not an address"
    assert mailbox_key('"a@b"@gmail.com') == '"a@b"@gmail.com'


def test_the_key_of_a_stored_address_is_its_own_key():
    for typed in ['"janedoe"@gmail.com', "juergen@b\u00fccher.de", "Jane.Doe+x@gmail.com"]:
        assert mailbox_key(mailbox_address(typed)) == mailbox_key(typed)


def test_a_stored_address_no_server_can_take_says_why_without_the_address():
    with pytest.raises(UnsendableAddress) as raised:
        sendable_address('"jane\x01"@gmail.com')
    assert str(raised.value) == (
        "The address cannot be sent to: it contains control or invisible characters."
    )
    assert sendable_address("juergen@b\u00fccher.de") == "juergen@xn--bcher-kva.de"


@pytest.mark.parametrize(
    "name",
    [
        "Justin Trudeau <pm@pm.gc.ca>",
        "a@b",
        "\u202eecilA",
        "Al\u200bice",
        "Alice\u2069",
        "Alice\u200e",
        "Alice\x00",
        "Alice\u2028",
    ],
)
def test_a_name_is_refused_with_markup_an_address_or_hidden_characters(name):
    with pytest.raises(ValidationError):
        validate_name_text(name)


@pytest.mark.parametrize("name", ["Jordan Côté", "O'Brien-Smith", "\u0639\u0644\u064a", "李雷"])
def test_a_name_in_any_script_is_text(name):
    validate_name_text(name)
