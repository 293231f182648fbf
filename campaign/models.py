"""Campaigns and what they are drafted from: source documents and their calls to action."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign.branding import validate_hex_colour
from campaign.partner_origins import partner_origins_parse, validate_partner_origins
from campaign.translations import TranslatedContent


def content_hash(text: str) -> str:
    """The identity of a document's text: importing the same text twice is a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Language(models.TextChoices):
    """The languages Chorus reads documents in and drafts campaigns in."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class SourceDocument(models.Model):
    """A document (news article, NGO appeal) as imported, verbatim."""

    file_name = models.CharField(_("file name"), max_length=255)
    title = models.CharField(_("title"), max_length=300)
    published = models.DateField(_("published"), null=True, blank=True)
    # Where supporters can read it: the campaign's pages link its title here when it is known.
    url = models.URLField(
        _("address"), max_length=500, blank=True, help_text=_("Where the document is online.")
    )
    text = models.TextField(_("text"))
    # "" for a document in neither language: the extractor did not read it (no actions).
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, blank=True, default=Language.ENGLISH
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True, editable=False)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["file_name"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.title or self.file_name


class CampaignQuerySet(models.QuerySet):
    def public(self):
        """Campaigns supporters can see: published ones and closed ones (read-only)."""
        return self.filter(status__in=Campaign.PUBLIC_STATUSES)


class Campaign(TranslatedContent, models.Model):
    """What supporters see and act on: drafted from documents, published by an organiser.

    Its content is written in `language`; `title_fr` and `summary_fr` are its French version
    (campaign.translations: pages read `campaign.shown.title`)."""

    TRANSLATED_FIELDS = ("title", "summary", "image_alt")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")

    # Closed campaigns stay visible (read-only) with their final figures.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CLOSED)

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("What its petition, letters and call scripts are drafted in."),
    )
    # The campaign's look (campaign.branding, campaign.campaign_images): the admin's form
    # re-encodes the image and checks that it has its alternative text.
    image = models.ImageField(
        _("image"),
        upload_to="campaigns/",
        blank=True,
        help_text=_("A photo for the top of its pages (JPEG, PNG or WebP, up to 5 MB)."),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    image_alt_fr = models.CharField(_("image description (French)"), max_length=300, blank=True)
    brand_colour = models.CharField(
        _("colour"),
        max_length=7,
        blank=True,
        validators=[validate_hex_colour],
        help_text=_("The colour of its pages' banner and buttons, as #rrggbb (e.g. #1f6f43)."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    sources = models.ManyToManyField(
        SourceDocument, blank=True, related_name="campaigns", verbose_name=_("sources")
    )
    test_mode = models.BooleanField(
        _("test mode"),
        default=False,
        help_text=_("Letters go to the test address instead of their real recipients."),
    )
    test_email = models.EmailField(
        _("test address"),
        blank=True,
        help_text=_("Where letters go while the campaign (or the whole site) is in test mode."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The partner sites that may show this campaign's petitions and letters in a frame
    # (campaign.embeds): one origin a line, https only.
    partner_origins = models.TextField(
        _("partner sites"),
        blank=True,
        validators=[validate_partner_origins],
        help_text=_(
            "One address a line, such as https://www.example.org: only these sites may embed "
            "this campaign's petitions and letters."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaign:detail", kwargs={"slug": self.slug})

    @property
    def partner_origin_list(self) -> list[str]:
        """The partner origins, one per line of `partner_origins` (validated on save)."""
        return partner_origins_parse(self.partner_origins)

    @property
    def content_language(self) -> str:
        return self.language

    def clean(self) -> None:
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )

    @property
    def theme_url(self) -> str:
        """Its stylesheet (campaign.branding), "" when it has no colour of its own."""
        if not self.brand_colour:
            return ""
        url = reverse("campaign_theme", kwargs={"slug": self.slug})
        return f"{url}?v={self.brand_colour.lstrip('#')}"

    @property
    def is_public(self) -> bool:
        """Whether supporters can see the campaign's page (see CampaignQuerySet.public)."""
        return self.status in self.PUBLIC_STATUSES

    @property
    def is_open(self) -> bool:
        """Supporters can act (sign, write) only while the campaign is published."""
        return self.status == self.Status.PUBLISHED

    @property
    def letters_in_test_mode(self) -> bool:
        """Letters go to the test address: this campaign is in test mode, or the whole site."""
        return self.test_mode or settings.LETTERS_TEST_MODE


