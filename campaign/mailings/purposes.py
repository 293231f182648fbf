"""What the mailings app's emails are for, as it registers them with the outbox (apps.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MailingPurpose(models.TextChoices):
    # Marketing under CASL: sent only on consent in force (campaign.consent), unsubscribe at once.
    MAILING = "mailing", _("Follow-up mailing")
