"""No table of its own: the permissions of the supporters' data page, and its admin entry.

What Chorus keeps of an erased person (a hashed suppression) is the outbox's `Suppression`;
who looked up, exported or erased what is in the audit log.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SupporterData(models.Model):
    """Everything held on one mailbox, as a page in the admin (campaign/privacy/admin.py)."""

    class Meta:
        managed = False
        # No add/change/delete/view: the page's own two permissions say what staff may do.
        default_permissions = ()
        permissions = [
            ("view_supporter_data", _("Can look up and export everything held on one address")),
            ("delete_supporter_data", _("Can delete everything held on one address")),
        ]
        verbose_name = _("supporter's data")
        verbose_name_plural = _("supporters' data")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
