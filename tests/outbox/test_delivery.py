"""Delivering rows to a real (local) SMTP server: claim, send, and what each failure means."""

import logging
import socket
import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from campaign.outbox import delivery, pacing
from campaign.outbox.models import OutboundEmail
from tests.factories.outbox import OutboundEmailFactory, SuppressionFactory
from tests.outbox.smtp_server import HANG

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("smtp_settings")]

Status = OutboundEmail.Status


def test_it_sends_a_queued_row_and_marks_it_sent(smtp_server):
    email = OutboundEmailFactory()

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "sent"
    assert (email.status, email.attempts, email.last_error) == (Status.SENT, 1, "")
    assert email.sent_at is not None
    # Marked with hand-written SQL (_MARK_SENT_SQL): the claim's lease must be cleared too.
    assert email.lease_expires_at is None
    assert smtp_server.message_ids == [email.message_id]


def test_it_sends_a_row_once_however_often_it_is_delivered(smtp_server):
    email = OutboundEmailFactory()

    results = [delivery.deliver(email.pk) for _ in range(3)]

    assert [r.status if r else None for r in results] == ["sent", None, None]
    assert smtp_server.count() == 1


def test_it_does_not_send_a_row_before_its_next_attempt(smtp_server):
    email = OutboundEmailFactory(next_attempt_at=timezone.now() + timedelta(minutes=5))

    assert delivery.deliver(email.pk) is None
    assert smtp_server.count() == 0


def test_it_retries_a_4xx_reply_later_with_backoff(smtp_server):
    email = OutboundEmailFactory(to="busy@example.org")
    smtp_server.script("busy@example.org", "451 4.3.0 Try again later")

    before = timezone.now()
    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "retry"
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    assert "451" in email.last_error
    # Base 10 s with equal jitter: between 5 and 10 s.
    assert 5 <= outcome.retry_in <= 10
    assert before + timedelta(seconds=5) <= email.next_attempt_at
    assert smtp_server.count() == 0


def test_it_fails_a_5xx_reply_at_once_with_the_servers_reason(smtp_server):
    email = OutboundEmailFactory(to="nobody@example.org")
    smtp_server.script("nobody@example.org", "550 5.1.1 No such user")

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "failed" and outcome.retry_in is None
    assert (email.status, email.attempts) == (Status.FAILED, 1)
    assert email.last_error == "SMTP 550 5.1.1 No such user"
    assert smtp_server.rcpt_attempts["nobody@example.org"] == 1


def test_it_gives_up_after_the_last_allowed_attempt(smtp_server):
    email = OutboundEmailFactory(to="busy@example.org", attempts=3)
    smtp_server.script("busy@example.org", "451 4.3.0 Try again later")

    delivery.deliver(email.pk)

    email.refresh_from_db()
    assert email.status == Status.FAILED
    assert email.last_error.startswith("Gave up after 4 attempts")


def test_it_times_out_on_a_server_that_stops_answering_and_retries(smtp_server):
    email = OutboundEmailFactory(to="hang@example.org")
    smtp_server.script("hang@example.org", HANG)

    started = time.monotonic()
    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert time.monotonic() - started < 3  # EMAIL_TIMEOUT is 1 s
    assert outcome.status == "retry"
    assert email.status == Status.QUEUED
    assert "timed out" in email.last_error.lower()


def test_it_times_out_on_a_server_that_accepts_the_connection_and_never_greets(settings):
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)  # the kernel completes the connection; nobody ever answers
        settings.EMAIL_PORT = silent.getsockname()[1]
        email = OutboundEmailFactory()

        started = time.monotonic()
        outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert time.monotonic() - started < 3  # EMAIL_TIMEOUT is 1 s
    assert outcome.status == "retry"
    assert (email.status, email.attempts) == (Status.QUEUED, 1)


def test_it_holds_paced_mail_back_when_redis_cannot_be_asked(settings, monkeypatch, smtp_server):
    monkeypatch.setattr(pacing, "_redis_script", None)
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    email = OutboundEmailFactory(to="mp@parl.gc.ca")

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert (outcome.status, outcome.retry_in) == ("paced", delivery.PACING_UNAVAILABLE_WAIT)
    assert (email.status, email.attempts) == (Status.QUEUED, 0)
    assert smtp_server.count() == 0


def test_it_retries_when_the_server_refuses_connections(settings):
    settings.EMAIL_PORT = 1  # nothing listens there
    email = OutboundEmailFactory()

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "retry"
    assert email.status == Status.QUEUED
    assert "Connection" in email.last_error


def test_it_sends_a_batch_of_due_rows_over_one_connection(smtp_server):
    emails = OutboundEmailFactory.create_batch(60)

    outcomes = delivery.deliver_due(limit=100, budget_seconds=30)

    assert [o.status for o in outcomes] == ["sent"] * 60
    assert sorted(smtp_server.message_ids) == sorted(e.message_id for e in emails)
    # Two chunks of claims (50 + 10), one connection for both.
    assert smtp_server.sessions == 1


