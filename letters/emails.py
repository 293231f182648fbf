"""The email a letter's submission queues, rendered by the worker that sends it.

Submitting a letter does the same work whether or not the supporter's mailbox has written to
these recipients in this campaign (services.letter_submit): it writes the letter, its
recipients unless one of them already has a letter from this mailbox, and one outbox row
naming `letter-confirmation`. Neither the page nor its time tells anyone whether an address
wrote (on an asylum campaign that alone can be dangerous; issue "7/10 Hardening", item 3).

This module decides, when the worker sends the row (`confirmation_decide`, the only step
that writes), what the address's owner gets:

- a letter with its recipients, still unconfirmed: the confirmation (a summary and the link,
  never the text: the address is not confirmed yet);
- a letter without recipients (an attempt by a mailbox that already wrote): the attempt is
  deleted, and the row becomes (`Become`: the outbox rewrites its own row, in the same
  transaction) a `letter-already-written` notice about the earlier letter (re-sending its
  confirmation link if it is unconfirmed, and its status link), at most
  LETTERS_MAX_ALREADY_WRITTEN_NOTICES per earlier letter, counted under a lock on that letter;
  past the limit, or with no earlier letter left, nothing (the row is cancelled).

The context builders only read.
"""

from django.conf import settings

from campaign.identities import mailbox_key
from campaign.outbox import Become, Cancel, OutboundEmail, Send, emails_for
from campaign.privacy.links import removal_url
from letters import privacy
from letters.composing import addressed_as, letter_summary
from letters.models import Letter, LetterRecipient
from letters.purposes import LetterPurpose

CONFIRMATION_TEMPLATE = "letter-confirmation"
ALREADY_WRITTEN_TEMPLATE = "letter-already-written"


def letters_with_recipients():
    """Where a batch of these emails reads its letters from (two queries for the batch)."""
    return Letter.objects.select_related("campaign").prefetch_related("recipients")


def confirmation_decide(email: OutboundEmail, letter: Letter | None) -> Send | Cancel | Become:
    """The confirmation of a new letter, a notice for an attempt, or nothing (see the module)."""
    if letter is None:
        return Cancel("letter gone")
    if not letter.recipients.all():
        return _already_written(attempt=letter)
    if letter.status != Letter.Status.UNCONFIRMED:
        return Cancel("letter no longer unconfirmed")
    return Send()


def confirmation_context(email: OutboundEmail, letter: Letter) -> dict:
    """The context of a new letter's confirmation."""
    return {
        # A summary, never the text: this address is not confirmed yet.
        "recipients": list(letter.recipients.all()),
        "summary": letter_summary(letter=letter),
        "confirm_url": settings.SITE_URL + letter.get_confirm_url(),
        "confirm_days": settings.LETTERS_CONFIRM_MAX_AGE // 86400,
        "removal_url": removal_url(kind=privacy.LINK_KIND, object_id=letter.pk),
        # The language the supporter wrote in; the links are in it too (Letter.get_*_url).
        "language": letter.language,
    }


def already_written_decide(email: OutboundEmail, earlier: Letter | None) -> Send | Cancel:
    """The notice goes while `earlier`, the letter this mailbox wrote first, is there."""
    if earlier is None:
        return Cancel("earlier letter gone")
    return Send()


def already_written_context(email: OutboundEmail, earlier: Letter) -> dict:
    """The notice about `earlier`, the letter this mailbox wrote first."""
    unconfirmed = earlier.status == Letter.Status.UNCONFIRMED
    return {
        "letter": earlier,
        "names": [addressed_as(r) for r in earlier.recipients.all()],
        "confirm_url": settings.SITE_URL + earlier.get_confirm_url() if unconfirmed else "",
        "status_url": settings.SITE_URL + earlier.get_status_url(),
        "removal_url": removal_url(kind=privacy.LINK_KIND, object_id=earlier.pk),
        "language": earlier.language,
    }


def _earlier_letter(attempt: Letter) -> Letter | None:
    """The letter this attempt's mailbox wrote in its campaign (from the same template first),
    locked until the notice is counted."""
    mine = LetterRecipient.objects.filter(
        campaign_id=attempt.campaign_id, supporter_key=mailbox_key(attempt.supporter_email)
    ).exclude(letter_id=attempt.pk)
    candidates = letters_with_recipients().filter(pk__in=mine.values("letter_id"))
    for letters in (candidates.filter(template_id=attempt.template_id), candidates):
        earlier = letters.order_by("created_at", "pk").first()
        if earlier is not None:
            Letter.objects.select_for_update().filter(pk=earlier.pk).exists()
            return earlier
    return None


def _already_written(*, attempt: Letter) -> Cancel | Become:
    # In the outbox's decide transaction: the lock on the earlier letter holds until the row
    # has become its notice, so two attempts at once count each other.
    earlier = _earlier_letter(attempt)
    # Nothing of a second attempt is kept: its text was never a letter to anyone.
    attempt.delete()
    if earlier is None:
        return Cancel("no earlier letter")
    notices = (
        emails_for(earlier)
        .filter(purpose=LetterPurpose.LETTER_ALREADY_WRITTEN)
        .exclude(status=OutboundEmail.Status.CANCELLED)
        .count()
    )
    if notices >= settings.LETTERS_MAX_ALREADY_WRITTEN_NOTICES:
        return Cancel("enough notices about the earlier letter")
    # For good: a retry renders the notice again.
    return Become(
        template=ALREADY_WRITTEN_TEMPLATE,
        purpose=LetterPurpose.LETTER_ALREADY_WRITTEN,
        related_id=earlier.pk,
    )
