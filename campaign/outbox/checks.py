"""System checks: the outbox's timings only guarantee "once" when they fit inside each other.

A task held by a worker longer than the broker's visibility timeout is handed to a second
worker (Redis redelivers it), so every countdown must stay below that timeout. A row's lease must
be renewed well before it runs out, and a worker sends only while half a lease is left, which
must outlast a socket timeout, or the sweep could hand a row still being sent to another worker.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register

from campaign.outbox import pacing


def longest_countdown() -> float:
    """The longest countdown the outbox ever gives Celery (retries and pacing both use it)."""
    return max(settings.OUTBOX_MAX_COUNTDOWN_SECONDS, settings.OUTBOX_RETRY_MAX_SECONDS)


@register(Tags.compatibility)
def check_outbox_timings(app_configs, **kwargs) -> list[Error]:
    """outbox.E001 countdown vs visibility timeout, E002 lease vs its renewals and EMAIL_TIMEOUT,
    E003 a malformed pacing rate, E004 an ESP configured without webhook credentials."""
    errors = []
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 3600)
    if longest_countdown() >= visibility:
        errors.append(
            Error(
                f"An outbox countdown ({longest_countdown():.0f}s) reaches the broker's "
                f"visibility timeout ({visibility}s): delayed tasks would run more than once.",
                hint="Lower OUTBOX_MAX_COUNTDOWN_SECONDS / OUTBOX_RETRY_MAX_SECONDS or raise "
                "CELERY_VISIBILITY_TIMEOUT.",
                id="outbox.E001",
            )
        )
    lease, renew = settings.OUTBOX_LEASE_SECONDS, settings.OUTBOX_LEASE_RENEW_SECONDS
    if renew <= 0 or renew + 1 >= lease / 2 or lease / 2 < settings.EMAIL_TIMEOUT:
        errors.append(
            Error(
                "OUTBOX_LEASE_RENEW_SECONDS + 1 must be below half of OUTBOX_LEASE_SECONDS, and "
                "half of OUTBOX_LEASE_SECONDS at least EMAIL_TIMEOUT: a lease that expires while "
                "a message is being sent lets a second worker send it too.",
                hint="The defaults are a 20 s lease renewed every 5 s, with EMAIL_TIMEOUT=10.",
                id="outbox.E002",
            )
        )
    for key, rate in settings.OUTBOX_RATE_LIMITS.items():
        try:
            pacing.parse_rate(rate)
        except Exception as error:
            errors.append(Error(str(error), id="outbox.E003", obj=key))
    anymail = getattr(settings, "ANYMAIL", None)
    if anymail is not None and not anymail.get("WEBHOOK_SECRET"):
        errors.append(
            Error(
                "ANYMAIL is configured without WEBHOOK_SECRET: anyone could post fake bounces.",
                id="outbox.E004",
            )
        )
    return errors