class CallToAction(models.Model):
    """One call to action found in a source document, with the sentence it came from."""

    class Kind(models.TextChoices):
        PETITION = "petition", _("Petition")
        LETTER_TO_MP = "letter_to_mp", _("Letter to your MP")
        LETTER_TO_TARGETS = "letter_to_targets", _("Letter to named recipients")
        DONATE = "donate", _("Donation")
        CALL = "call", _("Phone call")
        SHARE = "share", _("Share")

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calls_to_action",
        verbose_name=_("campaign"),
    )
    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        related_name="calls_to_action",
        verbose_name=_("source document"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("demand or ask"))
    addressee = models.CharField(_("addressed to"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    targets = models.JSONField(_("targets found"), default=list, blank=True)
    talking_points = models.JSONField(_("talking points"), default=list, blank=True)
    letter_body = models.TextField(_("letter body found"), blank=True)
    evidence_start = models.PositiveIntegerField(_("evidence start"))
    evidence_end = models.PositiveIntegerField(_("evidence end"))
    evidence_quote = models.TextField(_("quoted evidence"))
    confidence = models.FloatField(_("confidence"))

    class Meta:
        ordering = ["document", "evidence_start"]
        verbose_name = _("call to action")
        verbose_name_plural = _("calls to action")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "kind", "evidence_start"], name="cta_unique_per_evidence"
            ),
            models.CheckConstraint(
                condition=models.Q(evidence_end__gte=models.F("evidence_start")),
                name="cta_evidence_span_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:80]}"

    @property
    def is_low_confidence(self) -> bool:
        from campaign.extraction import LOW_CONFIDENCE

        return self.confidence < LOW_CONFIDENCE

    @property
    def evidence_matches_document(self) -> bool:
        """The quote is still exactly the document's text at the recorded span."""
        return self.document.text[self.evidence_start : self.evidence_end] == self.evidence_quote


class DraftedFromAction(models.Model):
    """Something Chorus drafted from a call to action, keeping the evidence it came from.

    `source` is None for what an organiser added by hand; the admin shows the quoted sentence
    otherwise (campaign.evidence), so every draft can be checked against its document.
    """

    source = models.ForeignKey(
        CallToAction,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("found in"),
    )

    class Meta:
        abstract = True


class Target(DraftedFromAction):
    """A recipient of a campaign's letters: an office, or a fixed person or address.

    A target by role (`office` set: "Minister of Foreign Affairs") has no name or email of its
    own: a letter goes to whoever holds the office when the letter is built
    (campaign.directory.selectors.office_holder_current), so a cabinet shuffle is one import.
    What the document named for it (`document_name`, `document_email`) is kept only to warn
    the organiser when that person no longer holds the office; nothing is ever sent there.
    A fixed target (an embassy, an ambassador) is written to at its own `email`; one with only
    a `phone` is an office supporters call (CallPage), and no letter goes to it.
    """

    class Kind(models.TextChoices):
        MINISTER = "minister", _("Minister")
        HEAD_OF_GOVERNMENT = "head_of_government", _("Head of government")
        DIPLOMAT = "diplomat", _("Diplomat")
        MP = "mp", _("Member of Parliament")
        OTHER = "other", _("Other")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="targets", verbose_name=_("campaign")
    )
    office = models.ForeignKey(
        "directory.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("office (by role)"),
        help_text=_(
            "Letters go to whoever holds this office when they are written. Leave blank for a "
            "fixed recipient, written to at the email below."
        ),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    document_name = models.CharField(
        _("name in the document"), max_length=200, blank=True, editable=False
    )
    document_email = models.EmailField(_("address in the document"), blank=True, editable=False)

    class Meta:
        ordering = ["campaign", "id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "email"],
                condition=~models.Q(email=""),
                name="target_unique_email",
            ),
            models.UniqueConstraint(
                fields=["campaign", "office"],
                condition=models.Q(office__isnull=False),
                name="target_unique_office",
            ),
            # Either a role (the holder's address is looked up) or a fixed recipient, never
            # both: a role target's own email would be a second, stale recipient. A fixed
            # recipient is reached at its email, or only by phone (an office a call page calls).
            models.CheckConstraint(
                condition=models.Q(office__isnull=False, email="")
                | (models.Q(office__isnull=True) & (~models.Q(email="") | ~models.Q(phone=""))),
                name="target_office_or_contact",
            ),
        ]

    def __str__(self) -> str:
        if self.office_id:
            return _("%(office)s (whoever holds the office)") % {"office": self.office}
        label = self.name or self.email or self.phone
        return f"{label} ({self.role})" if self.role else label

    @property
    def is_by_role(self) -> bool:
        return self.office_id is not None

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.office_id and (self.email or self.name):
            raise ValidationError(
                _(
                    "A target by role is written to whoever holds the office: leave its name "
                    "and email blank, or clear the office to make it a fixed recipient."
                )
            )
        if not self.office_id and not (self.email or self.phone):
            raise ValidationError(
                {"email": _("Give an email or a phone number, or choose an office.")}
            )


