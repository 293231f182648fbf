"""Writes of mailings: send (mark and publish), expand recipients a chunk at a time, test,
and cancel what is queued for someone who withdrew.

Every function is keyword-only and named `<entity>_<action>`; admin views call exactly one.
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campaign.consent.links import unsubscribe_url
from campaign.consent.scopes import campaign_id_of, campaign_scope
from campaign.consent.selectors import campaigns_past_consent_retention, consenting
from campaign.consent.services import scope_lock
from campaign.mailings.models import Mailing, MailingRecipient
from campaign.mailings.privacy import recipients_forget
from campaign.mailings.purposes import MailingPurpose
from campaign.mailings.selectors import campaign_past_mailing_window, mailing_send_refusal
from campaign.outbox import (
    OutboundEmail,
    outbound_email_cancel,
    queue_email,
    queue_emails,
    single_line,
)

log = logging.getLogger(__name__)

UNSUBSCRIBED_NOT_SENT = "Not sent: the supporter unsubscribed."
# Stands for each recipient's own unsubscribe link in a text rendered once per language.
_LINK_MARKER = "\x00unsubscribe-link\x00"


def mailing_scope(mailing: Mailing) -> str:
    """The consent a mailing relies on: its campaign's updates (campaign.consent.scopes)."""
    return campaign_scope(mailing.campaign_id)


def _language_of(value: str) -> str:
    return "fr" if (value or "").lower().startswith("fr") else "en"


# --- The message -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """One mailing email as it is queued: subject, text and headers."""

    subject: str
    body_text: str
    headers: dict[str, str]


def _unsubscribe_mailto() -> str:
    address = settings.MAILINGS_UNSUBSCRIBE_EMAIL or settings.DEFAULT_FROM_EMAIL
    return address.rsplit("<", 1)[-1].rstrip(">").strip()


class _Renderer:
    """Renders a mailing once per language, then fills in each recipient's unsubscribe link."""

    def __init__(self, mailing: Mailing, *, test: bool = False):
        self.mailing = mailing
        self.test = test
        self._texts: dict[str, tuple[str, str]] = {}

    def _render(self, language: str) -> tuple[str, str]:
        if language not in self._texts:
            subject, body = self.mailing.content_for(language)
            with translation.override(language):
                if self.test:
                    subject = _("[Test] %(subject)s") % {"subject": subject}
                text = render_to_string(
                    "emails/mailing-body.txt",
                    {
                        "body": body.strip(),
                        "campaign_title": self.mailing.campaign.shown.title,
                        "unsubscribe_url": _LINK_MARKER,
                        "site_url": settings.SITE_URL,
                    },
                )
            self._texts[language] = (single_line(subject), text)
        return self._texts[language]

    def message(self, *, address: str, language: str) -> Message:
        language = _language_of(language)
        subject, text = self._render(language)
        url = unsubscribe_url(address=address, scope=mailing_scope(self.mailing), language=language)
        mailto = _unsubscribe_mailto()
        return Message(
            subject=subject,
            body_text=text.replace(_LINK_MARKER, url),
            headers={
                # RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button that POSTs.
                "List-Unsubscribe": f"<{url}>, <mailto:{mailto}?subject=unsubscribe>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": language,
            },
        )


def mailing_preview(*, mailing: Mailing, address: str) -> dict[str, Message]:
    """The mailing as `address` would get it, in each language it is written in."""
    renderer = _Renderer(mailing)
    return {
        language: renderer.message(address=address, language=language)
        for language in mailing.languages
    }


# --- Testing and sending ---------------------------------------------------------------------


def mailing_send_test(*, mailing: Mailing, to: str) -> list[OutboundEmail]:
    """Queue the mailing to `to` (the organiser), once per language it is written in, marked as
    a test. Writes no recipient and no consent: the unsubscribe link in it changes nothing for
    someone who never consented. Raises ValidationError when `to` is not an address."""
    renderer = _Renderer(mailing, test=True)
    emails = []
    with transaction.atomic():
        for language in mailing.languages:
            message = renderer.message(address=to, language=language)
            emails.append(
                queue_email(
                    to=to,
                    subject=message.subject,
                    body_text=message.body_text,
                    purpose=MailingPurpose.MAILING,
                    headers=message.headers,
                    related=mailing,
                )
            )
    return emails


class MailingRefused(Exception):
    """The mailing may not be sent to supporters; the message says why, for the organiser."""


def mailing_send(*, mailing: Mailing, actor) -> bool:
    """Start sending a draft: mark it `sending` and publish the task that queues its emails.

    Returns at once, whatever the number of supporters (they are expanded by the task). False
    when the mailing was not a draft (sent already, or being sent): nothing changes. If the
    broker is down, the minute's `mailings_resume` publishes the task later. Raises
    MailingRefused, changing nothing, when it may not go (selectors.mailing_send_refusal: its
    campaign closed longer ago than MAILINGS_AFTER_CLOSE_DAYS).
    """
    refusal = mailing_send_refusal(mailing=mailing)
    if refusal:
        raise MailingRefused(refusal)
    with transaction.atomic():
        started = Mailing.objects.filter(pk=mailing.pk, status=Mailing.Status.DRAFT).update(
            status=Mailing.Status.SENDING,
            send_requested_by=actor,
            send_requested_at=timezone.now(),
        )
        if started:
            mailing_id = mailing.pk
            transaction.on_commit(lambda: expansion_publish(mailing_id=mailing_id))
    if started:
        log.info("mailings: mailing %s sending", mailing.pk)
    return bool(started)


def expansion_publish(*, mailing_id: int) -> bool:
    """Have a worker expand the mailing's recipients; a broken broker never fails the caller."""
    from campaign.mailings.tasks import expand_mailing

    try:
        expand_mailing.apply_async(args=[mailing_id], retry=False)
    except Exception as error:
        log.warning(
            "mailings: could not publish the expansion of mailing %s (%s); resumed within a minute",
            mailing_id,
            type(error).__name__,
        )
        return False
    return True


def mailings_resume() -> int:
    """Publish the expansion of every mailing still `sending` (run every minute by beat): a lost
    task, a broker that was down when the organiser pressed Send, a worker that died. Running
    an expansion twice at once is harmless (see mailing_expand_chunk)."""
    ids = list(Mailing.objects.filter(status=Mailing.Status.SENDING).values_list("pk", flat=True))
    for mailing_id in ids:
        expansion_publish(mailing_id=mailing_id)
    return len(ids)


def mailing_expand_chunk(*, mailing_id: int, size: int | None = None) -> int | None:
    """Queue the next chunk of the mailing's recipients; returns how many people it took, or
    None once nothing is left (the mailing is then `sent`).

    One transaction: the mailing row is locked (two workers on one mailing take turns), the
    consent scope is locked (campaign.consent.services.scope_lock: a withdrawal is either in
    force before the read or cancels these rows after), then the next `size` people consenting
    *now* (MAILINGS_CHUNK_SIZE), after the mailing's cursor and not written to yet, get a
    recipient row and an outbox row each. A crash rolls the whole chunk back; a rerun starts
    from the cursor, skips whoever has a row, and the unique mailing + person constraint
    refuses a second row for anyone all the same. Once its campaign is past the mailing window
    (selectors.mailing_send_refusal) it writes nobody more: the mailing ends as it stands.
    """
    size = size or settings.MAILINGS_CHUNK_SIZE
    with transaction.atomic():
        mailing = (
            Mailing.objects.select_for_update(of=("self",))
            .select_related("campaign")
            .filter(pk=mailing_id)
            .first()
        )
        if mailing is None or mailing.status != Mailing.Status.SENDING:
            return None
        if campaign_past_mailing_window(campaign=mailing.campaign):
            # Sending when its campaign's mailing window closed: a later email would leave less
            # proof after it than a complaint may need, so nobody more is written to; what is
            # queued already goes.
            Mailing.objects.filter(pk=mailing.pk).update(
                status=Mailing.Status.SENT, expanded_at=timezone.now()
            )
            log.warning(
                "mailings: mailing %s stopped, its campaign is past the mailing window", mailing.pk
            )
            return None
        scope = mailing_scope(mailing)
        scope_lock(scope=scope)
        already = MailingRecipient.objects.filter(
            mailing=mailing, mailbox_key=OuterRef("mailbox_key")
        )
        people = list(
            consenting(scope=scope)
            .filter(mailbox_key__gt=mailing.expanded_through)
            .exclude(Exists(already))
            .order_by("mailbox_key")
            .values_list("mailbox_key", "address", "language")[:size]
        )
        if not people:
            Mailing.objects.filter(pk=mailing.pk).update(
                status=Mailing.Status.SENT, expanded_at=timezone.now()
            )
            log.info("mailings: mailing %s fully queued", mailing.pk)
            return None
        recipients = MailingRecipient.objects.bulk_create(
            [
                MailingRecipient(mailing=mailing, mailbox_key=key, language=_language_of(language))
                for key, _address, language in people
            ]
        )
        renderer = _Renderer(mailing)
        messages = []
        for recipient, (_key, address, _language) in zip(recipients, people, strict=True):
            message = renderer.message(address=address, language=recipient.language)
            messages.append(
                {
                    "to": address,
                    "subject": message.subject,
                    "body_text": message.body_text,
                    "headers": message.headers,
                    "related": recipient,
                }
            )
        # The chunk's emails in one INSERT (queue_email's checks, one statement for all).
        queued = queue_emails(purpose=MailingPurpose.MAILING, emails=messages)
        for recipient, email in zip(recipients, queued, strict=True):
            if email is None:
                # Stored before the forms checked addresses: counted as failed (no email).
                log.warning("mailings: recipient %s has no sendable address", recipient.pk)
        # One UPDATE through the outbox's index on what each row serves (bulk_update's CASE
        # over a thousand ids cost more than the thousand INSERTs).
        MailingRecipient.objects.filter(pk__in=[r.pk for r in recipients]).update(
            email_id=Subquery(
                OutboundEmail.objects.filter(
                    related_type=ContentType.objects.get_for_model(MailingRecipient),
                    related_id=OuterRef("pk"),
                ).values("pk")[:1]
            )
        )
        Mailing.objects.filter(pk=mailing.pk).update(expanded_through=people[-1][0])
    return len(people)


def mailing_expand(*, mailing_id: int, budget_seconds: float = 30.0) -> bool:
    """Expand chunks until none is left (False) or the budget is spent (True: more to do)."""
    deadline = time.monotonic() + budget_seconds
    while mailing_expand_chunk(mailing_id=mailing_id) is not None:
        if time.monotonic() >= deadline:
            return True
    return False


# --- Withdrawals -----------------------------------------------------------------------------


def recipients_cancel(*, mailbox_key: str, scope: str) -> int:
    """Cancel the mailing emails still queued for the mailbox in `scope`'s campaign.

    Registered with campaign.consent (a withdrawal handler): runs in the withdrawal's
    transaction. Returns how many rows were cancelled; a row being sent cannot be called back.
    """
    campaign_id = campaign_id_of(scope)
    if campaign_id is None:
        return 0
    email_ids = MailingRecipient.objects.filter(
        mailbox_key=mailbox_key, mailing__campaign_id=campaign_id, email__isnull=False
    ).values("email_id")
    return outbound_email_cancel(
        emails=OutboundEmail.objects.filter(pk__in=email_ids), reason=UNSUBSCRIBED_NOT_SENT
    )


def recipients_forget_past_retention(*, now=None) -> int:
    """Forget who the mailings of campaigns past consent retention went to; returns how many
    rows. Run daily (beat), beside the consent purge (campaign.consent).

    Their consents are deleted then (CONSENT_RETENTION_AFTER_CLOSE_DAYS, not the shorter
    MAILINGS_AFTER_CLOSE_DAYS: who was mailed is part of the proof); a recipient row still
    naming the mailbox would keep, for ever, that the person agreed to hear about the campaign.
    The mailing keeps its figures.
    """
    forgotten = recipients_forget(
        MailingRecipient.objects.filter(
            mailing__campaign__in=campaigns_past_consent_retention(now=now)
        )
    )
    if forgotten:
        log.info("mailings: forgot %s recipients of campaigns past retention", forgotten)
    return forgotten
