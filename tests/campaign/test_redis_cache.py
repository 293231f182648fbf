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


# --- The breaker: a hung Redis costs one timeout, then the cache is skipped for a while ---


@pytest.fixture
def hung_redis(settings):
    """A server that accepts connections and never answers, as the cache's backend."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.05)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "campaign.redis_cache.ReusedClientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.getsockname()[1]}/0",
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3},
        }
    }
    settings.CACHE_FAILURE_PAUSE_SECONDS = 30
    yield
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def _timed(call) -> float:
    import time

    started = time.monotonic()
    with pytest.raises(Exception):  # noqa: B017 - whatever the client raises, callers catch it
        call()
    return time.monotonic() - started


def test_a_hung_redis_costs_one_timeout_then_the_cache_is_skipped(hung_redis):
    from django.core.cache import cache

    first = _timed(lambda: cache.get("a"))
    rest = [_timed(call) for call in [lambda: cache.get("a"), lambda: cache.set("a", 1)] * 5]

    assert first >= 0.25
    assert sum(rest) < 0.1


def test_it_tries_redis_again_once_the_pause_is_over(hung_redis, settings):
    import time

    from django.core.cache import cache

    settings.CACHE_FAILURE_PAUSE_SECONDS = 0.2
    _timed(lambda: cache.get("a"))
    time.sleep(0.25)

    assert _timed(lambda: cache.get("a")) >= 0.25


def test_petition_pages_never_wait_on_a_hung_redis_more_than_once(hung_redis, client, db):
    import time

    from petitions import local_cache
    from tests.factories.petitions import PetitionFactory

    petition = PetitionFactory(slug="visas")
    started = time.monotonic()
    for _ in range(5):
        local_cache.clear()  # as if each request landed on another process's cold page cache
        assert client.get(petition.get_absolute_url()).status_code == 200
    assert time.monotonic() - started < 1.2
