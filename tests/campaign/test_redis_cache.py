"""The cache backend of the sign path: Django's RedisCache with a reused client and an atomic,
one-round-trip incr (campaign/redis_cache.py), on the test Redis."""

import pytest
from django.core.cache import cache, caches

from campaign.redis_cache import ReusedClientRedisCache


def test_it_is_the_backend_the_settings_use():
    assert isinstance(caches["default"], ReusedClientRedisCache)


def test_it_builds_one_client_and_reuses_it():
    cache.set("a", 1, 60)
    client = cache._cache.get_client("a", write=True)

    cache.get("a")
    cache.add("b", 1, 60)

    assert cache._cache.get_client("b") is client


def test_it_increments_an_existing_key_and_keeps_its_expiry():
    cache.set("count", 5, 100)

    assert cache.incr("count") == 6
    assert cache.incr("count", 10) == 16
    assert cache.get("count") == 16
    assert 0 < cache._cache.get_client().ttl(cache.make_key("count")) <= 100


def test_it_refuses_to_increment_a_missing_key_and_creates_nothing():
    with pytest.raises(ValueError):
        cache.incr("missing")

    assert cache.get("missing") is None


def test_it_increments_again_after_redis_forgot_its_scripts():
    cache.set("count", 1, 100)
    cache.incr("count")
    cache._cache.get_client().script_flush()

    assert cache.incr("count") == 3
