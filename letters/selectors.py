"""Reads of the letters app: public templates, recipients, signed links, delivery state."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import BooleanField, Count, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from campaign.directory.models import Riding
from campaign.directory.selectors import office_holder_current
from campaign.models import Campaign, Target
from campaign.outbox import OutboundEmail, emails_for, is_suppressed, suppression_for
from letters.composing import Recipient
from letters.models import Letter, LetterRecipient, LetterTemplate
from letters.purposes import LetterPurpose


def letter_template_get_public(
    *, campaign_slug: str, template_slug: str, preview: bool = False
) -> LetterTemplate:
    """A template supporters can write from (its campaign is published), else 404. With
    `preview` (staff only: campaign.previews decides), one of a draft campaign too."""
    statuses = [Campaign.Status.PUBLISHED]
    if preview:
        statuses.append(Campaign.Status.DRAFT)
    return get_object_or_404(
        LetterTemplate.objects.select_related("campaign"),
        campaign__slug=campaign_slug,
        slug=template_slug,
        campaign__status__in=statuses,
    )


def recipients_for(*, template: LetterTemplate, riding: Riding | None) -> list[Recipient]:
    """Who a letter from this template goes to: the riding's current MP, the targets, or the
    MP first and then the targets (template.kind).

    A target by role goes to whoever holds its office now, looked up every time a letter is
    built (write page, preview, submit). A riding without an MP (a vacant seat) leaves a letter
    to both with the targets only: mp_missing says so. Recipients come only from the directory
    or the campaign, never from the request.
    """
    recipients = []
    if template.writes_to_mp:
        representative = _mp_recipient(riding)
        if representative is not None:
            recipients.append(representative)
    if template.writes_to_targets:
        targets = template.targets.filter(campaign=template.campaign).select_related("office")
        for target in targets.order_by("id"):
            recipient = _target_recipient(target)
            if recipient is not None:
                recipients.append(recipient)
    return recipients


def mp_missing(*, template: LetterTemplate, recipients: list[Recipient]) -> bool:
    """Whether the letter should go to the supporter's MP but the directory has none to write
    to (a vacant seat, or no address on record)."""
    return template.writes_to_mp and not any(r.representative for r in recipients)


def _mp_recipient(riding: Riding | None) -> Recipient | None:
    representative = riding.current_representative if riding else None
    if representative is None or not representative.email:
        return None
    return Recipient(
        name=representative.name,
        role=_("Member of Parliament for %(riding)s") % {"riding": riding.name},
        email=representative.email,
        representative=representative,
        suppressed=is_suppressed(representative.email),
    )


def _target_recipient(target: Target) -> Recipient | None:
    """A fixed target as it is; a target by role as its office's holder now (None: nobody
    to write to, which publishing refuses: campaign.selectors.campaign_publish_refusals)."""
    if target.office is None:
        if not target.email:
            return None
        return Recipient(
            name=target.name,
            role=target.role,
            email=target.email,
            target=target,
            suppressed=is_suppressed(target.email),
        )
    holder = office_holder_current(office=target.office)
    email = holder.letter_email if holder else ""
    if not email:
        return None
    return Recipient(
        name=holder.name,
        role=target.office.title,
        email=email,
        target=target,
        office_holder=holder,
        suppressed=is_suppressed(email),
    )


def letter_from_token(*, token: str, purpose: str) -> Letter:
    """The letter a signed link stands for; 404 when the link is tampered with or expired."""
    max_age = (
        settings.LETTERS_CONFIRM_MAX_AGE
        if purpose == "confirm"
        else settings.LETTERS_STATUS_MAX_AGE
    )
    try:
        letter_id = signing.TimestampSigner(salt=f"letters.{purpose}").unsign(
            token, max_age=max_age
        )
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise Http404("invalid or expired link") from error
    return get_object_or_404(
        Letter.objects.select_related("template", "campaign", "riding"), pk=letter_id
    )


@dataclass(frozen=True)
class RecipientDelivery:
    """One recipient of a letter and where its copy stands, in words a supporter reads."""

    recipient: LetterRecipient
    status: str
    status_label: str
    sent_at: object = None


def letter_delivery(letter: Letter) -> list[RecipientDelivery]:
    """Each recipient with the delivery state of the outbox row carrying their copy.

    The outbox is the only record of delivery; a recipient with no row yet is waiting for the
    supporter to confirm.
    """
    by_message_id = {
        email.message_id: email for email in emails_for(letter).filter(purpose=LetterPurpose.LETTER)
    }
    deliveries = []
    for recipient in letter.recipients.all():
        email = by_message_id.get(recipient.message_id) if recipient.message_id else None
        if email is None:
            deliveries.append(
                RecipientDelivery(recipient, "unconfirmed", _("Waiting for your confirmation"))
            )
        elif email.status == OutboundEmail.Status.CANCELLED:
            # Cancelled by the outbox: the address is suppressed (bounced), or staff stopped it.
            suppression = suppression_for(email.to)
            label = (
                _("Not sent: this address refuses our email (%(reason)s)")
                % {"reason": suppression.get_reason_display()}
                if suppression
                else _("Not sent (cancelled)")
            )
            deliveries.append(RecipientDelivery(recipient, email.status, label))
        else:
            deliveries.append(
                RecipientDelivery(
                    recipient, email.status, email.get_status_display(), email.sent_at
                )
            )
    return deliveries


def letters_with_copies(letters: QuerySet[Letter]) -> QuerySet[Letter]:
    """`letters` with `copies` and `flagged_similar` annotated, for the organiser.

    `copies`: the letters of the same template whose text has the same fingerprint, this one
    included. `flagged_similar`: a form letter, an editable template's text shared by at least
    LETTERS_SIMILAR_THRESHOLD letters (a locked template's letters are identical by design).
    Counted when read, so a new letter or a new threshold applies to every letter at once.
    """
    same_text = (
        Letter.objects.filter(template=OuterRef("template"), text_hash=OuterRef("text_hash"))
        .order_by()
        .values("text_hash")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return letters.annotate(copies=Subquery(same_text)).annotate(
        flagged_similar=ExpressionWrapper(
            Q(template__editable=True, copies__gte=settings.LETTERS_SIMILAR_THRESHOLD),
            output_field=BooleanField(),
        )
    )
