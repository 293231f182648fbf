"""The spike loop benchmark itself (see tests/bench/spike.py), in a process of its own."""

import asyncio
import email
import os
import re
import secrets
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller

from tests.bench._cpu import (
    CpuMeter,
    command_starting,
    postgres_backends,
    process_group,
    this_process,
)
from tests.bench.petitions import (
    CONCURRENCY,
    Phase,
    _csrf,
    _free_port,
    _insert_requests,
    _request,
    _send,
    _sign_requests,
    _start_gunicorn,
    _stop,
    bench_petition_create,
    run_phase,
)
from tests.outbox.processes import CeleryWorker, RedisServer, wait_until, worker_env
from tests.outbox.smtp_server import free_port

SIGNERS = int(os.environ.get("SPIKE_BENCH_SIGNERS", "2000"))
TARGET_RATIO = 0.4
TARGET_LATENCY = 60.0
SETTINGS = "tests.bench._petitions_settings"
# As docker-compose.yml runs it: one worker process, eight threads.
WORKER_THREADS = 8
_CONFIRM_PATH = re.compile(r"/petitions/confirm/([^/\s]+)/")


@dataclass
class Arrival:
    token: str
    to: str
    at: float


@dataclass
class _Inbox:
    """What the supporters' mailboxes received: each confirmation link, as it arrives."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    arrivals: list[Arrival] = field(default_factory=list)
    message_ids: Counter = field(default_factory=Counter)
    unreadable: int = 0

    def take(self, start: int) -> list[Arrival]:
        with self.lock:
            return self.arrivals[start:]


class _Mailboxes:
    def __init__(self, inbox: _Inbox) -> None:
        self.inbox = inbox

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content)
        text = ""
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
                break
        found = _CONFIRM_PATH.search(text)
        with self.inbox.lock:
            self.inbox.message_ids[message.get("Message-ID", "")] += 1
            if found:
                self.inbox.arrivals.append(
                    Arrival(found.group(1), envelope.rcpt_tos[0], time.perf_counter())
                )
            else:
                self.inbox.unreadable += 1
        return "250 Message accepted for delivery"


def _confirm_request(token: str, cookie: str, csrf: str) -> bytes:
    body = f"csrfmiddlewaretoken={csrf}".encode()
    return _request(
        "POST",
        f"/petitions/confirm/{token}/",
        body=body,
        headers={"Cookie": f"csrftoken={cookie}"},
    )


async def _loop(
    port: int, signs: list[bytes], inbox: _Inbox, cookie: str, csrf: str
) -> tuple[Phase, Phase, dict[str, float]]:
    """Sign N times at CONCURRENCY; meanwhile confirm each link as soon as it lands.

    Returns the sign phase, the confirm phase and, per address, when its sign was answered.
    """
    sign_phase, confirm_phase = Phase("sign POST", ok_status=302), Phase("confirm POST", 302)
    answered: dict[str, float] = {}
    pending = iter(signs)
    done_signing = asyncio.Event()
    address_of = re.compile(rb"email=([^&]+)")

    async def signer():
        for raw in pending:
            start = time.perf_counter()
            status, _ = await _send(port, raw)
            now = time.perf_counter()
            sign_phase.latencies.append(now - start)
            sign_phase.statuses[status] = sign_phase.statuses.get(status, 0) + 1
            found = address_of.search(raw)
            answered[found.group(1).decode().replace("%40", "@")] = now

    async def confirmer():
        seen = 0
        queue: asyncio.Queue = asyncio.Queue()

        async def one():
            while True:
                raw = await queue.get()
                if raw is None:
                    return
                start = time.perf_counter()
                status, _ = await _send(port, raw)
                confirm_phase.latencies.append(time.perf_counter() - start)
                confirm_phase.statuses[status] = confirm_phase.statuses.get(status, 0) + 1

        confirmers = [asyncio.create_task(one()) for _ in range(CONCURRENCY)]
        deadline = None
        while seen < len(signs):
            fresh = inbox.take(seen)
            seen += len(fresh)
            for arrival in fresh:
                queue.put_nowait(_confirm_request(arrival.token, cookie, csrf))
            if done_signing.is_set():
                deadline = deadline or time.perf_counter() + 2 * TARGET_LATENCY
                if time.perf_counter() > deadline:
                    break  # reported as missing confirmations
            await asyncio.sleep(0.01)
        for _ in confirmers:
            queue.put_nowait(None)
        await asyncio.gather(*confirmers)

    async def signing():
        await asyncio.gather(*(signer() for _ in range(CONCURRENCY)))
        done_signing.set()

    start = time.perf_counter()
    await asyncio.gather(signing(), confirmer())
    sign_phase.seconds = confirm_phase.seconds = time.perf_counter() - start
    return sign_phase, confirm_phase, answered


def _baseline(port: int, prefix: str) -> Phase:
    """The one-INSERT view, SIGNERS requests at the petitions bench's concurrency."""
    phase = Phase("baseline insert POST", ok_status=201)
    run_phase(port, phase, _insert_requests(prefix, SIGNERS))
    return phase


def _cpu_groups(server, worker) -> dict:
    """The processes whose CPU the loop and the baseline share, by role."""
    from django.db import connection

    return {
        "web (gunicorn)": process_group(server.pid),
        "worker (celery)": process_group(worker.pid),
        "PostgreSQL": postgres_backends(connection.settings_dict["NAME"]),
        # Every redis-server: the broker and the cache alike, and any other on this machine.
        "Redis": command_starting("redis-server"),
        "load + mailboxes": this_process(),
    }


