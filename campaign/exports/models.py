"""ExportLog: one row per export of supporters' data, and per refused attempt."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExportLog(models.Model):
    """Who exported what, with which filters and columns, how many rows, when, and how.

    Written when an export starts (so an export that dies midway is still on record) and
    completed with its row count when the last row is out. The actor is kept by id and name,
    without a foreign key: the log outlives accounts.
    """

    class Outcome(models.TextChoices):
        STARTED = "started", _("Started (not finished)")
        COMPLETED = "completed", _("Completed")
        INTERRUPTED = "interrupted", _("Interrupted")
        REFUSED = "refused", _("Refused: no permission")

    class Via(models.TextChoices):
        ADMIN = "admin", _("Admin")
        COMMAND = "command", _("Command line")

    started_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    actor_id = models.PositiveBigIntegerField(_("actor id"), null=True, blank=True)
    actor = models.CharField(_("by"), max_length=150)
    via = models.CharField(_("via"), max_length=10, choices=Via.choices)
    # What was exported: "signatures" of a petition, "letters" of a campaign.
    kind = models.CharField(_("kind"), max_length=40)
    subject = models.CharField(_("of"), max_length=200, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    columns = models.JSONField(_("columns"), default=list, blank=True)
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("export log entry")
        verbose_name_plural = _("export log")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.actor} {self.kind} {self.subject}"
