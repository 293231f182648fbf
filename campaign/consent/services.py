"""Writes of the ledger: consent given, consent withdrawn, a person's rows forgotten, a closed
campaign's rows purged.

Rows are only ever added (and deleted on erasure or past retention); nothing here edits one.
"""

import logging
import zlib
from datetime import datetime

from django.db import IntegrityError, connections, router, transaction
from django.utils import timezone

from campaign.audit.models import AuditLog
from campaign.audit.services import audit_record
from campaign.batched_deletes import DEFAULT_BATCH_SIZE, delete_in_batches
from campaign.consent.models import ConsentEvent
from campaign.consent.registry import withdrawal_handlers
from campaign.consent.scopes import NEWSLETTER, campaign_scope, scope_is_valid
from campaign.consent.selectors import (
    MailboxConsents,
    campaigns_past_consent_retention,
    consent_latest,
    consenting_for_mailbox,
    mailbox_consents,
)
from campaign.identities import mailbox_hash, mailbox_key
from campaign.webhooks import events
from campaign.webhooks.services import timestamp as webhook_timestamp
from campaign.webhooks.services import webhook_emit

log = logging.getLogger(__name__)

Action = ConsentEvent.Action
Method = ConsentEvent.Method

# The first key of PostgreSQL's two-key advisory locks: this ledger's scopes.
_LOCK_CLASS = 0x636F6E73  # "cons"


def scope_lock(*, scope: str) -> None:
    """Take, until the caller's transaction ends, the lock that orders a scope's withdrawals
    and the mailings reading who agrees to it.

    A mailing chunk takes it before reading who consents and holds it until its email rows
    commit; a withdrawal takes it before writing. So a withdrawal either commits before the
    chunk reads (the person is left out) or waits for the chunk and then cancels the rows it
    wrote (mailings.services): never both missed. PostgreSQL advisory lock; SQLite (local
    use) runs one writer at a time anyway.
    """
    connection = connections[router.db_for_write(ConsentEvent)]
    if connection.vendor != "postgresql":
        return
    key = zlib.crc32(scope.encode()) - 2**31  # an int4
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_CLASS, key])


def consent_give(
    *,
    address: str,
    scope: str,
    wording: str,
    language: str,
    page: str,
    method: str = Method.DOUBLE_OPT_IN,
    source: str = "",
    at: datetime | None = None,
) -> ConsentEvent:
    """Record that the person at `address` agreed to `scope`, having been shown `wording`
    (in `language`, on `page`), confirmed by `method`.

    Idempotent per `source` ("signature:42"): recording the same confirmation again returns the
    row already written. Raises ValueError for an unknown scope (a programming error).
    """
    if not scope_is_valid(scope):
        raise ValueError(f"Not a consent scope: {scope!r}")
    event = ConsentEvent(
        mailbox_key=mailbox_key(address),
        mailbox_hash=mailbox_hash(address),
        address=address.strip()[:254],
        scope=scope,
        action=Action.GIVEN,
        wording=wording,
        language=language[:8],
        page=page[:300],
        method=method,
        source=source[:60],
        recorded_at=at or timezone.now(),
    )
    try:
        with transaction.atomic():
            event.save()
    except IntegrityError:
        if not source:
            raise
        return ConsentEvent.objects.get(source=event.source, action=Action.GIVEN)
    return event


def consents_give_ticked(
    *,
    address: str,
    campaign_id: int,
    updates_wording: str | None,
    newsletter_wording: str | None,
    language: str,
    page: str,
    source: str,
    at: datetime | None = None,
) -> list[ConsentEvent]:
    """Record the consents of a confirmed petition or letter form (its link is the double
    opt-in): the campaign's updates when `updates_wording` is given (the box was ticked), the
    organisation's newsletter when `newsletter_wording` is. Returns the rows, as `consent_give`.

    A source names one row, so the newsletter's is `source` + ":newsletter" (`source` alone
    stays the campaign's, as before the newsletter box existed).
    """
    ticked = [
        (campaign_scope(campaign_id), updates_wording, source),
        (NEWSLETTER, newsletter_wording, f"{source}:{NEWSLETTER}"),
    ]
    return [
        consent_give(
            address=address,
            scope=scope,
            wording=wording,
            language=language,
            page=page,
            source=row_source,
            at=at,
        )
        for scope, wording, row_source in ticked
        if wording is not None
    ]


