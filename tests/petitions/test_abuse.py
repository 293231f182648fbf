"""Abuse: per-address rate limits on the trusted client address, and simultaneous signings."""

import pytest
from django.urls import reverse

from campaign.outbox.models import OutboundEmail
from petitions.addresses import email_key
from petitions.models import Signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_minute(settings):
    settings.PETITIONS_SIGN_RATELIMIT = "2/m"


def sign_as(client, petition, valid_form, n, **extra):
    data = {**valid_form, "email": f"person{n}@example.org"}
    return client.post(reverse("petitions:sign", kwargs={"slug": petition.slug}), data, **extra)


def test_it_stores_over_limit_signatures_flagged_and_shows_the_normal_page(
    client, petition, valid_form, two_per_minute
):
    responses = [
        sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7") for n in range(3)
    ]

    assert [r.status_code for r in responses] == [302, 302, 302]
    assert len({r["Location"] for r in responses}) == 1
    flagged = Signature.objects.get(is_flagged=True)
    assert flagged.email == "person2@example.org"
    assert flagged.flag_reason == Signature.FlagReason.RATE_LIMIT
    assert OutboundEmail.objects.count() == 2


def test_it_limits_each_address_separately(client, petition, valid_form, two_per_minute):
    for n in range(2):
        sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7")

    sign_as(client, petition, valid_form, 9, REMOTE_ADDR="198.51.100.8")

    assert not Signature.objects.filter(is_flagged=True).exists()


def test_it_ignores_a_forwarded_header_when_no_proxy_is_trusted(
    client, petition, valid_form, two_per_minute, settings
):
    settings.CLIENT_IP_HEADER = ""
    for n in range(3):
        sign_as(
            client,
            petition,
            valid_form,
            n,
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )

    assert Signature.objects.filter(is_flagged=True).count() == 1


def test_it_takes_the_address_from_the_trusted_proxy_header(
    client, petition, valid_form, two_per_minute, settings
):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for n in range(3):
        sign_as(
            client,
            petition,
            valid_form,
            n,
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_REAL_IP=f"203.0.113.{n}",
        )

    assert not Signature.objects.filter(is_flagged=True).exists()


def test_it_still_stores_the_signature_when_the_rate_limit_cache_is_down(
    client, petition, valid_form, monkeypatch
):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "add", broken)

    response = sign_as(client, petition, valid_form, 1)

    assert response.status_code == 302
    assert Signature.objects.filter(is_flagged=False).count() == 1


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Jane.Doe+petition@GoogleMail.com", "janedoe@gmail.com"),
        ("jane.doe@example.org", "jane.doe@example.org"),
        ("Jane+x@Example.ORG", "jane@example.org"),
    ],
)
def test_it_normalises_addresses_to_one_identity(typed, key):
    assert email_key(typed) == key
