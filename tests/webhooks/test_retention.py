"""Retention: finished deliveries are deleted once the period has passed since they finished;
deliveries still to be sent never are."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.webhooks.models import WebhookDelivery
from campaign.webhooks.services import webhook_delivery_purge_expired
from campaign.webhooks.tasks import purge_finished_deliveries
from tests.factories.webhooks import WebhookDeliveryFactory

pytestmark = pytest.mark.django_db

Status = WebhookDelivery.Status
NOW = timezone.now()


def days_ago(days: float):
    return NOW - timedelta(days=days)


def remaining() -> set[int]:
    return set(WebhookDelivery.objects.values_list("pk", flat=True))


def test_the_period_is_thirty_days_by_default(settings):
    assert settings.WEBHOOKS_RETENTION_DAYS == 30


def test_it_deletes_a_delivery_sent_longer_ago_than_the_period():
    WebhookDeliveryFactory(sent=True, created_at=days_ago(31))

    assert webhook_delivery_purge_expired(now=NOW) == 1

    assert remaining() == set()


def test_it_deletes_a_delivery_given_up_on_longer_ago_than_the_period():
    WebhookDeliveryFactory(failed=True, created_at=days_ago(33), next_attempt_at=days_ago(31))

    assert webhook_delivery_purge_expired(now=NOW) == 1


def test_it_keeps_recent_finished_deliveries():
    sent = WebhookDeliveryFactory(sent=True, created_at=days_ago(29))
    failed = WebhookDeliveryFactory(failed=True, created_at=days_ago(29))

    assert webhook_delivery_purge_expired(now=NOW) == 0

    assert remaining() == {sent.pk, failed.pk}


def test_it_counts_the_period_from_when_a_delivery_finished_not_from_the_event():
    # Created long ago, retried by staff, then sent (or given up on) last week.
    sent = WebhookDeliveryFactory(sent=True, created_at=days_ago(60), sent_at=days_ago(7))
    failed = WebhookDeliveryFactory(
        failed=True, created_at=days_ago(60), next_attempt_at=days_ago(7)
    )

    webhook_delivery_purge_expired(now=NOW)

    assert remaining() == {sent.pk, failed.pk}


@pytest.mark.parametrize("status", [Status.QUEUED, Status.SENDING])
def test_it_never_deletes_a_delivery_still_to_be_sent(status):
    waiting = WebhookDeliveryFactory(status=status, attempts=3, created_at=days_ago(400))

    assert webhook_delivery_purge_expired(now=NOW) == 0

    assert remaining() == {waiting.pk}


def test_it_follows_the_setting(settings):
    settings.WEBHOOKS_RETENTION_DAYS = 7
    WebhookDeliveryFactory(sent=True, created_at=days_ago(8))

    assert webhook_delivery_purge_expired(now=NOW) == 1


def test_it_deletes_in_bounded_batches():
    WebhookDeliveryFactory.create_batch(5, sent=True, created_at=days_ago(31))
    kept = WebhookDeliveryFactory(created_at=days_ago(31))

    with CaptureQueriesContext(connection) as queries:
        assert webhook_delivery_purge_expired(now=NOW, batch_size=2) == 5

    deletes = [q["sql"] for q in queries if q["sql"].startswith("DELETE")]
    assert len(deletes) == 3
    assert remaining() == {kept.pk}


def test_running_it_again_deletes_nothing_more():
    WebhookDeliveryFactory(sent=True, created_at=days_ago(31))
    kept = WebhookDeliveryFactory(sent=True, created_at=days_ago(1))

    assert webhook_delivery_purge_expired(now=NOW) == 1
    assert webhook_delivery_purge_expired(now=NOW) == 0

    assert remaining() == {kept.pk}


def test_the_daily_task_purges():
    WebhookDeliveryFactory(sent=True, created_at=timezone.now() - timedelta(days=31))

    assert purge_finished_deliveries() == 1
    assert purge_finished_deliveries() == 0


def test_it_is_scheduled_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["webhooks-purge"]

    assert entry["task"] == "campaign.webhooks.tasks.purge_finished_deliveries"
    assert entry["schedule"] == 24 * 60 * 60


def test_the_privacy_page_states_the_period(client, settings):
    settings.WEBHOOKS_RETENTION_DAYS = 14

    response = client.get("/privacy/")

    assert "Our copy of each such message is deleted 14 days after it was delivered" in (
        response.text
    )


def test_the_french_privacy_page_states_the_period(client):
    response = client.get("/fr/privacy/")

    assert "Notre copie de chacun de ces messages est supprimée 30 jours après" in response.text
