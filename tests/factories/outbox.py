import factory
from django.core.mail import make_msgid

from campaign.outbox.models import OutboundEmail


class OutboundEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboundEmail

    to = factory.Sequence(lambda n: f"recipient{n}@example.org")
    from_email = "Chorus <chorus@example.org>"
    subject = "Hello"
    body_text = "Hello there."
    purpose = OutboundEmail.Purpose.OTHER
    message_id = factory.LazyFunction(lambda: make_msgid(domain="example.org"))
