"""The supporter's path: postal code → MP → compose → preview → submit → confirm → status."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from campaign.outbox import delivery
from campaign.outbox.models import OutboundEmail
from campaign.outbox.selectors import emails_for
from letters.models import Letter, LetterRecipient
from letters.purposes import LetterPurpose

pytestmark = pytest.mark.django_db

BODY = (
    "Dear Yasir Naqvi,\n\nI live in Ottawa Centre and I am worried about people detained "
    "in Chechnya. Please press for emergency visas.\n\nSam Supporter\nK1A 0A6"
)


def write_url(template, **params):
    url = reverse(
        "letters:write", kwargs={"campaign": template.campaign.slug, "template": template.slug}
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def letter_data(**overrides):
    data = {
        "postal_code": "K1A 0A6",
        "riding": "35079",
        "supporter_name": "Sam Supporter",
        "supporter_email": "sam@example.org",
        "supporter_postal_code": "K1A 0A6",
        "subject": "Please act now",
        "body": BODY,
    }
    return {**data, **overrides}


def preview(client, template, **overrides):
    return client.post(write_url(template), letter_data(**overrides))


def submit(client, template, **overrides):
    return client.post(write_url(template), {**letter_data(**overrides), "send": ""})


def send_queued():
    """What the email workers do with every queued row, oldest first: the worker decides
    whether a submission's row is a confirmation, a "you already wrote" notice or nothing."""
    for email_id in OutboundEmail.objects.order_by("pk").values_list("pk", flat=True):
        delivery.deliver(email_id)


def confirm_link(message) -> str:
    return re.search(r"https?://\S+(/letters/confirm/\S+/)", message.body).group(1)


def test_it_sends_a_known_postal_code_straight_to_the_letter(client, mp_template):
    response = client.post(mp_template.get_absolute_url(), {"postal_code": "k1a0a6"})
    assert response.status_code == 302
    assert response["Location"] == write_url(mp_template, postal_code="K1A+0A6", riding="35079")


def test_it_prefills_the_letter_for_the_mp(client, mp_template):
    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
    page = response.content.decode()
    assert "Yasir Naqvi" in page
    assert "Dear Yasir Naqvi," in page
    assert "As a constituent in Ottawa Centre" in page
    assert "- People are detained." in page
    assert "Please act now" in page or "Emergency visas, now" in page


def test_it_shows_the_talking_points_beside_the_letter(client, mp_template):
    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
    page = response.content.decode()
    aside = page[page.index('<aside class="col-lg-4"') : page.index("</aside>")]
    assert "<li>People are detained.</li>" in aside
    assert "<li>Canada has acted before.</li>" in aside


@pytest.mark.parametrize("bad", ["12345", "Z9Z 9Z9", "", "K1A 0A6" * 30])
def test_it_refuses_an_invalid_postal_code_with_a_form_error(client, mp_template, bad):
    response = client.post(mp_template.get_absolute_url(), {"postal_code": bad})
    assert response.status_code == 200
    assert response.context["form"].errors["postal_code"]


def test_it_lets_the_supporter_choose_in_a_straddling_fsa(client, mp_template):
    response = client.post(mp_template.get_absolute_url(), {"postal_code": "K1Z 7B5"})
    assert response.status_code == 200
    choices = [code for code, _label in response.context["form"].fields["riding"].choices]
    assert choices == ["35079", "35082"]
    assert "Anita Vandenbeld" in response.content.decode()


def test_it_lets_the_supporter_choose_from_the_province_when_nothing_is_known(client, mp_template):
    response = client.post(mp_template.get_absolute_url(), {"postal_code": "K2P 1L4"})
    choices = [code for code, _label in response.context["form"].fields["riding"].choices]
    assert choices == ["35077", "35079", "35082"]


def test_it_refuses_a_riding_outside_the_postal_codes_province(client, mp_template):
    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="24054"))
    assert response.status_code == 302
    assert response["Location"] == mp_template.get_absolute_url()


def test_it_refuses_a_riding_not_offered_for_the_postal_code(client, mp_template):
    # K1A lies only in Ottawa Centre: Ottawa West—Nepean, in the same province, is not offered.
    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35082"))
    assert response.status_code == 302
    assert response["Location"] == mp_template.get_absolute_url()


