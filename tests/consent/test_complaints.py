"""A complaint ("this is spam") or an ESP unsubscribe withdraws every consent; a bounce does not."""

import pytest
from anymail.signals import AnymailTrackingEvent

from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import NEWSLETTER, campaign_scope
from campaign.consent.selectors import consent_current
from campaign.outbox.bounces import record_tracking_event
from campaign.outbox.models import Suppression
from tests.factories import CampaignFactory
from tests.factories.consent import ConsentEventFactory

pytestmark = pytest.mark.django_db

JANE = "jane@example.org"


def event(event_type: str, event_id: str) -> AnymailTrackingEvent:
    return AnymailTrackingEvent(event_type=event_type, recipient=JANE, event_id=event_id)


@pytest.fixture
def scopes():
    campaign = CampaignFactory()
    ConsentEventFactory(campaign=campaign, address=JANE)
    ConsentEventFactory(scope=NEWSLETTER, address=JANE)
    return [campaign_scope(campaign.pk), NEWSLETTER]


@pytest.mark.parametrize("event_type", ["complained", "unsubscribed"])
def test_a_complaint_withdraws_every_consent_and_suppresses(scopes, event_type):
    record_tracking_event(esp_name="postmark", event=event(event_type, "e1"))

    assert not any(consent_current(mailbox_key=JANE, scope=scope) for scope in scopes)
    withdrawn = ConsentEvent.objects.filter(action=ConsentEvent.Action.WITHDRAWN)
    assert {e.method for e in withdrawn} == {ConsentEvent.Method.COMPLAINT}
    assert Suppression.objects.filter(address=JANE).exists()


def test_a_bounce_suppresses_but_leaves_the_consent_on_record(scopes):
    record_tracking_event(esp_name="postmark", event=event("bounced", "e2"))

    assert all(consent_current(mailbox_key=JANE, scope=scope) for scope in scopes)
    assert Suppression.objects.filter(address=JANE).exists()
