"""What a letter's confirmation row becomes, decided by letters and applied by the outbox: the
app deletes an attempt and answers Become or Cancel; it never edits the outbox's row."""

import pytest
from django.db import transaction

from campaign.outbox import Become, Cancel, OutboundEmail, Send, queue_email
from letters import emails
from letters.models import Letter
from letters.purposes import LetterPurpose
from tests.factories.letters import LetterFactory, LetterRecipientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def earlier():
    """A letter with its recipient: the one its mailbox wrote first."""
    return LetterRecipientFactory(letter=LetterFactory(supporter_email="sam@example.org")).letter


def attempt_of(earlier: Letter) -> tuple[OutboundEmail, Letter]:
    """A second attempt by the same mailbox (written without recipients) and its row."""
    attempt = LetterFactory(template=earlier.template, supporter_email="SAM@example.org")
    row = queue_email(
        template=emails.CONFIRMATION_TEMPLATE,
        to=attempt.supporter_email,
        purpose=LetterPurpose.LETTER_CONFIRMATION,
        related=attempt,
    )
    return row, emails.letters_with_recipients().get(pk=attempt.pk)


def decide(row: OutboundEmail, letter: Letter):
    """As the outbox runs it: in one transaction."""
    with transaction.atomic():
        return emails.confirmation_decide(row, letter)


def test_an_attempt_is_deleted_and_its_row_becomes_the_notice_about_the_earlier_letter(earlier):
    row, attempt = attempt_of(earlier)

    attempt_id = attempt.pk

    decision = decide(row, attempt)

    assert decision == Become(
        template=emails.ALREADY_WRITTEN_TEMPLATE,
        purpose=LetterPurpose.LETTER_ALREADY_WRITTEN,
        related_id=earlier.pk,
    )
    assert not Letter.objects.filter(pk=attempt_id).exists()


def test_the_app_leaves_the_outboxs_row_for_the_outbox_to_rewrite(earlier):
    row, attempt = attempt_of(earlier)
    attempt_id = attempt.pk

    decide(row, attempt)

    row.refresh_from_db()
    assert (row.template, row.purpose, row.related_id) == (
        emails.CONFIRMATION_TEMPLATE,
        LetterPurpose.LETTER_CONFIRMATION,
        attempt_id,
    )


def test_past_the_notices_limit_an_attempt_is_deleted_and_its_row_cancelled(earlier, settings):
    settings.LETTERS_MAX_ALREADY_WRITTEN_NOTICES = 1
    queue_email(
        template=emails.ALREADY_WRITTEN_TEMPLATE,
        to="sam@example.org",
        purpose=LetterPurpose.LETTER_ALREADY_WRITTEN,
        related=earlier,
    )
    row, attempt = attempt_of(earlier)
    attempt_id = attempt.pk

    decision = decide(row, attempt)

    assert isinstance(decision, Cancel)
    assert not Letter.objects.filter(pk=attempt_id).exists()


def test_a_new_unconfirmed_letter_gets_its_confirmation(earlier):
    letter = emails.letters_with_recipients().get(pk=earlier.pk)

    assert decide(OutboundEmail(), letter) == Send()


def test_a_letter_confirmed_meanwhile_gets_no_confirmation(earlier):
    Letter.objects.filter(pk=earlier.pk).update(status=Letter.Status.CONFIRMED)
    letter = emails.letters_with_recipients().get(pk=earlier.pk)

    assert isinstance(decide(OutboundEmail(), letter), Cancel)
