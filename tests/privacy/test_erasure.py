"""Erasing a mailbox: what goes, what stays (only a hash), and who is not mailed again."""

import pytest

from campaign.identities import mailbox_hash
from campaign.outbox import delivery, queue_email
from campaign.outbox.models import OutboundEmail, Suppression
from campaign.privacy.selectors import mailbox_held
from campaign.privacy.services import supporter_data_erase
from letters.models import Letter, LetterRecipient
from letters.purposes import LetterPurpose
from petitions.models import Signature
from petitions.purposes import PetitionPurpose
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.outbox import OutboundEmailFactory, SuppressionFactory
from tests.privacy.conftest import JANE

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status


def erase(address=JANE, actor=None):
    return supporter_data_erase(actor=actor, address=address, reason=Suppression.Reason.ERASURE)


def test_it_deletes_the_signatures_of_every_spelling_of_the_mailbox(jane_signature):
    erase("jane.doe+petitions@GMAIL.com")

    assert not Signature.objects.exists()


def test_it_anonymises_a_sent_letter_but_keeps_its_delivery_record(jane_letter):
    erase()

    letter = Letter.objects.get(pk=jane_letter.pk)
    assert (letter.supporter_name, letter.supporter_email, letter.supporter_postal_code) == (
        "",
        "",
        "",
    )
    assert (letter.subject, letter.body, letter.text_hash) == ("", "", "")
    assert (letter.status, letter.template_id, letter.campaign_id) == (
        Letter.Status.CONFIRMED,
        jane_letter.template_id,
        jane_letter.campaign_id,
    )
    recipient = LetterRecipient.objects.get(letter=letter)
    assert (recipient.name, recipient.email) == ("Yasir Naqvi", "yasir.naqvi@parl.gc.ca")
    assert recipient.supporter_email == ""
    assert recipient.supporter_key == f"erased-{recipient.pk}"


def test_it_deletes_a_letter_that_was_never_confirmed():
    letter = LetterFactory(supporter_email=JANE)
    LetterRecipientFactory(letter=letter)

    erase()

    assert not Letter.objects.filter(pk=letter.pk).exists()
    assert not LetterRecipient.objects.exists()


def test_it_empties_the_emails_and_cancels_those_still_queued(jane_letter):
    copy = OutboundEmailFactory(
        to=jane_letter.supporter_email,
        purpose=LetterPurpose.LETTER_COPY,
        related=jane_letter,
        status=Status.SENT,
    )
    to_mp = OutboundEmailFactory(
        to="yasir.naqvi@parl.gc.ca",
        purpose=LetterPurpose.LETTER,
        related=jane_letter,
        reply_to=jane_letter.supporter_email,
        body_text="Dear Member, I am Jane.",
    )

    erase()

    copy.refresh_from_db()
    to_mp.refresh_from_db()
    assert (copy.to, copy.subject, copy.body_text, copy.status) == ("", "", "", Status.SENT)
    assert (to_mp.to, to_mp.reply_to, to_mp.body_text) == ("yasir.naqvi@parl.gc.ca", "", "")
    assert to_mp.status == Status.CANCELLED
    assert to_mp.last_error == "Not sent: the supporter's data was erased."


def test_it_leaves_only_the_mailboxs_hash(jane_signature, jane_letter):
    SuppressionFactory(address="jane.doe@gmail.com")

    erase()

    suppression = Suppression.objects.get()
    assert (suppression.address, suppression.mailbox_hash) == ("", mailbox_hash(JANE))
    assert suppression.reason == Suppression.Reason.ERASURE
    assert mailbox_held(address=JANE).is_empty


def test_it_leaves_everyone_else_alone(jane_signature):
    other = OutboundEmailFactory(to="someone@example.org")
    stranger = jane_signature.petition.signatures.create(
        first_name="Sam", last_name="S", email="sam@example.org", email_key="sam@example.org"
    )

    erase()

    assert list(Signature.objects.all()) == [stranger]
    other.refresh_from_db()
    assert other.body_text == "Hello there."


def test_erasing_twice_changes_nothing_more(jane_signature):
    erase()

    outcome = erase()

    assert outcome.counts == {
        "emails": 0,
        "signatures": 0,
        "letters": 0,
        "consents": 0,
        "mailings": 0,
        "webhooks": 0,
    }
    assert Suppression.objects.count() == 1


def test_the_worker_does_not_mail_an_erased_mailbox_in_any_spelling(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    erase()
    email = OutboundEmailFactory(to="JaneDoe+later@gmail.com")

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "cancelled"
    assert email.last_error == "Not sent: the address is suppressed (Data deleted by staff)."


def test_queueing_to_an_erased_mailbox_writes_a_cancelled_row():
    erase()

    email = queue_email(
        to="jane.doe@gmail.com", subject="Hi", body_text="Hi", purpose=PetitionPurpose.TARGET_UPDATE
    )

    email.refresh_from_db()
    assert email.status == Status.CANCELLED


def test_other_mailboxes_are_still_mailed(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    erase()
    email = OutboundEmailFactory(to="jane.doe@example.org")

    assert delivery.deliver(email.pk).status == "sent"