class DonationLink(TranslatedContent, DraftedFromAction):
    """An ask to donate to an organisation; the organiser supplies the URL before publishing."""

    TRANSLATED_FIELDS = ("ask",)

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="donation_links",
        verbose_name=_("campaign"),
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    ask = models.TextField(_("ask"), blank=True)
    ask_fr = models.TextField(_("ask (French)"), blank=True)
    url = models.URLField(_("donation page"), blank=True)

    class Meta:
        ordering = ["campaign", "id"]
        verbose_name = _("donation link")
        verbose_name_plural = _("donation links")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organisation"], name="donation_unique_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.organisation


class CallPage(TranslatedContent, DraftedFromAction):
    """A phone call supporters are asked to make: what to say, and the offices to call.

    Drafted from a call to action of kind `call` (campaign.calls.services); its offices are
    campaign Targets with a phone. Each supporter says "I called" once per office (Call); the
    counts are Calls counted when read (campaign.calls.selectors), never a stored number.
    Like the petitions and letters, a call page is open while its campaign is published.
    `title_fr` and `script_fr` are its French version (campaign.translations).
    """

    TRANSLATED_FIELDS = ("title", "script")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="call_pages", verbose_name=_("campaign")
    )
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    script = models.TextField(
        _("what to say"),
        help_text=_("The script supporters read on the phone; [brackets] are theirs to fill in."),
    )
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    script_fr = models.TextField(_("what to say (French)"), blank=True)
    targets = models.ManyToManyField(
        Target, blank=True, related_name="call_pages", verbose_name=_("offices to call")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["campaign", "id"]
        verbose_name = _("call page")
        verbose_name_plural = _("call pages")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "slug"], name="call_page_unique_slug"),
            # Drafting twice from one call to action finds the first page (and a race loses).
            models.UniqueConstraint(
                fields=["campaign", "source"],
                condition=models.Q(source__isnull=False),
                name="call_page_unique_source",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaign:call", kwargs={"campaign": self.campaign.slug, "slug": self.slug})


class Call(models.Model):
    """A supporter's "I called" for one office of a call page.

    `supporter` is the random id kept in the supporter's signed cookie (campaign.calls.
    supporters): no name, no address. The unique constraint counts each supporter once per
    office of a page, so a second press, or two at once, adds nothing.
    """

    page = models.ForeignKey(
        CallPage, on_delete=models.CASCADE, related_name="calls", verbose_name=_("call page")
    )
    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="calls", verbose_name=_("office")
    )
    supporter = models.UUIDField(_("supporter"))
    created_at = models.DateTimeField(_("called at"), default=timezone.now)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "target", "supporter"], name="call_once_per_supporter_per_office"
            )
        ]
        # The API lists calls by (created_at, id) and a sync's cursor reads on from a key of
        # them (campaign.api.pagination).
        indexes = [models.Index(fields=["created_at", "id"], name="call_created_key_idx")]

    def __str__(self) -> str:
        return f"{self.page} → {self.target}"


class DraftDecision(models.Model):
    """What an organiser decided about one call to action of a campaign: kept it, or not.

    Keyed by the action's fingerprint (campaign.drafts.fingerprints: its kind and its quoted
    sentence, normalised), not by its character span, so the decision still holds when an
    upgraded extractor finds the same sentence at slightly different offsets. A re-read offers
    nothing the campaign already decided on; a dismissed item is never drafted again.
    """

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="draft_decisions",
        verbose_name=_("campaign"),
    )
    fingerprint = models.CharField(_("fingerprint"), max_length=64, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=CallToAction.Kind.choices)
    evidence_quote = models.TextField(_("quoted evidence"))
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        ordering = ["campaign", "-decided_at"]
        verbose_name = _("draft decision")
        verbose_name_plural = _("draft decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "fingerprint"], name="draft_decision_once_per_action"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_decision_display()}: {self.get_kind_display()} “{self.evidence_quote[:60]}”"
        )