def test_it_refuses_a_riding_not_offered_when_sending(client, mp_template):
    response = submit(client, mp_template, riding="35082")
    assert response.status_code == 302
    assert Letter.objects.count() == 0


@pytest.mark.parametrize(
    "params",
    [
        {"postal_code": "K1A 0A6", "riding": "\x00"},
        {"postal_code": "K1A 0A6", "riding": "3" * 500},
        {"postal_code": "K1A\x000A6", "riding": "35079"},
        {"postal_code": "K" * 500, "riding": "35079"},
        {"postal_code": "K1A 0A6"},
        {"riding": "35079"},
        {},
    ],
)
def test_it_sends_odd_or_missing_step_one_values_back_to_the_postal_code(
    client, mp_template, params
):
    response = client.get(write_url(mp_template), params)
    assert response.status_code == 302
    assert response["Location"] == mp_template.get_absolute_url()


def test_it_accepts_each_riding_offered_in_a_straddling_fsa(client, mp_template):
    response = client.get(write_url(mp_template, postal_code="K1Z 7B5", riding="35082"))
    assert response.status_code == 200
    assert "Dear Anita Vandenbeld," in response.context["form"].initial["body"]


def test_it_accepts_a_riding_from_the_province_when_nothing_is_known(client, mp_template):
    response = client.get(write_url(mp_template, postal_code="K2P 1L4", riding="35077"))
    assert response.status_code == 200


def test_it_previews_exactly_what_will_be_sent(client, mp_template, settings):
    settings.DEFAULT_FROM_EMAIL = "Chorus <letters@chorus.example>"
    response = client.post(write_url(mp_template), letter_data(body=BODY + "\n<b>bold</b>"))
    page = response.content.decode()
    assert "letters/preview.html" in [t.name for t in response.templates]
    assert "Sam Supporter &lt;letters@chorus.example&gt;" in page
    assert "Sam Supporter &lt;sam@example.org&gt;" in page
    assert "&lt;Yasir.Naqvi@parl.gc.ca&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert Letter.objects.count() == 0


def test_it_previews_an_accented_name_as_text(client, mp_template, settings):
    settings.DEFAULT_FROM_EMAIL = "Chorus <letters@chorus.example>"

    response = client.post(write_url(mp_template), letter_data(supporter_name="Jordan Côté"))

    page = response.content.decode()
    assert "Jordan Côté &lt;letters@chorus.example&gt;" in page
    assert "Jordan Côté &lt;sam@example.org&gt;" in page
    assert "=?utf-8?" not in page.lower()


def test_it_nudges_when_the_template_is_sent_unchanged(client, mp_template):
    draft = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
    body = draft.context["form"].initial["body"]
    response = client.post(write_url(mp_template), letter_data(body=body))
    assert response.context["unchanged"] is True


def test_it_does_not_nudge_when_the_supporter_adds_their_own_words(client, mp_template):
    draft = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
    body = draft.context["form"].initial["body"] + "\nMy brother had to flee."
    response = client.post(write_url(mp_template), letter_data(body=body))
    assert response.context["unchanged"] is False
    assert "A sentence of your own" not in response.content.decode()


def test_it_saves_an_unconfirmed_letter_and_queues_its_confirmation(
    client, mp_template, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, mp_template)
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.status == Letter.Status.UNCONFIRMED
    assert list(letter.recipients.values_list("email", flat=True)) == ["Yasir.Naqvi@parl.gc.ca"]
    [email] = emails_for(letter)
    assert email.purpose == LetterPurpose.LETTER_CONFIRMATION
    assert email.to == "sam@example.org"
    assert [m.to for m in mail.outbox] == [["sam@example.org"]]


def test_it_replaces_the_name_marker_with_the_supporters_name(client, mp_template):
    draft = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
    body = draft.context["form"].initial["body"]
    assert "[your name]" in body
    submit(client, mp_template, body=body + "\nMy own sentence.")
    assert "Sincerely,\nSam Supporter\nK1A 0A6" in Letter.objects.get().body


