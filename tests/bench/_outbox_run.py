"""The outbox benchmark itself (see tests/bench/outbox.py), in a process of its own."""

import multiprocessing
import os
import secrets
import smtplib
import sys
import time
from collections import Counter

from tests.outbox.processes import CeleryWorker, RedisServer, wait_until, worker_env

MESSAGES = int(os.environ.get("OUTBOX_BENCH_MESSAGES", "10000"))
WORKERS = 2
# Sending mail is waiting on sockets: each worker process runs a few threads (as in production,
# `celery worker --pool threads`), so one's wait is another's turn.
POOL = os.environ.get("OUTBOX_BENCH_POOL", "threads")
THREADS = int(os.environ.get("OUTBOX_BENCH_THREADS", "8"))
TARGET_RATIO = 0.5
BODY = (
    "Dear Minister,\n\nPlease issue emergency visas to people fleeing persecution.\n\n" * 8
) + "Yours sincerely,\nA supporter\n"


def _sink_main(connection) -> None:
    """The SMTP sink, in its own process: answers "port", "count", "ids", "reset", "stop"."""
    from tests.outbox.smtp_server import ScriptedSMTPServer

    server = ScriptedSMTPServer().start()
    while True:
        command = connection.recv()
        if command == "port":
            connection.send(server.port)
        elif command == "count":
            connection.send(server.count())
        elif command == "ids":
            with server._lock:
                connection.send(list(server.message_ids))
        elif command == "reset":
            with server._lock:
                server.message_ids.clear()
            connection.send(True)
        elif command == "stop":
            server.stop()
            connection.send(True)
            return


class Sink:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(target=_sink_main, args=(child,), daemon=True)
        self._process.start()
        self.port = self.ask("port")

    def ask(self, command: str):
        self._connection.send(command)
        return self._connection.recv()

    def stop(self) -> None:
        self.ask("stop")
        self._process.join(timeout=10)


def raw_loop(port: int, payloads: list[tuple[str, str, bytes]]) -> float:
    """The limit: the same messages, already built, over one smtplib connection. Returns msg/s."""
    started = time.perf_counter()
    client = smtplib.SMTP("127.0.0.1", port, timeout=10)
    for sender, recipient, data in payloads:
        client.sendmail(sender, [recipient], data)
    client.quit()
    return len(payloads) / (time.perf_counter() - started)


def main() -> int:
    sink = Sink()
    broker = RedisServer().start()
    # This process publishes to the private broker; workers and it share the database.
    os.environ.update({"REDIS_URL": broker.url, "CHORUS_REAL_WORKER": "1"})
    os.environ.setdefault("SECRET_KEY", "bench-secret-key")

    import django

    django.setup()
    from django.core.mail import make_msgid
    from django.core.management import call_command

    from campaign.outbox.delivery import build_message
    from campaign.outbox.models import OutboundEmail
    from campaign.outbox.services import outbox_sweep

    call_command("migrate", verbosity=0, interactive=False)
    run_id = secrets.token_hex(4)
    domain = f"bench-{run_id}.example.org"
    rows = [
        OutboundEmail(
            to=f"reader{n}@example.org",
            from_email="Chorus <chorus@example.org>",
            subject=f"Letter {n} from a supporter",
            body_text=BODY,
            purpose=OutboundEmail.Purpose.LETTER,
            message_id=make_msgid(domain=domain),
        )
        for n in range(MESSAGES)
    ]
    payloads = [
        (row.from_email, row.to, build_message(row).message().as_bytes(linesep="\r\n"))
        for row in rows
    ]
    workers: list[CeleryWorker] = []
    ok = False
    try:
        raw_before = raw_loop(sink.port, payloads)
        sink.ask("reset")

        OutboundEmail.objects.bulk_create(rows, batch_size=2000)
        env = worker_env(
            database_url=os.environ["DATABASE_URL"], broker_url=broker.url, smtp_port=sink.port
        )
        env["EMAIL_TIMEOUT"] = "10"
        for _ in range(WORKERS):
            workers.append(
                CeleryWorker(
                    env,
                    pool=POOL,
                    concurrency=THREADS,
                )
            )
        for worker in workers:
            worker.start()

        started = time.perf_counter()
        outbox_sweep()
        finished = wait_until(lambda: sink.ask("count") >= MESSAGES, timeout=900, interval=0.1)
        elapsed = time.perf_counter() - started
        outbox_rate = MESSAGES / elapsed
        # Anything still in flight (a duplicate would arrive now) has a moment to land.
        wait_until(
            lambda: (
                not OutboundEmail.objects.filter(
                    message_id__endswith=f"@{domain}>",
                    status__in=[OutboundEmail.Status.QUEUED, OutboundEmail.Status.SENDING],
                ).exists()
            ),
            timeout=30,
        )
        for worker in workers:
            worker.stop()

        received = Counter(mid for mid in sink.ask("ids") if mid.endswith(f"@{domain}>"))
        expected = {row.message_id for row in rows}
        lost = len(expected - set(received))
        duplicated = sum(n - 1 for n in received.values() if n > 1)
        sent_rows = OutboundEmail.objects.filter(
            message_id__endswith=f"@{domain}>", status=OutboundEmail.Status.SENT
        ).count()

        sink.ask("reset")
        raw_after = raw_loop(sink.port, payloads)
        # The raw loop runs before and after, so a burst of load from elsewhere on the machine
        # shows; the ratio is to their mean (and, stricter, to the better of the two).
        raw = (raw_before + raw_after) / 2
        ratio = outbox_rate / raw
        print(f"{'':<40}{'messages':>9}{'msg/s':>9}")
        print(f"{'raw smtplib, one connection (before)':<40}{MESSAGES:>9}{raw_before:>9.0f}")
        print(f"{'raw smtplib, one connection (after)':<40}{MESSAGES:>9}{raw_after:>9.0f}")
        label = f"outbox, {WORKERS} worker processes ({POOL} x{THREADS})"
        print(f"{label:<40}{MESSAGES:>9}{outbox_rate:>9.0f}")
        print(
            f"ratio outbox / raw: {ratio:.2f} to the mean, "
            f"{outbox_rate / max(raw_before, raw_after):.2f} to the better "
            f"(target >= {TARGET_RATIO})"
        )
        print(f"lost {lost}, duplicated {duplicated}, rows sent {sent_rows}/{MESSAGES}")
        ok = finished and lost == 0 and duplicated == 0 and sent_rows == MESSAGES
        ok = ok and ratio >= TARGET_RATIO
        if not ok:
            print("outbox bench: FAILED")
    finally:
        for worker in workers:
            worker.stop()
        OutboundEmail.objects.filter(message_id__endswith=f"@{domain}>").delete()
        broker.stop()
        sink.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
