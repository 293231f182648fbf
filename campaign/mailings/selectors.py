"""Reads of mailings: how far each got (from its outbox rows), and who it would go to now."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from campaign.consent.scopes import campaign_scope
from campaign.consent.selectors import consenting, withdrawn_since_given
from campaign.mailings.models import Mailing, MailingRecipient
from campaign.outbox import OutboundEmail

Status = OutboundEmail.Status


def mailings_with_counts(queryset: QuerySet) -> QuerySet:
    """`queryset` annotated with recipients_count and its emails' queued (or being sent), sent,
    failed and cancelled (suppressed, unsubscribed, erased) counts."""
    return queryset.annotate(
        recipients_count=Count("recipients"),
        queued_count=Count(
            "recipients", filter=Q(recipients__email__status__in=[Status.QUEUED, Status.SENDING])
        ),
        sent_count=Count("recipients", filter=Q(recipients__email__status=Status.SENT)),
        # A recipient without an email had an address no mail server could be given.
        failed_count=Count(
            "recipients",
            filter=Q(recipients__email__status=Status.FAILED) | Q(recipients__email__isnull=True),
        ),
        cancelled_count=Count("recipients", filter=Q(recipients__email__status=Status.CANCELLED)),
    )


@dataclass(frozen=True)
class MailingCounts:
    """What became of a mailing's emails, and how many of its people have unsubscribed since."""

    recipients: int
    queued: int
    sent: int
    failed: int
    cancelled: int
    unsubscribed: int


def mailing_counts(*, mailing: Mailing) -> MailingCounts:
    """The figures the mailing's admin page shows."""
    counted = mailings_with_counts(Mailing.objects.filter(pk=mailing.pk)).get()
    withdrawn = withdrawn_since_given(scope=campaign_scope(mailing.campaign_id)).filter(
        mailbox_key=OuterRef("mailbox_key")
    )
    unsubscribed = MailingRecipient.objects.filter(mailing=mailing).filter(Exists(withdrawn))
    return MailingCounts(
        recipients=counted.recipients_count,
        queued=counted.queued_count,
        sent=counted.sent_count,
        failed=counted.failed_count,
        cancelled=counted.cancelled_count,
        unsubscribed=unsubscribed.count(),
    )


def audience_count(*, mailing: Mailing) -> int:
    """How many people consent now to the mailing's campaign updates (who Send would reach)."""
    return consenting(scope=campaign_scope(mailing.campaign_id)).count()