def test_it_sends_nothing_to_the_mp_until_confirmed_by_post(
    client, mp_template, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, mp_template)
    link = confirm_link(mail.outbox[0])
    response = client.get(link)
    assert response.status_code == 200
    assert Letter.objects.get().status == Letter.Status.UNCONFIRMED
    assert len(mail.outbox) == 1


@time_machine.travel("2026-01-01 12:00Z", tick=False)  # the status link's signature is timed
def test_it_queues_one_email_per_recipient_on_confirm(
    client, mp_template, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, mp_template, send_copy="on")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_link(mail.outbox[0]))
    letter = Letter.objects.get()
    assert letter.status == Letter.Status.CONFIRMED
    assert response["Location"] == letter.get_status_url()
    purposes = sorted(emails_for(letter).values_list("purpose", flat=True))
    assert purposes == ["letter", "letter_confirmation", "letter_copy"]
    sent = emails_for(letter).get(purpose=LetterPurpose.LETTER)
    assert sent.to == "Yasir.Naqvi@parl.gc.ca"
    assert letter.recipients.get().message_id == sent.message_id


def test_it_keeps_a_letter_written_in_test_mode_in_test_mode_when_confirmed_later(
    client, mp_template, settings, django_capture_on_commit_callbacks
):
    settings.LETTERS_TEST_MODE = True
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, mp_template)
    settings.LETTERS_TEST_MODE = False  # the site goes live before the supporter confirms
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_link(mail.outbox[0]))
    sent = OutboundEmail.objects.get(purpose=LetterPurpose.LETTER)
    assert sent.to == mp_template.campaign.test_email
    assert sent.subject.startswith("[TEST] ")


def test_it_sends_nothing_when_the_campaign_closed_before_confirmation(
    client, mp_template, django_capture_on_commit_callbacks
):
    from campaign.services import campaign_close

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, mp_template)
    link = confirm_link(mail.outbox[0])
    campaign_close(campaign=mp_template.campaign)
    page = client.get(link)
    assert "This campaign has closed" in page.content.decode()
    assert "Confirm and send my letter" not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 409
    assert "This campaign has closed" in response.content.decode()
    assert not OutboundEmail.objects.filter(purpose=LetterPurpose.LETTER).exists()
    assert Letter.objects.get().status == Letter.Status.UNCONFIRMED


def test_it_confirms_only_once(client, mp_template, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, mp_template)
    link = confirm_link(mail.outbox[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link)
        client.post(link)
    assert OutboundEmail.objects.filter(purpose=LetterPurpose.LETTER).count() == 1


def test_it_shows_delivery_per_recipient_on_the_status_page(
    client, mp_template, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, mp_template, body=BODY + "\n<script>alert(1)</script>")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_link(mail.outbox[0]))
    page = client.get(Letter.objects.get().get_status_url()).content.decode()
    assert "Yasir Naqvi" in page
    assert 'class="delivery-sent"' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_it_shows_a_failed_delivery_from_the_outbox(client, mp_template):
    submit(client, mp_template)
    letter = Letter.objects.get()
    from letters.services import letter_confirm

    letter_confirm(letter=letter)
    emails_for(letter).filter(purpose=LetterPurpose.LETTER).update(status="failed")
    page = client.get(letter.get_status_url()).content.decode()
    assert 'class="delivery-failed"' in page


@pytest.mark.parametrize("link", ["confirm", "status"])
def test_it_answers_a_tampered_link_with_404(client, mp_template, link):
    submit(client, mp_template)
    letter = Letter.objects.get()
    url = letter.get_confirm_url() if link == "confirm" else letter.get_status_url()
    assert client.get(url[:-3] + "xx/").status_code == 404
    other = Letter.objects.get().signed_token("status" if link == "confirm" else "confirm")
    assert client.get(reverse(f"letters:{link}", kwargs={"token": other})).status_code == 404


def test_it_answers_an_expired_confirm_link_with_404(client, mp_template):
    with time_machine.travel("2026-01-01 12:00Z", tick=False):
        submit(client, mp_template)
        url = Letter.objects.get().get_confirm_url()
    with time_machine.travel("2026-01-09 12:00Z", tick=False):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Letter.objects.get().status == Letter.Status.UNCONFIRMED


