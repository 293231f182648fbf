"""Sending webhook deliveries: claim a row, POST it signed, record the outcome. Safe to repeat.

A row is claimed (queued -> sending, with a lease of WEBHOOKS_LEASE_SECONDS) by one conditional
UPDATE, so two workers never send it at once; the sweep takes back a row whose worker died
before recording the result (that delivery may then arrive twice: receivers de-duplicate by
the X-Chorus-Delivery id or the payload's `id`). The POST has short connect and read timeouts
and follows no redirect: 2xx is sent; 408, 429, 5xx, timeouts and connection errors are retried
with exponential backoff until WEBHOOKS_MAX_ATTEMPTS; any other answer fails the row at once.
"""

import json
import logging
from dataclasses import dataclass
from datetime import timedelta

import requests
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q
from django.utils import timezone

from campaign.backoff import backoff as retry_backoff
from campaign.backoff import ceiling as retry_ceiling
from campaign.webhooks.addresses import ForbiddenAddress, GuardedAdapter
from campaign.webhooks.models import WebhookDelivery, WebhookEndpoint
from campaign.webhooks.signing import HEADER as SIGNATURE_HEADER
from campaign.webhooks.signing import signature_header

log = logging.getLogger(__name__)

Status = WebhookDelivery.Status

USER_AGENT = "Chorus-Webhooks/1"
# Of a refused answer's body, this much is kept in last_error for staff.
ERROR_EXCERPT_BYTES = 300


@dataclass(frozen=True)
class Outcome:
    """What one attempt did: "sent", "failed" or "retry" (with `retry_in` seconds)."""

    delivery_id: int
    status: str
    retry_in: float | None = None


@dataclass(frozen=True)
class _Answer:
    status_code: int | None
    error: str
    transient: bool


def body_of(delivery: WebhookDelivery) -> bytes:
    """The request body: the stored payload, serialised the same way on every attempt."""
    return json.dumps(
        delivery.payload, cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":")
    ).encode()


def backoff(attempt: int) -> float:
    """Seconds before attempt `attempt + 1`: the outbox's rule (campaign.backoff), with the
    webhooks' base and cap."""
    return retry_backoff(
        attempt, base=settings.WEBHOOKS_RETRY_BASE_SECONDS, cap=settings.WEBHOOKS_RETRY_MAX_SECONDS
    )


def _ceiling(failures: int) -> float:
    return retry_ceiling(
        failures, base=settings.WEBHOOKS_RETRY_BASE_SECONDS, cap=settings.WEBHOOKS_RETRY_MAX_SECONDS
    )


def endpoint_is_open(endpoint: WebhookEndpoint, now=None) -> bool:
    """Whether deliveries may be tried now: active, and not paused after a failure."""
    now = now or timezone.now()
    return endpoint.active and (endpoint.paused_until is None or endpoint.paused_until <= now)


def claim(delivery_id: int) -> bool:
    """Take one due row for sending; only one caller ever wins. Rows of an inactive or paused
    endpoint are left queued (the sweep sends them when it reopens)."""
    now = timezone.now()
    endpoint = WebhookEndpoint.objects.filter(deliveries=delivery_id).first()
    if endpoint is None or not endpoint_is_open(endpoint, now):
        return False
    return (
        WebhookDelivery.objects.filter(
            pk=delivery_id, status=Status.QUEUED, next_attempt_at__lte=now
        ).update(
            status=Status.SENDING,
            lease_expires_at=now + timedelta(seconds=settings.WEBHOOKS_LEASE_SECONDS),
        )
        == 1
    )


def deliver(delivery_id: int) -> Outcome | None:
    """Claim and send one row. None when another run has it, or it is not queued or not due,
    or its endpoint is inactive or paused."""
    if not claim(delivery_id):
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    answer = _post(delivery)
    if answer.status_code is not None and 200 <= answer.status_code < 300:
        return _mark_sent(delivery, answer)
    if answer.transient:
        return _mark_transient(delivery, answer)
    return _mark_failed(delivery, answer, answer.error)


