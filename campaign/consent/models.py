"""The consent ledger: one row per consent given or withdrawn, never edited afterwards."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentEvent(models.Model):
    """One consent given or withdrawn by one person (a mailbox) for one scope.

    `mailbox_key` (campaign.identities.mailbox_key) is who; `address` the address as they gave
    it; `mailbox_hash` the keyed hash the unsubscribe link names them by. `scope` is what
    (campaign.consent.scopes). `wording`, `language` and `page` are what they were shown and
    where; `method` how it was confirmed (or withdrawn). `source` names the record the row came
    from ("signature:42"), unique per action, so recording one confirmation twice writes one row.
    `recorded_by` is the staff account that recorded a withdrawal on the person's request (its
    username, not a key: the ledger outlives accounts), empty for what supporters did themselves.

    Current consent is the latest row per mailbox and scope (selectors): a later withdrawal
    overrides an earlier consent, and a later consent (signing again) overrides a withdrawal.
    """

    class Action(models.TextChoices):
        GIVEN = "given", _("Given")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Method(models.TextChoices):
        DOUBLE_OPT_IN = "double_opt_in", _("Double opt-in (confirmation link)")
        ONE_CLICK = "one_click", _("One-click unsubscribe (mail client)")
        UNSUBSCRIBE_PAGE = "unsubscribe_page", _("Unsubscribe page")
        COMPLAINT = "complaint", _("Marked as spam")
        STAFF = "staff", _("Staff, on the person's request")

    mailbox_key = models.CharField(_("mailbox"), max_length=254)
    mailbox_hash = models.CharField(_("mailbox hash"), max_length=64, db_index=True)
    address = models.EmailField(_("address as given"), max_length=254)
    scope = models.CharField(_("scope"), max_length=40)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    wording = models.TextField(_("wording shown"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    page = models.CharField(_("page"), max_length=300, blank=True)
    method = models.CharField(_("how confirmed"), max_length=20, choices=Method.choices)
    source = models.CharField(_("source"), max_length=60, blank=True)
    recorded_by = models.CharField(_("recorded by (staff)"), max_length=150, blank=True)
    recorded_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        verbose_name = _("consent event")
        verbose_name_plural = _("consent ledger")
        permissions = [
            ("withdraw_consentevent", _("Can withdraw a supporter's consent on their request")),
        ]
        indexes = [
            # Latest row per person and scope (selectors), and everyone in one scope.
            models.Index(
                fields=["scope", "mailbox_key", "-recorded_at", "-id"], name="consent_latest_idx"
            ),
            models.Index(fields=["mailbox_key"], name="consent_mailbox_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "action"],
                name="consent_once_per_source",
                condition=~models.Q(source=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.scope} · #{self.pk}"
