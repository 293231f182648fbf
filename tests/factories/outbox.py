from datetime import timedelta

import factory
from django.core.mail import make_msgid
from django.utils import timezone

from campaign.outbox.models import OutboundEmail, Suppression
from petitions.purposes import PetitionPurpose


class OutboundEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboundEmail

    to = factory.Sequence(lambda n: f"recipient{n}@example.org")
    from_email = "Chorus <chorus@example.org>"
    subject = "Hello"
    body_text = "Hello there."
    purpose = PetitionPurpose.TARGET_UPDATE
    message_id = factory.LazyFunction(lambda: make_msgid(domain="example.org"))

    class Params:
        # A row a worker holds (claimed), its lease already run out.
        abandoned = factory.Trait(
            status=OutboundEmail.Status.SENDING,
            lease_expires_at=factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=1)),
        )
        failed = factory.Trait(
            status=OutboundEmail.Status.FAILED, attempts=1, last_error="SMTP 550 no such user"
        )


class SuppressionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Suppression
        django_get_or_create = ["address"]

    address = factory.Sequence(lambda n: f"bounced{n}@example.org")
    reason = Suppression.Reason.BOUNCE
