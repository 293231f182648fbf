"""Petitions and their signatures."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from campaign.models import Campaign, DraftedFromAction
from campaign.translations import TranslatedContent


def new_ip_salt() -> str:
    """A per-petition salt, so an IP hash cannot be matched across petitions."""
    return secrets.token_hex(16)


class PetitionQuerySet(models.QuerySet):
    def public(self):
        """Petitions supporters can see: those of published and closed campaigns."""
        return self.filter(campaign__status__in=Campaign.PUBLIC_STATUSES)

    def open(self):
        """Petitions taking signatures: those of published campaigns."""
        return self.filter(campaign__status=Campaign.Status.PUBLISHED)


class Petition(TranslatedContent, DraftedFromAction):
    """A demand supporters sign, in its campaign's state: hidden while the campaign is a draft,
    open while it is published, closed (showing its final count) once it is closed.

    A petition has no status of its own. When it had one, the two disagreed: publishing a
    closed campaign again left its petition closed, and the admin could open a petition inside
    a closed or draft campaign. A campaign is what an organiser publishes and closes, and what
    its letters and the retention periods follow, so its status is the one truth; closing a
    single petition while the campaign's letters go on is not something Chorus offers.

    `title_fr`, `demand_fr` and `addressed_to_fr` are its French version (campaign.translations).
    """

    TRANSLATED_FIELDS = ("title", "demand", "addressed_to")

    class Status(models.TextChoices):
        """What `status` says: the campaign's status, in a petition's words."""

        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="petitions", verbose_name=_("campaign")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    demand = models.TextField(_("demand"))
    addressed_to = models.CharField(_("addressed to"), max_length=200, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    demand_fr = models.TextField(_("demand (French)"), blank=True)
    addressed_to_fr = models.CharField(_("addressed to (French)"), max_length=200, blank=True)
    goal = models.PositiveIntegerField(_("goal"), default=1000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    ip_salt = models.CharField(_("IP salt"), max_length=32, default=new_ip_salt, editable=False)

    # Progress emailed to whoever the petition is addressed to, every N counted signatures
    # (petitions/target_updates.py). `target_updated_count` is the last multiple of N sent and
    # `target_updated_at` when it was claimed: the next email lists those confirmed since.
    target_email = models.EmailField(
        _("target's email"),
        blank=True,
        help_text=_("Where progress emails go: the office the petition is addressed to."),
    )
    target_update_every = models.PositiveIntegerField(
        _("email the target every"),
        default=0,
        help_text=_(
            "Send the target the new signers each time the count passes a multiple of this "
            "number (0: never)."
        ),
    )
    target_updated_count = models.PositiveIntegerField(
        _("count last emailed to the target"), default=0, editable=False
    )
    target_updated_at = models.DateTimeField(
        _("target last emailed at"), null=True, blank=True, editable=False
    )

    objects = PetitionQuerySet.as_manager()

    class Meta:
        ordering = ["campaign", "id"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("petitions:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.target_update_every and not self.target_email:
            raise ValidationError(
                {"target_email": _("Give the target's address, or set the emails to 0 (never).")}
            )

    @property
    def thanks_url(self) -> str:
        """Where signing leads, in the page's language. Worked out once per object and
        language: the sign view's petition is remembered by the process (local_cache) and
        serves both languages, so a viral petition reverses it rarely."""
        language = get_language()
        urls = self.__dict__.setdefault("_thanks_urls", {})
        if language not in urls:
            urls[language] = reverse("petitions:thanks", kwargs={"slug": self.slug})
        return urls[language]

    @property
    def status(self) -> str:
        """Draft, open or closed: its campaign's status (read the campaign with the petition)."""
        return _STATUS_OF_CAMPAIGN[self.campaign.status]

    @property
    def is_open(self) -> bool:
        """Takes signatures and confirmations: only while its campaign is published."""
        return self.campaign.is_open


_STATUS_OF_CAMPAIGN = {
    Campaign.Status.DRAFT: Petition.Status.DRAFT,
    Campaign.Status.PUBLISHED: Petition.Status.OPEN,
    Campaign.Status.CLOSED: Petition.Status.CLOSED,
}


# What the public count counts: confirmed signatures that are not flagged. The partial indexes
# of Signature are built on it, so the counter, the figures and the signer list filter with it.
COUNTED = models.Q(confirmed_at__isnull=False, is_flagged=False)

# One signature per mailbox and petition; signing names it to find an earlier signature.
SIGNATURE_UNIQUE_CONSTRAINT = "signature_unique_email_per_petition"


