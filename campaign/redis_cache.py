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

It is used by CACHES["default"] (campaign/settings.py) when REDIS_URL is set. A Redis that is
down or hung raises exactly as before (socket timeouts from the same OPTIONS).
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

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


class ReusedClientRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` with a reused client (see module doc)."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