def _withdraw(
    latest: ConsentEvent | None, *, method: str, page: str, by: str = ""
) -> ConsentEvent | None:
    """Withdraw the consent `latest` decides (the caller holds `scope_lock`); the row written,
    or None when there was no consent in force."""
    if latest is None:
        return None
    # Even when already withdrawn: mail queued by a race (see scope_lock) is cancelled too.
    for handler in withdrawal_handlers():
        handler(mailbox_key=latest.mailbox_key, scope=latest.scope)
    if latest.action == Action.WITHDRAWN:
        return None
    event = ConsentEvent.objects.create(
        mailbox_key=latest.mailbox_key,
        mailbox_hash=latest.mailbox_hash,
        address=latest.address,
        scope=latest.scope,
        action=Action.WITHDRAWN,
        language=latest.language,
        page=page[:300],
        method=method,
        recorded_by=by[:150],
    )
    log.info("consent: withdrawn for %s by %s (event %s)", latest.scope, method, event.pk)
    _emit_unsubscribed(event)
    return event


def _emit_unsubscribed(event: ConsentEvent) -> None:
    """The `supporter.unsubscribed` webhook, in the withdrawal's transaction: what was withdrawn,
    how and when; the address only to endpoints allowed personal data (campaign.webhooks)."""
    webhook_emit(
        event=events.SUPPORTER_UNSUBSCRIBED,
        data={
            "scope": event.scope,
            "method": event.method,
            "withdrawn_at": webhook_timestamp(event.recorded_at),
        },
        personal={"email": event.address},
        occurred_at=event.recorded_at,
    )


def consent_withdraw(
    *, address: str, scope: str, method: str, page: str = "", by: str = ""
) -> ConsentEvent | None:
    """Record that the person at `address` no longer agrees to `scope`, and have the registered
    handlers cancel what is queued for them (registry). Call it inside a transaction (it takes
    `scope_lock`). `by`: the username of the staff member recording it on the person's request.
    Returns the row written: None when there was nothing to withdraw (never given, or withdrawn
    already)."""
    scope_lock(scope=scope)
    latest = consent_latest(mailbox_key=mailbox_key(address), scope=scope)
    return _withdraw(latest, method=method, page=page, by=by)


def consent_withdraw_all(*, address: str, method: str, by: str = "") -> list[ConsentEvent]:
    """Withdraw every consent in force for the mailbox (a complaint: "this is spam" covers
    everything we send), as `consent_withdraw` does each. Returns the rows written, one per
    scope withdrawn."""
    withdrawn = []
    with transaction.atomic():
        for scope in sorted(
            set(
                consenting_for_mailbox(mailbox_key=mailbox_key(address)).values_list(
                    "scope", flat=True
                )
            )
        ):
            event = consent_withdraw(address=address, scope=scope, method=method, by=by)
            if event is not None:
                withdrawn.append(event)
    return withdrawn


# The audit log's name for staff withdrawals (its object id is the mailbox's hash, never the
# address, as for the supporters' data page).
AUDIT_MODEL = "consent.consentevent"


def _audit(*, actor, address: str, note: str, changes: dict) -> None:
    audit_record(
        actor=actor,
        action=AuditLog.Action.ACTION,
        model=AUDIT_MODEL,
        object_id=mailbox_hash(address),
        object_repr="",
        changes=changes,
        note=note,
    )


