"""A local SMTP server (aiosmtpd) the tests can make refuse, fail, delay or hang.

It records every accepted message's Message-ID, so a test can count what reached "the wire".
Behaviour is scripted per recipient address: a list of replies for its successive attempts,
each an SMTP reply ("451 4.3.0 try later", "550 5.1.1 no such user"), "hang" (stop answering),
or None (accept). When the list runs out the address is accepted.
"""

import asyncio
import socket
import threading
import time
from collections import Counter, defaultdict
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller

HANG = "hang"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, server: "ScriptedSMTPServer") -> None:
        self.server = server

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.server._count_session()
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        action = self.server._next_action(address)
        if action == HANG:
            # Never answer: the client's socket timeout is what ends this conversation.
            await asyncio.sleep(3600)
        if action:
            return action
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.server.data_delay:
            await asyncio.sleep(self.server.data_delay)
        headers = BytesHeaderParser().parsebytes(envelope.content)
        self.server._record(headers.get("Message-ID", ""), list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


class ScriptedSMTPServer:
    """Start with `start()`, stop with `stop()`. Thread-safe for the test to inspect and script."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.data_delay = 0.0
        self._lock = threading.Lock()
        self._script: dict[str, list] = defaultdict(list)
        self.rcpt_attempts: Counter = Counter()
        self.message_ids: list[str] = []
        self.recipients: list[str] = []
        self.sessions = 0
        self._controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=self.port, ready_timeout=10
        )

    def start(self) -> "ScriptedSMTPServer":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop(no_assert=True)

    def script(self, address: str, *replies) -> None:
        with self._lock:
            self._script[address.lower()] = list(replies)

    def _next_action(self, address: str):
        with self._lock:
            self.rcpt_attempts[address.lower()] += 1
            replies = self._script.get(address.lower())
            return replies.pop(0) if replies else None

    def _count_session(self) -> None:
        with self._lock:
            self.sessions += 1

    def _record(self, message_id: str, recipients: list[str]) -> None:
        with self._lock:
            # A long Message-ID header is folded onto a second line: unfold it.
            self.message_ids.append("".join(str(message_id).split()))
            self.recipients.extend(r.lower() for r in recipients)

    def count(self) -> int:
        with self._lock:
            return len(self.message_ids)

    def duplicates(self) -> dict[str, int]:
        with self._lock:
            return {mid: n for mid, n in Counter(self.message_ids).items() if n > 1}

    def wait_for(self, count: int, timeout: float) -> bool:
        """Poll until at least `count` messages were accepted, or `timeout` seconds passed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.count() >= count:
                return True
            time.sleep(0.02)
        return self.count() >= count
