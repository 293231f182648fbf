"""A worker's batch of confirmations is counted against the per-address limit at once (one
UPDATE claims the counts), and decides exactly what counting them one by one would."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaign.outbox import delivery
from petitions import rate_limits
from petitions.models import Signature
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_per_minute(settings):
    settings.PETITIONS_SIGN_RATELIMIT = "2/m"


def sign_as(client, petition, valid_form, n, address):
    data = {**valid_form, "email": f"person{n}@example.org"}
    url = reverse("petitions:sign", kwargs={"slug": petition.slug})
    return client.post(url, data, REMOTE_ADDR=address)


def new_signatures(n: int, **fields) -> list[Signature]:
    """`n` signatures waiting to be counted, from one address, signed in the same minute."""
    first = SignatureFactory(rate_limit_pending=True, ip_hash="same", **fields)
    rest = [
        SignatureFactory(
            rate_limit_pending=True,
            ip_hash="same",
            petition=first.petition,
            created_at=first.created_at,
        )
        for _ in range(n - 1)
    ]
    return list(Signature.objects.filter(pk__in=[first.pk, *(s.pk for s in rest)]).order_by("pk"))


def test_a_batch_flags_the_same_signatures_as_one_at_a_time(
    client, petition, valid_form, two_per_minute
):
    for n in range(4):
        sign_as(client, petition, valid_form, n, "198.51.100.7")
    sign_as(client, petition, valid_form, 9, "198.51.100.8")

    outcomes = delivery.deliver_due(limit=10, budget_seconds=10)

    assert sorted(o.status for o in outcomes) == ["cancelled"] * 2 + ["sent"] * 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "person0@example.org",
        "person1@example.org",
        "person9@example.org",
    ]
    flagged = Signature.objects.filter(flag_reason=Signature.FlagReason.RATE_LIMIT)
    assert sorted(flagged.values_list("email", flat=True)) == [
        "person2@example.org",
        "person3@example.org",
    ]
    assert not Signature.objects.filter(rate_limit_pending=True).exists()


def test_a_batch_claims_its_signatures_counts_in_one_statement(client, petition, valid_form):
    for n in range(10):
        sign_as(client, petition, valid_form, n, "198.51.100.7")

    with CaptureQueriesContext(connection) as queries:
        delivery.deliver_due(limit=10, budget_seconds=10)

    claims = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "petitions_signature"')]
    assert len(claims) == 1
    assert len(mail.outbox) == 10


def test_each_signature_of_a_window_gets_the_count_it_would_get_alone(two_per_minute):
    alone, *batch = new_signatures(4)
    rate_limits.signatures_check([alone])

    rate_limits.signatures_check(batch)

    assert [s.is_flagged for s in batch] == [False, True, True]
    assert list(
        Signature.objects.filter(is_flagged=True).order_by("pk").values_list("pk", flat=True)
    ) == [s.pk for s in batch[1:]]


def test_a_signature_is_counted_once_however_often_its_batch_is_checked(two_per_minute):
    signatures = new_signatures(2)
    rate_limits.signatures_check(signatures)
    again = list(Signature.objects.filter(pk__in=[s.pk for s in signatures]).order_by("pk"))

    rate_limits.signatures_check(again)

    assert not Signature.objects.filter(is_flagged=True).exists()


def test_a_broken_cache_flags_none_of_a_batch(two_per_minute, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "add", broken)
    signatures = new_signatures(3)

    rate_limits.signatures_check(signatures)

    assert not any(s.is_flagged for s in signatures)
    assert not Signature.objects.filter(is_flagged=True).exists()
    assert not Signature.objects.filter(rate_limit_pending=True).exists()
