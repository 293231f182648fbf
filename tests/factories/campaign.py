import factory
from django.utils import timezone

from campaign.models import (
    CallToAction,
    Campaign,
    DonationLink,
    SourceDocument,
    Target,
    content_hash,
)


class SourceDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceDocument

    file_name = factory.Sequence(lambda n: f"{n:03d}_document.txt")
    title = factory.Sequence(lambda n: f"Document {n}")
    text = factory.Sequence(lambda n: f"Document {n}. We call on the government to act now.")
    sha256 = factory.LazyAttribute(lambda doc: content_hash(doc.text))


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.Sequence(lambda n: f"Campaign {n}")
    summary = "Help people in danger reach safety."
    status = Campaign.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    test_email = "organiser-tests@example.org"

    class Params:
        draft = factory.Trait(status=Campaign.Status.DRAFT, published_at=None)
        closed = factory.Trait(
            status=Campaign.Status.CLOSED, closed_at=factory.LazyFunction(timezone.now)
        )


class CallToActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallToAction

    campaign = factory.SubFactory(CampaignFactory)
    document = factory.SubFactory(SourceDocumentFactory)
    kind = CallToAction.Kind.PETITION
    text = "act now"
    evidence_start = 0
    evidence_end = factory.LazyAttribute(lambda cta: len(cta.document.text))
    evidence_quote = factory.LazyAttribute(lambda cta: cta.document.text)
    confidence = 0.9


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"Minister {n}")
    role = "Minister of Foreign Affairs"
    kind = Target.Kind.MINISTER
    email = factory.Sequence(lambda n: f"minister{n}@parl.gc.ca")


class DonationLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DonationLink

    campaign = factory.SubFactory(CampaignFactory)
    organisation = factory.Sequence(lambda n: f"Charity {n}")
    url = "https://charity.example.org/donate"
