"""The public directory: ridings, Members of Parliament, FSAs and the federal ministry.

Petitions and letters both read it (postal code -> riding -> MP; a role -> its holder), and
neither owns it. The riding, representative and FSA tables were created by the letters app and
keep their names (see migrations/0001).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

PROVINCE_CHOICES = [
    ("NL", _("Newfoundland and Labrador")),
    ("PE", _("Prince Edward Island")),
    ("NS", _("Nova Scotia")),
    ("NB", _("New Brunswick")),
    ("QC", _("Quebec")),
    ("ON", _("Ontario")),
    ("MB", _("Manitoba")),
    ("SK", _("Saskatchewan")),
    ("AB", _("Alberta")),
    ("BC", _("British Columbia")),
    ("YT", _("Yukon")),
    ("NT", _("Northwest Territories")),
    ("NU", _("Nunavut")),
]


class Riding(models.Model):
    """A federal electoral district, keyed by its five-digit code (e.g. 35067, Nepean)."""

    code = models.CharField(_("code"), max_length=5, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    province = models.CharField(_("province"), max_length=2, choices=PROVINCE_CHOICES)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name_en"]
        db_table = "letters_riding"  # created by the letters app; kept when the directory moved
        verbose_name = _("riding")
        verbose_name_plural = _("ridings")
        indexes = [models.Index(fields=["province", "name_en"], name="riding_province_idx")]

    def __str__(self) -> str:
        return f"{self.name_en} ({self.code})"

    @property
    def name(self) -> str:
        """The name in the page's language (French when there is one and the page is French)."""
        if self.name_fr and (get_language() or "").startswith("fr"):
            return self.name_fr
        return self.name_en

    @property
    def current_representative(self) -> "Representative | None":
        """The riding's sitting member, or None while the seat is vacant or unknown."""
        return self.representatives.filter(is_current=True).order_by("-updated_at").first()


class RepresentativeQuerySet(models.QuerySet):
    def current(self):
        """Sitting members only: former ones stay in the table for the letters sent to them."""
        return self.filter(is_current=True)


class Representative(models.Model):
    """A Member of Parliament as the directory last saw them.

    `key` identifies a member across imports (name + riding); a member missing from a later
    full import is marked former (`is_current=False`), never deleted, so old letters keep
    pointing at who they were written to.
    """

    class Source(models.TextChoices):
        REPRESENT_API = "represent_api", _("Represent API")
        REPRESENT_JSON = "represent_json", _("Represent JSON file")
        HOC_XML = "hoc_xml", _("House of Commons XML")
        CSV = "csv", _("CSV file")
        ADMIN = "admin", _("Entered by hand")

    key = models.CharField(_("key"), max_length=300, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    riding = models.ForeignKey(
        Riding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name=_("riding"),
    )
    riding_code = models.CharField(_("riding code"), max_length=5, blank=True)
    riding_name_en = models.CharField(_("riding (English)"), max_length=200)
    riding_name_fr = models.CharField(_("riding (French)"), max_length=200, blank=True)
    province = models.CharField(_("province"), max_length=2, blank=True, choices=PROVINCE_CHOICES)
    party = models.CharField(_("party"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    photo_url = models.URLField(_("photo"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    is_current = models.BooleanField(_("current member"), default=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RepresentativeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        db_table = "letters_representative"
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self) -> str:
        return f"{self.name} ({self.riding_name_en})"


class FsaRiding(models.Model):
    """One riding an FSA (first three characters of a postal code) reaches into.

    An FSA may span several ridings: each pair is a row, and the supporter picks among them.
    """

    fsa = models.CharField(_("FSA"), max_length=3, db_index=True)
    riding = models.ForeignKey(
        Riding, on_delete=models.CASCADE, related_name="fsas", verbose_name=_("riding")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["fsa", "riding__name_en"]
        db_table = "letters_fsariding"
        verbose_name = _("FSA to riding")
        verbose_name_plural = _("FSAs to ridings")
        constraints = [
            models.UniqueConstraint(fields=["fsa", "riding"], name="fsa_riding_unique_pair")
        ]

    def __str__(self) -> str:
        return f"{self.fsa} → {self.riding.name_en}"


class Office(models.Model):
    """A federal office letters can be addressed to by role ("Minister of Foreign Affairs").

    Letters name the office, not the person: the holder is looked up when a letter is built
    (selectors.office_holder_current), so a cabinet shuffle is one import away.
    `code` is the Government of Canada open-data code ("PM", "MFA").
    """

    class Kind(models.TextChoices):
        HEAD_OF_GOVERNMENT = "head_of_government", _("Head of government")
        MINISTER = "minister", _("Minister")
        SECRETARY_OF_STATE = "secretary_of_state", _("Secretary of State")
        OTHER = "other", _("Other")

    code = models.CharField(_("code"), max_length=20, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MINISTER)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["title_en"]
        verbose_name = _("office")
        verbose_name_plural = _("offices (the ministry)")

    def __str__(self) -> str:
        return self.title_en

    @property
    def title(self) -> str:
        """The title in the page's language (French when there is one and the page is French)."""
        if self.title_fr and (get_language() or "").startswith("fr"):
            return self.title_fr
        return self.title_en


class OfficeHolder(models.Model):
    """One person's time in an office. The open one (no end) is who letters go to.

    `email` is where letters to the office go while this person holds it; left blank, the
    address of the Member of Parliament of the same name (`representative`) is used.
    """

    class Source(models.TextChoices):
        GC_OPEN_DATA = "gc_open_data", _("Government of Canada open data")
        CSV = "csv", _("CSV file")
        ADMIN = "admin", _("Entered by hand")

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="holders", verbose_name=_("office")
    )
    name = models.CharField(_("name"), max_length=200)
    started_at = models.DateTimeField(_("in office since"), default=timezone.now)
    ended_at = models.DateTimeField(_("left office"), null=True, blank=True)
    email = models.EmailField(
        _("email for letters"),
        blank=True,
        help_text=_("Leave blank to use the address of the MP of the same name."),
    )
    representative = models.ForeignKey(
        Representative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name=_("as Member of Parliament"),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.ADMIN
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["office", "-started_at"]
        verbose_name = _("office holder")
        verbose_name_plural = _("office holders")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "name", "started_at"], name="office_holder_unique_tenure"
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(ended_at__gte=models.F("started_at")),
                name="office_holder_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.office.title_en}"

    @property
    def letter_email(self) -> str:
        """Where a letter to the office goes now: the address given, else the MP's."""
        if self.email:
            return self.email
        representative = self.representative
        if representative is not None and representative.is_current:
            return representative.email
        return ""
