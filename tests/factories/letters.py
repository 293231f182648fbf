import factory

from letters.models import (
    FsaRiding,
    Letter,
    LetterRecipient,
    LetterTemplate,
    Representative,
    Riding,
)
from tests.factories.campaign import CampaignFactory


class LetterTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterTemplate

    campaign = factory.SubFactory(CampaignFactory, test_mode=False)
    slug = factory.Sequence(lambda n: f"letter-{n}")
    title = "Write to your MP"
    kind = LetterTemplate.Kind.MP
    subject_variants = "Please act now\nEmergency visas, now"
    body = "Dear {{ representative_name }},\n\nPlease act.\n\n{{ supporter_name }}"
    talking_points = factory.LazyFunction(lambda: ["Lives are at stake."])


class RidingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Riding
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{35000 + n % 999:05d}")
    name_en = factory.Sequence(lambda n: f"Riding {n}")
    name_fr = factory.LazyAttribute(lambda riding: f"Circonscription {riding.name_en[7:]}")
    province = "ON"


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    riding = factory.SubFactory(RidingFactory)
    name = factory.Sequence(lambda n: f"Member {n}")
    key = factory.LazyAttribute(lambda rep: f"{rep.name}|{rep.riding.name_en}".lower())
    riding_code = factory.LazyAttribute(lambda rep: rep.riding.code)
    riding_name_en = factory.LazyAttribute(lambda rep: rep.riding.name_en)
    riding_name_fr = factory.LazyAttribute(lambda rep: rep.riding.name_fr)
    province = factory.LazyAttribute(lambda rep: rep.riding.province)
    party = "Liberal"
    email = factory.Sequence(lambda n: f"member{n}@parl.gc.ca")
    source = Representative.Source.CSV


class FsaRidingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FsaRiding

    fsa = "K1A"
    riding = factory.SubFactory(RidingFactory)


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    template = factory.SubFactory(LetterTemplateFactory)
    campaign = factory.LazyAttribute(lambda letter: letter.template.campaign)
    supporter_name = "Sam Supporter"
    supporter_email = factory.Sequence(lambda n: f"supporter{n}@example.org")
    supporter_postal_code = "K1A 0A6"
    subject = "Please act now"
    body = "Dear Member,\n\nPlease act now to help people reach safety.\n\nSam Supporter"
    text_hash = "0" * 64


class LetterRecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterRecipient

    letter = factory.SubFactory(LetterFactory)
    campaign = factory.LazyAttribute(lambda recipient: recipient.letter.campaign)
    supporter_email = factory.LazyAttribute(lambda recipient: recipient.letter.supporter_email)
    name = "Member"
    email = factory.Sequence(lambda n: f"recipient{n}@parl.gc.ca")