def test_it_answers_an_expired_status_link_with_404(client, mp_template, settings):
    submitted = datetime(2026, 1, 1, 12, tzinfo=UTC)
    with time_machine.travel(submitted, tick=False):
        submit(client, mp_template)
        url = Letter.objects.get().get_status_url()
        assert client.get(url).status_code == 200
    expired = submitted + timedelta(seconds=settings.LETTERS_STATUS_MAX_AGE, days=1)
    with time_machine.travel(expired, tick=False):
        assert client.get(url).status_code == 404


def test_it_allows_one_letter_per_supporter_per_recipient(client, mp_template):
    submit(client, mp_template)

    submit(client, mp_template, supporter_email="SAM@example.org", subject="Again")
    send_queued()

    # The attempt was written like any letter (the request must not tell); the worker that
    # told its owner removed it.
    assert Letter.objects.count() == 1
    assert LetterRecipient.objects.count() == 1


def test_it_answers_a_second_attempt_with_the_same_page_as_a_first(client, mp_template):
    first = submit(client, mp_template)

    second = submit(client, mp_template, supporter_email="SAM@example.org", subject="Again")

    # Nobody learns from the page whether an address has written (it can be sensitive).
    assert second.status_code == first.status_code == 302
    assert second["Location"] == first["Location"] == reverse("letters:sent")


@time_machine.travel("2026-01-01 12:00Z", tick=False)  # the links' signatures are timed
def test_it_tells_the_addresss_owner_by_email_that_they_already_wrote(client, mp_template):
    submit(client, mp_template)
    letter = Letter.objects.get()

    submit(client, mp_template, supporter_email="SAM@example.org", subject="Again")
    send_queued()

    notice = OutboundEmail.objects.get(purpose=LetterPurpose.LETTER_ALREADY_WRITTEN)
    assert notice.status == OutboundEmail.Status.SENT
    assert notice.related == letter
    sent = mail.outbox[-1]  # the row keeps the text with its links removed
    assert sent.to == ["SAM@example.org"]
    assert "tried to write again to Yasir Naqvi" in sent.body
    assert letter.get_confirm_url() in sent.body  # not confirmed yet: the link again
    assert letter.get_status_url() in sent.body


def test_it_sends_at_most_three_already_written_notices_per_letter(client, mp_template):
    submit(client, mp_template)

    for _ in range(5):
        submit(client, mp_template, subject="Again")
    send_queued()

    notices = OutboundEmail.objects.filter(purpose=LetterPurpose.LETTER_ALREADY_WRITTEN)
    assert notices.count() == 3
    assert len(mail.outbox) == 1 + 3  # the confirmation, then three notices
    assert Letter.objects.count() == 1


def test_it_keeps_the_postal_code_the_mp_was_found_from(client, mp_template):
    response = submit(client, mp_template, supporter_postal_code="K1Z 7B5")
    assert response.status_code == 200
    assert "Start again" in str(response.context["form"].errors["supporter_postal_code"])
    assert Letter.objects.count() == 0


def test_it_ignores_a_posted_recipient_that_is_not_the_campaigns(client, mp_template):
    submit(
        client,
        mp_template,
        to="attacker@example.org",
        email="attacker@example.org",
        target="attacker@example.org",
        recipients="attacker@example.org",
    )
    assert list(LetterRecipient.objects.values_list("email", flat=True)) == [
        "Yasir.Naqvi@parl.gc.ca"
    ]


@pytest.mark.parametrize("field", ["subject", "supporter_name"])
@pytest.mark.parametrize("value", ["Hello\r\nBcc: x@y", "\r\nBcc: x@y", "Hello\nBcc: x@y"])
def test_it_refuses_a_line_break_in_a_header_field(client, mp_template, field, value):
    response = submit(client, mp_template, **{field: value})
    assert response.status_code == 200
    assert "single line" in str(response.context["form"].errors[field])
    assert Letter.objects.count() == 0
    assert OutboundEmail.objects.count() == 0


