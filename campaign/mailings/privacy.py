"""What mailings hold on a supporter, for campaign.privacy: the mailings written to them.

Registered in MailingsConfig.ready as the "mailings" holder. Erasing keeps each recipient row,
without the mailbox (the mailing's figures still add up), and the outbox erases the emails.
"""

from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from campaign.mailings.models import MailingRecipient
from campaign.privacy.registry import Held, Holder


def _record(recipient: MailingRecipient) -> dict:
    return {
        "mailing": recipient.mailing_id,
        "subject": recipient.mailing.subject,
        "campaign": recipient.mailing.campaign.slug,
        "language": recipient.language,
        "queued_at": recipient.created_at,
    }


def mailings_held(mailbox_key: str) -> Held:
    recipients = list(
        MailingRecipient.objects.filter(mailbox_key=mailbox_key)
        .select_related("mailing__campaign")
        .order_by("created_at", "pk")
    )
    return Held(records=[_record(r) for r in recipients], emails_for=recipients)


_ERASED = "erased-"


def recipients_forget(recipients: QuerySet) -> int:
    """Replace the mailbox on these recipient rows by a key that is nobody's (the figures still
    add up); returns how many were not forgotten already."""
    return recipients.exclude(mailbox_key__startswith=_ERASED).update(
        mailbox_key=Concat(Value(_ERASED), Cast("id", CharField()))
    )


def mailings_forget(mailbox_key: str) -> int:
    """Forget the mailbox on its recipient rows (an erasure); returns how many."""
    return recipients_forget(MailingRecipient.objects.filter(mailbox_key=mailbox_key))


HOLDER = Holder(
    name="mailings",
    title=_("Follow-up mailings received"),
    held=mailings_held,
    erase=mailings_forget,
)
