import factory

from campaign.webhooks import events
from campaign.webhooks.models import WebhookEndpoint


class WebhookEndpointFactory(factory.django.DjangoModelFactory):
    """An active endpoint subscribed to every event, without personal data."""

    class Meta:
        model = WebhookEndpoint

    name = factory.Sequence(lambda n: f"CRM {n}")
    url = "https://crm.example.org/chorus"
    events = factory.LazyFunction(lambda: list(events.SUBSCRIBABLE))
