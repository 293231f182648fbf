"""A mailing (one update, in English and French) and the people it was written to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaign.models import Campaign
from campaign.outbox import OutboundEmail


class Mailing(models.Model):
    """One update to a campaign's consenting supporters.

    draft (editable) -> sending (recipients being expanded into outbox rows) -> sent (every
    consenting person has a row; the outbox delivers them). `expanded_through` is the last
    mailbox key written: the next chunk starts after it.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="mailings", verbose_name=_("campaign")
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text. Chorus adds why they get it and how to unsubscribe.")
    )
    subject_fr = models.CharField(_("subject (French)"), max_length=200, blank=True)
    body_fr = models.TextField(
        _("text (French)"),
        blank=True,
        help_text=_("Supporters who acted in French get this; without it, the English text."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    send_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("sent by"),
    )
    send_requested_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    expanded_at = models.DateTimeField(
        _("every recipient queued at"), null=True, blank=True, editable=False
    )
    expanded_through = models.CharField(max_length=254, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        permissions = [("send_mailing", _("Can send a mailing to supporters"))]

    def __str__(self) -> str:
        return self.subject

    @property
    def languages(self) -> list[str]:
        """The languages the mailing is written in: English, and French once it has a body."""
        return ["en", "fr"] if self.body_fr.strip() else ["en"]

    def content_for(self, language: str) -> tuple[str, str]:
        """(subject, text) in `language`: French when asked and written, else English."""
        if language.startswith("fr") and "fr" in self.languages:
            return self.subject_fr or self.subject, self.body_fr
        return self.subject, self.body


class MailingRecipient(models.Model):
    """One person a mailing was written to: their mailbox (campaign.identities.mailbox_key),
    the language they get it in, and the outbox row carrying it (whose status is the truth).

    Unique per mailing and mailbox, so a chunk run twice never writes anyone twice.
    """

    mailing = models.ForeignKey(
        Mailing, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("mailing")
    )
    mailbox_key = models.CharField(_("mailbox"), max_length=254)
    language = models.CharField(_("language"), max_length=8, blank=True)
    email = models.ForeignKey(
        OutboundEmail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("email"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["mailing", "id"]
        verbose_name = _("mailing recipient")
        verbose_name_plural = _("mailing recipients")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "mailbox_key"], name="mailing_once_per_mailbox"
            ),
        ]
        indexes = [models.Index(fields=["mailbox_key"], name="mailing_recipient_mailbox_idx")]

    def __str__(self) -> str:
        return f"{self.mailing_id} → #{self.pk}"