@pytest.mark.parametrize("separator", ["\u2028", "\x0b", "\x85"])
def test_it_refuses_any_line_separator_in_a_header_field_even_last(client, mp_template, separator):
    response = submit(client, mp_template, subject="Please act now" + separator)
    assert "single line" in str(response.context["form"].errors["subject"])
    assert Letter.objects.count() == 0


@pytest.mark.parametrize(("body", "field"), [("Too short.", "body"), ("x" * 8001, "body")])
def test_it_limits_the_body_length(client, mp_template, body, field):
    response = submit(client, mp_template, body=body)
    assert response.context["form"].errors[field]
    assert Letter.objects.count() == 0


def test_it_rotates_subject_variants(client, mp_template):
    subjects = [
        client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
        .context["form"]
        .initial["subject"]
        for _ in range(3)
    ]
    assert subjects == ["Please act now", "Emergency visas, now", "Please act now"]


def test_it_sends_a_locked_template_as_written(client, mp_template):
    mp_template.editable = False
    mp_template.save()
    submit(client, mp_template, body="My own words that the organiser did not want, at length.")
    letter = Letter.objects.get()
    assert letter.body.startswith("Dear Yasir Naqvi,\n\nAs a constituent in Ottawa Centre")
    assert "Sam Supporter\nK1A 0A6" in letter.body


def test_it_answers_404_for_a_draft_campaign(client, mp_template):
    mp_template.campaign.status = "draft"
    mp_template.campaign.save()
    assert client.get(mp_template.get_absolute_url()).status_code == 404


def test_it_explains_when_the_riding_has_no_mp(client, mp_template):
    from campaign.directory.models import Representative

    Representative.objects.update(is_current=False)
    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
    assert response.status_code == 200
    assert "no email address on record" in response.content.decode()
    assert "Ottawa Centre" in response.content.decode()


def test_it_writes_no_letter_to_a_riding_with_no_mp_on_file(client, mp_template):
    from campaign.directory.models import Representative

    Representative.objects.update(is_current=False)
    response = submit(client, mp_template)
    assert "Ottawa Centre" in response.content.decode()
    assert not Letter.objects.exists()


def test_it_limits_letters_per_client_address(client, mp_template, settings):
    settings.LETTERS_SUBMIT_RATELIMIT = "2/h"
    for n in range(2):
        assert submit(client, mp_template, supporter_email=f"s{n}@example.org").status_code == 302
    response = submit(client, mp_template, supporter_email="s3@example.org")
    assert response.status_code == 429
    assert "Too many letters" in response.content.decode()
    assert Letter.objects.count() == 2


def test_a_proxy_header_without_an_address_does_not_escape_the_limit(client, mp_template, settings):
    # A header the proxy passed through unchecked must not become a fresh key per request.
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.LETTERS_SUBMIT_RATELIMIT = "2/h"
    for n in range(3):
        client.defaults["HTTP_X_REAL_IP"] = f"spoofed-{n}"
        response = submit(client, mp_template, supporter_email=f"s{n}@example.org")

    assert response.status_code == 429
    assert Letter.objects.count() == 2


def test_it_fills_variables_in_subject_variants(client, mp_template):
    mp_template.subject_variants = "A constituent of {{ riding }} asks you to act"
    mp_template.save()
    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
    assert response.context["form"].initial["subject"] == (
        "A constituent of Ottawa Centre asks you to act"
    )


def test_it_sends_a_locked_template_under_one_of_its_subjects_only(client, mp_template):
    mp_template.editable = False
    mp_template.subject_variants = "For {{ riding }}: please act"
    mp_template.save()
    response = submit(client, mp_template, subject="My own subject")
    assert response.context["form"].errors["subject"]
    submit(client, mp_template, subject="For Ottawa Centre: please act")
    assert Letter.objects.get().subject == "For Ottawa Centre: please act"


def test_it_explains_an_empty_directory_instead_of_an_empty_list(client, db):
    from tests.factories.letters import LetterTemplateFactory

    template = LetterTemplateFactory()
    response = client.post(template.get_absolute_url(), {"postal_code": "K1A 0A6"})
    assert response.status_code == 200
    assert "our directory is empty" in response.content.decode()
