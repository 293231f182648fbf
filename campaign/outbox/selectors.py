"""Reads of the outbox for the apps (a letter's status page, the admin)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from campaign.outbox.models import OutboundEmail


def emails_for(obj: models.Model) -> QuerySet[OutboundEmail]:
    """Every outbound email queued for `obj` (a Signature, a Letter…), oldest first."""
    return OutboundEmail.objects.filter(
        related_type=ContentType.objects.get_for_model(obj), related_id=obj.pk
    ).order_by("created_at", "pk")
