"""Retention: a campaign's consents are deleted once it has been closed for the period (CASL:
proof while it is relied on, and for three years after its last mailing could go); the
newsletter's stay."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import NEWSLETTER
from campaign.consent.services import consent_purge_expired
from campaign.consent.tasks import purge_expired_consents
from tests.factories import CampaignFactory
from tests.factories.consent import ConsentEventFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def closed(days_ago: float):
    return CampaignFactory(closed=True, closed_at=NOW - timedelta(days=days_ago))


def remaining() -> set[int]:
    return set(ConsentEvent.objects.values_list("pk", flat=True))


def test_it_deletes_the_consents_of_a_campaign_closed_longer_than_the_period():
    campaign = closed(1462)
    given = ConsentEventFactory(campaign=campaign)
    withdrawn = ConsentEventFactory(campaign=campaign, address=given.address, withdrawn=True)

    assert consent_purge_expired(now=NOW) == 2

    assert not remaining() & {given.pk, withdrawn.pk}


def test_it_keeps_the_consents_of_a_campaign_closed_recently():
    kept = ConsentEventFactory(campaign=closed(1460))

    assert consent_purge_expired(now=NOW) == 0

    assert remaining() == {kept.pk}


@pytest.mark.parametrize("days_ago", [366, 1460])
def test_it_keeps_the_consents_of_a_campaign_past_its_mailing_window(days_ago):
    """No mailing may go any more, but a complaint about the last one still may."""
    kept = ConsentEventFactory(campaign=closed(days_ago))

    assert consent_purge_expired(now=NOW) == 0

    assert remaining() == {kept.pk}


def test_it_keeps_the_consents_of_an_open_campaign_however_old():
    kept = ConsentEventFactory(campaign=CampaignFactory(), recorded_at=NOW - timedelta(days=3000))

    consent_purge_expired(now=NOW)

    assert remaining() == {kept.pk}


def test_it_keeps_the_consents_of_a_campaign_published_again_after_closing():
    campaign = closed(1462)
    campaign.status, campaign.closed_at = campaign.Status.PUBLISHED, None
    campaign.save()
    kept = ConsentEventFactory(campaign=campaign)

    consent_purge_expired(now=NOW)

    assert remaining() == {kept.pk}


def test_it_never_deletes_newsletter_consents():
    newsletter = ConsentEventFactory(scope=NEWSLETTER, recorded_at=NOW - timedelta(days=3000))
    ConsentEventFactory(campaign=closed(1462), address=newsletter.address)

    consent_purge_expired(now=NOW)

    assert remaining() == {newsletter.pk}


def test_it_follows_the_setting(settings):
    settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS = 30
    ConsentEventFactory(campaign=closed(31))

    assert consent_purge_expired(now=NOW) == 1


def test_the_period_is_by_default_the_mailing_window_and_three_years(settings):
    assert settings.MAILINGS_AFTER_CLOSE_DAYS == 365
    assert settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS == 365 + 3 * 365 + 1 == 1461


def test_it_deletes_in_batches():
    campaign = closed(1462)
    ConsentEventFactory.create_batch(5, campaign=campaign)

    with CaptureQueriesContext(connection) as queries:
        assert consent_purge_expired(now=NOW, batch_size=2) == 5

    deletes = [q["sql"] for q in queries if q["sql"].startswith("DELETE")]
    assert len(deletes) == 3


def test_running_it_again_deletes_nothing_more():
    ConsentEventFactory(campaign=closed(1462))
    kept = ConsentEventFactory(campaign=closed(10))

    assert consent_purge_expired(now=NOW) == 1
    assert consent_purge_expired(now=NOW) == 0

    assert remaining() == {kept.pk}


def test_the_daily_task_purges():
    ConsentEventFactory(campaign=closed(1462))

    assert purge_expired_consents() == 1
    assert purge_expired_consents() == 0


def test_it_is_scheduled_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["consent-purge"]

    assert entry["task"] == "campaign.consent.tasks.purge_expired_consents"
    assert entry["schedule"] == 24 * 60 * 60


def test_the_privacy_page_states_when_mailings_stop(client, settings):
    settings.MAILINGS_AFTER_CLOSE_DAYS = 400

    response = client.get("/privacy/")

    assert "400 days after a campaign closes, we stop writing about it to anyone" in response.text


def test_the_privacy_page_states_when_the_consents_are_deleted(client, settings):
    settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS = 1500

    response = client.get("/privacy/")

    assert "until 1500 days after it closes, then delete it" in response.text


def test_the_privacy_page_does_not_promise_to_delete_the_consent_with_the_name(client):
    response = client.get("/privacy/")

    assert "As your name, but the record of your consent is kept longer" in response.text


def test_the_french_privacy_page_states_when_mailings_stop(client):
    response = client.get("/fr/privacy/")

    assert "1 an après la fermeture d\u2019une campagne, nous cessons" in response.text


def test_the_french_privacy_page_states_when_the_consents_are_deleted(client):
    response = client.get("/fr/privacy/")

    assert "jusqu\u2019à 4 ans après sa fermeture, puis nous le supprimons" in response.text
