"""Django's Redis cache backend, minus two costs on the sign path of a viral petition.

Every cache call through `django.core.cache.backends.redis.RedisCache` builds a new
`redis.Redis` client object (about 0.1 ms of CPU: redis-py fills a table of ~170 response
callbacks per client), and its `incr` is two round trips (EXISTS, then INCRBY). django-ratelimit
makes three cache calls per signature (add, then incr), and the public count is bumped with
`incr` on every confirmation. `ReusedClientRedisCache` keeps the behaviour and the settings of
Django's backend and changes only this:

- one `redis.Redis` client per connection pool, built once and reused (redis-py clients are
  thread-safe: each command borrows a connection from the pool, and the pool starts afresh in
  a forked child);
- `incr` in one round trip, with a small Lua script that is also atomic: Django's version can
  see the key, lose it to expiry, then INCRBY a new key that never expires.

It is used by CACHES["default"] (campaign/settings.py) when REDIS_URL is set.

A Redis that is down or hung raises as before (socket timeouts from the same OPTIONS), and
every caller degrades (counts from the table, no rate limit, no Represent cache). But a hung
Redis would cost each request its socket timeout, about a second a page. So, as publishing
does with the broker (campaign/outbox/services.py), the first failure opens a breaker: for
CACHE_FAILURE_PAUSE_SECONDS the cache raises `CachePaused` at once without asking Redis, then
the next call tries Redis again. One breaker per Redis location and process.
"""

import threading
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

# Same contract as Django's incr: a missing key is an error (nil here, ValueError below),
# never created; an existing one keeps its expiry, as INCRBY always does.
_INCR_IF_EXISTS = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._incr_script = None

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients.setdefault(index, self._client(connection_pool=pool))
        return client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        if self._incr_script is None:
            # EVALSHA from then on; redis-py sends the script again if Redis forgot it.
            self._incr_script = client.register_script(_INCR_IF_EXISTS)
        value = self._incr_script(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


class CachePaused(RedisConnectionError):
    """Redis failed a moment ago: the cache is skipped without asking it (see module doc).

    A redis ConnectionError, so callers that handle a down Redis handle this the same way."""


class _CacheBreaker:
    """Until when each Redis location is skipped, in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open_until: dict[str, float] = {}

    def check(self, location: str) -> None:
        if time.monotonic() < self._open_until.get(location, 0.0):
            raise CachePaused(f"Redis cache at {location!r} paused after an error")

    def trip(self, location: str) -> None:
        with self._lock:
            self._open_until[location] = time.monotonic() + settings.CACHE_FAILURE_PAUSE_SECONDS

    def reset(self) -> None:
        with self._lock:
            self._open_until.clear()


cache_breaker = _CacheBreaker()

# Every method of Django's cache API that reaches Redis.
_GUARDED = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


def _guarded(name: str):
    unguarded = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        cache_breaker.check(self._location)
        try:
            return unguarded(self, *args, **kwargs)
        except CachePaused:
            raise
        except (RedisError, OSError):  # down, hung (timeout) or refusing; not a missing key
            cache_breaker.trip(self._location)
            raise

    method.__name__ = name
    method.__doc__ = unguarded.__doc__
    return method


class ReusedClientRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` with a reused client and a breaker (see
    module doc)."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._location = ",".join(self._servers)

    locals().update({name: _guarded(name) for name in _GUARDED})
