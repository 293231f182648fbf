import factory

from campaign.identities import mailbox_key
from letters.models import Letter, LetterRecipient, LetterTemplate
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

    class Params:
        # With its French version (campaign.translations).
        in_french = factory.Trait(
            title_fr="Écrivez à votre député",
            subject_variants_fr="Agissez maintenant",
            body_fr=(
                "Madame, Monsieur,\n\nJ'habite {{ riding }} et je vous demande d'agir."
                "\n\n{{ talking_points }}\n\n{{ supporter_name }}"
            ),
            talking_points_fr=factory.LazyFunction(lambda: ["Des vies sont en jeu."]),
        )


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
    supporter_key = factory.LazyAttribute(lambda recipient: mailbox_key(recipient.supporter_email))
    name = "Member"
    email = factory.Sequence(lambda n: f"recipient{n}@parl.gc.ca")
