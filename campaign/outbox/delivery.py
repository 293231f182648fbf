"""Sending outbox rows: claim them, send them, record each outcome. Safe to run many times.

A row is claimed (queued -> sending, with a lease) by one conditional UPDATE or by
`SELECT … FOR UPDATE SKIP LOCKED`, so concurrent or repeated runs never send it twice. The lease
is short and renewed while the claiming worker lives (leases.py), so a killed worker's rows go
out again within about a minute and a half. Each row is marked sent the moment the server
accepts it, so a worker killed mid-batch leaves at most the one message it was sending in doubt
(see README, "How delivery works").
"""

import logging
import time
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Now
from django.utils import timezone

from campaign.backoff import backoff as retry_backoff
from campaign.identities import sendable_address
from campaign.outbox import hooks, pacing, redaction, rendering
from campaign.outbox.failures import classify
from campaign.outbox.leases import expires, leases
from campaign.outbox.models import OutboundEmail, Suppression
from campaign.outbox.selectors import suppressions_of

log = logging.getLogger(__name__)

Status = OutboundEmail.Status

# Rows claimed per UPDATE in a batch.
CHUNK = 50
# How long a row waits when Redis cannot be asked for a pacing slot.
PACING_UNAVAILABLE_WAIT = 30.0


@dataclass(frozen=True)
class Outcome:
    """What happened to one row. `retry_in` is set when the row waits (retry or pacing)."""

    email_id: int
    # "sent", "failed", "retry", "paced", "cancelled", "released" (handed back untried), or
    # "abandoned" (left `sending` for the sweep: its lease could no longer be renewed)
    status: str
    retry_in: float | None = None


def backoff(attempt: int) -> float:
    """Seconds before attempt `attempt + 1` (campaign.backoff: exponential, capped, jittered)."""
    return retry_backoff(
        attempt, base=settings.OUTBOX_RETRY_BASE_SECONDS, cap=settings.OUTBOX_RETRY_MAX_SECONDS
    )


def claim(email_id: int) -> bool:
    """Take one row for sending with one conditional UPDATE; only one caller ever wins."""
    claimed_at = time.monotonic()
    won = (
        OutboundEmail.objects.filter(
            pk=email_id, status=Status.QUEUED, next_attempt_at__lte=timezone.now()
        ).update(status=Status.SENDING, lease_expires_at=expires(), claimed_by=leases.worker())
        == 1
    )
    if won:
        leases.hold([email_id], claimed_at=claimed_at)
    return won


