"""The timings that make "exactly once" hold. A configuration that breaks them fails the build."""

import pytest
from django.conf import settings
from django.core.checks import run_checks

from campaign.outbox import checks, tasks


def test_every_countdown_stays_below_the_brokers_visibility_timeout():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]

    assert checks.longest_countdown() < visibility
    assert visibility > settings.OUTBOX_RETRY_MAX_SECONDS
    assert visibility > settings.OUTBOX_MAX_COUNTDOWN_SECONDS


def test_leases_are_renewed_only_as_long_as_the_claiming_task_may_run():
    for task in (tasks.deliver_email, tasks.deliver_batch, tasks.sweep_outbox):
        assert task.soft_time_limit < task.time_limit == settings.OUTBOX_TASK_TIME_LIMIT_SECONDS
        assert task.acks_late and task.reject_on_worker_lost
    # A batch stops claiming well before the soft limit; the leases of what it holds are renewed
    # until the hard limit at most (leases.Leases.hold).
    assert tasks.deliver_batch.soft_time_limit / 2 > tasks.BATCH_BUDGET_SECONDS


def test_a_dead_workers_rows_are_taken_back_within_a_minute():
    sweep_every = settings.CELERY_BEAT_SCHEDULE["outbox-sweep"]["schedule"]

    assert settings.OUTBOX_LEASE_SECONDS + sweep_every < 60
    # A lease is renewed before half of it is gone, and half a lease outlasts a socket timeout.
    assert settings.OUTBOX_LEASE_RENEW_SECONDS + 1 < settings.OUTBOX_LEASE_SECONDS / 2
    assert settings.OUTBOX_LEASE_SECONDS / 2 >= settings.EMAIL_TIMEOUT


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("OUTBOX_LEASE_RENEW_SECONDS", 10),
        ("OUTBOX_LEASE_RENEW_SECONDS", 0),
        ("OUTBOX_LEASE_SECONDS", 12),
    ],
)
def test_the_system_check_rejects_leases_renewed_too_late_or_too_short_for_a_send(
    settings, name, value
):
    setattr(settings, name, value)

    assert [e.id for e in run_checks() if e.id.startswith("outbox.")] == ["outbox.E002"]


def test_publishing_cannot_hang_on_the_broker():
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS

    assert settings.CELERY_TASK_PUBLISH_RETRY is False
    assert options["socket_timeout"] <= 1 and options["socket_connect_timeout"] <= 1
    assert options["max_retries"] == 0


@pytest.mark.parametrize(
    ("name", "value"),
    [("OUTBOX_MAX_COUNTDOWN_SECONDS", 3 * 60 * 60), ("OUTBOX_RETRY_MAX_SECONDS", 2 * 60 * 60)],
)
def test_the_system_check_rejects_a_countdown_reaching_the_visibility_timeout(
    settings, name, value
):
    setattr(settings, name, value)

    errors = [e.id for e in run_checks() if e.id.startswith("outbox.")]

    assert errors == ["outbox.E001"]


def test_the_system_check_rejects_a_malformed_rate(settings):
    settings.OUTBOX_RATE_LIMITS = {"parl.gc.ca": "lots"}

    assert [e.id for e in run_checks() if e.id.startswith("outbox.")] == ["outbox.E003"]


def test_the_system_check_rejects_an_esp_without_webhook_credentials(settings):
    settings.ANYMAIL = {"POSTMARK_SERVER_TOKEN": "x"}

    assert [e.id for e in run_checks() if e.id.startswith("outbox.")] == ["outbox.E004"]
