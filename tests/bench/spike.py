"""The whole loop of a spike: sign, get the email, confirm, be counted — per second.

N supporters sign through the real form (gunicorn, 2 workers, on PostgreSQL and a private
Redis); one Celery worker (threads x8, as in docker-compose.yml) renders and sends each
confirmation to a local SMTP server standing in for their mailboxes; as each email lands, its
link is POSTed, as a supporter pressing the button would. The figure is complete signatures
per second, from the first sign request to the last confirmation, next to the bare one-INSERT
view served by the same gunicorn in the same run (before and after the loop, their mean).
Target: at least 0.4 of it, every confirmation at its mailbox within a minute of the sign
answer, none sent twice, and the public count ending at N.

The work runs in a child process (tests/bench/_spike_run.py), as the outbox bench does.
Run only this one: `make bench BENCH=spike` (`SPIKE_BENCH_SIGNERS=…` to change N, 2,000).
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run() -> bool:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("spike bench needs DATABASE_URL on PostgreSQL (make bench sets it)")
        return False
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench._spike_run"],
        cwd=ROOT,
        env=dict(os.environ),
        check=False,
    )
    return result.returncode == 0
