"""Reads of the outbox for the apps (a letter's status page, the admin)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

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


def suppressions_for(addresses: Iterable[str]) -> dict[str, Suppression]:
    """The suppression of each suppressed address among `addresses`, in one query, keyed by the
    address as given; matched as `suppression_for` matches one (its spelling or its hash)."""
    by_hash = {mailbox_hash(address): address for address in addresses}
    by_spelling = {address.strip().lower(): address for address in by_hash.values()}
    found = {}
    for suppression in Suppression.objects.filter(
        Q(address__in=list(by_spelling)) | Q(mailbox_hash__in=list(by_hash))
    ):
        spelt = by_spelling.get(suppression.address) if suppression.address else None
        address = spelt or by_hash.get(suppression.mailbox_hash)
        if address is not None:
            found[address] = suppression
    return found


def status_counts() -> dict[str, int]:
    """How many rows are in each status (every status present, zero if none)."""
    counts = dict.fromkeys(OutboundEmail.Status.values, 0)
    for row in OutboundEmail.objects.values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts


@dataclass(frozen=True)
class Health:
    """The outbox at a glance: rows per status, and how long the oldest queued one has waited."""

    counts: dict[str, int]
    oldest_queued_at: datetime | None

    @property
    def oldest_queued_age(self) -> timedelta | None:
        return timezone.now() - self.oldest_queued_at if self.oldest_queued_at else None


def outbox_health() -> Health:
    """Counts per status (one GROUP BY) and the oldest row still queued (the due index)."""
    oldest = OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED).aggregate(
        oldest=Min("created_at")
    )["oldest"]
    return Health(counts=status_counts(), oldest_queued_at=oldest)


def emails_related_to(querysets: Iterable[QuerySet]) -> QuerySet[OutboundEmail]:
    """The emails queued for any object of these querysets (a campaign's signatures, its
    letters…): a semi-join per model on outbox_related_idx, never a list of ids in Python."""
    related = Q(pk__in=[])
    for queryset in querysets:
        related |= Q(
            related_type=ContentType.objects.get_for_model(queryset.model),
            related_id__in=queryset.values("pk"),
        )
    return OutboundEmail.objects.filter(related)


def sent_message_ids(*, purpose: str) -> QuerySet:
    """The Message-IDs of the emails of `purpose` the mail server accepted (for a subquery:
    which letters reached their recipient)."""
    return OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT, purpose=purpose).values(
        "message_id"
    )
