"""The sweep (beat every minute, and `manage.py sweep_outbox`): nothing stays behind."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from campaign.outbox.models import OutboundEmail
from campaign.outbox.services import outbox_sweep
from tests.factories.outbox import OutboundEmailFactory

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status


def test_it_delivers_rows_whose_task_was_lost():
    emails = OutboundEmailFactory.create_batch(3)  # queued, never published

    report = outbox_sweep()

    assert report["due"] == 3 and report["batches"] == 1
    assert {e.message_id for e in emails} == {m.extra_headers["Message-ID"] for m in mail.outbox}


def test_it_delivers_rows_a_dead_worker_left_sending():
    abandoned = OutboundEmailFactory(abandoned=True)

    report = outbox_sweep()

    abandoned.refresh_from_db()
    assert report["reclaimed"] == 1
    assert abandoned.status == Status.SENT


def test_it_publishes_one_batch_per_batch_size_of_due_rows(settings):
    settings.OUTBOX_BATCH_SIZE = 2
    OutboundEmailFactory.create_batch(5)

    assert outbox_sweep()["batches"] == 3
    assert len(mail.outbox) == 5


def test_it_leaves_rows_that_are_not_due_yet():
    later = OutboundEmailFactory(next_attempt_at=timezone.now() + timedelta(hours=2))

    outbox_sweep()

    later.refresh_from_db()
    assert later.status == Status.QUEUED


def test_the_command_can_deliver_without_a_broker(capsys):
    OutboundEmailFactory.create_batch(2)

    call_command("sweep_outbox", "--deliver")

    assert "delivered here 2" in capsys.readouterr().out
    assert len(mail.outbox) == 2


def test_beat_runs_the_sweep_every_twenty_seconds(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["outbox-sweep"]

    assert entry == {"task": "campaign.outbox.tasks.sweep_outbox", "schedule": 20.0}