def consent_withdraw_by_staff(
    *, actor, address: str, scope: str | None = None
) -> list[ConsentEvent]:
    """Withdraw, on the person's request (a phone call, a letter, a reply to the unsubscribe
    mailto), their consent to `scope`, or every consent in force when `scope` is None.

    The same withdrawal as an unsubscribe link's (`consent_withdraw`: queued mail cancelled,
    the `supporter.unsubscribed` webhook), recorded with method "staff" and the staff member's
    username, plus one audit log entry naming the mailbox by its hash and the scopes withdrawn.
    Returns the rows written; none (and no audit entry) when nothing was in force, so a second
    click changes nothing. Raises ValueError for a scope that is not one (a programming error:
    the admin's form checks it).
    """
    if scope is not None and not scope_is_valid(scope):
        raise ValueError(f"Not a consent scope: {scope!r}")
    by = actor.get_username()
    with transaction.atomic():
        if scope is None:
            withdrawn = consent_withdraw_all(address=address, method=Method.STAFF, by=by)
        else:
            event = consent_withdraw(address=address, scope=scope, method=Method.STAFF, by=by)
            withdrawn = [event] if event is not None else []
        if withdrawn:
            _audit(
                actor=actor,
                address=address,
                note="consent withdrawn (staff)",
                changes={e.scope: (Action.GIVEN, Action.WITHDRAWN) for e in withdrawn},
            )
    return withdrawn


def consent_look_up(*, actor, address: str) -> MailboxConsents:
    """The consents in force of the mailbox `address` reaches (selectors.mailbox_consents), for
    the staff withdrawal page; audited like the supporter-data look-up (the mailbox by its hash),
    since a look-up shows what a person agreed to."""
    found = mailbox_consents(address=address)
    _audit(
        actor=actor,
        address=address,
        note="consents looked up (staff)",
        changes={c.scope: (Action.GIVEN, None) for c in found.in_force},
    )
    return found


def consent_forget(*, mailbox_key: str) -> int:
    """Delete every ledger row of the mailbox (its erasure); returns how many.

    Nothing of the consent is kept: the proof CASL asks for is needed only while Chorus relies
    on the consent, and an erased mailbox is never written to again (the outbox keeps its
    hashed suppression).
    """
    deleted, _by_model = ConsentEvent.objects.filter(mailbox_key=mailbox_key).delete()
    return deleted


def consent_unsubscribe(
    *, mailbox_hash: str, scope: str, one_click: bool, page: str = ""
) -> ConsentEvent | None:
    """Withdraw the consent an unsubscribe link names by the mailbox's hash
    (links.unsubscribe_token_read), at once, as `consent_withdraw` does.

    `one_click`: the mail client's RFC 8058 POST rather than the page's button. Using the link
    again changes nothing (returns None).
    """
    method = Method.ONE_CLICK if one_click else Method.UNSUBSCRIBE_PAGE
    with transaction.atomic():
        scope_lock(scope=scope)
        latest = consent_latest(mailbox_hash=mailbox_hash, scope=scope)
        return _withdraw(latest, method=method, page=page)


def consent_purge_expired(
    *, now: datetime | None = None, batch_size: int = DEFAULT_BATCH_SIZE
) -> int:
    """Delete every ledger row, given or withdrawn, of the campaigns closed for longer than
    CONSENT_RETENTION_AFTER_CLOSE_DAYS; returns how many. Run daily (beat); running it again
    deletes nothing more.

    CASL asks for the proof of a consent while Chorus relies on it and while a complaint about
    a mailing can still come: mailings about the campaign stopped MAILINGS_AFTER_CLOSE_DAYS
    after it closed, and this period is at least three years longer (system check
    consent.E002), so its proof goes only then. Rows of the newsletter, which no campaign
    closes, are left alone (only an erasure deletes them).
    Deleted `batch_size` rows per transaction.
    """
    scopes = [
        campaign_scope(campaign_id)
        for campaign_id in campaigns_past_consent_retention(now=now).values_list("pk", flat=True)
    ]
    if not scopes:
        return 0
    deleted = delete_in_batches(
        ConsentEvent.objects.filter(scope__in=scopes), batch_size=batch_size
    )
    if deleted:
        log.info("consent: deleted %s rows of %s campaigns past retention", deleted, len(scopes))
    return deleted
