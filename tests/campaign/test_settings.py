"""Configuration from the environment: embedded defaults locally, strict in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "DATABASE_URL": "postgres://chorus:pw@db:5432/chorus",
    "REDIS_URL": "redis://redis:6379/0",
    "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587/?tls=True",
    "ALLOWED_HOSTS": "chorus.example.org",
    "SITE_URL": "https://chorus.example.org",
    "DEFAULT_FROM_EMAIL": "Chorus <no-reply@chorus.example.org>",
}
SETTING_NAMES = [
    "DEBUG",
    "DATABASES",
    "CACHES",
    "CELERY_TASK_ALWAYS_EAGER",
    "CELERY_BROKER_URL",
    "EMAIL_BACKEND",
    "EMAIL_FILE_PATH",
    "LETTERS_TEST_MODE",
    "SITE_URL",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
]


def _environment(**overrides) -> dict:
    """A clean environment: only what a fresh shell has, plus the overrides."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env["DJANGO_SETTINGS_MODULE"] = "campaign.settings"
    env.update(overrides)
    return env


def _settings(**overrides) -> dict:
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {SETTING_NAMES!r}}}, "
        "default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_environment(**overrides),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def _manage_check(environment: dict, *args: str) -> subprocess.CompletedProcess:
    """`manage.py check` in a fresh process with only `environment` set."""
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=_environment(**environment),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_defaults_to_sqlite_eager_tasks_and_mail_files_locally():
    values = _settings(DEBUG="1")

    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["DATABASES"]["default"]["NAME"] == str(ROOT / "var" / "chorus.sqlite3")
    assert values["CELERY_TASK_ALWAYS_EAGER"] is True
    assert values["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert values["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
    assert values["EMAIL_FILE_PATH"] == str(ROOT / "var" / "mail")
    assert values["LETTERS_TEST_MODE"] is True


def test_it_runs_in_local_debug_mode_on_a_fresh_checkout_with_nothing_configured():
    values = _settings()

    assert values["DEBUG"] is True
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_emailed_links_point_at_port_8000_when_nothing_says_otherwise():
    values = _settings()

    assert values["SITE_URL"] == "http://127.0.0.1:8000"
    assert values["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost"]


@pytest.mark.parametrize(
    ("served", "host"),
    [
        ("http://127.0.0.1:8080", "127.0.0.1"),
        ("http://chorus.lan:9000", "chorus.lan"),
        ("http://[::1]:8080", "[::1]"),
    ],
)
def test_emailed_links_follow_the_address_make_run_serves(served, host):
    values = _settings(CHORUS_RUN_URL=served)

    assert values["SITE_URL"] == served
    assert host in values["ALLOWED_HOSTS"]
    assert values["CSRF_TRUSTED_ORIGINS"] == [served]


def test_site_url_wins_over_the_address_make_run_serves():
    values = _settings(CHORUS_RUN_URL="http://127.0.0.1:8080", SITE_URL="https://tunnel.example")

    assert values["SITE_URL"] == "https://tunnel.example"
    assert "tunnel.example" in values["ALLOWED_HOSTS"]


def test_it_turns_debug_off_once_a_database_is_configured():
    values = _settings(DATABASE_URL="postgres://chorus:pw@db:5432/chorus", SECRET_KEY="x" * 50)

    assert values["DEBUG"] is False


def test_it_uses_redis_postgres_and_smtp_when_configured():
    values = _settings(**PRODUCTION)

    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert values["CELERY_TASK_ALWAYS_EAGER"] is False
    assert values["CELERY_BROKER_URL"] == "redis://redis:6379/0"
    assert values["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert values["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert values["LETTERS_TEST_MODE"] is False


@pytest.mark.parametrize(
    "environment",
    [
        {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"},
        # DEBUG unset: a named database means a deployment, so debug is off.
        {"DATABASE_URL": PRODUCTION["DATABASE_URL"]},
    ],
    ids=["production", "database-only"],
)
def test_it_refuses_to_start_without_secret_key_when_debug_is_off(environment):
    result = _manage_check(environment)

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Chorus refuses to start: SECRET_KEY is not set (set it, or DEBUG=1 for local use)."
    ]


def test_it_passes_the_deployment_checks_with_production_settings():
    result = _manage_check(PRODUCTION, "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr


def test_it_warns_at_deployment_when_running_on_the_embedded_defaults():
    environment = {k: v for k, v in PRODUCTION.items() if k not in ("DATABASE_URL", "REDIS_URL")}

    result = _manage_check(environment, "--deploy", "--fail-level", "WARNING")

    assert result.returncode != 0
    assert "chorus.W001" in result.stderr
    assert "chorus.W002" in result.stderr


def test_it_starts_a_celery_worker_against_redis():
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("REDIS_URL is not set")
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "campaign",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=_environment(**{**PRODUCTION, "REDIS_URL": redis_url}),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        seen = []
        for line in worker.stdout:
            seen.append(line)
            if " ready." in line or len(seen) > 200:
                break
        assert any(" ready." in line for line in seen), "".join(seen)
        assert any("campaign.outbox.tasks.deliver_email" in line for line in seen)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
