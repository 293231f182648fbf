"""Abuse: per-address rate limits on the trusted client address, counted by the email worker
before it sends a confirmation (petitions/rate_limits.py), and simultaneous signings."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from campaign.identities import mailbox_key
from campaign.outbox import delivery
from campaign.outbox.models import OutboundEmail
from campaign.outbox.selectors import emails_for
from petitions import services
from petitions.models import Signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_minute(settings):
    settings.PETITIONS_SIGN_RATELIMIT = "2/m"


def sign_as(client, petition, valid_form, n, **extra):
    data = {**valid_form, "email": f"person{n}@example.org"}
    return client.post(reverse("petitions:sign", kwargs={"slug": petition.slug}), data, **extra)


def send_confirmations():
    """What the email workers do with every queued row, oldest first."""
    for email_id in OutboundEmail.objects.order_by("pk").values_list("pk", flat=True):
        delivery.deliver(email_id)


def test_it_stores_over_limit_signatures_flagged_and_shows_the_normal_page(
    client, petition, valid_form, two_per_minute
):
    responses = [
        sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7") for n in range(3)
    ]
    send_confirmations()

    assert [r.status_code for r in responses] == [302, 302, 302]
    assert len({r["Location"] for r in responses}) == 1
    flagged = Signature.objects.get(is_flagged=True)
    assert flagged.email == "person2@example.org"
    assert flagged.flag_reason == Signature.FlagReason.RATE_LIMIT


def test_an_over_limit_signature_never_gets_the_link_that_would_confirm_it(
    client, petition, valid_form, two_per_minute
):
    for n in range(3):
        sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7")

    send_confirmations()

    assert sorted(m.to[0] for m in mail.outbox) == ["person0@example.org", "person1@example.org"]
    flagged = Signature.objects.get(is_flagged=True)
    assert emails_for(flagged).get().status == OutboundEmail.Status.CANCELLED


def test_it_limits_each_address_separately(client, petition, valid_form, two_per_minute):
    for n in range(2):
        sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7")
    sign_as(client, petition, valid_form, 9, REMOTE_ADDR="198.51.100.8")

    send_confirmations()

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

    send_confirmations()

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

    send_confirmations()

    assert not Signature.objects.filter(is_flagged=True).exists()


def test_a_honeypot_submission_does_not_count_against_its_address(
    client, petition, valid_form, two_per_minute
):
    sign_as(
        client,
        petition,
        {**valid_form, "website": "http://spam.example"},
        0,
        REMOTE_ADDR="198.51.100.7",
    )
    for n in (1, 2):
        sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7")

    send_confirmations()

    assert not Signature.objects.filter(flag_reason=Signature.FlagReason.RATE_LIMIT).exists()
    assert len(mail.outbox) == 2


def test_a_signature_is_counted_once_however_many_confirmations_it_is_sent(
    client, petition, valid_form, two_per_minute
):
    sign_as(client, petition, valid_form, 0, REMOTE_ADDR="198.51.100.7")
    send_confirmations()
    sign_as(client, petition, valid_form, 0, REMOTE_ADDR="198.51.100.7")  # re-sends it
    sign_as(client, petition, valid_form, 1, REMOTE_ADDR="198.51.100.7")

    send_confirmations()

    assert len(mail.outbox) == 3
    assert not Signature.objects.filter(is_flagged=True).exists()


def test_an_over_limit_signature_signed_twice_gets_neither_email(
    client, petition, valid_form, settings
):
    settings.PETITIONS_SIGN_RATELIMIT = "1/m"
    sign_as(client, petition, valid_form, 0, REMOTE_ADDR="198.51.100.7")
    for _ in range(2):
        sign_as(client, petition, valid_form, 1, REMOTE_ADDR="198.51.100.7")

    # One worker batch: both rows of the second signature share its object.
    delivery.deliver_claimed(delivery.claim_due(limit=10))

    assert [m.to[0] for m in mail.outbox] == ["person0@example.org"]
    assert Signature.objects.get(is_flagged=True).email == "person1@example.org"


def test_a_signature_an_organiser_cleared_is_not_flagged_again(
    client, petition, valid_form, two_per_minute
):
    for n in range(3):
        sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7")
    send_confirmations()
    flagged = Signature.objects.get(is_flagged=True)

    services.signature_unflag(signature_ids=[flagged.pk])
    send_confirmations()

    flagged.refresh_from_db()
    assert not flagged.is_flagged
    assert mail.outbox[-1].to == ["person2@example.org"]


def test_it_counts_signatures_in_windows_of_when_they_were_signed(
    client, petition, valid_form, settings
):
    settings.PETITIONS_SIGN_RATELIMIT = "2/h"
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n, signed_at in enumerate([hour, hour + timedelta(minutes=30), hour + timedelta(hours=1)]):
        with time_machine.travel(signed_at, tick=False):
            sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7")

    # Workers that were down for hours catch up all at once.
    with time_machine.travel(hour + timedelta(hours=5)):
        send_confirmations()

    assert not Signature.objects.filter(is_flagged=True).exists()


def test_it_counts_signatures_of_one_window_together_however_late_they_are_sent(
    client, petition, valid_form, settings
):
    settings.PETITIONS_SIGN_RATELIMIT = "2/h"
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    with time_machine.travel(hour + timedelta(minutes=5), tick=False):
        for n in range(3):
            sign_as(client, petition, valid_form, n, REMOTE_ADDR="198.51.100.7")

    for n, email in enumerate(OutboundEmail.objects.order_by("pk")):
        with time_machine.travel(hour + timedelta(hours=2 * n + 1)):
            delivery.deliver(email.pk)

    assert Signature.objects.get(is_flagged=True).email == "person2@example.org"


def test_it_sends_the_confirmation_when_the_rate_limit_cache_is_down(
    client, petition, valid_form, monkeypatch
):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    sign_as(client, petition, valid_form, 1)
    monkeypatch.setattr(cache, "add", broken)

    send_confirmations()

    assert len(mail.outbox) == 1
    assert Signature.objects.filter(is_flagged=False, rate_limit_pending=False).count() == 1


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Jane.Doe+petition@GoogleMail.com", "janedoe@gmail.com"),
        ("jane.doe@example.org", "jane.doe@example.org"),
        ("Jane+x@Example.ORG", "jane@example.org"),
    ],
)
def test_it_normalises_addresses_to_one_identity(typed, key):
    assert mailbox_key(typed) == key
