"""Leases on claimed rows: short, and renewed for as long as the worker holding them lives.

A claimed row is `sending` until `lease_expires_at`; the sweep (beat, every minute) takes back
rows whose lease ran out. A worker killed with its rows claimed therefore holds them for at most
OUTBOX_LEASE_SECONDS (20 s) after its last renewal, and the next sweep sends them again: within
about a minute and a half, where a lease covering a whole batch (10 minutes) held them 11.

While a worker process holds rows, one thread of that process renews all their leases every
OUTBOX_LEASE_RENEW_SECONDS (5 s) with one UPDATE, for rows still `sending` and still claimed by
this process (`claimed_by`), so it never extends a row the sweep has given to another worker.
Lease times are the database's clock (claims, renewals and the sweep alike), so the workers'
and beat's clocks do not matter.

"Sent once" needs a row's lease never to run out while its worker may still send it. Renewals
go on while the worker lives, but only until the time limit of the task that claimed the row
(a task stuck past it, which the threads pool cannot kill, lets its rows go); and the sending
loop asks `may_send` before each message: it sends only while the lease certainly has half its
length (10 s, at least one EMAIL_TIMEOUT: outbox.E002) left, by this process's last successful
renewal. A worker whose renewals fail (its database connection is gone) thus stops sending
before its rows can be taken back.
"""

import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection as db_connection
from django.db.models.functions import Now

log = logging.getLogger(__name__)


def lease() -> timedelta:
    return timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)


def expires():
    """`lease_expires_at` for a row claimed or renewed now, on the database's clock."""
    return Now() + lease()


@dataclass
class _Held:
    valid_until: float  # time.monotonic(): the lease certainly runs at least until then
    renew_until: float  # time.monotonic(): no renewal after this (the claiming task's limit)


class Leases:
    """The rows this process holds, and the thread that renews their leases."""

    def __init__(self, *, renew_in_background: bool = True) -> None:
        self._renew_in_background = renew_in_background
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._worker = ""
        self._held: dict[int, _Held] = {}
        self._thread: threading.Thread | None = None

    def _for_this_process(self) -> None:
        """After a fork (prefork pool) a process holds nothing and renews with its own thread."""
        pid = os.getpid()
        if self._pid != pid:
            self._pid = pid
            self._worker = f"{socket.gethostname()[:60]}:{pid}:{uuid.uuid4().hex[:8]}"
            self._held = {}
            self._thread = None

    def worker(self) -> str:
        """Who claims, in `claimed_by`: host, process id, and a nonce (pids are reused)."""
        with self._lock:
            self._for_this_process()
            return self._worker

    def hold(self, ids: list[int], *, claimed_at: float) -> None:
        """Rows this process has just claimed (`claimed_at`: time.monotonic() before the claim)."""
        if not ids:
            return
        held = _Held(
            valid_until=claimed_at + settings.OUTBOX_LEASE_SECONDS,
            renew_until=claimed_at + settings.OUTBOX_TASK_TIME_LIMIT_SECONDS,
        )
        with self._lock:
            self._for_this_process()
            for pk in ids:
                self._held[pk] = _Held(held.valid_until, held.renew_until)
            if self._renew_in_background and (self._thread is None or not self._thread.is_alive()):
                self._thread = threading.Thread(
                    target=self._renew_forever, name="outbox-lease-renewal", daemon=True
                )
                self._thread.start()

    def let_go(self, ids) -> None:
        with self._lock:
            for pk in ids:
                self._held.pop(pk, None)

    def may_send(self, pk: int) -> bool:
        """Whether the row's lease certainly has half its length left (see the module doc)."""
        with self._lock:
            held = self._held.get(pk)
        margin = settings.OUTBOX_LEASE_SECONDS / 2
        return held is not None and time.monotonic() + margin < held.valid_until

    def held_count(self) -> int:
        with self._lock:
            return len(self._held)

    def _renew_forever(self) -> None:
        while True:
            time.sleep(settings.OUTBOX_LEASE_RENEW_SECONDS)
            try:
                self.renew()
            except Exception:  # never let the thread die: the next round tries again
                log.warning("outbox: renewing leases failed", exc_info=True)
            finally:
                # This thread's own connection: closed between rounds, never left idle or broken.
                db_connection.close()

    def renew(self) -> int:
        """Renew the leases of held rows claimed or renewed more than a second ago.

        Rows claimed moments ago are left alone, so a process that holds rows only briefly (web
        processes delivering eagerly, most batches) never has this thread touch the database.
        A row no longer `sending` for this process keeps its old time: it is not this worker's
        to send, and `may_send` soon says so.
        """
        from django.db import transaction

        from campaign.outbox.models import OutboundEmail

        now = time.monotonic()
        lease_seconds = settings.OUTBOX_LEASE_SECONDS
        fresh = min(1.0, settings.OUTBOX_LEASE_RENEW_SECONDS / 2)
        with self._lock:
            worker = self._worker
            due = [
                pk
                for pk, held in self._held.items()
                if held.valid_until - now < lease_seconds - fresh and now < held.renew_until
            ]
        if not due:
            return 0
        with transaction.atomic():
            mine = OutboundEmail.objects.filter(
                pk__in=due, status=OutboundEmail.Status.SENDING, claimed_by=worker
            )
            renewed = set(mine.select_for_update().values_list("pk", flat=True))
            OutboundEmail.objects.filter(pk__in=renewed).update(lease_expires_at=expires())
        with self._lock:
            for pk in renewed:
                held = self._held.get(pk)
                if held is not None:
                    held.valid_until = now + lease_seconds
        log.debug("outbox: renewed the leases of %s rows", len(renewed))
        return len(renewed)


leases = Leases()
