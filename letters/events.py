"""What letters tell an organisation's systems (campaign.webhooks): a letter reached a recipient.

`letter_email_sent` is the outbox's after-sent hook for LetterPurpose.LETTER (registered in
LettersConfig.ready): it runs in the worker, in the transaction that marks the email sent, and
writes one `letter.sent` event per recipient's email. A letter to three recipients is three
events, one for each email as it leaves.
"""

from campaign.webhooks import events
from campaign.webhooks.selectors import event_is_heard
from campaign.webhooks.services import timestamp, webhook_emit
from letters.models import LetterRecipient


def letter_sent_wanted() -> bool:
    """Whether any endpoint listens for `letter.sent` (else the hook does not run at all)."""
    return event_is_heard(events.LETTER_SENT)


def letter_email_sent(email) -> None:
    """Emit `letter.sent` for the letter and recipient an outbox row carried (see module)."""
    recipient = (
        LetterRecipient.objects.select_related("letter__campaign")
        .filter(message_id=email.message_id)
        .first()
    )
    if recipient is None:  # erased meanwhile (a supporter removed their data): nothing to say
        return
    letter = recipient.letter
    webhook_emit(
        event=events.LETTER_SENT,
        data={
            "letter_id": letter.pk,
            "campaign": letter.campaign.slug,
            # An office-holder's public name and role, never the supporter's.
            "recipient": {
                "name": recipient.name,
                "role": recipient.role,
                "kind": "mp" if recipient.representative_id else "target",
            },
            "test_mode": letter.test_mode,
            "sent_at": timestamp(email.sent_at),
        },
        personal={"email": letter.supporter_email},
        occurred_at=email.sent_at,
    )