class Signature(models.Model):
    """One person's signature on one petition: counted once confirmed by email, unless flagged.

    `email` is the address as typed (mail goes there); `email_key` is its normalised form
    (lower case, Gmail dots and `+tags` removed), unique per petition, so a second signing
    with a variant of the same address cannot create a second signature.
    """

    class FlagReason(models.TextChoices):
        NONE = "", _("Not flagged")
        RATE_LIMIT = "rate_limit", _("Over the per-address rate limit")
        HONEYPOT = "honeypot", _("Filled the hidden field")

    # No index of its own: signature_petition_day_idx starts with it (one index fewer to
    # write per signature).
    petition = models.ForeignKey(
        Petition,
        on_delete=models.CASCADE,
        related_name="signatures",
        verbose_name=_("petition"),
        db_index=False,
    )
    first_name = models.CharField(_("first name"), max_length=50)
    last_name = models.CharField(_("last name"), max_length=50)
    email = models.EmailField(_("email"), max_length=254)
    email_key = models.CharField(_("normalised email"), max_length=254, editable=False)
    postal_code = models.CharField(_("postal code"), max_length=7)
    province = models.CharField(_("province"), max_length=2, blank=True)
    riding_code = models.CharField(_("riding code"), max_length=10, blank=True)
    riding_name = models.CharField(_("riding"), max_length=200, blank=True)
    comment = models.TextField(_("comment"), max_length=500, blank=True)
    comment_hidden = models.BooleanField(_("comment hidden"), default=False)
    show_name = models.BooleanField(_("name shown publicly"), default=False)

    # CASL: express consent to the campaign's updates, with the exact wording shown, when, and on
    # which page.
    newsletter_opt_in = models.BooleanField(_("newsletter opt-in"), default=False)
    newsletter_consent_text = models.TextField(_("consent wording shown"), blank=True)
    newsletter_consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_page = models.CharField(_("page signed on"), max_length=300, blank=True)
    # The second box: the organisation's own newsletter (the `newsletter_*` fields above are the
    # campaign's updates), with its wording as shown; the same page, language and time.
    organisation_newsletter_opt_in = models.BooleanField(
        _("organisation newsletter opt-in"), default=False
    )
    organisation_newsletter_consent_text = models.TextField(
        _("organisation newsletter wording shown"), blank=True
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    # Where the signer came from: the `?source=` code of the link (campaign.sharing).
    source = models.CharField(_("source"), max_length=40, blank=True, default="")

    ip_hash = models.CharField(_("IP hash"), max_length=64, blank=True, editable=False)
    flag_reason = models.CharField(
        _("flag reason"), max_length=20, choices=FlagReason.choices, blank=True, default=""
    )
    # Derived from flag_reason, which is the one to write; stored, so COUNTED (the partial
    # indexes) and the admin filter can use it.
    is_flagged = models.GeneratedField(
        expression=~models.Q(flag_reason=""),
        output_field=models.BooleanField(),
        db_persist=True,
        verbose_name=_("flagged"),
    )
    # Set on a new signature until the worker sending its first confirmation has counted it
    # against its address's limit (petitions/rate_limits.py); never set again after that.
    rate_limit_pending = models.BooleanField(
        _("waiting to be counted against its address's limit"), default=False, editable=False
    )
    confirmation_sends = models.PositiveSmallIntegerField(_("confirmation emails sent"), default=0)
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        permissions = [
            ("moderate_signature", _("Can hide comments and clear flags")),
            # Held by data staff: signer lists (exports, the delivery page) reveal who signed.
            ("export_signature", _("Can export and print signer lists")),
        ]
        constraints = [
            # Address first: the same index finds an address across petitions (admin search),
            # so a signature costs one index fewer to write.
            models.UniqueConstraint(
                fields=["email_key", "petition"], name=SIGNATURE_UNIQUE_CONSTRAINT
            ),
        ]
        indexes = [
            models.Index(fields=["petition", "created_at"], name="signature_petition_day_idx"),
            # The counter rebuild and the public figures read only counted signatures.
            models.Index(
                fields=["petition", "province", "riding_code"],
                name="signature_counted_idx",
                condition=COUNTED,
            ),
            models.Index(
                fields=["petition", "-confirmed_at"],
                name="signature_public_recent_idx",
                condition=COUNTED & models.Q(show_name=True),
            ),
            # The API lists counted signatures by (confirmed_at, id) and a sync's cursor reads
            # on from a key of them (campaign.api.pagination).
            models.Index(
                fields=["confirmed_at", "id"], name="signature_counted_key_idx", condition=COUNTED
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name[:1]}. #{self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def public_name(self) -> str:
        """First name and last initial: all a public signer list ever shows."""
        initial = f" {self.last_name[:1].upper()}." if self.last_name else ""
        return f"{self.first_name}{initial}"
