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


def test_a_task_is_killed_before_the_lease_on_its_rows_runs_out():
    for task in (tasks.deliver_email, tasks.deliver_batch, tasks.sweep_outbox):
        assert task.soft_time_limit < task.time_limit < settings.OUTBOX_LEASE_SECONDS
        assert task.acks_late and task.reject_on_worker_lost


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
