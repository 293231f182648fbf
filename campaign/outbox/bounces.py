"""Bounces and complaints reported by the ESP's webhook (django-anymail), when one is configured.

Anymail checks the webhook's credentials (basic auth with ANYMAIL["WEBHOOK_SECRET"], plus the
ESP's signature where it has one) and turns the ESP's payload into a normalised tracking event;
this module decides what the event changes:

- bounced / rejected: the message is `failed` with the ESP's reason, and the address is
  suppressed (a target's dead address is flagged for the organisers; a supporter gets no more
  mail);
- complained (marked as spam) or unsubscribed at the ESP: the address is suppressed, and the
  registered complaint handlers run (campaign.consent withdraws every consent in its ledger).

Each event is processed once: its id is recorded in the same transaction as its effect, so a
replayed webhook (the ESP retrying, or someone resending a captured request) changes nothing.
"""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from campaign.outbox.models import OutboundEmail, ProcessedWebhookEvent, Suppression
from campaign.outbox.services import suppression_add

log = logging.getLogger(__name__)

BOUNCED, REJECTED, COMPLAINED, UNSUBSCRIBED = "bounced", "rejected", "complained", "unsubscribed"
_REASONS = {
    BOUNCED: Suppression.Reason.BOUNCE,
    REJECTED: Suppression.Reason.BOUNCE,
    COMPLAINED: Suppression.Reason.COMPLAINT,
    UNSUBSCRIBED: Suppression.Reason.UNSUBSCRIBE,
}


# Called as handler(address=…) inside the event's transaction after a complaint or an ESP
# unsubscribe; registered by the packages that must hear of it (the outbox imports none).
_complaint_handlers: list = []


def complaint_handler_register(handler) -> None:
    """Have `handler(address=…)` run on every complaint or ESP unsubscribe (idempotent)."""
    if handler not in _complaint_handlers:
        _complaint_handlers.append(handler)


def _event_key(esp_name: str, event) -> str:
    """The ESP's event id; for ESPs that send none, a digest of what identifies the event."""
    if event.event_id:
        return str(event.event_id)[:255]
    parts = [esp_name, event.event_type, event.message_id, event.recipient, event.timestamp]
    return "sha256:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _recipient(event) -> str:
    """The event's recipient when it is one valid address that fits our columns, else "".

    A malformed payload must not fail the webhook: the ESP would retry it for days.
    """
    address = str(event.recipient or "").strip()
    if len(address) > Suppression._meta.get_field("address").max_length:
        return ""
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address


def _find_email(event) -> OutboundEmail | None:
    outbox_id = str((event.metadata or {}).get("outbox_id", ""))
    if outbox_id.isdigit():
        email = OutboundEmail.objects.filter(pk=int(outbox_id)).first()
        if email is not None:
            return email
    if event.message_id:
        message_id = str(event.message_id)
        return (
            OutboundEmail.objects.filter(esp_message_id=message_id).first()
            or OutboundEmail.objects.filter(message_id__in=[message_id, f"<{message_id}>"]).first()
        )
    return None


def record_tracking_event(*, esp_name: str, event) -> str:
    """Apply one anymail tracking event. Returns what it did (for logs and tests)."""
    reason = _REASONS.get(event.event_type)
    if reason is None:
        return "ignored"
    try:
        with transaction.atomic():
            ProcessedWebhookEvent.objects.create(
                esp=esp_name[:40],
                event_id=_event_key(esp_name, event),
                event_type=str(event.event_type)[:40],
                received_at=timezone.now(),
            )
            email = _find_email(event)
            address = _recipient(event) or (email.to if email else "")
            if not address:
                return "unmatched"
            description = str(event.description or event.mta_response or event.event_type)
            if email is not None and event.event_type in (BOUNCED, REJECTED):
                OutboundEmail.objects.filter(pk=email.pk).exclude(
                    status=OutboundEmail.Status.CANCELLED
                ).update(
                    status=OutboundEmail.Status.FAILED,
                    last_error=f"Bounced ({esp_name}): {description}"[:1000],
                    lease_expires_at=None,
                )
            suppression_add(address=address, reason=reason, detail=description, source_email=email)
            if event.event_type in (COMPLAINED, UNSUBSCRIBED):
                for handler in _complaint_handlers:
                    handler(address=address)
    except IntegrityError:
        log.info("outbox: %s webhook event replayed, ignored", esp_name)
        return "replayed"
    log.info(
        "outbox: %s %s for email %s, address suppressed",
        esp_name,
        event.event_type,
        email.pk if email else "unknown",
    )
    return str(reason)


def on_tracking(sender, event, esp_name, **kwargs) -> None:
    """anymail.signals.tracking receiver (connected in OutboxConfig.ready)."""
    record_tracking_event(esp_name=esp_name, event=event)
