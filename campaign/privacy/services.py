"""Writes: look up (audited), export (audited) and erase everything held on one mailbox.

Every function is keyword-only; `actor` is the staff user, or None for the supporter
themselves (the removal link). The audit log names the mailbox by its hash
(campaign.identities.mailbox_hash), never by its address.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from campaign.audit.models import AuditLog
from campaign.audit.services import audit_record
from campaign.identities import mailbox_hash, mailbox_key
from campaign.outbox import Suppression, emails_erase, mailbox_suppress
from campaign.privacy.registry import holders
from campaign.privacy.selectors import EMAILS, MailboxData, mailbox_find, mailbox_held

log = logging.getLogger(__name__)

# The audit log's name for a mailbox's data (its object id is the mailbox's hash).
AUDIT_MODEL = "privacy.supporterdata"


def _audit(*, actor, address: str, note: str, counts: dict[str, int]) -> None:
    audit_record(
        actor=actor,
        action=AuditLog.Action.ACTION,
        model=AUDIT_MODEL,
        object_id=mailbox_hash(address),
        object_repr="",
        changes={name: (count, None) for name, count in counts.items()},
        note=note,
    )


def supporter_data_look_up(*, actor, address: str) -> MailboxData:
    """Everything held on the mailbox (selectors.mailbox_held), the look-up audited."""
    data = mailbox_held(address=address)
    _audit(actor=actor, address=address, note="looked up", counts=data.counts())
    return data


def supporter_data_export(*, actor, address: str) -> dict:
    """The mailbox's data as one JSON-ready dict (a PIPEDA access request), audited.

    Dates stay datetimes: encode with DjangoJSONEncoder.
    """
    data = mailbox_held(address=address)
    _audit(actor=actor, address=address, note="exported", counts=data.counts())
    suppression = data.suppression
    return {
        "generated_at": timezone.now(),
        "mailbox_hash": data.mailbox_hash,
        "suppressed": None
        if suppression is None
        else {"reason": suppression.reason, "since": suppression.created_at},
        **{section.name: section.records for section in data.sections},
    }


@dataclass(frozen=True)
class ErasureOutcome:
    """How many records of each kind were erased, and the suppression left in their place."""

    counts: dict[str, int]
    suppression: Suppression


def supporter_data_erase(*, actor, address: str, reason: str) -> ErasureOutcome:
    """Erase every personal datum held on the mailbox; keep only its hashed suppression.

    In one transaction: the outbox rows serving the person's objects or sent to their
    addresses are cancelled if queued and emptied (the delivery record stays); each holder
    erases its records (petitions delete signatures, and their counts drop; letters keep
    an anonymous record of what was sent to whom); suppressions naming the address in clear
    give way to one holding the mailbox's hash (`reason`: Suppression.Reason.SELF_REMOVAL or
    ERASURE), so the worker never mails it again; the audit log gets the counts and the hash.
    Erasing a mailbox with nothing held still suppresses it. Idempotent.
    """
    key = mailbox_key(address)
    with transaction.atomic():
        found = mailbox_find(address)
        counts = {EMAILS: emails_erase(emails=found.emails)}
        for holder in holders():
            counts[holder.name] = holder.erase(key)
        suppression = mailbox_suppress(address=address, reason=reason, addresses=found.addresses)
        note = "erased (self-removal)" if actor is None else "erased"
        _audit(actor=actor, address=address, note=note, counts=counts)
    log.info("privacy: mailbox %s… erased (%s)", suppression.mailbox_hash[:12], reason)
    return ErasureOutcome(counts=counts, suppression=suppression)
