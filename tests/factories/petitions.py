import factory
from django.utils import timezone

from campaign.identities import mailbox_key
from petitions.models import Petition, Signature
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

    class Params:
        # With its French version (campaign.translations).
        in_french = factory.Trait(
            title_fr="Délivrez des visas d'urgence",
            demand_fr="Délivrez des visas d'urgence aux personnes LGBT qui fuient la Tchétchénie.",
            addressed_to_fr="le gouvernement du Canada",
        )
        # A petition is in its campaign's state (open in a published one, by default).
        draft = factory.Trait(campaign=factory.SubFactory(CampaignFactory, draft=True))
        closed = factory.Trait(campaign=factory.SubFactory(CampaignFactory, closed=True))


class SignatureFactory(factory.django.DjangoModelFactory):
    """An unconfirmed signature; `confirmed=True` makes a counted one, unless `flagged=True`."""

    class Meta:
        model = Signature

    petition = factory.SubFactory(PetitionFactory)
    first_name = factory.Sequence(lambda n: f"Signer{n}")
    last_name = "Tremblay"
    email = factory.Sequence(lambda n: f"signer{n}@example.org")
    email_key = factory.LazyAttribute(lambda signature: mailbox_key(signature.email))
    postal_code = "K1A 0A6"
    province = "ON"
    confirmation_sends = 1

    class Params:
        confirmed = factory.Trait(confirmed_at=factory.LazyFunction(timezone.now))
        public = factory.Trait(confirmed_at=factory.LazyFunction(timezone.now), show_name=True)
        flagged = factory.Trait(flag_reason=Signature.FlagReason.RATE_LIMIT)
