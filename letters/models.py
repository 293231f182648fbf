"""Letter templates and the letters supporters send (the MP directory is campaign.directory)."""

from django.core.signing import TimestampSigner
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from campaign.directory.models import OfficeHolder, Representative, Riding
from campaign.models import Campaign, DraftedFromAction, Language, Target
from campaign.translations import TranslatedContent


class LetterTemplate(TranslatedContent, DraftedFromAction):
    """What supporters start from: a letter to their MP, to the campaign's fixed Targets, or
    to both (each recipient gets their own email; the supporter confirms once).

    `body` and `subject_variants` are Django template text with the variables listed in
    `body`'s help text; clean() refuses what would fail when a supporter writes. The `_fr`
    fields are its French version (campaign.translations), checked the same way.
    """

    TRANSLATED_FIELDS = ("title", "subject_variants", "body", "talking_points")

    class Kind(models.TextChoices):
        MP = "mp", _("The supporter's MP")
        TARGETS = "targets", _("Fixed recipients")
        # One field says who a letter goes to: a flag "also to the MP" beside it would let a
        # template say MP twice, or say MP in a kind whose recipients are chosen below.
        MP_AND_TARGETS = "mp_targets", _("The supporter's MP and fixed recipients")

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="letter_templates",
        verbose_name=_("campaign"),
    )
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        help_text=_(
            "Who each letter goes to. The supporter's MP: supporters give their postal code "
            "and write to their Member of Parliament. Fixed recipients: the recipients chosen "
            "below, the same for every supporter. The supporter's MP and fixed recipients: "
            "both, after one postal code and one confirmation, each as a separate email "
            "greeting its recipient by name ({{ representative_name }}); write it so it reads "
            "right to each of them."
        ),
    )
    targets = models.ManyToManyField(
        Target, blank=True, related_name="letter_templates", verbose_name=_("recipients")
    )
    subject_variants = models.TextField(
        _("subject variants"), help_text=_("One subject per line; supporters get them in turn.")
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Variables: {{ representative_name }}, {{ riding }}, {{ supporter_name }}, "
            "{{ supporter_postal_code }}, {{ talking_points }}."
        ),
    )
    talking_points = models.JSONField(_("talking points"), default=list, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    subject_variants_fr = models.TextField(
        _("subject variants (French)"),
        blank=True,
        help_text=_("One subject per line, as above; blank: French pages use the subjects above."),
    )
    body_fr = models.TextField(
        _("body (French)"),
        blank=True,
        help_text=_("The same variables as above; blank: French pages use the body above."),
    )
    talking_points_fr = models.JSONField(_("talking points (French)"), default=list, blank=True)
    editable = models.BooleanField(_("supporters may edit"), default=True)

    class Meta:
        ordering = ["campaign", "id"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "slug"], name="letter_template_unique_slug")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "letters:start", kwargs={"campaign": self.campaign.slug, "template": self.slug}
        )

    @property
    def writes_to_mp(self) -> bool:
        """Whether a letter goes to the supporter's MP (so the supporter gives a postal code)."""
        return self.kind in (self.Kind.MP, self.Kind.MP_AND_TARGETS)

    @property
    def writes_to_targets(self) -> bool:
        """Whether a letter goes to the template's `targets`."""
        return self.kind in (self.Kind.TARGETS, self.Kind.MP_AND_TARGETS)

    @property
    def subjects(self) -> list[str]:
        """The subject variants as written (one per non-blank line), variables unfilled, in
        the language the page shows the template in (see `shown`)."""
        variants = self.shown.subject_variants
        return [line.strip() for line in variants.splitlines() if line.strip()]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from letters.composing import validate_template_source

        errors = {}
        for suffix in ("", "_fr"):
            try:
                validate_template_source(
                    body=getattr(self, f"body{suffix}"),
                    subject_variants=getattr(self, f"subject_variants{suffix}"),
                )
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    errors[f"{field}{suffix}"] = messages
        if errors:
            raise ValidationError(errors)


