"""Reads: everything Chorus holds on one mailbox, gathered from every holder and the outbox."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from campaign.identities import mailbox_hash, mailbox_key
from campaign.outbox import OutboundEmail, Suppression, emails_of, redact_links, suppression_for
from campaign.privacy.registry import holders

EMAILS = "emails"


@dataclass(frozen=True)
class Section:
    """One kind of record (signatures, letters, emails) and the mailbox's records of it."""

    name: str
    title: str
    records: list[dict]


@dataclass(frozen=True)
class MailboxData:
    """What Chorus holds on one mailbox, and whether it is suppressed."""

    mailbox_hash: str
    sections: list[Section]
    suppression: Suppression | None

    @property
    def is_empty(self) -> bool:
        return not any(section.records for section in self.sections)

    def counts(self) -> dict[str, int]:
        return {section.name: len(section.records) for section in self.sections}


@dataclass(frozen=True)
class Found:
    """What every holder keeps on a mailbox, and the outbox rows that go with it."""

    sections: list[Section]
    emails: QuerySet
    addresses: set[str]


def _email_record(email: OutboundEmail) -> dict:
    return {
        "id": email.pk,
        "purpose": email.purpose,
        "to": email.to,
        "reply_to": email.reply_to,
        "status": email.status,
        "created_at": email.created_at,
        "sent_at": email.sent_at,
        "subject": email.subject,
        # A queued copy of a letter holds its status link: a capability, never handed on.
        "body_text": redact_links(email.body_text),
    }


def mailbox_find(address: str) -> Found:
    """Ask every holder what it keeps under the mailbox, then the outbox for the emails that
    serve those records or went to their addresses (or to `address` itself)."""
    key = mailbox_key(address)
    sections, emails_for, addresses = [], [], {address.strip()}
    for holder in holders():
        held = holder.held(key)
        sections.append(Section(holder.name, holder.title, held.records))
        emails_for += held.emails_for
        addresses |= held.addresses
    emails = emails_of(emails_for=emails_for, addresses=addresses)
    return Found(sections=sections, emails=emails, addresses=addresses)


def mailbox_held(*, address: str) -> MailboxData:
    """Every signature, letter, email and consent Chorus holds under the mailbox `address`
    reaches (campaign.identities.mailbox_key: `Jane.Doe@gmail.com` is `janedoe@gmail.com`)."""
    found = mailbox_find(address)
    emails = Section(EMAILS, _("Emails"), [_email_record(e) for e in found.emails])
    return MailboxData(
        mailbox_hash=mailbox_hash(address),
        sections=[*found.sections, emails],
        suppression=suppression_for(address),
    )
