import factory

from campaign.mailings.models import Mailing
from tests.factories.campaign import CampaignFactory


class MailingFactory(factory.django.DjangoModelFactory):
    """A draft update to a campaign's supporters, in English; `in_french=True` adds French."""

    class Meta:
        model = Mailing

    campaign = factory.SubFactory(CampaignFactory)
    subject = "The minister answered"
    body = "Thanks to your letters, the minister has answered. Here is what comes next."

    class Params:
        in_french = factory.Trait(
            subject_fr="La ministre a répondu",
            body_fr="Grâce à vos lettres, la ministre a répondu. Voici la suite.",
        )
        sending = factory.Trait(status=Mailing.Status.SENDING)
