"""One letter per mailbox per recipient, addresses that send, names and postal codes as text.

The issue's probe: four letters from one Gmail mailbox reached the same MP; `juergen@bücher.de`
answered 500 at preview and at confirm; `Justin Trudeau <pm@pm.gc.ca>` reached the MP as a
display name. Every input here goes through the real forms: a 200, a form error or the usual
redirect, never a 500.
"""

import re

import pytest

from campaign.outbox.models import OutboundEmail
from letters.models import Letter, LetterRecipient
from letters.purposes import LetterPurpose
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.letters.test_flow import preview, send_queued, submit

pytestmark = pytest.mark.django_db

IDN = "juergen@b\u00fccher.de"
IDN_ASCII = "juergen@xn--bcher-kva.de"
ONE_MAILBOX = [
    "jane.doe@gmail.com",
    '"janedoe"@gmail.com',
    "janedoe@\uff27\uff2d\uff21\uff29\uff2c.com",  # GMAIL in full-width letters
    "JaneDoe+letters@googlemail.com",
]


def confirm_path(message) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+?(/letters/confirm/\S+/)", text).group(1)


# --- One letter per mailbox -----------------------------------------------------------------


def test_it_takes_one_letter_per_mailbox_to_the_same_mp(client, mp_template):
    for address in ONE_MAILBOX:
        response = submit(client, mp_template, supporter_email=address)
        assert response.status_code == 302
    send_queued()

    assert Letter.objects.count() == 1
    recipient = LetterRecipient.objects.get()
    assert recipient.supporter_key == "janedoe@gmail.com"
    # The later attempts were told by email, at the address each typed, as any second one is.
    assert (
        OutboundEmail.objects.filter(purpose=LetterPurpose.LETTER_ALREADY_WRITTEN).count()
        == len(ONE_MAILBOX) - 1
    )


def test_it_stores_the_address_unquoted_with_an_ascii_domain(client, mp_template):
    submit(client, mp_template, supporter_email='"janedoe"@gmail.com')

    letter = Letter.objects.get()
    assert letter.supporter_email == "janedoe@gmail.com"
    assert letter.recipients.get().supporter_email == "janedoe@gmail.com"


# --- An IDN address: preview, confirm, delivery ---------------------------------------------


def test_it_previews_a_letter_from_an_idn_address(client, mp_template):
    response = preview(client, mp_template, supporter_email=IDN)

    assert response.status_code == 200
    assert "letters/preview.html" in [t.name for t in response.templates]
    assert f"Sam Supporter &lt;{IDN_ASCII}&gt;" in response.content.decode()


def test_it_delivers_a_letter_from_an_idn_address_over_smtp(
    client, mp_template, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, mp_template, supporter_email=IDN)
    assert response.status_code == 302
    [confirmation] = smtp.messages
    assert smtp.received[0][1] == [IDN_ASCII]

    assert client.get(confirm_path(confirmation)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(confirm_path(confirmation)).status_code == 302

    _confirmation, to_mp = smtp.messages
    assert smtp.received[1][1] == ["Yasir.Naqvi@parl.gc.ca"]
    assert to_mp["Reply-To"].addresses[0].addr_spec == IDN_ASCII
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).count() == 2


def test_it_confirms_a_letter_stored_with_an_idn_address_before_the_fix(client, mp_template):
    letter = LetterFactory(template=mp_template, supporter_email=IDN)
    LetterRecipientFactory(letter=letter, email="Yasir.Naqvi@parl.gc.ca", name="Yasir Naqvi")

    assert client.get(letter.get_confirm_url()).status_code == 200
    response = client.post(letter.get_confirm_url())

    assert response.status_code == 302
    to_mp = OutboundEmail.objects.get(purpose=LetterPurpose.LETTER)
    assert to_mp.reply_to == f"Sam Supporter <{IDN_ASCII}>"


# --- Addresses and names the forms refuse ---------------------------------------------------

REFUSED_ADDRESSES = [
    "janedoe@gmail.com\u200b",  # zero-width space
    "\u202ejanedoe@gmail.com",  # right-to-left override
    '"jane\x01"@gmail.com',  # control character in the local part
    '"jane\x0b"@gmail.com',  # a vertical tab: a line break to the email package
    '"a@b"@gmail.com',  # quotes that change the address
]


@pytest.mark.parametrize("address", REFUSED_ADDRESSES)
@pytest.mark.parametrize("step", [preview, submit])
def test_it_refuses_an_address_with_hidden_characters(client, mp_template, step, address):
    response = step(client, mp_template, supporter_email=address)

    assert response.status_code == 200
    assert response.context["form"].errors["supporter_email"]
    assert Letter.objects.count() == 0
    assert OutboundEmail.objects.count() == 0