def _print_cpu(loop: dict[str, float], signatures: int, after: dict[str, float], requests: int):
    """CPU per complete signature beside CPU per one-INSERT request, by process: what the ratio
    would be if both were limited only by the machine's cores."""
    print(f"{'CPU ms':<40}{'per complete signature':>24}{'per one-INSERT':>16}")
    for name in loop:
        print(
            f"{name:<40}{loop[name] * 1000 / signatures:>24.2f}"
            f"{after[name] * 1000 / requests:>16.2f}"
        )
    each, baseline = sum(loop.values()) / signatures, sum(after.values()) / requests
    print(f"{'all':<40}{each * 1000:>24.2f}{baseline * 1000:>16.2f}")
    print(f"CPU-bound ceiling of the ratio on this machine: {baseline / each:.2f}")


def main() -> int:
    inbox = _Inbox()
    sink_port = free_port()
    sink = Controller(_Mailboxes(inbox), hostname="127.0.0.1", port=sink_port, ready_timeout=10)
    sink.start()
    broker = RedisServer().start()
    port = _free_port()
    env = worker_env(
        database_url=os.environ["DATABASE_URL"],
        broker_url=broker.url,
        smtp_port=sink_port,
        DJANGO_SETTINGS_MODULE=SETTINGS,
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-" + secrets.token_hex(16),
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{port}",
        EMAIL_TIMEOUT="10",
        LOG_LEVEL="WARNING",
    )
    env.pop("CHORUS_REAL_WORKER")
    os.environ.update(env)

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection

    from petitions.counters import count_read
    from petitions.models import Signature
    from tests.bench._petitions_urls import BASELINE_TABLE

    run_id = secrets.token_hex(4)
    campaign, petition = bench_petition_create(f"spike-{run_id}")
    server = worker = None
    ok = False
    try:
        server = _start_gunicorn(env, port)
        worker = CeleryWorker(env, pool="threads", concurrency=WORKER_THREADS)
        worker.start()
        cookie, csrf = _csrf(port, petition.slug)
        _baseline(port, f"warm{run_id}")  # connections, templates, the page cache

        before = _baseline(port, f"b{run_id}")
        signs = _sign_requests(petition.slug, cookie, csrf, f"s{run_id}", SIGNERS)
        meter = CpuMeter(_cpu_groups(server, worker)).start()
        sign_phase, confirm_phase, answered = asyncio.run(_loop(port, signs, inbox, cookie, csrf))
        loop_cpu = meter.stop()
        meter.start()
        after = _baseline(port, f"a{run_id}")
        after_cpu = meter.stop()

        latencies = sorted(
            arrival.at - answered[arrival.to] for arrival in inbox.take(0) if arrival.to in answered
        )
        wait_until(lambda: count_read(petition.pk) >= SIGNERS, timeout=10)
        public = count_read(petition.pk)
        confirmed = Signature.objects.filter(petition=petition, confirmed_at__isnull=False).count()
        baseline = (before.rate + after.rate) / 2
        complete = confirm_phase.statuses.get(302, 0) / confirm_phase.seconds
        ratio = complete / baseline
        duplicated = sum(n - 1 for n in inbox.message_ids.values() if n > 1)
        worst = latencies[-1] if latencies else float("inf")
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else 0

        print(f"{'':<40}{'requests':>9}{'per s':>9}{'p50 ms':>9}{'p99 ms':>9}")
        for label, phase in (
            ("one-INSERT view (before)", before),
            ("one-INSERT view (after)", after),
            ("sign POST, in the loop", sign_phase),
            ("confirm POST, in the loop", confirm_phase),
        ):
            print(
                f"{label:<40}{phase.requests:>9}{phase.rate:>9.0f}"
                f"{phase.percentile(0.5):>9.1f}{phase.percentile(0.99):>9.1f}"
            )
        print(
            f"complete signatures (signed, mailed, confirmed, counted): {SIGNERS} in "
            f"{confirm_phase.seconds:.1f} s = {complete:.0f}/s"
        )
        print(
            f"ratio complete signatures / one-INSERT view: {ratio:.2f} "
            f"(target >= {TARGET_RATIO}) {'OK' if ratio >= TARGET_RATIO else 'BELOW TARGET'}"
        )
        print(
            f"confirmation at the mailbox after the sign answer: median "
            f"{latencies[len(latencies) // 2] if latencies else 0:.1f} s, p99 {p99:.1f} s, "
            f"worst {worst:.1f} s (target <= {TARGET_LATENCY:.0f} s)"
        )
        _print_cpu(loop_cpu, SIGNERS, after_cpu, after.requests)
        print(
            f"signed {sign_phase.statuses.get(302, 0)}, mailed {len(inbox.arrivals)} "
            f"(duplicated {duplicated}, unreadable {inbox.unreadable}), confirmed "
            f"{confirmed}, public count {public}"
        )
        errors = sign_phase.errors + confirm_phase.errors + before.errors + after.errors
        ok = (
            not errors
            and confirmed == SIGNERS
            and public == SIGNERS
            and duplicated == 0
            and worst <= TARGET_LATENCY
            and ratio >= TARGET_RATIO
        )
        if not ok:
            print(f"spike bench: FAILED ({errors} errors)")
    finally:
        if worker is not None:
            worker.stop()
        if server is not None:
            _stop(server)
        from campaign.outbox.models import OutboundEmail

        ids = list(Signature.objects.filter(petition=petition).values_list("pk", flat=True))
        OutboundEmail.objects.filter(related_id__in=ids, purpose="signature_confirmation").delete()
        campaign.delete()
        cache.delete(f"petitions:count:{petition.pk}")
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")
        broker.stop()
        sink.stop(no_assert=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
