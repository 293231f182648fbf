"""The mailing benchmark itself (see tests/bench/mailings.py), in a process of its own."""

import os
import secrets
import sys
import time
from collections import Counter

from tests.bench._outbox_run import POOL, THREADS, WORKERS, Sink, raw_loop
from tests.outbox.processes import CeleryWorker, RedisServer, wait_until, worker_env

PEOPLE = int(os.environ.get("MAILING_BENCH_PEOPLE", "100000"))
# Beside the consenting people, as many again who must get nothing: a tenth withdrew, the rest
# consented only to another campaign's updates.
WITHDRAWN = PEOPLE // 10
ELSEWHERE = PEOPLE // 10
RAW_SAMPLE = min(PEOPLE, 10_000)
BODY = (
    "Thank you for signing. The Minister answered our letters this week; here is what she said "
    "and what we ask next.\n\n"
) * 6


def _consents(campaign, other, run_id: str) -> list[str]:
    """The ledger: PEOPLE consenting to `campaign`, WITHDRAWN who consented then withdrew, and
    ELSEWHERE who consented to `other` only. Returns the consenting addresses."""
    from django.utils import timezone

    from campaign.consent.models import ConsentEvent
    from campaign.consent.scopes import campaign_scope
    from campaign.identities import mailbox_hash, mailbox_key

    now = timezone.now()
    given = ConsentEvent.Action.GIVEN

    def row(address: str, scope: str, action=given, seconds: int = 0) -> ConsentEvent:
        return ConsentEvent(
            mailbox_key=mailbox_key(address),
            mailbox_hash=mailbox_hash(address),
            address=address,
            scope=scope,
            action=action,
            wording="Yes, email me news about this campaign." if action == given else "",
            language="fr" if hash(address) % 4 == 0 else "en",
            page="/petitions/bench/",
            method=ConsentEvent.Method.DOUBLE_OPT_IN,
            recorded_at=now - timezone.timedelta(seconds=60 - seconds),
        )

    here, there = campaign_scope(campaign.pk), campaign_scope(other.pk)
    consenting = [f"p{n}.{run_id}@bench.example.org" for n in range(PEOPLE)]
    withdrawn = [f"w{n}.{run_id}@bench.example.org" for n in range(WITHDRAWN)]
    elsewhere = [f"e{n}.{run_id}@bench.example.org" for n in range(ELSEWHERE)]
    rows = [row(address, here) for address in consenting + withdrawn]
    rows += [row(address, here, ConsentEvent.Action.WITHDRAWN, seconds=30) for address in withdrawn]
    rows += [row(address, there) for address in elsewhere]
    ConsentEvent.objects.bulk_create(rows, batch_size=5000)
    return consenting


