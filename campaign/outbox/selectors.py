"""Reads of the outbox for the apps (a letter's status page, the admin)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q, QuerySet

from campaign.identities import mailbox_hash
from campaign.outbox.models import OutboundEmail, Suppression


def emails_for(obj: models.Model) -> QuerySet[OutboundEmail]:
    """Every outbound email queued for `obj` (a Signature, a Letter…), oldest first."""
    return OutboundEmail.objects.filter(
        related_type=ContentType.objects.get_for_model(obj), related_id=obj.pk
    ).order_by("created_at", "pk")


def _suppressions_of(address: str) -> QuerySet[Suppression]:
    return Suppression.objects.filter(
        Q(address=address.strip().lower()) | Q(mailbox_hash=mailbox_hash(address))
    )


def is_suppressed(address: str) -> bool:
    """True when Chorus no longer writes to `address`: it bounced or complained, was suppressed
    by staff, or its mailbox's data was erased (matched by hash, in any spelling).

    Letters can use it to flag a target whose address bounces; queue_email to such an address
    creates an already-cancelled row.
    """
    return _suppressions_of(address).exists()


def suppression_for(address: str) -> Suppression | None:
    """The suppression of `address` (with its reason and date), or None."""
    return _suppressions_of(address).first()


def status_counts() -> dict[str, int]:
    """How many rows are in each status (every status present, zero if none)."""
    counts = dict.fromkeys(OutboundEmail.Status.values, 0)
    for row in OutboundEmail.objects.values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts
