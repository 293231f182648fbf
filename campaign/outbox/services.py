"""The outbox API for the apps: queue an email inside your transaction; it goes after commit."""

from collections.abc import Mapping

from django.conf import settings
from django.core.mail.message import make_msgid
from django.db import models, transaction
from django.template.loader import render_to_string

from campaign.outbox.models import OutboundEmail


def _single_line(value: str) -> str:
    """Header values never carry CR/LF: a newline in a subject would let a sender add headers."""
    return " ".join(value.splitlines()).strip()


def _message_id_domain() -> str:
    from_address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">")
    return from_address.rsplit("@", 1)[-1] or "chorus.local"


def queue_email(
    *,
    to: str,
    subject: str,
    body_text: str,
    purpose: str,
    body_html: str = "",
    from_email: str | None = None,
    reply_to: str = "",
    headers: Mapping[str, str] | None = None,
    related: models.Model | None = None,
) -> OutboundEmail:
    """Write an OutboundEmail row and publish its delivery task once the transaction commits.

    Call it inside the transaction that writes the row the email serves: if that transaction
    rolls back, no email exists and nothing is published. If the broker is down the row stays
    queued and the sweep delivers it later.
    """
    from django.contrib.contenttypes.models import ContentType

    email = OutboundEmail.objects.create(
        to=to,
        from_email=_single_line(from_email or settings.DEFAULT_FROM_EMAIL),
        reply_to=_single_line(reply_to),
        subject=_single_line(subject),
        body_text=body_text,
        body_html=body_html,
        headers=dict(headers or {}),
        purpose=purpose,
        related_type=ContentType.objects.get_for_model(related) if related else None,
        related_id=related.pk if related else None,
        message_id=make_msgid(domain=_message_id_domain()),
    )
    transaction.on_commit(lambda: publish_delivery(email.pk))
    return email


def queue_templated_email(
    *, template: str, context: Mapping, to: str, purpose: str, **kwargs
) -> OutboundEmail:
    """Queue an email rendered from templates/emails/<template>-{subject,body}.txt, -body.html."""
    subject = render_to_string(f"emails/{template}-subject.txt", context)
    body_text = render_to_string(f"emails/{template}-body.txt", context)
    body_html = render_to_string(f"emails/{template}-body.html", context)
    return queue_email(
        to=to, subject=subject, body_text=body_text, body_html=body_html, purpose=purpose, **kwargs
    )


def publish_delivery(email_id: int) -> None:
    """Hand the row to a worker; a broken broker never fails the caller (the sweep catches up)."""
    from campaign.outbox.tasks import deliver_email

    try:
        deliver_email.apply_async(args=[email_id])
    except Exception:
        import logging

        logging.getLogger(__name__).warning(
            "outbox: could not publish email %s; the sweep will deliver it", email_id
        )
