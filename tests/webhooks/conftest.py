"""Fixtures of the webhook tests: a local receiver, an endpoint pointing at it, short timings."""

import pytest

from tests.factories.webhooks import WebhookEndpointFactory
from tests.webhooks.receiver import Receiver


@pytest.fixture(autouse=True)
def _webhook_settings(settings):
    """Short timeouts and waits, so a hanging endpoint and a retry fit in a test."""
    settings.WEBHOOKS_ALLOW_LOCAL_URLS = True
    settings.WEBHOOKS_CONNECT_TIMEOUT_SECONDS = 1.0
    settings.WEBHOOKS_READ_TIMEOUT_SECONDS = 0.5
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 10.0
    settings.WEBHOOKS_RETRY_MAX_SECONDS = 60.0
    settings.WEBHOOKS_MAX_ATTEMPTS = 4


@pytest.fixture(autouse=True)
def _closed_breaker():
    """A test that broke the broker must not leave later tests skipping their publishes."""
    from campaign.outbox.services import broker_breaker

    broker_breaker.reset()
    yield
    broker_breaker.reset()


@pytest.fixture
def receiver():
    server = Receiver().start()
    yield server
    server.stop()


@pytest.fixture
def endpoint(db, receiver):
    return WebhookEndpointFactory(url=receiver.url)
