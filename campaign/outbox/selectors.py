"""Reads of the outbox for the apps (a letter's status page, the admin)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, QuerySet

from campaign.outbox.models import OutboundEmail, Suppression


def emails_for(obj: models.Model) -> QuerySet[OutboundEmail]:
    """Every outbound email queued for `obj` (a Signature, a Letter…), oldest first."""
    return OutboundEmail.objects.filter(
        related_type=ContentType.objects.get_for_model(obj), related_id=obj.pk
    ).order_by("created_at", "pk")


def is_suppressed(address: str) -> bool:
    """True when Chorus no longer writes to `address` (it bounced, complained or was suppressed).

    Letters can use it to flag a target whose address bounces; queue_email to such an address
    creates an already-cancelled row.
    """
    return Suppression.objects.filter(address=address.strip().lower()).exists()


def suppression_for(address: str) -> Suppression | None:
    """The suppression of `address` (with its reason and date), or None."""
    return Suppression.objects.filter(address=address.strip().lower()).first()


def status_counts() -> dict[str, int]:
    """How many rows are in each status (every status present, zero if none)."""
    counts = dict.fromkeys(OutboundEmail.Status.values, 0)
    for row in OutboundEmail.objects.values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts
