"""The public count: a cached counter, bumped on confirm, rebuilt by a command."""

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from petitions import counters
from petitions.selectors import petition_count
from petitions.services import signature_confirm
from tests.factories.campaign import CampaignFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def test_it_counts_only_confirmed_unflagged_signatures(petition):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    SignatureFactory(petition=petition)
    SignatureFactory(petition=petition, confirmed=True, flagged=True)

    assert petition_count(petition=petition) == 2


def test_it_reads_the_count_without_a_query_once_cached(petition, django_assert_num_queries):
    petition_count(petition=petition)

    with django_assert_num_queries(0):
        petition_count(petition=petition)


def test_it_bumps_the_cached_count_on_confirm_without_touching_the_petition_row(
    petition, django_assert_num_queries, django_capture_on_commit_callbacks
):
    petition_count(petition=petition)
    signature = SignatureFactory(petition=petition)

    # The signature, its UPDATE and the webhook endpoints subscribed (none), the last two in a
    # transaction: a savepoint and its release inside the test's own transaction.
    with (
        django_capture_on_commit_callbacks(execute=True),
        django_assert_num_queries(5) as captured,
    ):
        signature_confirm(signature_id=signature.pk)

    assert petition_count(petition=petition) == 1
    assert not any('UPDATE "petitions_petition"' in q["sql"] for q in captured.captured_queries)


def test_it_rebuilds_the_counts_from_the_table(petition):
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    cache.set(f"petitions:count:{petition.pk}", 99)

    call_command("rebuild_petition_counts")

    assert petition_count(petition=petition) == 3


def test_it_rebuilds_only_the_petitions_named(petition):
    other = PetitionFactory()
    cache.set(f"petitions:count:{petition.pk}", 99)
    cache.set(f"petitions:count:{other.pk}", 99)

    call_command("rebuild_petition_counts", "visas")

    assert petition_count(petition=petition) == 0
    assert petition_count(petition=other) == 99


def test_it_exits_with_one_line_for_an_unknown_petition(petition):
    with pytest.raises(CommandError, match="No petition with slug: nope"):
        call_command("rebuild_petition_counts", "nope")


def test_it_keeps_the_confirmation_when_the_cache_is_down(petition, monkeypatch):
    signature = SignatureFactory(petition=petition)

    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "incr", broken)
    monkeypatch.setattr(cache, "get", broken)

    signature_confirm(signature_id=signature.pk)

    signature.refresh_from_db()
    assert signature.confirmed_at is not None
    assert counters.count_read(petition.pk) == 1


def test_it_rebuilds_the_counts_of_open_petitions_periodically(petition):
    from petitions.tasks import rebuild_open_petition_counts

    SignatureFactory(petition=petition, confirmed=True)
    cache.set(f"petitions:count:{petition.pk}", 50)

    rebuild_open_petition_counts()

    assert petition_count(petition=petition) == 1


def test_it_exits_with_one_line_when_the_cache_is_down(petition, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "set", broken)

    with pytest.raises(CommandError, match="Could not store the counts in the cache: redis down"):
        call_command("rebuild_petition_counts")


def test_it_recounts_periodically_only_the_petitions_still_taking_signatures(petition):
    from petitions.tasks import rebuild_open_petition_counts

    PetitionFactory(campaign=CampaignFactory(closed=True))
    PetitionFactory(campaign=CampaignFactory(draft=True))

    assert rebuild_open_petition_counts() == 1
