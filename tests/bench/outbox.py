"""Outbox throughput: 10,000 queued messages delivered by 2 Celery worker processes.

Next to it, in the same run and against the same local SMTP sink (aiosmtpd in its own process),
the limit: a raw smtplib loop sending the same 10,000 messages, already built, over one
connection. Reports messages/s of each and their ratio (target >= 0.5), and checks at the sink
that every message arrived exactly once (zero lost, zero duplicated). Then the same number of
petition confirmations as signing queues them, naming their template, so the workers render
each (the signature's SELECT, its count against its address's limit, the templates, the signed
link) before sending: reported next to the same raw loop, without a target, since that cost
moved there from the sign request.

The work runs in a child process (tests/bench/_outbox_run.py) so this module never configures
Django inside `make bench`'s process, which the other benchmarks set up their own way.
Run only this one: `DATABASE_URL=... REDIS_URL=... .venv/bin/python -m tests.bench outbox`.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run() -> bool:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("outbox bench needs DATABASE_URL on PostgreSQL (make bench sets it)")
        return False
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "campaign.settings_test"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench._outbox_run"], cwd=ROOT, env=env, check=False
    )
    return result.returncode == 0
