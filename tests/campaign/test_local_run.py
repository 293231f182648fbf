"""What `make run` does, on the embedded defaults: SQLite, in-process tasks, mail to files."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def local_environment(tmp_path):
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="campaign.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'chorus.sqlite3'}",
    )
    return env


def _manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _get(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our server
                return response.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_it_serves_the_published_seed_campaign_on_the_embedded_defaults(local_environment):
    _manage(local_environment, "migrate", "--noinput")
    _manage(local_environment, "import_seeds", "--publish")
    first = _manage(local_environment, "create_organiser")
    second = _manage(local_environment, "create_organiser")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=local_environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        home = _get(f"http://127.0.0.1:{port}/", time.monotonic() + 30)
        page = _get(
            f"http://127.0.0.1:{port}/campaigns/lgbt-people-in-chechnya-need-canadas-help/",
            time.monotonic() + 10,
        )
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert "with password" in first
    assert "already exists" in second
    assert "LGBT people in Chechnya need Canada" in home
    assert "Sign the petition" in page
    assert "Write to your MP" in page
    assert "Write to the decision-makers" in page
    assert "Donate to Rainbow Railroad" in page
    assert "Donate to Canadian Centre for Gender &amp; Sexual Diversity" in page


# Signs the seed petition in a process on the embedded defaults (SQLite, tasks in-process,
# mail to files), with the mail directory moved to the test's own.
_SIGN_THE_SEED_PETITION = """
import os
from django.conf import settings
from django.test import Client
from petitions.models import Petition

settings.EMAIL_FILE_PATH = os.environ["TEST_MAIL_DIR"]
petition = Petition.objects.open().get()
response = Client().post(
    f"/petitions/{petition.slug}/sign/",
    {"first_name": "Ana", "last_name": "Roy", "email": "ana@example.org", "postal_code": "K1A0A6"},
    HTTP_HOST="127.0.0.1",
)
print(response.status_code, petition.signatures.count())
"""


def test_a_signature_on_the_embedded_defaults_sends_its_confirmation_to_a_file(
    local_environment, tmp_path
):
    mail_dir = tmp_path / "mail"
    _manage(local_environment, "migrate", "--noinput")
    _manage(local_environment, "import_seeds", "--publish")

    out = _manage(
        {**local_environment, "TEST_MAIL_DIR": str(mail_dir)},
        "shell",
        "-c",
        _SIGN_THE_SEED_PETITION,
    )

    assert out.split()[-2:] == ["302", "1"]
    [message] = [path.read_text() for path in mail_dir.iterdir()]
    assert "Subject: Confirm your signature: Issue emergency visas" in message
    assert "/petitions/confirm/" in message