def test_it_hands_the_rest_of_a_batch_back_when_the_connection_breaks(smtp_server):
    hung = OutboundEmailFactory(to="hang@example.org")
    others = OutboundEmailFactory.create_batch(3)
    smtp_server.script("hang@example.org", HANG)

    claimed = delivery.claim_due(10)

    outcomes = delivery.deliver_claimed(claimed)

    assert [o.email_id for o in outcomes] == [hung.pk, *(e.pk for e in others)]
    assert [o.status for o in outcomes] == ["retry", "released", "released", "released"]
    assert set(
        OutboundEmail.objects.filter(pk__in=[e.pk for e in others]).values_list(
            "status", "attempts"
        )
    ) == {(Status.QUEUED, 0)}


def test_it_does_not_touch_a_row_it_has_not_claimed(smtp_server):
    email = OutboundEmailFactory()

    assert delivery.deliver_claimed([email.pk]) == []
    assert smtp_server.count() == 0


def test_it_cancels_a_row_whose_address_was_suppressed_after_queueing(smtp_server):
    email = OutboundEmailFactory(to="gone@example.org")
    SuppressionFactory(address="gone@example.org")

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "cancelled"
    assert email.status == Status.CANCELLED
    assert email.last_error == "Not sent: the address is suppressed (Bounced)."
    assert smtp_server.count() == 0


def test_it_paces_a_domain_by_reserving_later_slots(smtp_server):
    emails = [OutboundEmailFactory(to=f"mp{n}@parl.gc.ca") for n in range(3)]

    outcomes = delivery.deliver_due(limit=10, budget_seconds=30)

    by_id = {o.email_id: o for o in outcomes}
    assert by_id[emails[0].pk].status == "sent"
    waits = sorted(by_id[e.pk].retry_in for e in emails[1:])
    assert [by_id[e.pk].status for e in emails[1:]] == ["paced", "paced"]
    assert 0.5 < waits[0] <= 1.0 and 1.5 < waits[1] <= 2.0  # 60/m: one a second
    paced = OutboundEmail.objects.get(pk=emails[2].pk)
    assert (paced.status, paced.attempts, paced.pacing_slot_reserved) == (Status.QUEUED, 0, True)
    assert smtp_server.count() == 1


def test_it_sends_paced_rows_in_their_slot_without_asking_again(smtp_server):
    [OutboundEmailFactory(to=f"mp{n}@parl.gc.ca") for n in range(3)]
    delivery.deliver_due(limit=10, budget_seconds=30)

    with time_machine.travel(timezone.now() + timedelta(seconds=3), tick=False):
        outcomes = delivery.deliver_due(limit=10, budget_seconds=30)

    assert [o.status for o in outcomes] == ["sent", "sent"]
    assert smtp_server.count() == 3
    assert not OutboundEmail.objects.filter(pacing_slot_reserved=True).exists()


def test_it_logs_ids_never_addresses_subjects_or_bodies(smtp_server, caplog):
    sent = OutboundEmailFactory(to="ada.lovelace@example.org", subject="Secret plans")
    failing = OutboundEmailFactory(to="nobody@example.org", body_text="My private letter")
    smtp_server.script("nobody@example.org", "550 5.1.1 <nobody@example.org> No such user")

    with caplog.at_level(logging.DEBUG, logger="campaign.outbox"):
        delivery.deliver(sent.pk)
        delivery.deliver(failing.pk)

    text = caplog.text
    assert f"email {sent.pk} sent" in text and f"email {failing.pk} failed" in text
    for secret in ["ada.lovelace", "example.org", "Secret plans", "private letter", "nobody@"]:
        assert secret not in text


def test_it_takes_back_rows_whose_lease_ran_out():
    abandoned = OutboundEmailFactory(abandoned=True)
    held = OutboundEmailFactory(
        status=Status.SENDING, lease_expires_at=timezone.now() + timedelta(minutes=5)
    )

    assert delivery.requeue_expired_leases() == 1

    abandoned.refresh_from_db()
    held.refresh_from_db()
    assert abandoned.status == Status.QUEUED
    assert held.status == Status.SENDING


def test_backoff_grows_exponentially_with_jitter_up_to_the_cap(settings):
    settings.OUTBOX_RETRY_BASE_SECONDS = 10
    settings.OUTBOX_RETRY_MAX_SECONDS = 60

    samples = {attempt: [delivery.backoff(attempt) for _ in range(50)] for attempt in (1, 2, 3, 9)}

    assert all(5 <= s <= 10 for s in samples[1])
    assert all(10 <= s <= 20 for s in samples[2])
    assert all(20 <= s <= 40 for s in samples[3])
    assert all(30 <= s <= 60 for s in samples[9])
    assert len(set(samples[3])) > 1
