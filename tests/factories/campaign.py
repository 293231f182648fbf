import uuid

import factory
from django.utils import timezone

from campaign.models import (
    Call,
    CallPage,
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
        # With its French version (campaign.translations).
        in_french = factory.Trait(
            title_fr=factory.Sequence(lambda n: f"Campagne {n}"),
            summary_fr="Aidez des personnes en danger à se mettre à l'abri.",
        )
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


class OfficeFactory(TargetFactory):
    """A target reached only by phone: an office a call page calls."""

    name = factory.Sequence(lambda n: f"Premier {n}")
    role = "Premier"
    kind = Target.Kind.HEAD_OF_GOVERNMENT
    email = ""
    phone = factory.Sequence(lambda n: f"416-325-{n % 10000:04d}")


class CallPageFactory(factory.django.DjangoModelFactory):
    """A call page; `offices=[…]` sets its offices, else it gets one of its own."""

    class Meta:
        model = CallPage
        skip_postgeneration_save = True

    campaign = factory.SubFactory(CampaignFactory)
    slug = factory.Sequence(lambda n: f"call-{n}")
    title = factory.Sequence(lambda n: f"Call the Premier {n}")
    script = "Hello, my name is [your name]. I am calling to ask the Premier to act now."

    @factory.post_generation
    def offices(self, create, extracted, **kwargs):
        if not create:
            return
        self.targets.set(
            extracted if extracted is not None else [OfficeFactory(campaign=self.campaign)]
        )


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    page = factory.SubFactory(CallPageFactory)
    target = factory.LazyAttribute(lambda call: call.page.targets.first())
    supporter = factory.LazyFunction(uuid.uuid4)
