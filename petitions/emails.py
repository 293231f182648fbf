"""The petition confirmation email, decided and built by the worker that sends it.

Signing writes the signature and a small outbox row naming the template `petition-confirm`
in one statement (see services.signature_create); the worker decides, when the row is sent,
whether it still goes (`confirmation_decide`), then builds its context, reading only
(`confirmation_context`). The confirmation link is signed then, so its 7 days start when the
email leaves, and a signature confirmed or deleted meanwhile gets no email. Deciding first
counts a new signature against its address's limit (rate_limits), before any link that could
confirm it exists; the worker decides a batch's confirmations at once
(`confirmation_decide_batch`: one UPDATE claims all their counts).

Signing again with an address that has signed writes the same statement, with a row naming
`petition-confirm-again` for the earlier signature (services.signature_create): the request
must not tell, even by its time, whether an address signed. `again_decide` decides what that
row becomes: the confirmation again, while the signature is unconfirmed, unflagged and under
PETITIONS_MAX_CONFIRMATION_SENDS emails (claimed with one conditional UPDATE, so twenty
simultaneous re-signings still send at most that many), else nothing (the row is cancelled).
"""

from collections.abc import Sequence

from django.conf import settings
from django.db.models import F

from campaign.languages import absolute_url, site_language
from campaign.outbox import Cancel, OutboundEmail, Send
from campaign.privacy.links import removal_url
from petitions import privacy, rate_limits
from petitions.models import Signature
from petitions.tokens import confirmation_token_make

CONFIRMATION_TEMPLATE = "petition-confirm"
# A second signing's row: the same text, if anything is sent (templates include the first's).
AGAIN_TEMPLATE = "petition-confirm-again"


def signatures_with_petition():
    """Where a batch of confirmations reads its signatures from (one query for the batch), with
    each petition's campaign: the email shows the title in the campaign's language."""
    return Signature.objects.select_related("petition__campaign")


def confirmation_decide(email: OutboundEmail, signature: Signature | None) -> Send | Cancel:
    """Whether a signature's confirmation still goes: not once the signature is gone or
    confirmed, nor when counting it against its address's limit flags it (rate_limits)."""
    return confirmation_decide_batch([(email, signature)])[0]


def confirmation_decide_batch(
    rows: Sequence[tuple[OutboundEmail, Signature | None]],
) -> list[Send | Cancel]:
    """`confirmation_decide` of each row, in order, with the counts claimed together."""
    live = [s for _, s in rows if s is not None and not s.is_confirmed]
    rate_limits.signatures_check(live)
    return [_decision(signature) for _, signature in rows]


def _decision(signature: Signature | None) -> Send | Cancel:
    if signature is None or signature.is_confirmed:
        return Cancel("signature confirmed or gone")
    if signature.is_flagged:
        return Cancel("signature flagged")
    return Send()


def again_decide(email: OutboundEmail, signature: Signature | None) -> Send | Cancel:
    """Whether the row a second signing wrote for `signature` sends the confirmation again:
    claims one of its PETITIONS_MAX_CONFIRMATION_SENDS (see the module docstring), then
    decides as the first confirmation does."""
    if signature is None or signature.is_confirmed or signature.is_flagged:
        return Cancel("signature confirmed, flagged or gone")
    claimed = Signature.objects.filter(
        pk=signature.pk,
        confirmed_at__isnull=True,
        is_flagged=False,
        confirmation_sends__lt=settings.PETITIONS_MAX_CONFIRMATION_SENDS,
    ).update(confirmation_sends=F("confirmation_sends") + 1)
    if not claimed:
        return Cancel("no more confirmations for this signature")
    signature.confirmation_sends += 1
    return confirmation_decide(email, signature)


def confirmation_context(email: OutboundEmail, signature: Signature) -> dict:
    """The template context of a signature's confirmation email (its first or a later one)."""
    token = confirmation_token_make(signature_id=signature.pk)
    # The email, its link and the pages after it are in the language the supporter signed in.
    language = site_language(signature.language)
    return {
        "petition": signature.petition,
        "first_name": signature.first_name,
        "confirm_url": absolute_url("petitions:confirm", language=language, token=token),
        "removal_url": removal_url(kind=privacy.LINK_KIND, object_id=signature.pk),
        "days": settings.PETITIONS_CONFIRMATION_DAYS,
        "site_url": settings.SITE_URL,
        "language": language,
    }