class Letter(models.Model):
    """One supporter's letter: the final text as sent, to one or more recipients.

    `language` is the one the supporter wrote in (the page's): their emails about the letter
    and its links are in it, and so is what the recipients get around the text."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for email confirmation")
        CONFIRMED = "confirmed", _("Confirmed and queued")

    template = models.ForeignKey(
        LetterTemplate,
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("template"),
    )
    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="letters", verbose_name=_("campaign")
    )
    supporter_name = models.CharField(_("name"), max_length=100)
    supporter_email = models.EmailField(_("email"))
    supporter_postal_code = models.CharField(_("postal code"), max_length=7)
    riding = models.ForeignKey(
        Riding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters",
        verbose_name=_("riding"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    send_copy = models.BooleanField(_("copy to the supporter"), default=False)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    # Where the writer came from: the `?source=` code of the link (campaign.sharing).
    source = models.CharField(_("source"), max_length=40, blank=True, default="")
    # CASL, as on a signature: express consent with the exact wording shown, when, and on which
    # page; written to the consent ledger (campaign.consent) when the letter is confirmed.
    newsletter_opt_in = models.BooleanField(_("newsletter opt-in"), default=False)
    newsletter_consent_text = models.TextField(_("consent wording shown"), blank=True)
    newsletter_consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_page = models.CharField(_("page written on"), max_length=300, blank=True)
    # The second box: the organisation's own newsletter (the `newsletter_*` fields above are this
    # campaign's updates), with its wording as shown; the same page, language and time.
    organisation_newsletter_opt_in = models.BooleanField(
        _("organisation newsletter opt-in"), default=False
    )
    organisation_newsletter_consent_text = models.TextField(
        _("organisation newsletter wording shown"), blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.UNCONFIRMED,
        db_index=True,
    )
    # Decided when the letter is written: switching test mode off before the supporter confirms
    # must not send a letter they wrote while trying Chorus out to a real minister.
    test_mode = models.BooleanField(_("sent in test mode"), default=False)
    # Hash of the normalised text: many equal hashes in one template mean a form letter
    # (counted when read: selectors.letters_with_copies).
    text_hash = models.CharField(_("text fingerprint"), max_length=64, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        permissions = [("export_letter", _("Can export the letters report"))]
        indexes = [
            models.Index(fields=["template", "text_hash"], name="letter_template_hash_idx"),
            # The API lists confirmed letters by (confirmed_at, id) and a sync's cursor reads
            # on from a key of them (campaign.api.pagination).
            models.Index(
                fields=["confirmed_at", "id"],
                name="letter_confirmed_key_idx",
                condition=models.Q(confirmed_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject[:60]}"

    def signed_token(self, purpose: str) -> str:
        """An unguessable, timestamped token for this letter's "confirm" or "status" link.

        The purpose is part of the salt, so one link's token never opens the other page.
        """
        return TimestampSigner(salt=f"letters.{purpose}").sign(str(self.pk))

    def get_status_url(self) -> str:
        """The status page in the letter's language (an emailed link keeps it)."""
        with translation.override(self.language):
            return reverse("letters:status", kwargs={"token": self.signed_token("status")})

    def get_confirm_url(self) -> str:
        """The confirm page in the letter's language (an emailed link keeps it)."""
        with translation.override(self.language):
            return reverse("letters:confirm", kwargs={"token": self.signed_token("confirm")})


class LetterRecipient(models.Model):
    """Who one letter is addressed to: a campaign Target or a directory Representative.

    `name`, `role` and `email` are the recipient as resolved when the letter was written (for
    a target by role, the office's holder then, also kept as `office_holder`): confirming sends
    there, even if the office has changed hands since.

    The unique constraint is the guardrail "one letter per supporter per recipient per
    campaign", where a supporter is a mailbox: `supporter_key` is campaign.identities.mailbox_key
    of the address, so `jane.doe@gmail.com` and `janedoe+x@gmail.com` are one supporter.
    `message_id` points at the OutboundEmail carrying it, whose status is the truth.
    """

    letter = models.ForeignKey(
        Letter, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("letter")
    )
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    supporter_email = models.EmailField(_("supporter email"))
    supporter_key = models.CharField(_("supporter's mailbox"), max_length=254, editable=False)
    target = models.ForeignKey(
        Target, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    representative = models.ForeignKey(
        Representative, on_delete=models.SET_NULL, null=True, blank=True, related_name="letters"
    )
    office_holder = models.ForeignKey(
        OfficeHolder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters",
        verbose_name=_("as holder of the office"),
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    # Indexed: the worker finds the recipient of each letter email it sends by it (events.py).
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True, db_index=True)

    class Meta:
        ordering = ["letter", "id"]
        verbose_name = _("letter recipient")
        verbose_name_plural = _("letter recipients")
        constraints = [
            models.UniqueConstraint(
                "campaign",
                "supporter_key",
                Lower("email"),
                name="letter_one_per_mailbox_recipient",
            ),
            # An empty key would make every supporter one: a row must say whose it is.
            models.CheckConstraint(
                condition=~models.Q(supporter_key=""), name="letter_recipient_has_supporter_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
