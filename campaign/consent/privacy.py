"""What the ledger holds on a supporter, for campaign.privacy, and what a complaint changes.

Registered in ConsentConfig.ready as the "consents" holder: an access request lists every row,
an erasure deletes them all (services.consent_forget).
"""

from django.utils.translation import gettext_lazy as _

from campaign.consent import services
from campaign.consent.models import ConsentEvent
from campaign.privacy.registry import Held, Holder


def _record(event: ConsentEvent) -> dict:
    return {
        "id": event.pk,
        "scope": event.scope,
        "action": event.action,
        "address": event.address,
        "wording": event.wording,
        "language": event.language,
        "page": event.page,
        "method": event.method,
        "recorded_at": event.recorded_at,
    }


def consents_held(mailbox_key: str) -> Held:
    """Every ledger row of the mailbox, oldest first."""
    events = list(
        ConsentEvent.objects.filter(mailbox_key=mailbox_key).order_by("recorded_at", "pk")
    )
    return Held(records=[_record(e) for e in events], addresses={e.address for e in events})


def consents_forget(mailbox_key: str) -> int:
    return services.consent_forget(mailbox_key=mailbox_key)


def complaint_withdraw(*, address: str) -> None:
    """campaign.outbox.bounces complaint handler: "this is spam" withdraws every consent."""
    services.consent_withdraw_all(address=address, method=ConsentEvent.Method.COMPLAINT)


HOLDER = Holder(
    name="consents",
    title=_("Consents given and withdrawn"),
    held=consents_held,
    erase=consents_forget,
)
