"""SSRF: webhooks go to public https addresses only, checked on save and on every connection."""

import pytest

from campaign.webhooks import delivery, events
from campaign.webhooks.addresses import is_public, url_problem
from campaign.webhooks.models import WebhookDelivery
from campaign.webhooks.services import webhook_emit


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",  # noqa: S104 - an address judged, not bound
        "::1",
        "fd00::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
    ],
)
def test_it_treats_local_private_and_reserved_addresses_as_not_public(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::6810:84e5"])
def test_it_treats_internet_addresses_as_public(address):
    assert is_public(address)


@pytest.fixture
def production(settings):
    settings.WEBHOOKS_ALLOW_LOCAL_URLS = False
    return settings


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hooks",
        "https://localhost/hooks",
        "https://10.0.0.5/hooks",
        "https://[::1]/hooks",
        "https://169.254.169.254/latest/meta-data",
    ],
)
def test_it_refuses_to_save_an_endpoint_on_a_local_address(production, url):
    assert "private or local" in url_problem(url)


def test_it_refuses_plain_http(production):
    assert "https://" in url_problem("http://93.184.215.14/hooks")


def test_it_refuses_credentials_in_the_url(production):
    assert "user name" in url_problem("https://user:pw@93.184.215.14/hooks")


def test_it_accepts_a_public_https_address(production):
    assert url_problem("https://93.184.215.14/hooks") is None


@pytest.mark.django_db
def test_a_connection_that_lands_on_a_local_address_is_refused_and_fails(
    production, endpoint, receiver
):
    """The check at connection time catches a name that resolves elsewhere after saving."""
    (row,) = webhook_emit(event=events.SIGNATURE_CONFIRMED, data={})

    assert delivery.deliver(row.pk).status == "failed"

    assert receiver.received == []
    assert "non-public address 127.0.0.1" in WebhookDelivery.objects.get(pk=row.pk).last_error
