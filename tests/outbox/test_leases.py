"""Short leases, renewed while their worker lives (campaign/outbox/leases.py)."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from campaign.outbox import delivery
from campaign.outbox.leases import Leases, leases
from campaign.outbox.models import OutboundEmail
from tests.factories.outbox import OutboundEmailFactory

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status


def _claimed_by(worker: str, **values) -> OutboundEmail:
    return OutboundEmailFactory(
        status=Status.SENDING,
        claimed_by=worker,
        lease_expires_at=timezone.now() + timedelta(seconds=2),
        **values,
    )


def test_a_claim_names_its_worker_and_leases_the_row_for_the_lease_length(settings):
    email = OutboundEmailFactory()

    [claimed] = delivery.claim_due(10)

    email.refresh_from_db()
    assert claimed == email.pk and email.status == Status.SENDING
    assert email.claimed_by == leases.worker()
    remaining = (email.lease_expires_at - timezone.now()).total_seconds()
    assert settings.OUTBOX_LEASE_SECONDS - 5 < remaining <= settings.OUTBOX_LEASE_SECONDS
    assert leases.may_send(email.pk)
    delivery.deliver_claimed([claimed])
    assert not leases.may_send(email.pk)  # let go once delivered


def test_renewing_extends_the_leases_of_rows_held_a_while_and_only_those(settings):
    own = Leases(renew_in_background=False)
    worker = own.worker()
    old, fresh = _claimed_by(worker), _claimed_by(worker)
    own.hold([old.pk], claimed_at=time.monotonic() - 8)
    own.hold([fresh.pk], claimed_at=time.monotonic())

    assert own.renew() == 1

    old.refresh_from_db()
    fresh.refresh_from_db()
    remaining = (old.lease_expires_at - timezone.now()).total_seconds()
    assert settings.OUTBOX_LEASE_SECONDS - 5 < remaining <= settings.OUTBOX_LEASE_SECONDS
    assert (fresh.lease_expires_at - timezone.now()).total_seconds() < 3


def test_it_never_renews_a_row_another_worker_claimed_since(settings):
    own = Leases(renew_in_background=False)
    taken = _claimed_by("other-host:12:abcdef")
    own.hold([taken.pk], claimed_at=time.monotonic() - settings.OUTBOX_LEASE_SECONDS * 0.6)

    assert own.renew() == 0

    taken.refresh_from_db()
    assert (taken.lease_expires_at - timezone.now()).total_seconds() < 3
    assert not own.may_send(taken.pk)  # its lease is no longer certain: not sent from here


def test_it_sends_only_while_half_a_lease_is_certainly_left(settings):
    own = Leases(renew_in_background=False)
    own.hold([1], claimed_at=time.monotonic() - settings.OUTBOX_LEASE_SECONDS * 0.4)
    own.hold([2], claimed_at=time.monotonic() - settings.OUTBOX_LEASE_SECONDS * 0.6)

    assert own.may_send(1)
    assert not own.may_send(2)
    assert not own.may_send(3)  # never claimed here


def test_renewals_stop_at_the_claiming_tasks_time_limit(settings):
    own = Leases(renew_in_background=False)
    row = _claimed_by(own.worker())
    own.hold([row.pk], claimed_at=time.monotonic() - settings.OUTBOX_TASK_TIME_LIMIT_SECONDS - 1)

    assert own.renew() == 0


def test_a_batch_whose_leases_were_not_renewed_leaves_its_rows_to_the_sweep(
    smtp_server, smtp_settings
):
    emails = OutboundEmailFactory.create_batch(3)
    ids = delivery.claim_due(10)
    # As if renewals had failed for over half a lease.
    leases.hold(ids, claimed_at=time.monotonic() - smtp_settings.OUTBOX_LEASE_SECONDS * 0.6)

    outcomes = delivery.deliver_claimed(ids)

    assert [o.status for o in outcomes] == ["abandoned"] * 3
    assert {e.status for e in OutboundEmail.objects.filter(pk__in=[e.pk for e in emails])} == {
        Status.SENDING
    }
    assert smtp_server.count() == 0
