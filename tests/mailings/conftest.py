"""Fixtures of the mailing tests: a campaign with supporters who consent, a task that is
published but not run, and the outbox workers on demand (a test's transaction never commits,
so rows stay queued until `deliver_queued`)."""

from unittest import mock

import pytest

from campaign.outbox import delivery
from campaign.outbox.models import OutboundEmail
from tests.factories import CampaignFactory
from tests.factories.consent import ConsentEventFactory


@pytest.fixture
def campaign(db):
    return CampaignFactory(title="Emergency visas", title_fr="Visas d'urgence")


@pytest.fixture
def consenting(campaign):
    """Ana (English) and Benoît (French) consent to the campaign's updates."""
    return [
        ConsentEventFactory(campaign=campaign, address="ana@example.org", language="en"),
        ConsentEventFactory(campaign=campaign, address="benoit@example.org", language="fr"),
    ]


@pytest.fixture
def expansion_held():
    """Send marks the mailing and publishes its task; the task is not run."""
    with mock.patch("campaign.mailings.tasks.expand_mailing.apply_async") as apply_async:
        yield apply_async


def deliver_queued() -> None:
    """What the outbox workers do once the test's transaction would have committed."""
    queued = OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED).order_by("pk")
    for email_id in queued.values_list("pk", flat=True):
        delivery.deliver(email_id)
