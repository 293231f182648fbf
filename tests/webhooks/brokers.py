"""Publishing for real (not eagerly) from the test process, to a broker that is up or down."""

from contextlib import contextmanager

from kombu import pools as kombu_pools

from campaign.celery import app as celery_app
from campaign.outbox.services import broker_breaker

# Nothing listens on port 1: a publish there fails at once, as with Redis down.
DOWN = "redis://127.0.0.1:1/0"


@contextmanager
def publishing_to(broker_url: str):
    def reset_pools():
        # kombu keeps its pools by broker URL for the whole process: close and forget them all,
        # or a later publish to the same URL gets a closed pool.
        kombu_pools.reset()
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = broker_url, False
    reset_pools()
    broker_breaker.reset()
    try:
        yield celery_app
    finally:
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved
        reset_pools()
        broker_breaker.reset()
