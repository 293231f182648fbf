import factory
from django.utils import timezone

from campaign.webhooks import events
from campaign.webhooks.models import WebhookDelivery, WebhookEndpoint


class WebhookEndpointFactory(factory.django.DjangoModelFactory):
    """An active endpoint subscribed to every event, without personal data."""

    class Meta:
        model = WebhookEndpoint

    name = factory.Sequence(lambda n: f"CRM {n}")
    url = "https://crm.example.org/chorus"
    events = factory.LazyFunction(lambda: list(events.SUBSCRIBABLE))


class WebhookDeliveryFactory(factory.django.DjangoModelFactory):
    """A queued `signature.confirmed` delivery; `sent=True` or `failed=True` for finished ones
    (failed: given up after the attempts)."""

    class Meta:
        model = WebhookDelivery

    endpoint = factory.SubFactory(WebhookEndpointFactory)
    event = events.SIGNATURE_CONFIRMED
    event_id = factory.Sequence(lambda n: f"evt_{n:032x}")
    payload = factory.LazyAttribute(
        lambda delivery: {
            "id": delivery.event_id,
            "type": delivery.event,
            "created": "2025-06-01T14:03:07Z",
            "data": {"signature_id": 7},
        }
    )
    created_at = factory.LazyFunction(timezone.now)
    next_attempt_at = factory.SelfAttribute("created_at")

    class Params:
        sent = factory.Trait(
            status=WebhookDelivery.Status.SENT,
            attempts=1,
            last_status_code=200,
            sent_at=factory.SelfAttribute("created_at"),
        )
        failed = factory.Trait(
            status=WebhookDelivery.Status.FAILED,
            attempts=16,
            last_status_code=503,
            last_error="Gave up after 16 attempts. Last error: HTTP 503",
        )
