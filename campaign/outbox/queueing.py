"""The one way into the outbox: `queue_email`, called inside the caller's transaction.

Every email an app sends is queued here, in one of three ways:

- with its text: `subject`, `body_text` (and `body_html`);
- from templates rendered now: `template` and `context`
  (templates/emails/<template>-{subject,body}.txt and -body.html);
- from templates rendered by the worker when it sends the row: `template` and the `related`
  row the email serves, with the decide step and context builder the app registered for it
  (`template_register`, campaign/outbox/rendering.py), so the request renders nothing.

And the last one can be written in the same single SQL statement as the row it serves
(`with_row`, campaign/outbox/paired.py): the sign path of a viral petition.
"""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail.message import make_msgid
from django.core.validators import validate_email
from django.db import IntegrityError, connections, models, router, transaction

from campaign.identities import mailbox_hash
from campaign.outbox import paired, rendering
from campaign.outbox.models import OutboundEmail, Suppression
from campaign.outbox.purposes import purpose_get
from campaign.outbox.rendering import single_line
from campaign.outbox.selectors import suppressions_of
from campaign.outbox.services import publish_delivery_soon
from campaign.raw_inserts import insert_values, insertable_fields

Status = OutboundEmail.Status


def queue_email(
    *,
    to: str,
    purpose: str,
    subject: str = "",
    body_text: str = "",
    body_html: str = "",
    template: str = "",
    context: Mapping | None = None,
    related: models.Model | None = None,
    with_row: models.Model | None = None,
    conflict: str = "",
    again_template: str = "",
    from_email: str | None = None,
    reply_to: str = "",
    headers: Mapping[str, str] | None = None,
    not_sent_reason: str = "",
) -> OutboundEmail:
    """Write an OutboundEmail row; once the transaction commits, it is delivered within seconds.

    What it says, one of (else ValueError):
    - `subject` and `body_text` (and `body_html`): sent as given;
    - `template` and `context`: rendered now, in the active language;
    - `template` alone: decided and rendered by the worker when it sends the row, with the
      steps an app registered for it (`template_register`), which receive the row's `related`
      object (or `with_row`). The template must be registered (else ValueError).

    `purpose` must be registered by an app (`purpose_register`; else ValueError). `related`
    is the saved object the email serves (a Letter): emails_for() finds the email from it.

    `with_row`: an unsaved row (a Signature) written in the same single statement as the
    email, which serves it (on PostgreSQL; two INSERTs in one transaction elsewhere). With
    `conflict`, the name of a plain unique constraint of the row: when the row would break it,
    the earlier row is found instead and the email serves that one with `again_template` (the
    caller does the same work either way; the worker decides what the earlier row's owner
    gets). Without `conflict`, a row that breaks a unique constraint writes nothing and raises
    IntegrityError. Either way the row has its primary key afterwards only if it was written.

    `not_sent_reason`: write the row already cancelled with that reason, never sent (a bot's
    submission must cost and look the same as anyone's).

    Call it inside the transaction that writes the row the email serves: if that transaction
    rolls back, no email exists and nothing is published. After commit, `publish_delivery_soon`
    has a worker deliver the row (rows committed close together share one task). If the broker
    is down the row stays queued and the sweep delivers it later; publishing never holds the
    caller for more than about a second (see `services.publish_delivery`).

    An address that bounced or complained still gets a row, cancelled with the reason (at once
    here; by the worker for `with_row`, whose one statement does not look), so the caller's
    flow is unchanged and staff can see why.

    Raises ValidationError when `to` is not one valid address (a programming error upstream:
    forms validate addresses before this).
    """
    purpose_get(purpose)
    if context is not None:
        if not template or subject or body_text or body_html:
            raise ValueError("A context goes with a template, and without text of its own.")
        subject, body_text, body_html = rendering.render_templates(template, context)
        template = ""
    elif template:
        if subject or body_text or body_html:
            raise ValueError("An email rendered when sent has no text of its own yet.")
    elif not body_text:
        raise ValueError("Give an email its text, or a template.")
    if with_row is not None:
        if related is not None:
            raise ValueError("An email written with its row serves that row (no `related`).")
        if conflict and not again_template:
            raise ValueError("Name the template an earlier row's email takes (again_template).")
    elif conflict or again_template:
        raise ValueError("conflict and again_template go with with_row.")
    email = email_build(
        to=to,
        purpose=purpose,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        template=template,
        from_email=from_email,
        reply_to=reply_to,
        headers=headers,
        related=related,
    )
    if not_sent_reason:
        email.status = Status.CANCELLED
        email.last_error = not_sent_reason
    if with_row is None:
        return _queue(email)
    if conflict:
        return paired.insert_or_find_with_email(
            with_row, email=email, constraint=conflict, again_template=again_template
        )
    if paired.insert_with_email(with_row, email=email) is None:
        raise IntegrityError(f"The {type(with_row).__name__} breaks a unique constraint.")
    return email


