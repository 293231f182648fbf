"""The outbox's part of a supporter's data: the emails that were theirs, erased on request,
and the hashed suppression that keeps Chorus from writing to an erased mailbox again.

Called by campaign.privacy.services, which finds what the apps hold first: an email is the
person's when it serves one of their objects (a signature, a letter) or went to one of their
addresses.
"""

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q, QuerySet

from campaign.identities import mailbox_hash
from campaign.outbox.models import OutboundEmail, Suppression
from campaign.outbox.purposes import supporter_purposes

Status = OutboundEmail.Status

ERASED_NOT_SENT = "Not sent: the supporter's data was erased."


def emails_of(*, emails_for: Iterable[models.Model], addresses: Iterable[str]) -> QuerySet:
    """The outbound emails serving these objects or sent to these addresses, oldest first."""
    wanted = Q(pk__in=[])
    by_type: dict[ContentType, list[int]] = {}
    for obj in emails_for:
        by_type.setdefault(ContentType.objects.get_for_model(obj), []).append(obj.pk)
    for content_type, ids in by_type.items():
        wanted |= Q(related_type=content_type, related_id__in=ids)
    for address in {a.strip() for a in addresses if a.strip()}:
        wanted |= Q(to__iexact=address)
    return OutboundEmail.objects.filter(wanted).order_by("created_at", "pk")


def emails_erase(*, emails: QuerySet) -> int:
    """Cancel what is still queued and erase what the rows say; returns the rows touched.

    The delivery record stays (purpose, status, dates, Message-ID, what it served), as after
    retention: a letter's row keeps its recipient (an MP's or minister's office), a supporter's
    row loses its address too. A row being sent at this moment goes out as it was claimed.
    """
    with transaction.atomic():
        ids = list(emails.values_list("pk", flat=True))
        rows = OutboundEmail.objects.filter(pk__in=ids)
        rows.filter(status=Status.QUEUED).update(
            status=Status.CANCELLED, last_error=ERASED_NOT_SENT
        )
        rows.update(subject="", body_text="", body_html="", headers={}, reply_to="")
        rows.filter(purpose__in=supporter_purposes()).update(to="")
    return len(ids)


def mailbox_suppress(*, address: str, reason: str, addresses: Iterable[str] = ()) -> Suppression:
    """Stop all mail to the mailbox `address` reaches, keeping only its hash. Idempotent.

    Suppressions naming `address` or one of `addresses` in clear (a bounce) are replaced by it:
    they would keep the address. Mail still queued is cancelled by the worker when it comes
    to send it (`delivery`).
    """
    in_clear = {a.strip().lower() for a in [address, *addresses] if a.strip()}
    Suppression.objects.filter(address__in=in_clear).delete()
    suppression, _created = Suppression.objects.get_or_create(
        mailbox_hash=mailbox_hash(address), defaults={"reason": reason}
    )
    return suppression
