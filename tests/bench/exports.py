"""Signatory export at scale: the view and the command against `psql \\copy` of the same rows.

With BENCH_EXPORT_ROWS (1,000,000) confirmed signatures bulk-loaded with COPY into one
petition, over 100 days, it exports the last tenth (100,000 rows, `--since`) and all of them,
three ways: `psql \\copy (SELECT …) TO file` of the same rows, columns and order (the
baseline), `manage.py export_signatures` and the admin's export view (through Django's test
client, the stream read to a file), each in a process of its own, whose peak RSS (ru_maxrss)
is read when it exits. Reports wall times, the ratio to `\\copy`, peak RSS, and checks that the
three files hold the same number of rows and that the command's and the view's are the same
bytes. Targets: at most 2x `\\copy`, peak RSS under 100 MB and flat as rows grow.

The work runs in a child process (tests/bench/_exports_run.py), as the outbox bench does.
Run only this one: `DATABASE_URL=... REDIS_URL=... .venv/bin/python -m tests.bench exports`.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run() -> bool:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("exports bench needs DATABASE_URL on PostgreSQL (make bench sets it)")
        return False
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "campaign.settings_test"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench._exports_run"], cwd=ROOT, env=env, check=False
    )
    return result.returncode == 0
