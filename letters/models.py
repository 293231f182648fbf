"""Letter templates, the letters supporters send, and the directory of representatives."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaign.models import CallToAction, Campaign, Target


class LetterTemplate(models.Model):
    class Kind(models.TextChoices):
        MP = "mp", _("The supporter's MP")
        TARGETS = "targets", _("Fixed recipients")

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="letter_templates",
        verbose_name=_("campaign"),
    )
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    targets = models.ManyToManyField(
        Target, blank=True, related_name="letter_templates", verbose_name=_("recipients")
    )
    subject_variants = models.TextField(
        _("subject variants"), help_text=_("One subject per line; supporters get them in turn.")
    )
    body = models.TextField(_("body"))
    talking_points = models.JSONField(_("talking points"), default=list, blank=True)
    editable = models.BooleanField(_("supporters may edit"), default=True)
    source = models.ForeignKey(
        CallToAction,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("found in"),
    )

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
