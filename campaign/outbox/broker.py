"""Celery's Redis transport, fixed so a worker survives Redis restarting under unacknowledged tasks.

The bug (Celery 5.7, kombu 5.7): when a worker loses Redis, its consumer first calls
`Connection.collect()`, whose attempt to close the channel fails (Redis is gone) and which then
detaches the transport from the connection (`transport.client = None`). The consumer then calls
`connection.close()`, which closes the channel again; closing a channel gives back the tasks the
worker holds unacknowledged (countdown tasks: outbox retries and pacing), and giving them back
builds a new Redis connection pool from `transport.client`, which is None:
`AttributeError: 'NoneType' object has no attribute 'hostname'`. That is not a connection error,
so the consumer does not catch it and the worker exits ("Unrecoverable error") with nothing to
restart it but an operator. Same failure as https://github.com/celery/kombu/issues/582 (a channel
closed after its connection: `_connparams` reads the missing client).

Here a channel remembers the parameters it connected with, so giving the tasks back after the
transport was detached connects as before: it succeeds if Redis is back, or fails with a
connection error, which the consumer ignores before reconnecting. Tasks it could not give back
stay in Redis's `unacked` hash, restored by kombu after the visibility timeout; their rows are in
PostgreSQL, and the outbox sweep delivers them when due (see README, "How delivery works").

Used through CELERY_BROKER_TRANSPORT (settings) for redis:// and rediss:// broker URLs.
"""

from kombu.transport import redis as kombu_redis
from redis.exceptions import ConnectionError as RedisConnectionError


class Channel(kombu_redis.Channel):
    def _connparams(self, asynchronous=False):
        saved = self.__dict__.setdefault("_chorus_connparams", {})
        if self.connection.client is None:
            # Detached by Connection.collect(): connect as this channel last did.
            if asynchronous not in saved:
                raise RedisConnectionError("the broker connection was closed")
            return dict(saved[asynchronous])
        params = super()._connparams(asynchronous=asynchronous)
        saved[asynchronous] = dict(params)
        return params


class Transport(kombu_redis.Transport):
    Channel = Channel
