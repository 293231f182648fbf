"""The outbox benchmark itself (see tests/bench/outbox.py), in a process of its own."""

import multiprocessing
import os
import secrets
import smtplib
import sys
import time
from collections import Counter
from dataclasses import dataclass

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
    """The SMTP sink, in its own process: answers "port", "count", "ids", "recipients", "reset",
    "stop"."""
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
        elif command == "recipients":
            with server._lock:
                connection.send(list(server.recipients))
        elif command == "reset":
            with server._lock:
                server.message_ids.clear()
                server.recipients.clear()
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


@dataclass
class Delivery:
    rate: float
    lost: int
    duplicated: int
    sent_rows: int
    finished: bool

    @property
    def exact(self) -> bool:
        return self.finished and self.lost == 0 and self.duplicated == 0


def deliver_all(sink: "Sink", rows: list, domain: str) -> Delivery:
    """Write `rows` (unsaved, Message-IDs @domain), let the running workers deliver them from
    one sweep, and check at the sink that each arrived exactly once."""
    from campaign.outbox.models import OutboundEmail
    from campaign.outbox.services import outbox_sweep

    sink.ask("reset")
    OutboundEmail.objects.bulk_create(rows, batch_size=2000)
    ours = OutboundEmail.objects.filter(message_id__endswith=f"@{domain}>")
    started = time.perf_counter()
    outbox_sweep()
    finished = wait_until(lambda: sink.ask("count") >= len(rows), timeout=900, interval=0.1)
    rate = len(rows) / (time.perf_counter() - started)
    # Anything still in flight (a duplicate would arrive now) has a moment to land.
    wait_until(
        lambda: (
            not ours.filter(
                status__in=[OutboundEmail.Status.QUEUED, OutboundEmail.Status.SENDING]
            ).exists()
        ),
        timeout=30,
    )
    received = Counter(mid for mid in sink.ask("ids") if mid.endswith(f"@{domain}>"))
    return Delivery(
        rate=rate,
        lost=len({row.message_id for row in rows} - set(received)),
        duplicated=sum(n - 1 for n in received.values() if n > 1),
        sent_rows=ours.filter(status=OutboundEmail.Status.SENT).count(),
        finished=finished,
    )


def confirmation_rows(run_id: str, domain: str) -> list:
    """MESSAGES unconfirmed signatures on a bench petition, and their confirmation emails as
    signing queues them: naming the template, for the worker to render, and the signatures
    waiting to be counted against their address's limit (two signers per address, as in the
    petitions bench)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.mail import make_msgid

    from campaign.models import Campaign
    from campaign.outbox.models import OutboundEmail
    from petitions.addresses import ip_hash
    from petitions.emails import CONFIRMATION_TEMPLATE
    from petitions.models import Petition, Signature
    from petitions.purposes import PetitionPurpose
    from tests.factories.petitions import SignatureFactory

    campaign = Campaign.objects.create(slug=f"bench-{run_id}", title="Bench", status="published")
    petition = Petition.objects.create(
        campaign=campaign, slug=f"bench-{run_id}", title="Issue emergency visas"
    )
    signatures = Signature.objects.bulk_create(
        [
            SignatureFactory.build(
                petition=petition,
                email=f"signer{n}@example.org",
                ip_hash=ip_hash(ip=f"10.{n >> 17 & 255}.{n >> 9 & 255}.{n >> 1 & 255}", salt="b"),
                rate_limit_pending=True,
            )
            for n in range(MESSAGES)
        ],
        batch_size=2000,
    )
    signature_type = ContentType.objects.get_for_model(Signature)
    return [
        OutboundEmail(
            to=signature.email,
            from_email="Chorus <chorus@example.org>",
            template=CONFIRMATION_TEMPLATE,
            purpose=PetitionPurpose.SIGNATURE_CONFIRMATION,
            related_type=signature_type,
            related_id=signature.pk,
            message_id=make_msgid(domain=domain),
        )
        for signature in signatures
    ]


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
    from letters.purposes import LetterPurpose

    call_command("migrate", verbosity=0, interactive=False)
    run_id = secrets.token_hex(4)
    domain = f"bench-{run_id}.example.org"
    rows = [
        OutboundEmail(
            to=f"reader{n}@example.org",
            from_email="Chorus <chorus@example.org>",
            subject=f"Letter {n} from a supporter",
            body_text=BODY,
            purpose=LetterPurpose.LETTER,
            message_id=make_msgid(domain=domain),
        )
        for n in range(MESSAGES)
    ]
    payloads = [
        (row.from_email, row.to, build_message(row).message().as_bytes(linesep="\r\n"))
        for row in rows
    ]
    confirmations_domain = f"confirm-{run_id}.example.org"
    workers: list[CeleryWorker] = []
    ok = False
    try:
        raw_before = raw_loop(sink.port, payloads)
        env = worker_env(
            database_url=os.environ["DATABASE_URL"], broker_url=broker.url, smtp_port=sink.port
        )
        env["EMAIL_TIMEOUT"] = "10"
        workers = [CeleryWorker(env, pool=POOL, concurrency=THREADS) for _ in range(WORKERS)]
        for worker in workers:
            worker.start()

        letters = deliver_all(sink, rows, domain)
        confirmations = deliver_all(
            sink, confirmation_rows(run_id, confirmations_domain), confirmations_domain
        )
        for worker in workers:
            worker.stop()

        sink.ask("reset")
        raw_after = raw_loop(sink.port, payloads)
        # The raw loop runs before and after, so a burst of load from elsewhere on the machine
        # shows; the ratio is to their mean (and, stricter, to the better of the two).
        raw = (raw_before + raw_after) / 2
        ratio = letters.rate / raw
        print(f"{'':<44}{'messages':>9}{'msg/s':>9}")
        print(f"{'raw smtplib, one connection (before)':<44}{MESSAGES:>9}{raw_before:>9.0f}")
        print(f"{'raw smtplib, one connection (after)':<44}{MESSAGES:>9}{raw_after:>9.0f}")
        label = f"outbox, {WORKERS} worker processes ({POOL} x{THREADS})"
        print(f"{label:<44}{MESSAGES:>9}{letters.rate:>9.0f}")
        label = "  the same, petition confirmations rendered"
        print(f"{label:<44}{MESSAGES:>9}{confirmations.rate:>9.0f}")
        print(
            f"ratio outbox / raw: {ratio:.2f} to the mean, "
            f"{letters.rate / max(raw_before, raw_after):.2f} to the better "
            f"(target >= {TARGET_RATIO}); confirmations rendered by the worker: "
            f"{confirmations.rate / raw:.2f}"
        )
        for name, delivery in (("letters", letters), ("confirmations", confirmations)):
            print(
                f"{name}: lost {delivery.lost}, duplicated {delivery.duplicated}, "
                f"rows sent {delivery.sent_rows}/{MESSAGES}"
            )
        ok = all(d.exact and d.sent_rows == MESSAGES for d in (letters, confirmations))
        ok = ok and ratio >= TARGET_RATIO
        if not ok:
            print("outbox bench: FAILED")
    finally:
        for worker in workers:
            worker.stop()
        from campaign.models import Campaign

        OutboundEmail.objects.filter(message_id__endswith=f"@{domain}>").delete()
        OutboundEmail.objects.filter(message_id__endswith=f"@{confirmations_domain}>").delete()
        Campaign.objects.filter(slug=f"bench-{run_id}").delete()
        broker.stop()
        sink.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
