"""The petition confirmation email, rendered by the worker that sends it.

Signing writes the signature and a small outbox row naming the template `petition-confirm`
in one statement (see services.signature_create); this builder gives the worker the text's
context when the row is sent. The confirmation link is signed then, so its 7 days start when
the email leaves, and a signature confirmed or deleted meanwhile gets no email.
"""

from django.conf import settings
from django.urls import reverse

from campaign.outbox.models import OutboundEmail
from petitions import rate_limits
from petitions.models import Signature
from petitions.tokens import confirmation_token_make

CONFIRMATION_TEMPLATE = "petition-confirm"


def signatures_with_petition():
    """Where a batch of confirmations reads its signatures from (one query for the batch)."""
    return Signature.objects.select_related("petition")


def confirmation_context(email: OutboundEmail, signature: Signature | None) -> dict | None:
    """The template context of a signature's confirmation email, or None once it is pointless
    (the signature is gone, confirmed, or flagged). A new signature is first counted against
    its address's limit, here, before any link that could confirm it exists (rate_limits)."""
    if signature is None or signature.is_confirmed:
        return None
    if rate_limits.signature_check(signature):
        return None
    token = confirmation_token_make(signature_id=signature.pk)
    return {
        "petition": signature.petition,
        "first_name": signature.first_name,
        "confirm_url": settings.SITE_URL + reverse("petitions:confirm", kwargs={"token": token}),
        "days": settings.PETITIONS_CONFIRMATION_DAYS,
        "site_url": settings.SITE_URL,
        "language": signature.language,
    }
