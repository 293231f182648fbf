"""The outbox: every email Chorus sends is first a row here, written in the caller's transaction.

Also the two tables the bounce webhook keeps: suppressed addresses (no more mail to them) and
the ESP events already processed (so a replayed webhook changes nothing).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign.outbox.purposes import NAME_MAX_LENGTH, purpose_label


class OutboundEmail(models.Model):
    """One message, from queueing to its final state (sent, failed or cancelled).

    queued -> sending (claimed by one worker, until `lease_expires_at`, which that worker renews
    while it lives) -> sent | failed, or back to queued with a later `next_attempt_at` after a
    transient failure or while paced.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    to = models.EmailField(_("to"), max_length=254)
    from_email = models.CharField(_("from"), max_length=320)
    reply_to = models.CharField(_("reply-to"), max_length=320, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    # What the email is for, as the app that queues it registers it (campaign/outbox/purposes.py):
    # the outbox knows no app's purposes, and queue_email refuses one nobody registered.
    purpose = models.CharField(_("purpose"), max_length=NAME_MAX_LENGTH)
    # Set for rows whose subject and bodies the worker renders when it sends them (see
    # campaign/outbox/rendering.py); empty for rows queued with their text.
    template = models.CharField(_("template"), max_length=100, blank=True)

    # What this message serves (a Signature, a Letter…), without the outbox importing the apps.
    # No index of its own: outbox_related_idx starts with it.
    related_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    related_id = models.PositiveBigIntegerField(null=True, blank=True)
    related = GenericForeignKey("related_type", "related_id")

    # Indexed by outbox_due_idx, which starts with it.
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    # While `sending`, the claim expires at this time; the sweep takes the row back after it.
    lease_expires_at = models.DateTimeField(_("lease expires at"), null=True, blank=True)
    # The worker process that last claimed the row (host:pid:nonce); only it renews the lease.
    claimed_by = models.CharField(_("claimed by"), max_length=100, blank=True)
    # The row already holds a slot in its recipient's rate limit (reserved when it was paced).
    pacing_slot_reserved = models.BooleanField(_("pacing slot reserved"), default=False)
    last_error = models.TextField(_("last error"), blank=True)
    # Unique through Meta.constraints rather than unique=True, which on PostgreSQL adds a second
    # index for LIKE queries: nothing searches Message-IDs by prefix, and every queued email
    # (one per signature) would pay for keeping it.
    message_id = models.CharField(_("Message-ID"), max_length=255)
    # The ESP's own id for the message, when sent through an ESP (matches its webhooks).
    esp_message_id = models.CharField(_("ESP message id"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outbound email")
        verbose_name_plural = _("outbound emails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
            models.Index(fields=["related_type", "related_id"], name="outbox_related_idx"),
            # Webhooks look rows up by the ESP's id; most rows (plain SMTP) have none.
            models.Index(
                fields=["esp_message_id"],
                name="outbox_esp_message_idx",
                condition=~models.Q(esp_message_id=""),
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["message_id"], name="outbox_unique_message_id"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {purpose_label(self.purpose)} ({self.get_status_display()})"


class Suppression(models.Model):
    """A mailbox Chorus no longer writes to: it bounced or complained, was suppressed by hand,
    or its owner's data was erased (they removed themselves, or staff deleted it).

    A bounce, a complaint or staff typing an address keep the `address` (staff must recognise
    it to lift it). An erasure keeps only `mailbox_hash` (campaign.identities.mailbox_hash),
    so Chorus still recognises the mailbox, in any spelling, without holding the address.
    Exactly one of the two is set. Lifting a suppression is deleting the row (admin); queued
    mail is not resurrected by that, but a staff member can retry it.
    """

    class Reason(models.TextChoices):
        BOUNCE = "bounce", _("Bounced")
        COMPLAINT = "complaint", _("Marked as spam")
        UNSUBSCRIBE = "unsubscribe", _("Unsubscribed")
        MANUAL = "manual", _("Suppressed by staff")
        SELF_REMOVAL = "self_removal", _("Removed their own data")
        ERASURE = "erasure", _("Data deleted by staff")

    # Stored lower-case: addresses are compared case-insensitively. Empty for an erasure.
    address = models.EmailField(_("address"), max_length=254, blank=True)
    mailbox_hash = models.CharField(_("mailbox hash"), max_length=64, blank=True, editable=False)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    source_email = models.ForeignKey(
        OutboundEmail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("email that bounced"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["address"],
                name="suppression_unique_address",
                condition=~models.Q(address=""),
            ),
            models.UniqueConstraint(
                fields=["mailbox_hash"],
                name="suppression_unique_mailbox_hash",
                condition=~models.Q(mailbox_hash=""),
            ),
            models.CheckConstraint(
                condition=models.Q(address="") ^ models.Q(mailbox_hash=""),
                name="suppression_address_or_hash",
            ),
        ]

    def __str__(self) -> str:
        who = self.address or _("erased mailbox %(hash)s…") % {"hash": self.mailbox_hash[:12]}
        return f"{who} ({self.get_reason_display()})"

    @staticmethod
    def not_sent_error(reason: str) -> str:
        """The `last_error` of a row cancelled because its address is suppressed for `reason`.

        One wording wherever a row is cancelled (queueing, sending, suppressing), so staff
        filtering the admin by it find them all.
        """
        return f"Not sent: the address is suppressed ({Suppression.Reason(reason).label})."


class ProcessedWebhookEvent(models.Model):
    """An ESP event already handled: a replayed webhook finds its id here and changes nothing."""

    esp = models.CharField(_("ESP"), max_length=40)
    event_id = models.CharField(_("event id"), max_length=255)
    event_type = models.CharField(_("event type"), max_length=40)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)

    class Meta:
        verbose_name = _("processed webhook event")
        verbose_name_plural = _("processed webhook events")
        constraints = [
            models.UniqueConstraint(fields=["esp", "event_id"], name="outbox_webhook_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.esp} {self.event_type} {self.event_id}"
