"""One row per staff change: who, when, which object, which fields from what to what."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """The audit log is never changed or deleted from Django."""


class AuditLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("audit log rows are never updated")

    def delete(self):
        raise AppendOnly("audit log rows are never deleted")


class AuditLog(models.Model):
    """A staff change. The actor and the object are kept by id and name, without foreign keys:
    the log outlives accounts and objects, and is never updated when they go."""

    class Action(models.TextChoices):
        ADD = "add", _("Added")
        CHANGE = "change", _("Changed")
        DELETE = "delete", _("Deleted")
        ACTION = "action", _("Admin action")
        IMPORT = "import", _("Imported")

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor_id = models.PositiveBigIntegerField(_("actor id"), null=True, blank=True)
    actor = models.CharField(_("by"), max_length=150)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    # "directory.representative"; searched with object_id (audit_object_idx).
    model = models.CharField(_("model"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    # {"field": [before, after]}, values as text.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["model", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.model} {self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("audit log rows are never updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("audit log rows are never deleted")
