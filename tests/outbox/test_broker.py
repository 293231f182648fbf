"""The Redis transport's fix (campaign/outbox/broker.py), without starting a worker."""

import pytest
from django.conf import settings
from kombu import Connection

from campaign.outbox.broker import Transport


@pytest.fixture
def channel():
    connection = Connection(settings.REDIS_URL, transport=Transport)
    channel = connection.default_channel
    yield channel
    connection.release()


def test_the_settings_use_it_for_a_redis_broker():
    assert settings.CELERY_BROKER_TRANSPORT == "campaign.outbox.broker:Transport"


def test_a_channel_reconnects_as_before_after_collect_detached_its_transport(channel):
    channel.client.ping()  # connected: its parameters are known
    before = channel._connparams()
    transport = channel.connection

    # What Connection.collect() leaves behind, before the consumer closes the channel again.
    transport.client = None
    channel._disconnect_pools()

    assert channel._connparams() == before
    assert channel._create_client().ping()


def test_a_channel_that_never_connected_raises_a_connection_error_not_an_attribute_error():
    connection = Connection(settings.REDIS_URL, transport=Transport)
    transport = connection.transport
    channel = Transport.Channel.__new__(Transport.Channel)
    channel.connection = transport
    transport.client = None

    with pytest.raises(connection.connection_errors):
        channel._connparams()
