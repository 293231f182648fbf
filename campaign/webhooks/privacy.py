"""What webhooks hold on a supporter, for campaign.privacy: their address in the payloads
sent to endpoints allowed personal data.

Registered in WebhooksConfig.ready as the "webhooks" holder. Erasing takes the address out of
every such payload (the event itself, its ids and times, stays for the delivery record); what
a receiving system already stored is that organisation's to erase.
"""

from django.utils.translation import gettext_lazy as _

from campaign.privacy.registry import Held, Holder
from campaign.webhooks.models import WebhookDelivery

PERSONAL_FIELDS = ("email",)


def webhooks_held(mailbox_key: str) -> Held:
    deliveries = WebhookDelivery.objects.filter(mailbox_key=mailbox_key).select_related("endpoint")
    return Held(
        records=[
            {
                "event": delivery.event,
                "endpoint": delivery.endpoint.name,
                "created_at": delivery.created_at,
                "status": delivery.status,
            }
            for delivery in deliveries.order_by("created_at", "pk")
        ],
        addresses={
            delivery.payload["data"]["email"]
            for delivery in deliveries
            if delivery.payload.get("data", {}).get("email")
        },
    )


def webhooks_forget(mailbox_key: str) -> int:
    """Take the person's address out of every payload that carries it; returns how many."""
    forgotten = 0
    for delivery in WebhookDelivery.objects.filter(mailbox_key=mailbox_key):
        data = {
            key: value
            for key, value in delivery.payload.get("data", {}).items()
            if key not in PERSONAL_FIELDS
        }
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            payload={**delivery.payload, "data": data}, mailbox_key=""
        )
        forgotten += 1
    return forgotten


HOLDER = Holder(
    name="webhooks",
    title=_("Events sent to the organisation's systems"),
    held=webhooks_held,
    erase=webhooks_forget,
)
