"""Real processes for the fault tests and the benchmark: a private redis-server, Celery workers.

Each test starts its own redis-server on a free port and stops only that one (the machine's
Redis on 6379 serves everyone else). Workers run `celery -A campaign worker` on the test
settings with CHORUS_REAL_WORKER=1, so they use the test's database, broker and SMTP server.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import redis

from tests.outbox.smtp_server import free_port

ROOT = Path(__file__).resolve().parents[2]


def wait_until(predicate, timeout: float, interval: float = 0.05) -> bool:
    """Poll `predicate` until it is true or `timeout` seconds have passed (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


class RedisServer:
    """A throwaway redis-server: no persistence, its own port, stopped and restarted at will."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen | None = None

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_connect_timeout=1, socket_timeout=2)

    def start(self) -> "RedisServer":
        self._process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def answers() -> bool:
            try:
                return self.client().ping()
            except redis.RedisError:
                return False

        if not wait_until(answers, timeout=15):
            self.stop()
            raise RuntimeError(f"redis-server did not start on port {self.port}")
        return self

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)
        self._process = None

    def queue_length(self, queue: str = "celery") -> int:
        return self.client().llen(queue)


def worker_env(*, database_url: str, broker_url: str, smtp_port: int, **extra) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign.settings_test",
        "CHORUS_REAL_WORKER": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": broker_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "EMAIL_TIMEOUT": "1",
        "PYTHONUNBUFFERED": "1",
    }
    # An ESP configured in the developer's environment would replace the test's SMTP server.
    env.pop("ANYMAIL", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


class CeleryWorker:
    """`celery -A campaign worker` in its own process group, so SIGKILL takes all of it."""

    def __init__(
        self, env: dict, *, pool: str = "threads", concurrency: int = 1, loglevel: str = "INFO"
    ) -> None:
        self.env = env
        self.pool = pool
        self.concurrency = concurrency
        self.loglevel = loglevel
        self.name = f"outbox-test-{uuid.uuid4().hex[:8]}@%h"
        self._log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - lives as long as the worker
            prefix="outbox-worker-", suffix=".log", delete=False
        )
        self._process: subprocess.Popen | None = None

    @property
    def log_path(self) -> str:
        return self._log.name

    @property
    def pid(self) -> int | None:
        """The worker's main process, also its process group's id (None before start)."""
        return self._process.pid if self._process is not None else None

    def log_text(self) -> str:
        return Path(self._log.name).read_text(errors="replace")

    def start(self, *, timeout: float = 60) -> "CeleryWorker":
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "campaign",
                "worker",
                "--pool",
                self.pool,
                "--concurrency",
                str(self.concurrency),
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel",
                self.loglevel,
                "-n",
                self.name,
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if not wait_until(lambda: " ready." in self.log_text() or not self.alive(), timeout):
            self.kill()
            raise RuntimeError(f"worker not ready in {timeout}s:\n{self.log_text()[-3000:]}")
        if not self.alive():
            raise RuntimeError(f"worker exited:\n{self.log_text()[-3000:]}")
        return self

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def kill(self) -> None:
        """SIGKILL the worker's whole process group: no cleanup, no acknowledgements."""
        if self.alive():
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=10)

    def stop(self, timeout: float = 10) -> None:
        if self.alive():
            os.killpg(self._process.pid, signal.SIGTERM)
            try:
                self._process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()
        Path(self._log.name).unlink(missing_ok=True)
