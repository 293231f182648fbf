"""The whole flow against a real SMTP server: what recipients receive, header by header."""

import re
from email.utils import getaddresses, parseaddr

import pytest
from django.urls import reverse

from campaign.models import CallToAction
from campaign.outbox.models import OutboundEmail
from letters.models import Letter
from letters.purposes import LetterPurpose
from letters.services import letter_template_draft_from_action
from tests.directory.ministry import SEED_TARGETS
from tests.factories import CallToActionFactory, CampaignFactory, TargetFactory

pytestmark = pytest.mark.django_db


PERSONAL = "I have friends in Grozny and I fear for them. "


def write_url(template):
    return reverse(
        "letters:write", kwargs={"campaign": template.campaign.slug, "template": template.slug}
    )


def confirm_path(message) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+?(/letters/confirm/\S+/)", text).group(1)


def plain(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def write_and_confirm(client, template, capture, smtp, *, draft_params=None, **fields):
    draft = client.get(write_url(template), draft_params or {})
    initial = draft.context["form"].initial
    data = {
        **(draft_params or {}),
        "supporter_name": "Sam Supporter",
        "supporter_email": "sam@example.org",
        "supporter_postal_code": "K1A 0A6",
        "subject": initial["subject"],
        "body": PERSONAL + initial["body"],
        "send": "",
        **fields,
    }
    with capture(execute=True):
        response = client.post(write_url(template), data)
    assert response.status_code == 302, response.context["form"].errors
    [confirmation] = smtp.messages
    with capture(execute=True):
        client.post(confirm_path(confirmation))
    return Letter.objects.get()


def test_it_delivers_an_mp_letter_with_the_supporter_as_reply_to(
    client, mp_template, smtp, django_capture_on_commit_callbacks
):
    letter = write_and_confirm(
        client,
        mp_template,
        django_capture_on_commit_callbacks,
        smtp,
        draft_params={"postal_code": "K1A 0A6", "riding": "35079"},
    )
    confirmation, to_mp = smtp.messages
    assert confirmation["To"] == "sam@example.org"
    assert smtp.received[1][1] == ["Yasir.Naqvi@parl.gc.ca"]
    assert parseaddr(to_mp["From"]) == ("Sam Supporter", "letters@chorus.example")
    assert parseaddr(to_mp["Reply-To"]) == ("Sam Supporter", "sam@example.org")
    assert to_mp["To"] == "Yasir.Naqvi@parl.gc.ca"
    assert to_mp["Subject"] == letter.subject
    row = OutboundEmail.objects.get(purpose=LetterPurpose.LETTER)
    assert to_mp["Message-ID"] == row.message_id
    assert row.status == OutboundEmail.Status.SENT
    body = plain(to_mp)
    assert body.startswith(PERSONAL + "Dear Yasir Naqvi,")
    assert "Sincerely,\nSam Supporter\nK1A 0A6" in body
    assert "[TEST]" not in to_mp["Subject"]


@pytest.fixture
def seed_template(db):
    """The letter to 004's three targets, drafted as import_seeds drafts it."""
    campaign = CampaignFactory(test_mode=False)
    action = CallToActionFactory(
        campaign=campaign,
        kind=CallToAction.Kind.LETTER_TO_TARGETS,
        text="Grant emergency visas to LGBT people fleeing Chechnya",
        targets=SEED_TARGETS,
        talking_points=["Over 100 men have been detained.", "Canada can act quickly."],
    )
    template, _created = letter_template_draft_from_action(campaign=campaign, action=action)
    return template


def test_it_delivers_the_three_target_seed_letter(
    client, seed_template, smtp, django_capture_on_commit_callbacks
):
    letter = write_and_confirm(
        client, seed_template, django_capture_on_commit_callbacks, smtp, send_copy="on"
    )
    messages = smtp.messages[1:]
    by_to = {message["To"]: message for message in messages}
    assert set(by_to) == {
        "Chrystia.Freeland@parl.gc.ca",
        "Justin.Trudeau@parl.gc.ca",
        "info@rusembassy.ca",
        "sam@example.org",  # the copy
    }
    assert sorted(smtp.rcpt_tos) == sorted([*by_to, "sam@example.org"])  # + confirmation
    rows = {row.to: row for row in OutboundEmail.objects.filter(purpose="letter")}
    for address, greeting in [
        ("Chrystia.Freeland@parl.gc.ca", "Dear Chrystia Freeland,"),
        ("Justin.Trudeau@parl.gc.ca", "Dear Justin Trudeau,"),
        ("info@rusembassy.ca", "Dear Russian Ambassador,"),
    ]:
        message = by_to[address]
        assert parseaddr(message["From"]) == ("Sam Supporter", "letters@chorus.example")
        assert parseaddr(message["Reply-To"]) == ("Sam Supporter", "sam@example.org")
        assert message["Subject"] == letter.subject
        assert message["Message-ID"] == rows[address].message_id
        assert greeting in plain(message)
        assert "- Over 100 men have been detained." in plain(message)
    assert len({message["Message-ID"] for message in messages}) == 4
    assert by_to["sam@example.org"]["Subject"] == f"Your letter: {letter.subject}"


def test_it_ignores_posted_recipients_that_are_not_the_campaigns(
    client, seed_template, smtp, django_capture_on_commit_callbacks
):
    elsewhere = TargetFactory(email="other.minister@example.org")  # another campaign's target
    write_and_confirm(
        client,
        seed_template,
        django_capture_on_commit_callbacks,
        smtp,
        to="attacker@example.org",
        targets=[str(elsewhere.pk), "attacker@example.org"],
        email="other.minister@example.org",
        recipients="attacker@example.org",
    )
    assert sorted(smtp.rcpt_tos) == sorted(
        [
            "sam@example.org",  # the confirmation
            "Chrystia.Freeland@parl.gc.ca",
            "Justin.Trudeau@parl.gc.ca",
            "info@rusembassy.ca",
        ]
    )


def test_it_sends_to_the_test_address_in_test_mode(
    client, mp_template, smtp, settings, django_capture_on_commit_callbacks
):
    mp_template.campaign.test_mode = True
    mp_template.campaign.save()
    write_and_confirm(
        client,
        mp_template,
        django_capture_on_commit_callbacks,
        smtp,
        draft_params={"postal_code": "K1A 0A6", "riding": "35079"},
    )
    to_test = smtp.messages[1]
    assert smtp.received[1][1] == ["organiser-tests@example.org"]
    assert "Yasir.Naqvi@parl.gc.ca" not in smtp.rcpt_tos
    assert to_test["Subject"].startswith("[TEST] ")
    assert "would have gone to Yasir Naqvi" in plain(to_test)
    assert "<Yasir.Naqvi@parl.gc.ca>" in plain(to_test)


def test_it_sends_to_the_test_address_when_the_site_is_in_test_mode(
    client, mp_template, smtp, settings, django_capture_on_commit_callbacks
):
    settings.LETTERS_TEST_MODE = True
    write_and_confirm(
        client,
        mp_template,
        django_capture_on_commit_callbacks,
        smtp,
        draft_params={"postal_code": "K1A 0A6", "riding": "35079"},
    )
    assert smtp.received[1][1] == ["organiser-tests@example.org"]
    assert smtp.messages[1]["Subject"].startswith("[TEST] ")


@pytest.mark.parametrize("field", ["subject", "supporter_name"])
def test_it_never_lets_a_header_injection_add_a_recipient(
    client, mp_template, smtp, django_capture_on_commit_callbacks, field
):
    data = {
        "postal_code": "K1A 0A6",
        "riding": "35079",
        "supporter_name": "Sam Supporter",
        "supporter_email": "sam@example.org",
        "supporter_postal_code": "K1A 0A6",
        "subject": "Please act",
        "body": PERSONAL * 3,
        "send": "",
    }
    data[field] = data[field] + "\r\nBcc: x@y.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(write_url(mp_template), data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert smtp.received == []


def test_it_refuses_to_send_a_stored_letter_with_a_line_break_in_a_header(
    client, mp_template, smtp, django_capture_on_commit_callbacks
):
    """Defence in depth: a row written before the form's check cannot inject either."""
    draft = client.get(write_url(mp_template), {"postal_code": "K1A 0A6", "riding": "35079"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            write_url(mp_template),
            {
                "postal_code": "K1A 0A6",
                "riding": "35079",
                "supporter_name": "Sam Supporter",
                "supporter_email": "sam@example.org",
                "supporter_postal_code": "K1A 0A6",
                "subject": "Please act",
                "body": PERSONAL + draft.context["form"].initial["body"],
                "send": "",
            },
        )
    Letter.objects.update(
        supporter_name="Sam\r\nBcc: x@y.example", subject="Hi\r\nBcc: x@y.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_path(smtp.messages[0]))
    assert response.status_code == 400
    assert smtp.rcpt_tos == ["sam@example.org"]  # the confirmation only
    assert "x@y.example" not in smtp.rcpt_tos
    assert Letter.objects.get().status == Letter.Status.UNCONFIRMED


def test_it_quotes_a_supporter_name_with_a_comma_or_accents(
    client, mp_template, smtp, django_capture_on_commit_callbacks
):
    write_and_confirm(
        client,
        mp_template,
        django_capture_on_commit_callbacks,
        smtp,
        draft_params={"postal_code": "K1A 0A6", "riding": "35079"},
        supporter_name="Côté, Zoë",
    )
    to_mp = smtp.messages[1]
    assert getaddresses([str(to_mp["From"])]) == [("Côté, Zoë", "letters@chorus.example")]
    assert getaddresses([str(to_mp["Reply-To"])]) == [("Côté, Zoë", "sam@example.org")]
    assert smtp.received[1][1] == ["Yasir.Naqvi@parl.gc.ca"]


def test_it_warns_about_and_does_not_send_to_a_suppressed_address(
    client, mp_template, smtp, django_capture_on_commit_callbacks
):
    from campaign.outbox.models import Suppression

    Suppression.objects.create(address="yasir.naqvi@parl.gc.ca", reason="bounce")
    draft = client.get(write_url(mp_template), {"postal_code": "K1A 0A6", "riding": "35079"})
    assert "Our recent emails to this address were refused" in draft.content.decode()
    letter = write_and_confirm(
        client,
        mp_template,
        django_capture_on_commit_callbacks,
        smtp,
        draft_params={"postal_code": "K1A 0A6", "riding": "35079"},
    )
    assert smtp.rcpt_tos == ["sam@example.org"]  # the confirmation only
    page = client.get(letter.get_status_url()).content.decode()
    assert "Not sent: this address refuses our email (Bounced)" in page


def test_it_escapes_the_letter_in_the_html_part(
    client, mp_template, smtp, django_capture_on_commit_callbacks
):
    write_and_confirm(
        client,
        mp_template,
        django_capture_on_commit_callbacks,
        smtp,
        draft_params={"postal_code": "K1A 0A6", "riding": "35079"},
        body="<script>alert(1)</script> " + PERSONAL * 2,
        send_copy="on",
    )
    confirmation, *sent = smtp.messages
    for message in sent:  # the letter and the copy
        html = message.get_body(preferencelist=("html",)).get_content()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>" not in html
    # The confirmation carries a summary, not the text (tests/letters/test_no_relay.py).
    assert "alert(1)" not in confirmation.get_body(preferencelist=("html",)).get_content()
    assert "<script>alert(1)</script>" in plain(smtp.messages[1])  # plain text stays as written
