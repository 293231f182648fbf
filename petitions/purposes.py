"""What the petitions app's emails are for, as it registers them with the outbox (apps.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PetitionPurpose(models.TextChoices):
    SIGNATURE_CONFIRMATION = "signature_confirmation", _("Signature confirmation")
    # The progress email to a petition's target (target_updates.py): an office, not a supporter.
    TARGET_UPDATE = "petition_target_update", _("Petition progress to its target")
