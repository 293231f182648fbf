import factory

from letters.models import LetterTemplate
from tests.factories.campaign import CampaignFactory


class LetterTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterTemplate

    campaign = factory.SubFactory(CampaignFactory)
    slug = factory.Sequence(lambda n: f"letter-{n}")
    title = "Write to your MP"
    kind = LetterTemplate.Kind.MP
    subject_variants = "Please act now\nEmergency visas, now"
    body = "Dear {{ representative_name }},\n\nPlease act.\n\n{{ supporter_name }}"