def queue_emails(
    *, purpose: str, emails: Iterable[Mapping], from_email: str | None = None
) -> list[OutboundEmail | None]:
    """`queue_email` for many emails of one purpose with their text, in one INSERT: a mailing's
    chunk of a thousand costs three statements instead of a thousand.

    Each item of `emails` holds `queue_email`'s text arguments (`to`, `subject`, `body_text`,
    and optionally `body_html`, `reply_to`, `headers`, `related`). The checks, the columns
    written, the suppressed addresses written cancelled and the publishing after commit are
    `queue_email`'s. An item whose address is not one valid address writes no row and gives
    None in its place (stored data from before the forms checked addresses): one bad address
    does not lose the others. Call it inside the caller's transaction.
    """
    purpose_get(purpose)
    built: list[OutboundEmail | None] = []
    for item in emails:
        if not item.get("body_text"):
            raise ValueError("Give every email its text (queue_emails renders nothing).")
        try:
            built.append(
                email_build(
                    to=item["to"],
                    purpose=purpose,
                    subject=item.get("subject", ""),
                    body_text=item["body_text"],
                    body_html=item.get("body_html", ""),
                    from_email=from_email,
                    reply_to=item.get("reply_to", ""),
                    headers=item.get("headers"),
                    related=item.get("related"),
                )
            )
        except ValidationError:
            built.append(None)
    rows = [email for email in built if email is not None]
    if not rows:
        return built
    suppressed = suppressions_of(email.to for email in rows)
    for email in rows:
        if email.to in suppressed:
            email.status = Status.CANCELLED
            email.last_error = Suppression.not_sent_error(suppressed[email.to].reason)
    OutboundEmail.objects.bulk_create(rows)
    first_queued = next((email.pk for email in rows if email.status == Status.QUEUED), None)
    if first_queued is not None:
        # One publish covers the batch: the task it starts delivers every due row.
        transaction.on_commit(lambda: publish_delivery_soon(first_queued))
    return built


def _message_id_domain() -> str:
    from_address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">")
    return from_address.rsplit("@", 1)[-1] or "chorus.local"


def email_build(
    *,
    to: str,
    purpose: str,
    subject: str = "",
    body_text: str = "",
    body_html: str = "",
    template: str = "",
    from_email: str | None = None,
    reply_to: str = "",
    headers: Mapping[str, str] | None = None,
    related: models.Model | None = None,
) -> OutboundEmail:
    """An unsaved, queued OutboundEmail with its Message-ID fixed, header values on one line
    (what `queue_email` writes; its checks are `queue_email`'s)."""
    to = to.strip()
    validate_email(to)
    if "\n" in to or "\r" in to or "," in to:
        raise ValidationError("An email goes to exactly one address.")
    if template and not rendering.template_is_registered(template):
        raise ValueError(f"No context builder is registered for the email template {template!r}.")
    return OutboundEmail(
        to=to,
        from_email=single_line(from_email or settings.DEFAULT_FROM_EMAIL),
        reply_to=single_line(reply_to),
        subject=single_line(subject),
        body_text=body_text,
        body_html=body_html,
        template=template,
        headers={single_line(k): single_line(v) for k, v in (headers or {}).items()},
        purpose=str(purpose),
        related_type=ContentType.objects.get_for_model(related) if related else None,
        related_id=related.pk if related else None,
        message_id=make_msgid(domain=_message_id_domain()),
        status=Status.QUEUED,
    )


def _queue(email: OutboundEmail) -> OutboundEmail:
    """Write an unsaved email alone, cancelled if its address is suppressed, and publish it."""
    suppressed_reason = _insert_reading_suppression(email)
    if suppressed_reason is not None and email.status == Status.QUEUED:
        email.status = Status.CANCELLED
        email.last_error = Suppression.not_sent_error(suppressed_reason)
        OutboundEmail.objects.filter(pk=email.pk).update(
            status=email.status, last_error=email.last_error
        )
    if email.status == Status.QUEUED:
        transaction.on_commit(lambda: publish_delivery_soon(email.pk))
    return email


def _field_column(model: type[models.Model], name: str) -> str:
    return model._meta.get_field(name).column


def _insert_reading_suppression(email: OutboundEmail) -> str | None:
    """INSERT `email` and return the suppression reason of its address (None if not suppressed),
    suppressed in clear or by its mailbox's hash (an erased supporter).

    One statement, one round trip: `INSERT … RETURNING id, (SELECT reason FROM suppression …)`.
    Measured when every signature came this way (signatures now take `paired`, which does not
    look; a letter's submission and confirmations still come here): the ORM's `create` plus a
    separate suppression query cost about 0.8 ms of CPU and two round trips, this about a
    quarter of that. The
    values are prepared field by field exactly as the ORM prepares them (campaign.raw_inserts),
    so the row is the one `OutboundEmail.objects.create` would write. Rows for a suppressed
    address (rare) are then switched to `cancelled` by the caller, in the same transaction.

    What the ORM would add and this skips: `OutboundEmail.save()` and the pre_save/post_save
    signals (give the model neither), and database defaults (`db_default`: the INSERT then
    fails loudly). test_queue's `test_it_writes_every_column_exactly_as_the_orm_would`
    compares every column, new ones included, with a row the ORM creates.
    """
    fields = insertable_fields(OutboundEmail)
    connection = connections[router.db_for_write(OutboundEmail)]
    quote = connection.ops.quote_name
    # Only names from the models' metadata are formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(OutboundEmail._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"RETURNING {quote(OutboundEmail._meta.pk.column)}, "
        f"(SELECT {quote(_field_column(Suppression, 'reason'))} "
        f"FROM {quote(Suppression._meta.db_table)} "
        f"WHERE {quote(_field_column(Suppression, 'address'))} = %s "
        f"OR {quote(_field_column(Suppression, 'mailbox_hash'))} = %s LIMIT 1)"
    )
    params = [*insert_values(email, fields, connection), email.to.lower(), mailbox_hash(email.to)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        email.pk, reason = cursor.fetchone()
    email._state.adding = False
    email._state.db = connection.alias
    return reason
