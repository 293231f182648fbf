"""Reads of mailings: how far each got (from its outbox rows), who it would go to now, and
whether it may go at all."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from campaign.consent.scopes import campaign_scope
from campaign.consent.selectors import consenting, withdrawn_since_given
from campaign.mailings.models import Mailing, MailingRecipient
from campaign.models import Campaign
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


def campaign_past_mailing_window(*, campaign: Campaign, now: datetime | None = None) -> bool:
    """Whether `campaign` closed longer ago than MAILINGS_AFTER_CLOSE_DAYS: its supporters may
    no longer be written to about it.

    "Closed" is `closed_at`, as for consent retention (campaign.consent.selectors), which
    ends later so that the proof outlives the last mailing (system check consent.E002).
    """
    if campaign.closed_at is None:
        return False
    cutoff = (now or timezone.now()) - timedelta(days=settings.MAILINGS_AFTER_CLOSE_DAYS)
    return campaign.closed_at < cutoff


def mailing_send_refusal(*, mailing: Mailing, now: datetime | None = None) -> str:
    """Why the mailing may not be sent to supporters, for the organiser; "" when it may.

    Its campaign closed longer ago than MAILINGS_AFTER_CLOSE_DAYS. Mailings stop then, well
    before the proof of the supporters' consent is deleted (CONSENT_RETENTION_AFTER_CLOSE_DAYS),
    so that the proof outlives the last mailing by the years a complaint can take (CASL). A
    test to the organiser relies on no consent and is never refused.
    """
    if campaign_past_mailing_window(campaign=mailing.campaign, now=now):
        return _(
            "This campaign closed more than %(days)s days ago, so no mailing may be sent about "
            "it any more: mailings stop then so that the proof of its supporters' consent is "
            "kept long enough after the last one (CASL)."
        ) % {"days": settings.MAILINGS_AFTER_CLOSE_DAYS}
    return ""