def claim_due(limit: int) -> list[int]:
    """Take up to `limit` due rows, oldest due first, skipping rows another worker is taking."""
    now = timezone.now()
    claimed_at = time.monotonic()
    # SQLite (local use) has neither; its single writer serialises the claims anyway.
    skip_locked = db_connection.features.has_select_for_update_skip_locked
    with transaction.atomic():
        ids = list(
            OutboundEmail.objects.select_for_update(skip_locked=skip_locked)
            .filter(status=Status.QUEUED, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if ids:
            OutboundEmail.objects.filter(pk__in=ids).update(
                status=Status.SENDING, lease_expires_at=expires(), claimed_by=leases.worker()
            )
    leases.hold(ids, claimed_at=claimed_at)
    return ids


def build_message(email: OutboundEmail, connection=None) -> EmailMultiAlternatives:
    """The message for a row, with the Message-ID fixed at queueing (a resend is recognisable).

    Raises UnsendableAddress (a permanent failure, with its reason) for a stored address no
    server can be given, rather than leaving the server or smtplib to refuse it in other words.
    """
    headers = {**email.headers, "Message-ID": email.message_id}
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=[sendable_address(email.to)],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers=headers,
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    # Anymail passes this to the ESP, whose bounce webhooks echo it back (ignored by SMTP).
    message.metadata = {"outbox_id": str(email.pk)}
    return message


@contextmanager
def _commits_not_waiting_for_disk():
    """While sending, this connection's commits do not wait for the disk (PostgreSQL only).

    Recording outcomes is the hot path: one commit per message, so that a killed worker leaves at
    most one message in doubt. A commit is visible to every other connection as soon as it
    returns, so a killed worker changes nothing; only a crash of PostgreSQL itself can lose the
    last fraction of a second of these updates, and a lost update can only make a message go out
    again, never lose it. The setting is put back afterwards: other tasks share the connection.
    """
    postgres = db_connection.vendor == "postgresql"
    if postgres:
        with db_connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        if postgres:
            try:
                with db_connection.cursor() as cursor:
                    cursor.execute("SET synchronous_commit TO DEFAULT")
            except Exception:  # a broken connection is discarded, and the setting with it
                log.debug("outbox: could not restore synchronous_commit", exc_info=True)


def _mine(email: OutboundEmail):
    """Conditional updates of a row this run holds: a no-op if it is no longer `sending`."""
    return OutboundEmail.objects.filter(pk=email.pk, status=Status.SENDING)


# Column for column what `_mine(email).update(...)` would send for a row sent (see _mark_sent).
_MARK_SENT_SQL = (
    'UPDATE "outbox_outboundemail" SET "status" = %s, "sent_at" = %s, '
    '"attempts" = "attempts" + 1, "last_error" = \'\', "lease_expires_at" = NULL, '
    '"pacing_slot_reserved" = %s, "esp_message_id" = %s WHERE "id" = %s AND "status" = %s'
)


# The same for a row rendered as it was sent: what went out is kept with it.
_MARK_SENT_RENDERED_SQL = (
    'UPDATE "outbox_outboundemail" SET "status" = %s, "sent_at" = %s, '
    '"attempts" = "attempts" + 1, "last_error" = \'\', "lease_expires_at" = NULL, '
    '"pacing_slot_reserved" = %s, "esp_message_id" = %s, '
    '"subject" = %s, "body_text" = %s, "body_html" = %s WHERE "id" = %s AND "status" = %s'
)


def _mark_sent(email: OutboundEmail, message, *, rendered: bool = False) -> Outcome:
    anymail_status = getattr(message, "anymail_status", None)
    # The hot path (one statement per message sent): plain SQL costs an eighth of the ORM's CPU,
    # and the benchmark is CPU-bound. Same conditional update as `_mine(email).update(...)`.
    params = [
        Status.SENT,
        timezone.now(),
        False,
        (getattr(anymail_status, "message_id", None) or "")[:255],
    ]
    if rendered:
        params += redaction.kept_after_sending(
            subject=email.subject, body_text=email.body_text, body_html=email.body_html
        )
    sql = _MARK_SENT_RENDERED_SQL if rendered else _MARK_SENT_SQL
    after_sent = hooks.after_sent_hooks(email.purpose)
    if not after_sent:
        with db_connection.cursor() as cursor:
            cursor.execute(sql, [*params, email.pk, Status.SENDING])
    else:
        # The apps' hooks write in the transaction that marks the row sent (hooks.py).
        with transaction.atomic(), db_connection.cursor() as cursor:
            cursor.execute(sql, [*params, email.pk, Status.SENDING])
            if cursor.rowcount == 1:
                email.status, email.sent_at = Status.SENT, params[1]
                hooks.after_sent_run(email, after_sent)
    # DEBUG: a batch logs one INFO summary (a log line per message is a syscall per message).
    log.debug("outbox: email %s sent", email.pk)
    return Outcome(email.pk, "sent")


def _mark_failed(email: OutboundEmail, reason: str) -> Outcome:
    _mine(email).update(
        status=Status.FAILED,
        attempts=F("attempts") + 1,
        last_error=reason,
        lease_expires_at=None,
        pacing_slot_reserved=False,
    )
    return Outcome(email.pk, "failed")


def _mark_transient(email: OutboundEmail, reason: str, log_label: str) -> Outcome:
    attempt = email.attempts + 1
    if attempt >= settings.OUTBOX_MAX_ATTEMPTS:
        log.warning("outbox: email %s failed for good after %s attempts", email.pk, attempt)
        return _mark_failed(email, f"Gave up after {attempt} attempts. Last error: {reason}")
    wait = backoff(attempt)
    _mine(email).update(
        status=Status.QUEUED,
        attempts=attempt,
        next_attempt_at=timezone.now() + timedelta(seconds=wait),
        last_error=reason,
        lease_expires_at=None,
        pacing_slot_reserved=False,
    )
    log.warning(
        "outbox: email %s attempt %s failed (%s), retry in %.1fs",
        email.pk,
        attempt,
        log_label,
        wait,
    )
    return Outcome(email.pk, "retry", wait)


def _release(email: OutboundEmail, *, wait: float, slot_reserved: bool, status: str) -> Outcome:
    """Give a claimed row back without it counting as an attempt (paced, or never tried)."""
    _mine(email).update(
        status=Status.QUEUED,
        next_attempt_at=timezone.now() + timedelta(seconds=wait),
        lease_expires_at=None,
        pacing_slot_reserved=slot_reserved,
    )
    return Outcome(email.pk, status, wait)


def _cancel(email: OutboundEmail, reason: str, log_label: str) -> Outcome:
    """Cancel a claimed row unsent; `reason` is its last_error, `log_label` names no address."""
    _mine(email).update(
        status=Status.CANCELLED,
        last_error=reason,
        lease_expires_at=None,
        pacing_slot_reserved=False,
    )
    log.info("outbox: email %s cancelled, %s", email.pk, log_label)
    return Outcome(email.pk, "cancelled")


def _related_objects(emails: list[OutboundEmail]) -> dict | None:
    """What the batch's templated rows serve, in one query per template; None if that failed
    (the rows then wait for a retry: a missing object would wrongly cancel them)."""
    try:
        return rendering.related_objects(emails)
    except Exception:
        log.exception("outbox: could not load what %s emails are for", len(emails))
        return None


def _render(
    email: OutboundEmail,
    related: dict | None,
    decided: dict[int, rendering.Decided],
    ahead: Callable[[], list[rendering.Pair]],
) -> Outcome | None:
    """Decide and render a row queued with a template; an Outcome when it cannot be sent as it
    stands. A template that decides in batches decides `ahead()` (this row and the next) at
    once; `decided` keeps their decisions until their turn."""
    try:
        if related is None:
            raise LookupError("the batch's related objects could not be loaded")
        if email.pk not in decided and rendering.decides_in_batches(email.template):
            decided.update(rendering.decide_many(ahead()))
        rendering.render_on_send(email, related.get(email.pk), decided.pop(email.pk, None))
    except rendering.EmailNotNeeded as cancelled:
        return _cancel(
            email,
            "Not sent: what this email was for no longer needs it.",
            f"no longer needed ({cancelled})",
        )
    except Exception as error:
        # A template or context bug, or the database gone: retried with backoff like any
        # transient failure, so the rows go out once it is fixed (and fail after the maximum).
        log.exception("outbox: email %s could not be rendered", email.pk)
        reason = f"Could not render the email ({type(error).__name__})."
        return _mark_transient(email, reason, "render")
    return None


def _decided_ahead(
    emails: list[OutboundEmail], index: int, suppressed: dict, related: dict
) -> list[rendering.Pair]:
    """The rows to decide at once with `emails[index]`: it and the rows after it that would be
    decided next, in order, with the same template and no wait for a pacing slot.

    The run stops at the first row that would be decided otherwise (another template, or one
    that may wait for its slot), so every row is decided in the order it would be one by one.
    Rows the batch sends without deciding (suppressed, or with their text) are passed over.
    """
    first = emails[index]
    run = [first]
    for row in emails[index + 1 :]:
        if row.pk in suppressed or not rendering.needs_rendering(row):
            continue
        if row.template != first.template or not pacing.sends_without_waiting(
            row.to, slot_reserved=row.pacing_slot_reserved
        ):
            break
        run.append(row)
    return [(row, related.get(row.pk)) for row in run]


def _pacing_wait(email: OutboundEmail) -> float | None:
    """Seconds this row must wait for its pacing slot (reserved now), or None on no Redis."""
    if email.pacing_slot_reserved:
        return 0.0
    try:
        return pacing.reserve_slot(email.to)
    except Exception as error:  # redis.RedisError, or a timeout: pacing never silently lapses.
        log.warning("outbox: email %s held back, pacing unavailable (%s)", email.pk, type(error))
        return None


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except Exception:
        # A dead or hung connection: drop the socket, there is nothing more to say to it.
        sock = getattr(connection, "connection", None)
        connection.connection = None
        if sock is not None:
            try:
                sock.close()
            except Exception:
                log.debug("outbox: closing a broken SMTP socket failed", exc_info=True)


class _SMTPSession:
    """One SMTP connection, opened when first needed and reused for every message of a run."""

    def __init__(self) -> None:
        self._connection = None

    def get(self):
        if self._connection is None:
            connection = get_connection(timeout=settings.EMAIL_TIMEOUT)
            connection.open()
            self._connection = connection
        return self._connection

    def discard(self) -> None:
        if self._connection is not None:
            _close_quietly(self._connection)
            self._connection = None


def deliver_claimed(ids: list[int], session: _SMTPSession | None = None) -> list[Outcome]:
    """Send rows this run has claimed, over one SMTP connection (a new one after a failure)."""
    own_session = session is None
    session = session or _SMTPSession()
    try:
        with _commits_not_waiting_for_disk():
            return _deliver_claimed(ids, session)
    finally:
        leases.let_go(ids)
        if own_session:
            session.discard()


def _suppressions(emails: list[OutboundEmail]) -> dict[int, Suppression]:
    """The suppression of each row whose address is suppressed, by row id (one query).

    Checked here, in the worker, for every row whoever queued it: signing never looks (its
    time must not depend on who the address is), and every app's mail passes through here.
    """
    found = suppressions_of(email.to for email in emails)
    return {email.pk: found[email.to] for email in emails if email.to in found}


def _deliver_claimed(ids: list[int], session: _SMTPSession) -> list[Outcome]:
    outcomes: list[Outcome] = []
    emails = list(OutboundEmail.objects.filter(pk__in=ids, status=Status.SENDING).order_by("pk"))
    suppressed = _suppressions(emails)
    related = _related_objects(emails)
    decided: dict[int, rendering.Decided] = {}
    for index, email in enumerate(emails):
        if not leases.may_send(email.pk):
            # Renewals have failed (this worker's database connection is gone, or the task
            # outran its time limit): the lease may run out mid-send and the row go to another
            # worker. Stop; the rows stay `sending` until the sweep takes them back.
            log.warning(
                "outbox: leases not renewed, %s claimed rows left to the sweep", len(emails) - index
            )
            outcomes.extend(Outcome(rest.pk, "abandoned") for rest in emails[index:])
            break
        if email.pk in suppressed:
            reason = Suppression.not_sent_error(suppressed[email.pk].reason)
            outcomes.append(_cancel(email, reason, "its address is suppressed"))
            continue
        wait = _pacing_wait(email)
        if wait is None:
            outcomes.append(
                _release(email, wait=PACING_UNAVAILABLE_WAIT, slot_reserved=False, status="paced")
            )
            continue
        if wait > 0:
            outcomes.append(_release(email, wait=wait, slot_reserved=True, status="paced"))
            continue
        rendered = rendering.needs_rendering(email)
        if rendered:
            ahead = partial(_decided_ahead, emails, index, suppressed, related)
            if (outcome := _render(email, related, decided, ahead)) is not None:
                outcomes.append(outcome)
                continue
        try:
            connection = session.get()
            message = build_message(email, connection)
            connection.send_messages([message])
        except Exception as error:
            failure = classify(error)
            if failure.permanent:
                log.warning("outbox: email %s failed (%s)", email.pk, failure.log_label)
                outcomes.append(_mark_failed(email, failure.reason))
            else:
                outcomes.append(_mark_transient(email, failure.reason, failure.log_label))
            if failure.connection_broken:
                session.discard()
                # The server is unwell: hand the untried rows back to be sent separately, so
                # one hung server does not hold a whole batch for timeout after timeout.
                for rest in emails[index + 1 :]:
                    outcomes.append(_release(rest, wait=0, slot_reserved=False, status="released"))
                break
            continue
        outcomes.append(_mark_sent(email, message, rendered=rendered))
    return outcomes


def deliver(email_id: int) -> Outcome | None:
    """Claim and send one row. None when another run has it, or it is not queued or not due."""
    if not claim(email_id):
        return None
    outcomes = deliver_claimed([email_id])
    if outcomes and outcomes[0].status == "sent":
        log.info("outbox: email %s sent", email_id)
    return outcomes[0] if outcomes else None


def deliver_due(*, limit: int, budget_seconds: float) -> list[Outcome]:
    """Claim and send due rows in chunks until `limit` rows or `budget_seconds` are used up.

    All chunks share one SMTP connection. After a connection failure no further chunk is
    claimed: the server is unwell, and the rows wait for their own tasks or the sweep.
    """
    outcomes: list[Outcome] = []
    started = time.monotonic()
    session = _SMTPSession()
    try:
        while len(outcomes) < limit and time.monotonic() - started < budget_seconds:
            ids = claim_due(min(CHUNK, limit - len(outcomes)))
            if not ids:
                break
            chunk = deliver_claimed(ids, session)
            outcomes.extend(chunk)
            if any(o.status in ("released", "abandoned") for o in chunk):
                break
    finally:
        session.discard()
    if outcomes:
        counts = Counter(o.status for o in outcomes)
        log.info(
            "outbox: batch of %s (ids %s..%s): %s",
            len(outcomes),
            min(o.email_id for o in outcomes),
            max(o.email_id for o in outcomes),
            ", ".join(f"{n} {status}" for status, n in sorted(counts.items())),
        )
    return outcomes


def requeue_expired_leases() -> int:
    """Take back rows left `sending` by a worker that died: they go out again.

    Their last attempt may have reached the server (killed between the server's acceptance and
    the row's update): that one message can be sent twice, which is the price of never losing it.
    """
    return OutboundEmail.objects.filter(status=Status.SENDING, lease_expires_at__lt=Now()).update(
        status=Status.QUEUED,
        next_attempt_at=timezone.now(),
        lease_expires_at=None,
        last_error="The worker sending this stopped before recording the result; sent again.",
    )


def due_count(cap: int) -> int:
    """How many rows are due now, counting no further than `cap` (cheap on a huge backlog)."""
    return (
        OutboundEmail.objects.filter(status=Status.QUEUED, next_attempt_at__lte=timezone.now())
        .values("pk")[:cap]
        .count()
    )
