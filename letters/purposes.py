"""What the letters app's emails are for, as it registers them with the outbox (apps.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterPurpose(models.TextChoices):
    LETTER_CONFIRMATION = "letter_confirmation", _("Letter confirmation")
    # The letter itself, to an MP's or a minister's office (not a supporter's address).
    LETTER = "letter", _("Letter")
    LETTER_COPY = "letter_copy", _("Copy of a letter")
    LETTER_ALREADY_WRITTEN = "letter_already_written", _("Letter already written")
