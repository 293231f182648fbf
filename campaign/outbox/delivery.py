"""Sending one outbox row: claim it, send it, record the outcome. Safe to run many times."""

import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F
from django.utils import timezone

from campaign.outbox.models import OutboundEmail

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)


def claim(email_id: int) -> bool:
    """Take the row for sending with one conditional UPDATE; only one caller ever wins."""
    now = timezone.now()
    claimed = OutboundEmail.objects.filter(
        pk=email_id, status=OutboundEmail.Status.QUEUED, next_attempt_at__lte=now
    ).update(
        status=OutboundEmail.Status.SENDING,
        lease_expires_at=now + LEASE,
        attempts=F("attempts") + 1,
    )
    return claimed == 1


def build_message(email: OutboundEmail, connection=None) -> EmailMultiAlternatives:
    headers = {**email.headers, "Message-ID": email.message_id}
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers=headers,
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def send_claimed(email: OutboundEmail, connection=None) -> None:
    """Send a row this process has claimed and mark it sent."""
    connection = connection or get_connection()
    build_message(email, connection).send()
    OutboundEmail.objects.filter(pk=email.pk, status=OutboundEmail.Status.SENDING).update(
        status=OutboundEmail.Status.SENT,
        sent_at=timezone.now(),
        last_error="",
        lease_expires_at=None,
    )
    log.info("outbox: sent email %s", email.pk)


def deliver(email_id: int) -> bool:
    """Claim and send one row. Returns False when another run already has it or it is not due."""
    if not claim(email_id):
        return False
    email = OutboundEmail.objects.get(pk=email_id)
    send_claimed(email)
    return True
