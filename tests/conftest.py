"""Suite-wide fixtures: the services the suite needs, a clean cache, and the personas.

Personas: `organiser` (edits campaigns in the admin), `data_staff` (reads and exports supporter
lists), `outsider` (a logged-in user with no staff rights), and the anonymous supporter, who is
simply the test `client`.
"""

import os
import socket
from urllib.parse import urlparse

import pytest

# The small directory and the local Represent API, for every app that writes to MPs.
from tests.directory.conftest import ottawa, represent  # noqa: F401


def _unreachable(name: str, url: str, error: Exception) -> None:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    pytest.exit(f"{name} is not reachable at {url}: {reason}", returncode=3)


def _compile_stale_catalogs() -> None:
    """French pages need the compiled catalogs: `make install` compiles them, and so does a
    bare `pytest` run here, when a `.po` is newer than its `.mo`."""
    from pathlib import Path

    from campaign.catalogs import catalog_compile, catalogs, is_stale

    for po in catalogs([Path(__file__).resolve().parent.parent / "locale"]):
        if is_stale(po):
            catalog_compile(po)


def pytest_configure(config):
    """Fail in one line, before any test, when PostgreSQL or Redis is not there."""
    _compile_stale_catalogs()
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        import psycopg2

        parts = urlparse(database_url)
        try:
            psycopg2.connect(
                host=parts.hostname,
                port=parts.port or 5432,
                user=parts.username or "postgres",
                password=parts.password or None,
                dbname="postgres",
                connect_timeout=3,
            ).close()
        except psycopg2.Error as error:
            _unreachable("PostgreSQL", database_url, error)
    redis_url = os.environ.get("REDIS_URL", "")
    if redis_url:
        import redis

        try:
            redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
        except redis.RedisError as error:
            _unreachable("Redis", redis_url, error)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The database, with the staff groups even if a flush in an earlier run removed them.

    --reuse-db keeps the database between runs, and transactional tests (which pytest-django
    runs last) flush every table, including the rows data migrations wrote.
    """
    from campaign.staff_groups import restore_staff_groups

    with django_db_blocker.unblock():
        restore_staff_groups()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language. A request to a /fr/ page leaves French
    active in the thread (LocaleMiddleware activates a language and never deactivates it), so
    a later test's reverse() would give /fr/ addresses."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield


@pytest.fixture(autouse=True)
def _clean_cache():
    """Counters and rate limits live in the cache: every test starts with an empty one."""
    from django.core.cache import cache

    from campaign.redis_cache import cache_breaker

    cache_breaker.reset()  # a Redis another test stopped on purpose is not this test's
    cache.clear()
    yield


def _staff_group(name: str):
    """The group the migrations created; put back if a transactional test flushed it."""
    from django.contrib.auth.models import Group

    from campaign.staff_groups import restore_staff_groups

    if not Group.objects.filter(name=name).exists():
        restore_staff_groups()
    return Group.objects.get(name=name)


@pytest.fixture
def organiser(db, django_user_model):
    user = django_user_model.objects.create_user(
        "alice", "alice@example.org", "password", is_staff=True
    )
    user.groups.add(_staff_group("Organisers"))
    return user


@pytest.fixture
def data_staff(db, django_user_model):
    user = django_user_model.objects.create_user(
        "bob", "bob@example.org", "password", is_staff=True
    )
    user.groups.add(_staff_group("Data staff"))
    return user


@pytest.fixture
def outsider(db, django_user_model):
    return django_user_model.objects.create_user("charlie", "charlie@example.org", "password")


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


class SmtpSink:
    """What a local SMTP server received: one (envelope sender, RCPT TO list, message) each."""

    def __init__(self):
        self.received: list[tuple[str, list[str], object]] = []

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"

    @property
    def messages(self):
        return [message for _sender, _rcpt, message in self.received]

    @property
    def rcpt_tos(self) -> list[str]:
        return [address for _sender, rcpt, _message in self.received for address in rcpt]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on localhost; the outbox delivers to it through Django's SMTP backend."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "Chorus <letters@chorus.example>"
    settings.LETTERS_TEST_MODE = False
    yield sink
    controller.stop()
