"""Issue 2's acceptance checks that are about the project itself, run with the suite.

`.ci/run` is only `make test`, so a model change without its migration, a ruff finding, an
unformatted file or an unreachable service must show up here to be caught at all.
"""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_it_has_a_migration_for_every_model_change():
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
    except SystemExit as exit_:  # --check exits 1 when a migration is missing
        pytest.fail(f"makemigrations --check found model changes without a migration ({exit_})")


def _tracked_python_files() -> list[str]:
    """What a fresh clone holds: a scratch file beside the checkout is not the project's."""
    listed = subprocess.run(
        ["git", "ls-files", "--", "*.py"], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    return listed.stdout.split() if listed.returncode == 0 else ["."]


def test_it_passes_ruff_check():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "--quiet", *_tracked_python_files()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_is_formatted_as_ruff_formats():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "format", "--check", "--quiet", *_tracked_python_files()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("service", "environment"),
    [
        ("PostgreSQL", {"DATABASE_URL": "postgres://postgres@127.0.0.1:1/chorus_test"}),
        ("Redis", {"REDIS_URL": "redis://127.0.0.1:1/0"}),
    ],
)
def test_it_stops_the_suite_in_one_line_when_a_service_is_unreachable(service, environment):
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--co", "tests/campaign"],
        cwd=ROOT,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    [line] = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert f"{service} is not reachable at" in line
