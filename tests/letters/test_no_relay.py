"""The confirmation email goes to an address nobody has confirmed yet: it must not carry the
supporter's text, or the letter form would relay anything typed to any address, from our
domain. It summarises (recipients, the subject's first words, the length); the confirm page,
behind the signed link, shows the whole letter."""

import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

SPAM = "Buy cheap pills at pills.example.com today and win a prize for every friend you tell"
BODY = (
    "Dear Yasir Naqvi,\n\nI live in Ottawa Centre. " + SPAM + ".\n\nPlease press for "
    "emergency visas.\n\nSam Supporter\nK1A 0A6"
)
SUBJECT = "Urgent visas now for people detained in Chechnya and win a free cruise at cruise.example"


def submit(client, template, django_capture_on_commit_callbacks, **overrides):
    url = reverse(
        "letters:write", kwargs={"campaign": template.campaign.slug, "template": template.slug}
    )
    data = {
        "postal_code": "K1A 0A6",
        "riding": "35079",
        "supporter_name": "Click pills.example.com now",
        "supporter_email": "victim@example.org",
        "supporter_postal_code": "K1A 0A6",
        "subject": SUBJECT,
        "body": BODY,
        "send": "",
        **overrides,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    [message] = mail.outbox
    return message


def every_part(message) -> str:
    return "\n".join([message.subject, message.body, *(c for c, _t in message.alternatives)])


def test_it_never_sends_the_letter_body_the_full_subject_or_the_name_to_an_unconfirmed_address(
    client, mp_template, django_capture_on_commit_callbacks
):
    message = submit(client, mp_template, django_capture_on_commit_callbacks)
    text = every_part(message)
    assert "pills.example.com" not in text
    assert "Please press for emergency visas" not in text
    assert "cruise.example" not in text
    assert SUBJECT not in text


def test_it_summarises_what_will_be_sent_and_to_whom(
    client, mp_template, django_capture_on_commit_callbacks
):
    message = submit(client, mp_template, django_capture_on_commit_callbacks)
    assert "Yasir Naqvi" in message.body
    assert "Member of Parliament" in message.body or "MP" in message.body
    assert "“Urgent visas now…”" in message.body
    assert f"{len(BODY)} characters" in message.body
    html = message.alternatives[0][0]
    assert "Yasir Naqvi" in html
    assert f"{len(BODY)} characters" in html


def test_it_shows_the_whole_letter_on_the_confirm_page(
    client, mp_template, django_capture_on_commit_callbacks
):
    message = submit(client, mp_template, django_capture_on_commit_callbacks)
    link = re.search(r"https?://\S+(/letters/confirm/\S+/)", message.body).group(1)
    page = client.get(link).content.decode()
    assert SPAM in page
    assert SUBJECT in page
    assert "Please press for emergency visas." in page