def _post(delivery: WebhookDelivery) -> _Answer:
    endpoint = delivery.endpoint
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Chorus-Event": delivery.event,
        "X-Chorus-Delivery": str(delivery.uuid),
        SIGNATURE_HEADER: signature_header(secret=endpoint.secret, body=body),
    }
    timeout = (settings.WEBHOOKS_CONNECT_TIMEOUT_SECONDS, settings.WEBHOOKS_READ_TIMEOUT_SECONDS)
    with requests.Session() as session:
        # No proxy or .netrc from the environment; connections refuse non-public peers.
        session.trust_env = False
        adapter = GuardedAdapter(max_retries=0)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        try:
            response = session.post(
                endpoint.url,
                data=body,
                headers=headers,
                timeout=timeout,
                allow_redirects=False,
                stream=True,
            )
            try:
                excerpt = response.raw.read(ERROR_EXCERPT_BYTES, decode_content=True) or b""
            except Exception:  # the status is what counts; a broken body is no reason to retry
                excerpt = b""
            finally:
                response.close()
        except ForbiddenAddress as error:
            return _Answer(None, str(error), transient=False)
        except requests.Timeout:
            return _Answer(None, "Timed out (no answer within the timeout).", transient=True)
        except requests.ConnectionError as error:
            return _Answer(None, f"Could not connect ({type(error).__name__}).", transient=True)
        except requests.RequestException as error:
            return _Answer(None, f"Request refused ({type(error).__name__}).", transient=False)
    code = response.status_code
    if 200 <= code < 300:
        return _Answer(code, "", transient=False)
    text = excerpt.decode("utf-8", "replace").strip()
    if 300 <= code < 400:
        error = f"HTTP {code}: redirects are not followed; set the endpoint to the final URL."
    else:
        error = f"HTTP {code}: {text}" if text else f"HTTP {code}"
    return _Answer(code, error, transient=code in (408, 429) or code >= 500)


def _mine(delivery: WebhookDelivery):
    """Conditional updates of a row this run holds: a no-op once it is no longer `sending`."""
    return WebhookDelivery.objects.filter(pk=delivery.pk, status=Status.SENDING)


def _mark_sent(delivery: WebhookDelivery, answer: _Answer) -> Outcome:
    _mine(delivery).update(
        status=Status.SENT,
        sent_at=timezone.now(),
        attempts=F("attempts") + 1,
        last_status_code=answer.status_code,
        last_error="",
        lease_expires_at=None,
    )
    # One write only when the endpoint was failing: a healthy endpoint costs nothing here.
    WebhookEndpoint.objects.filter(pk=delivery.endpoint_id).filter(
        Q(consecutive_failures__gt=0) | Q(paused_until__isnull=False)
    ).update(consecutive_failures=0, paused_until=None)
    log.info("webhooks: delivery %s (%s) sent", delivery.pk, delivery.event)
    return Outcome(delivery.pk, "sent")


def _mark_failed(delivery: WebhookDelivery, answer: _Answer, reason: str) -> Outcome:
    _mine(delivery).update(
        status=Status.FAILED,
        attempts=F("attempts") + 1,
        last_status_code=answer.status_code,
        last_error=reason[:2000],
        lease_expires_at=None,
    )
    log.warning("webhooks: delivery %s failed (%s)", delivery.pk, reason[:200])
    return Outcome(delivery.pk, "failed")


def _mark_transient(delivery: WebhookDelivery, answer: _Answer) -> Outcome:
    attempt = delivery.attempts + 1
    _pause_endpoint(delivery.endpoint)
    if attempt >= settings.WEBHOOKS_MAX_ATTEMPTS:
        reason = f"Gave up after {attempt} attempts. Last error: {answer.error}"
        return _mark_failed(delivery, answer, reason)
    wait = backoff(attempt)
    _mine(delivery).update(
        status=Status.QUEUED,
        attempts=attempt,
        next_attempt_at=timezone.now() + timedelta(seconds=wait),
        last_status_code=answer.status_code,
        last_error=answer.error[:2000],
        lease_expires_at=None,
    )
    log.warning(
        "webhooks: delivery %s attempt %s failed (%s), retry in %.0fs",
        delivery.pk,
        attempt,
        answer.error[:200],
        wait,
    )
    return Outcome(delivery.pk, "retry", wait)


def _pause_endpoint(endpoint: WebhookEndpoint) -> None:
    """After a timeout or a 5xx, nothing more goes to the endpoint for a while (doubling)."""
    failures = endpoint.consecutive_failures + 1
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        consecutive_failures=F("consecutive_failures") + 1,
        paused_until=timezone.now() + timedelta(seconds=_ceiling(failures)),
    )


def requeue_expired_leases() -> int:
    """Take back rows left `sending` by a worker that died: they are sent again."""
    now = timezone.now()
    return WebhookDelivery.objects.filter(status=Status.SENDING, lease_expires_at__lt=now).update(
        status=Status.QUEUED,
        next_attempt_at=now,
        lease_expires_at=None,
        last_error="The worker sending this stopped before recording the result; sent again.",
    )


def due_ids(*, per_endpoint: int) -> list[int]:
    """Due rows of open endpoints, oldest due first: up to `per_endpoint` each, and only one
    for an endpoint that is failing (a probe: if it answers, the rest follow next sweep)."""
    now = timezone.now()
    ids: list[int] = []
    for endpoint in WebhookEndpoint.objects.filter(active=True):
        if not endpoint_is_open(endpoint, now):
            continue
        limit = 1 if endpoint.consecutive_failures else per_endpoint
        ids += (
            WebhookDelivery.objects.filter(
                endpoint=endpoint, status=Status.QUEUED, next_attempt_at__lte=now
            )
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
    return ids
