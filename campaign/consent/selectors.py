"""Reads of the ledger: what a person agrees to now, who agrees to a scope now, and which
campaigns' consents are past retention."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import scope_describe
from campaign.identities import mailbox_key
from campaign.models import Campaign

Action = ConsentEvent.Action


def _later_row_exists() -> Exists:
    """A row for the same mailbox and scope recorded after the outer row (ties by id)."""
    return Exists(
        ConsentEvent.objects.filter(
            scope=OuterRef("scope"), mailbox_key=OuterRef("mailbox_key")
        ).filter(
            Q(recorded_at__gt=OuterRef("recorded_at"))
            | Q(recorded_at=OuterRef("recorded_at"), id__gt=OuterRef("id"))
        )
    )


def consent_latest(
    *, scope: str, mailbox_key: str = "", mailbox_hash: str = ""
) -> ConsentEvent | None:
    """The row that decides the mailbox's consent to `scope`, or None when it has none: the
    mailbox named by its key, or by its hash (what an unsubscribe link carries)."""
    mailbox = {"mailbox_key": mailbox_key} if mailbox_key else {"mailbox_hash": mailbox_hash}
    if not any(mailbox.values()):
        raise ValueError("Name the mailbox by its key or its hash.")
    return (
        ConsentEvent.objects.filter(scope=scope, **mailbox).order_by("-recorded_at", "-id").first()
    )


def consent_current(*, mailbox_key: str, scope: str) -> bool:
    """Whether the mailbox agrees now to be written to about `scope`."""
    latest = consent_latest(mailbox_key=mailbox_key, scope=scope)
    return latest is not None and latest.action == Action.GIVEN


def consenting(*, scope: str) -> QuerySet:
    """The rows of consent currently in force for `scope`: one per mailbox, the latest "given".

    The one read mailings use to choose recipients. Each row carries the address and the
    language the person gave their consent in (the page's language). Read it when mailing, not
    before: a withdrawal recorded a second earlier is already in force.
    """
    return ConsentEvent.objects.filter(scope=scope, action=Action.GIVEN).exclude(
        _later_row_exists()
    )


def withdrawn_since_given(*, scope: str) -> QuerySet:
    """The rows of withdrawal currently in force for `scope` (people who unsubscribed)."""
    return ConsentEvent.objects.filter(scope=scope, action=Action.WITHDRAWN).exclude(
        _later_row_exists()
    )


def scopes_given(*, mailbox_key: str) -> list[str]:
    """Every scope the mailbox currently agrees to."""
    rows = consenting_for_mailbox(mailbox_key=mailbox_key)
    return sorted({row.scope for row in rows})


def consenting_for_mailbox(*, mailbox_key: str) -> QuerySet:
    """The mailbox's consents in force, one row per scope."""
    return ConsentEvent.objects.filter(mailbox_key=mailbox_key, action=Action.GIVEN).exclude(
        _later_row_exists()
    )


def consents_in_force(*, mailbox_keys: list[str]) -> QuerySet:
    """The consents in force of several mailboxes at once (one query), oldest first: for
    integrations that show each person's consent (campaign.api)."""
    return (
        ConsentEvent.objects.filter(mailbox_key__in=mailbox_keys, action=Action.GIVEN)
        .exclude(_later_row_exists())
        .order_by("recorded_at", "id")
    )


# --- Retention -------------------------------------------------------------------------------


def consent_retention_cutoff(*, now: datetime | None = None) -> datetime:
    """Campaigns closed before this moment are past CONSENT_RETENTION_AFTER_CLOSE_DAYS."""
    return (now or timezone.now()) - timedelta(days=settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS)


def campaigns_past_consent_retention(*, now: datetime | None = None) -> QuerySet:
    """Campaigns closed for longer than CONSENT_RETENTION_AFTER_CLOSE_DAYS: their consents are
    deleted (services.consent_purge_expired), years after their last mailing could go
    (campaign.mailings.selectors.campaign_past_mailing_window).

    "Closed" is the petitions purge's notion: `closed_at`, which publishing again clears.
    """
    return Campaign.objects.filter(closed_at__lt=consent_retention_cutoff(now=now))


@dataclass(frozen=True)
class ConsentInForce:
    """One consent a person gives now, and how a page names what it is for."""

    scope: str
    description: str
    event: ConsentEvent


@dataclass(frozen=True)
class MailboxConsents:
    """What the ledger holds on one mailbox: whether it has any row, and the consents in force
    (the staff page that withdraws them)."""

    known: bool
    in_force: list[ConsentInForce]


def mailbox_consents(*, address: str) -> MailboxConsents:
    """The consents in force of the mailbox `address` reaches (any spelling of it), by scope,
    each named as pages name it (scopes.scope_describe, in the current language)."""
    key = mailbox_key(address)
    in_force = [
        ConsentInForce(scope=event.scope, description=scope_describe(event.scope), event=event)
        for event in consenting_for_mailbox(mailbox_key=key).order_by("scope")
    ]
    known = bool(in_force) or ConsentEvent.objects.filter(mailbox_key=key).exists()
    return MailboxConsents(known=known, in_force=in_force)
