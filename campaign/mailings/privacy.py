"""What mailings hold on a supporter, for campaign.privacy: the mailings written to them.

Registered in MailingsConfig.ready as the "mailings" holder. Erasing keeps each recipient row,
without the mailbox (the mailing's figures still add up), and the outbox erases the emails.
"""

from django.db.models import CharField, Value
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


def mailings_forget(mailbox_key: str) -> int:
    """Replace the mailbox on its recipient rows by a key that is nobody's; returns how many."""
    return MailingRecipient.objects.filter(mailbox_key=mailbox_key).update(
        mailbox_key=Concat(Value("erased-"), Cast("id", CharField()))
    )


HOLDER = Holder(
    name="mailings",
    title=_("Follow-up mailings received"),
    held=mailings_held,
    erase=mailings_forget,
)
