"""A malformed address already stored in the outbox fails at once, with its reason.

Rows written before the forms refused such addresses (or by any other path) must not reach
smtplib or the server, where they were refused in other words or retried as temporary.
"""

import pytest

from campaign.outbox import delivery, queue_email
from campaign.outbox.models import OutboundEmail
from letters.purposes import LetterPurpose

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "stored", ['"jane\x01"@gmail.com', "jane\x0bdoe@gmail.com", "j\u00fcrgen@example.org"]
)
def test_the_outbox_fails_a_malformed_stored_address_at_once_with_its_reason(smtp, stored):
    email = queue_email(
        to="placeholder@example.org",
        purpose=LetterPurpose.LETTER_CONFIRMATION,
        subject="Confirm",
        body_text="Confirm your letter.",
    )
    # As a row written before the forms refused such addresses.
    OutboundEmail.objects.filter(pk=email.pk).update(to=stored)

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "failed"
    assert email.status == OutboundEmail.Status.FAILED
    assert email.attempts == 1
    assert email.last_error.startswith("The address cannot be sent to:")
    assert smtp.received == []
