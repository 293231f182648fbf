"""Fault tests: the outbox's promises with real processes failing for real.

Each test starts its own redis-server (on a free port; the machine's Redis is never touched),
real `celery -A campaign worker` processes on the test database, and a local SMTP server that
refuses, fails, delays or hangs on cue. Run them alone with `pytest -m faults`.
"""

import base64
import json
import os
import socket
import time
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from campaign.celery import app as celery_app
from campaign.outbox import queue_email
from campaign.outbox.models import OutboundEmail
from campaign.outbox.services import (
    PUBLISH_WINDOW_SECONDS,
    broker_breaker,
    outbox_sweep,
)
from campaign.outbox.tasks import deliver_email
from petitions.purposes import PetitionPurpose
from tests.factories.outbox import OutboundEmailFactory
from tests.factories.petitions import PetitionFactory
from tests.outbox.processes import CeleryWorker, RedisServer, wait_until, worker_env
from tests.outbox.smtp_server import HANG, ScriptedSMTPServer

pytestmark = [
    pytest.mark.faults,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Status = OutboundEmail.Status
# Generous on a loaded two-core machine; every wait polls and returns as soon as it can.
DEADLINE = 45


@pytest.fixture(scope="module", autouse=True)
def _leave_the_database_as_migrated(django_db_setup, django_db_blocker):
    """serialized_rollback restores the migrated snapshot into empty tables before each test,
    but the tables are not empty when no transactional test ran just before (the browser tests
    skip on a machine without Chromium) and other transactional tests' flushes re-created the
    content types under new ids: empty them first. A transactional test ends by emptying every
    table, the migrations' data too (staff groups, permissions). Put that data back after this
    module, for later tests and for the next `--reuse-db` run."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    yield
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        with django_db_blocker.unblock():
            connection.creation.deserialize_db_from_string(contents)


@contextmanager
def publishing_to(broker_url: str):
    """This test process publishes for real (not eagerly) to `broker_url`."""

    def reset_pools():
        if celery_app._pool is not None:
            celery_app._pool.force_close_all()
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = broker_url, False
    reset_pools()
    # A publish that failed in an earlier test must not keep this one from publishing.
    broker_breaker.reset()
    try:
        yield
    finally:
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved
        reset_pools()
        broker_breaker.reset()


@pytest.fixture
def broker():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def smtp():
    server = ScriptedSMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def start_worker(broker, smtp):
    """Start workers on the test's database, broker and SMTP server; all stopped afterwards."""
    workers = []

    def start(*, concurrency: int = 1, **overrides) -> CeleryWorker:
        settings = {
            "OUTBOX_RETRY_BASE_SECONDS": 0.3,
            "OUTBOX_RETRY_MAX_SECONDS": 1,
            "OUTBOX_MAX_ATTEMPTS": 5,
            "OUTBOX_LEASE_SECONDS": 6,
            "OUTBOX_LEASE_RENEW_SECONDS": 1,
            "OUTBOX_BATCH_SIZE": 100,
            "OUTBOX_RATE_LIMITS": "pacing.invalid=1000/s",
            **overrides,
        }
        # None: the setting's own default, as in production.
        settings = {key: value for key, value in settings.items() if value is not None}
        env = worker_env(
            database_url=os.environ["DATABASE_URL"],
            broker_url=broker.url,
            smtp_port=smtp.port,
            **settings,
        )
        worker = CeleryWorker(env, concurrency=concurrency)
        workers.append(worker)
        return worker.start()

    yield start
    for worker in workers:
        # Shown by pytest only when the test failed.
        print(f"--- worker log ({worker.name}), last lines:\n{worker.log_text()[-3000:]}")
        worker.stop()


def _queue(**overrides) -> OutboundEmail:
    values = {
        "to": "supporter@example.org",
        "subject": "Please confirm your signature",
        "body_text": "Confirm here.",
        "purpose": PetitionPurpose.SIGNATURE_CONFIRMATION,
    }
    return queue_email(**{**values, **overrides})


def _status(email: OutboundEmail) -> str:
    email.refresh_from_db()
    return email.status


def test_it_answers_within_two_seconds_when_redis_is_stopped_and_the_sweep_delivers_later(
    broker, smtp, start_worker
):
    broker.stop()

    with publishing_to(broker.url):
        started = time.monotonic()
        with transaction.atomic():
            email = _queue()
        elapsed = time.monotonic() - started

        assert elapsed < 2
        assert _status(email) == Status.QUEUED

        broker.start()  # same port: Redis is back
        start_worker()
        outbox_sweep()
        assert wait_until(lambda: _status(email) == Status.SENT, DEADLINE)
        # Later sweeps find nothing to do: the message went out exactly once.
        outbox_sweep()
        assert wait_until(lambda: broker.queue_length() == 0, DEADLINE)

    assert smtp.message_ids == [email.message_id]


def test_it_answers_within_two_seconds_when_redis_hangs(hung_broker_url):
    with publishing_to(hung_broker_url):
        started = time.monotonic()
        with transaction.atomic():
            # A letter to three ministers and its copy: one request, four emails.
            emails = [_queue(to=f"person{n}@example.org") for n in range(4)]
        elapsed = time.monotonic() - started

    assert elapsed < 2
    assert {_status(e) for e in emails} == {Status.QUEUED}


@pytest.fixture
def hung_broker_url():
    """A broker that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(16)
        yield f"redis://127.0.0.1:{hung.getsockname()[1]}/0"


def test_a_supporter_signing_gets_the_next_page_within_two_seconds_when_the_broker_hangs(
    client, hung_broker_url
):
    petition = PetitionFactory()
    form = {
        "first_name": "Marie",
        "last_name": "Tremblay",
        "email": "marie@example.org",
        "postal_code": "K1A 0A6",
    }

    with publishing_to(hung_broker_url):
        started = time.monotonic()
        response = client.post(reverse("petitions:sign", kwargs={"slug": petition.slug}), form)
        elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert elapsed < 2
    email = OutboundEmail.objects.get(to="marie@example.org")
    assert email.status == Status.QUEUED


def _published(broker) -> list[dict]:
    """The task messages waiting on the test's broker: name, args, kwargs, eta, raw bytes."""
    messages = []
    for raw in broker.client().lrange("celery", 0, -1):
        message = json.loads(raw)
        args, kwargs, _embed = json.loads(base64.b64decode(message["body"]))
        headers = message["headers"]
        messages.append(
            {
                "task": headers["task"],
                "args": args,
                "kwargs": kwargs,
                "eta": headers["eta"],
                "raw": raw,
            }
        )
    return messages


def test_it_publishes_nothing_when_the_transaction_rolls_back(broker):
    with publishing_to(broker.url):
        with pytest.raises(RuntimeError), transaction.atomic():
            _queue()
            raise RuntimeError("the signature could not be saved")

        assert not OutboundEmail.objects.exists()
        assert broker.queue_length() == 0

        # The same call, committed, publishes one batch task carrying no address and no text.
        _queue(to="ada.lovelace@example.org")

    [message] = _published(broker)
    assert message["task"] == "campaign.outbox.tasks.deliver_batch"
    assert (message["args"], message["kwargs"]) == ([], {})
    assert b"ada.lovelace" not in message["raw"] and b"Please confirm" not in message["raw"]


def test_it_publishes_one_batch_task_for_rows_committed_within_half_a_second(broker):
    with publishing_to(broker.url):
        first = time.monotonic()
        for n in range(5):
            _queue(to=f"person{n}@example.org")  # five transactions, committed one by one
        assert time.monotonic() - first < PUBLISH_WINDOW_SECONDS

    [message] = _published(broker)
    # It runs once the window is over, so every row committed meanwhile is there to claim.
    assert message["task"] == "campaign.outbox.tasks.deliver_batch"
    assert message["eta"] is not None


def test_it_publishes_a_new_batch_task_for_a_row_committed_after_the_window(broker):
    with publishing_to(broker.url):
        _queue(to="early@example.org")
        time.sleep(PUBLISH_WINDOW_SECONDS + 0.1)
        _queue(to="late@example.org")

    assert [m["task"] for m in _published(broker)] == ["campaign.outbox.tasks.deliver_batch"] * 2


def test_a_window_of_zero_publishes_every_row_even_inside_a_batchs_window(broker, settings):
    with publishing_to(broker.url):
        _queue(to="early@example.org")  # publishes a batch and opens a half-second window
        settings.OUTBOX_PUBLISH_WINDOW_SECONDS = 0
        _queue(to="late@example.org")

    assert sorted(m["task"] for m in _published(broker)) == [
        "campaign.outbox.tasks.deliver_batch",
        "campaign.outbox.tasks.deliver_email",
    ]


def test_it_delivers_rows_committed_together_within_seconds_without_the_sweep(
    broker, smtp, start_worker
):
    start_worker()

    with publishing_to(broker.url):
        emails = [_queue(to=f"signer{n}@example.org") for n in range(20)]

    assert wait_until(lambda: {_status(e) for e in emails} == {Status.SENT}, 10)
    assert sorted(smtp.message_ids) == sorted(e.message_id for e in emails)


def test_it_puts_one_message_on_the_wire_when_the_same_task_runs_three_times_at_once(
    broker, smtp, start_worker
):
    smtp.data_delay = 0.3  # keep the first run busy while the others try
    email = OutboundEmailFactory()
    worker = start_worker(concurrency=3)

    with publishing_to(broker.url):
        for _ in range(3):
            deliver_email.apply_async(args=[email.pk])

    assert wait_until(lambda: worker.log_text().count("succeeded") >= 3, DEADLINE)
    assert _status(email) == Status.SENT
    assert smtp.message_ids == [email.message_id]


def test_it_delivers_once_after_two_451_replies(broker, smtp, start_worker):
    smtp.script("busy@example.org", "451 4.3.0 Try again later", "451 4.3.0 Try again later")
    start_worker()

    with publishing_to(broker.url):
        email = _queue(to="busy@example.org")

    assert wait_until(lambda: _status(email) == Status.SENT, DEADLINE)
    assert email.attempts == 3
    assert smtp.rcpt_attempts["busy@example.org"] == 3
    assert smtp.message_ids == [email.message_id]


def test_it_fails_a_550_without_retrying_and_shows_the_reason_in_the_admin(
    broker, smtp, start_worker, admin_client
):
    smtp.script("nobody@example.org", "550 5.1.1 No such user here")
    start_worker()

    with publishing_to(broker.url):
        email = _queue(to="nobody@example.org")

    assert wait_until(lambda: _status(email) == Status.FAILED, DEADLINE)
    # A retry would come within 0.3-1 s (the worker's backoff): none comes.
    assert not wait_until(lambda: smtp.rcpt_attempts["nobody@example.org"] > 1, 2)
    assert email.attempts == 1
    page = admin_client.get("/admin/outbox/outboundemail/?status__exact=failed")
    assert "550 5.1.1 No such user here" in page.content.decode()


def test_it_times_out_on_a_hung_server_retries_and_keeps_serving_other_rows(
    broker, smtp, start_worker
):
    smtp.script("hang@example.org", HANG)  # the first attempt hangs, the retry is accepted
    start_worker(concurrency=1)

    with publishing_to(broker.url):
        hung = _queue(to="hang@example.org")
        others = [_queue(to=f"other{n}@example.org") for n in range(5)]

    assert wait_until(lambda: {_status(e) for e in others} == {Status.SENT}, DEADLINE)
    assert wait_until(lambda: _status(hung) == Status.SENT, DEADLINE)
    assert hung.attempts == 2
    assert sorted(smtp.message_ids) == sorted(e.message_id for e in [hung, *others])


def test_it_delivers_every_message_once_after_a_worker_is_killed_mid_batch(
    broker, smtp, start_worker
):
    smtp.data_delay = 0.01  # about 100 messages a second: the kill lands mid-batch
    emails = OutboundEmailFactory.create_batch(200)
    worker = start_worker(concurrency=1)

    with publishing_to(broker.url):
        assert outbox_sweep()["batches"] == 2
        assert smtp.wait_for(40, DEADLINE)
        worker.kill()
        assert smtp.count() < 200

        start_worker(concurrency=1)

        def all_sent() -> bool:
            outbox_sweep()  # takes the killed worker's rows back once their lease runs out
            return OutboundEmail.objects.filter(status=Status.SENT).count() == 200

        assert wait_until(all_sent, DEADLINE, interval=0.5)

    delivered = smtp.message_ids
    assert set(delivered) == {e.message_id for e in emails}
    # The one accepted residual case: killed after the server accepted a message and before
    # its row was marked sent. At most the one message in flight is sent twice.
    assert len(delivered) - len(set(delivered)) <= 1


def _unacked(broker) -> int:
    """Task messages a worker has received and not yet acknowledged (kombu's `unacked` hash)."""
    return broker.client().hlen("unacked")


class _Beat:
    """Beat's outbox sweep, run from the test's polling loop every `period` seconds."""

    def __init__(self, period: float) -> None:
        self.period = period
        self.last = time.monotonic()
        self.reports: list[dict] = []

    def __call__(self) -> None:
        if time.monotonic() - self.last >= self.period:
            self.last = time.monotonic()
            self.reports.append(outbox_sweep())


def test_a_worker_holding_countdown_tasks_survives_a_redis_restart_and_delivers_all_once(
    broker, smtp, start_worker
):
    # One message to this domain every 3 s: a batch of four sends one and gives each of the
    # other three a countdown task, which the worker holds unacknowledged until it is due.
    worker = start_worker(OUTBOX_RATE_LIMITS="pacing.invalid=1/3s")
    with publishing_to(broker.url):
        emails = [_queue(to=f"office{n}@pacing.invalid") for n in range(4)]
        assert wait_until(lambda: smtp.count() == 1 and _unacked(broker) == 3, DEADLINE)

        broker.stop()
        time.sleep(1)
        broker.start()  # same port, and empty: a restart without persistence loses the tasks
        back = time.monotonic()
        beat = _Beat(period=10)

        def all_sent() -> bool:
            beat()  # republishes what the restart lost, once it is due
            return OutboundEmail.objects.filter(status=Status.SENT).count() == len(emails)

        delivered = wait_until(all_sent, 60, interval=0.5)
        elapsed = time.monotonic() - back

    assert worker.alive(), "the worker exited after Redis restarted"
    assert "Unrecoverable error" not in worker.log_text()
    assert delivered, f"not all delivered {elapsed:.0f}s after Redis came back"
    assert sorted(smtp.message_ids) == sorted(e.message_id for e in emails)
    print(f"all delivered {elapsed:.1f}s after Redis came back")


PRODUCTION_LEASE = {"OUTBOX_LEASE_SECONDS": None, "OUTBOX_LEASE_RENEW_SECONDS": None}


def test_rows_held_by_a_killed_worker_are_delivered_within_a_minute_with_the_real_lease(
    broker, smtp, start_worker
):
    # Production timings: the default lease, and beat's sweep period.
    smtp.data_delay = 0.01  # about 100 messages a second: the kill lands mid-batch
    emails = OutboundEmailFactory.create_batch(200)
    worker = start_worker(**PRODUCTION_LEASE)

    with publishing_to(broker.url):
        assert outbox_sweep()["batches"] == 2
        # The sweep just ran; the next one is a whole period later.
        beat = _Beat(period=settings.CELERY_BEAT_SCHEDULE["outbox-sweep"]["schedule"])
        assert smtp.wait_for(40, DEADLINE)
        worker.kill()
        killed = time.monotonic()
        assert smtp.count() < 200
        start_worker(**PRODUCTION_LEASE)

        def all_sent() -> bool:
            beat()
            return OutboundEmail.objects.filter(status=Status.SENT).count() == 200

        delivered = wait_until(all_sent, 60, interval=0.5)
        elapsed = time.monotonic() - killed

    assert delivered, f"{200 - smtp.count()} not delivered {elapsed:.0f}s after the kill"
    sent = smtp.message_ids
    assert set(sent) == {e.message_id for e in emails}
    assert len(sent) - len(set(sent)) <= 1  # at most the one message in flight at the kill
    print(f"all delivered {elapsed:.1f}s after the kill; sweeps: {beat.reports}")


def test_a_live_worker_keeps_its_rows_through_a_batch_longer_than_the_lease(
    broker, smtp, start_worker
):
    # 30 messages at 0.3 s each: a batch of 9 s, under a 6 s lease renewed every second, while
    # the sweep runs twice a second and would take back any row whose lease ran out.
    smtp.data_delay = 0.3
    emails = OutboundEmailFactory.create_batch(30)
    start_worker()

    with publishing_to(broker.url):
        assert outbox_sweep()["batches"] == 1
        beat = _Beat(period=0.5)

        def all_sent() -> bool:
            beat()
            return OutboundEmail.objects.filter(status=Status.SENT).count() == 30

        assert wait_until(all_sent, DEADLINE, interval=0.25)

    assert sum(report["reclaimed"] for report in beat.reports) == 0
    assert sorted(smtp.message_ids) == sorted(e.message_id for e in emails)
