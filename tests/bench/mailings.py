"""A follow-up mailing to 100,000 consenting supporters, from Send to the last at the sink.

The ledger holds the consenting people, a tenth as many who consented and withdrew, and a
tenth as many who consented only to another campaign. The organiser's Send publishes the
expansion; two Celery worker processes (threads, as in docker-compose.yml) queue the emails a
chunk at a time and deliver them to a local SMTP sink (aiosmtpd in its own process). Beside it,
in the same run, the limit: a raw smtplib loop sending 10,000 of the same messages, already
built, over one connection (before and after, their mean). Reports messages/s of both and
their ratio, and checks at the sink: every consenting person mailed once, nobody else mailed.

Run only this one: `make bench BENCH=mailings` (`MAILING_BENCH_PEOPLE=…` to change 100,000).
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run() -> bool:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("mailings bench needs DATABASE_URL on PostgreSQL (make bench sets it)")
        return False
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "campaign.settings_test"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench._mailings_run"], cwd=ROOT, env=env, check=False
    )
    return result.returncode == 0
