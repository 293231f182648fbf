"""Webhook endpoints (where to send, with what secret) and deliveries (one event to one
endpoint: a row written in the transaction where the event happened, then sent with retries)."""

import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign.webhooks import events


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """An organisation's URL that receives the events it subscribed to, signed with `secret`.

    `include_personal_data` decides, when an event happens, whether its payload carries the
    supporter's email address: off by default, so a CRM gets counts and ids unless staff decide
    it may receive addresses. Deliveries already written keep what they were written with.

    `consecutive_failures` and `paused_until` are the endpoint's own breaker: after a timeout
    or a 5xx, nothing more is sent to it until `paused_until`, and then one delivery at a time
    until one succeeds, so a hanging endpoint costs a worker one timeout per pause, not one
    per queued event.
    """

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=100, default=new_secret)
    events = models.JSONField(_("events"), default=list, blank=True)
    include_personal_data = models.BooleanField(
        _("include supporters' email addresses"),
        default=False,
        help_text=_(
            "Only if the receiving system may hold supporters' personal data (your CRM, "
            "under your privacy policy). Otherwise events carry ids and dates only."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    consecutive_failures = models.PositiveIntegerField(
        _("consecutive failures"), default=0, editable=False
    )
    paused_until = models.DateTimeField(_("paused until"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.name

    def subscribes_to(self, event: str) -> bool:
        return event in self.events


class WebhookDelivery(models.Model):
    """One event for one endpoint. Its payload is fixed when the event happens (write-once).

    queued -> sending (claimed by one worker until `lease_expires_at`) -> sent | failed, or
    back to queued with a later `next_attempt_at` after a timeout or a 5xx. `event_id` is the
    same for every endpoint's copy of one event and in the payload (`id`); `uuid` names this
    delivery (the X-Chorus-Delivery header) and stays the same across its attempts.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    event = models.CharField(
        _("event"), max_length=40, choices=[(name, name) for name in events.ALL]
    )
    event_id = models.CharField(_("event id"), max_length=40)
    uuid = models.UUIDField(_("delivery id"), default=uuid.uuid4, editable=False, unique=True)
    payload = models.JSONField(_("payload"))
    # Whose address the payload carries (campaign.identities.mailbox_key), for "remove my data"
    # (campaign/webhooks/privacy.py); empty when it carries none.
    mailbox_key = models.CharField(_("mailbox"), max_length=254, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    lease_expires_at = models.DateTimeField(_("lease expires at"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(
        _("last HTTP status"), null=True, blank=True
    )
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="webhook_due_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="webhook_one_delivery_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint_id} ({self.get_status_display()})"