def main() -> int:
    sink = Sink()
    broker = RedisServer().start()
    os.environ.update({"REDIS_URL": broker.url, "CHORUS_REAL_WORKER": "1"})
    os.environ.setdefault("SECRET_KEY", "bench-secret-key")

    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from campaign.consent.models import ConsentEvent
    from campaign.mailings.models import Mailing, MailingRecipient
    from campaign.mailings.purposes import MailingPurpose
    from campaign.mailings.services import _Renderer, mailing_send
    from campaign.models import Campaign
    from campaign.outbox.delivery import build_message
    from campaign.outbox.models import OutboundEmail
    from campaign.outbox.queueing import email_build

    call_command("migrate", verbosity=0, interactive=False)
    run_id = secrets.token_hex(4)
    campaign = Campaign.objects.create(slug=f"mail-{run_id}", title="Bench", status="published")
    other = Campaign.objects.create(slug=f"other-{run_id}", title="Other", status="published")
    workers: list[CeleryWorker] = []
    ok = False
    try:
        started = time.perf_counter()
        consenting = _consents(campaign, other, run_id)
        print(
            f"ledger loaded: {len(consenting) + WITHDRAWN + ELSEWHERE} people in "
            f"{time.perf_counter() - started:.0f} s"
        )
        mailing = Mailing.objects.create(
            campaign=campaign, subject="What the Minister said", body=BODY,
            subject_fr="Ce que la ministre a dit", body_fr=BODY,
        )  # fmt: skip
        # The limit: RAW_SAMPLE of the same messages, built as the mailing builds them, over one
        # smtplib connection.
        renderer = _Renderer(mailing)
        payloads = []
        for address in consenting[:RAW_SAMPLE]:
            message = renderer.message(address=address, language="en")
            row = email_build(
                to=address, purpose=MailingPurpose.MAILING, subject=message.subject,
                body_text=message.body_text, headers=message.headers,
            )  # fmt: skip
            payloads.append(
                (row.from_email, row.to, build_message(row).message().as_bytes(linesep="\r\n"))
            )
        raw_before = raw_loop(sink.port, payloads)
        sink.ask("reset")

        env = worker_env(
            database_url=os.environ["DATABASE_URL"], broker_url=broker.url, smtp_port=sink.port
        )
        env["EMAIL_TIMEOUT"] = "10"
        workers = [CeleryWorker(env, pool=POOL, concurrency=THREADS) for _ in range(WORKERS)]
        for worker in workers:
            worker.start()

        started = time.perf_counter()
        sent_at = timezone.now()
        mailing_send(mailing=mailing, actor=None)
        finished = wait_until(lambda: sink.ask("count") >= PEOPLE, timeout=3600, interval=0.5)
        seconds = time.perf_counter() - started
        queued_at = Mailing.objects.get(pk=mailing.pk).expanded_at
        ours = OutboundEmail.objects.filter(
            purpose=MailingPurpose.MAILING, to__endswith=f".{run_id}@bench.example.org"
        )
        wait_until(lambda: not ours.filter(status__in=["queued", "sending"]).exists(), timeout=60)
        for worker in workers:
            worker.stop()
        received = Counter(address.lower() for address in sink.ask("recipients"))
        sink.ask("reset")
        raw_after = raw_loop(sink.port, payloads)

        raw = (raw_before + raw_after) / 2
        rate = PEOPLE / seconds
        wanted = {address.lower() for address in consenting}
        lost = len(wanted - set(received))
        duplicated = sum(n - 1 for n in received.values() if n > 1)
        unwanted = sum(n for address, n in received.items() if address not in wanted)
        print(f"{'':<48}{'messages':>9}{'msg/s':>9}")
        print(f"{'raw smtplib, one connection (before)':<48}{RAW_SAMPLE:>9}{raw_before:>9.0f}")
        print(f"{'raw smtplib, one connection (after)':<48}{RAW_SAMPLE:>9}{raw_after:>9.0f}")
        label = f"mailing, Send to the last at the sink ({WORKERS}x{POOL} x{THREADS})"
        print(f"{label:<48}{PEOPLE:>9}{rate:>9.0f}")
        print(
            f"ratio mailing / raw: {rate / raw:.2f}; every email queued "
            f"{(queued_at - sent_at).total_seconds() if queued_at else float('nan'):.0f} s "
            "after Send"
        )
        print(
            f"consenting {PEOPLE}: lost {lost}, duplicated {duplicated}; without consent "
            f"({WITHDRAWN} withdrawn, {ELSEWHERE} consenting elsewhere): mailed {unwanted}; "
            f"recipient rows {MailingRecipient.objects.filter(mailing=mailing).count()}"
        )
        ok = finished and not lost and not duplicated and not unwanted
        if not ok:
            print("mailing bench: FAILED")
    finally:
        for worker in workers:
            worker.stop()
        OutboundEmail.objects.filter(
            purpose=MailingPurpose.MAILING, to__endswith=f".{run_id}@bench.example.org"
        ).delete()
        MailingRecipient.objects.filter(mailing__campaign=campaign).delete()
        Mailing.objects.filter(campaign=campaign).delete()
        ConsentEvent.objects.filter(address__endswith=f".{run_id}@bench.example.org").delete()
        Campaign.objects.filter(pk__in=[campaign.pk, other.pk]).delete()
        broker.stop()
        sink.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
