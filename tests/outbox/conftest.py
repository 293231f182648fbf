"""Fixtures of the outbox tests: a scriptable local SMTP server and fast retry timings."""

import pytest

from tests.outbox.smtp_server import ScriptedSMTPServer


@pytest.fixture(autouse=True)
def _outbox_settings(settings):
    """Short waits, so retry and pacing behaviour is visible within a test."""
    settings.OUTBOX_RETRY_BASE_SECONDS = 10.0
    settings.OUTBOX_RETRY_MAX_SECONDS = 60.0
    settings.OUTBOX_MAX_ATTEMPTS = 4
    settings.OUTBOX_RATE_LIMITS = {"parl.gc.ca": "60/m"}


@pytest.fixture(autouse=True)
def _closed_breaker():
    """A test that broke the broker must not leave later tests skipping their publishes."""
    from campaign.outbox.services import broker_breaker

    broker_breaker.reset()
    yield
    broker_breaker.reset()


@pytest.fixture(autouse=True)
def _fresh_publish_window():
    """A batch task published in one test (to its own broker) covers nothing in the next."""
    from campaign.outbox.services import publish_window

    publish_window.reset()
    yield
    publish_window.reset()


@pytest.fixture
def smtp_server():
    server = ScriptedSMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def smtp_settings(settings, smtp_server):
    """Django sends through the real SMTP backend to `smtp_server`."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 1
    return settings
