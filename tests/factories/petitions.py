import factory

from petitions.models import Petition
from tests.factories.campaign import CampaignFactory


class PetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Petition

    campaign = factory.SubFactory(CampaignFactory)
    slug = factory.Sequence(lambda n: f"petition-{n}")
    title = "Issue emergency visas"
    demand = "Issue emergency visas to LGBT people fleeing Chechnya."
    addressed_to = "the Government of Canada"
    goal = 1000
    status = Petition.Status.OPEN
