import factory
from django.utils import timezone

from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import campaign_scope
from campaign.identities import mailbox_hash, mailbox_key
from tests.factories.campaign import CampaignFactory


class ConsentEventFactory(factory.django.DjangoModelFactory):
    """Consent given to a campaign's updates by double opt-in; `withdrawn=True` for the opposite.

    Pass `campaign=` (or `scope=`) to choose what for; `address=` for whom."""

    class Meta:
        model = ConsentEvent
        exclude = ("campaign",)

    campaign = factory.SubFactory(CampaignFactory)
    scope = factory.LazyAttribute(lambda event: campaign_scope(event.campaign.pk))
    address = factory.Sequence(lambda n: f"supporter{n}@example.org")
    mailbox_key = factory.LazyAttribute(lambda event: mailbox_key(event.address))
    mailbox_hash = factory.LazyAttribute(lambda event: mailbox_hash(event.address))
    action = ConsentEvent.Action.GIVEN
    wording = "Yes, email me news about this campaign."
    language = "en"
    page = "https://chorus.example.org/petitions/visas/"
    method = ConsentEvent.Method.DOUBLE_OPT_IN
    recorded_at = factory.LazyFunction(timezone.now)

    class Params:
        withdrawn = factory.Trait(
            action=ConsentEvent.Action.WITHDRAWN,
            wording="",
            method=ConsentEvent.Method.UNSUBSCRIBE_PAGE,
        )
