"""Retention: finished emails lose their text and supporters' addresses after the period."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campaign.outbox.models import OutboundEmail
from campaign.outbox.services import outbound_email_redact_expired, outbound_email_retry
from letters.purposes import LetterPurpose
from petitions.purposes import PetitionPurpose
from tests.factories.outbox import OutboundEmailFactory

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status


@pytest.fixture
def long_ago(settings):
    settings.OUTBOX_RETENTION_DAYS = 90
    return timezone.now() - timedelta(days=91)


def _old(long_ago, **kwargs) -> OutboundEmail:
    defaults = {
        "created_at": long_ago,
        "status": Status.SENT,
        "sent_at": long_ago,
        "subject": "Confirm your signature",
        "body_text": "Hello Ada, confirm here.",
        "body_html": "<p>Hello Ada</p>",
        "reply_to": "ada@example.org",
        "headers": {"List-Unsubscribe": "<https://example.org/u/token>"},
    }
    return OutboundEmailFactory(**{**defaults, **kwargs})


def test_it_erases_the_text_of_a_finished_email_past_retention(long_ago):
    email = _old(long_ago, purpose=LetterPurpose.LETTER, to="minister@parl.gc.ca")

    assert outbound_email_redact_expired() == 1

    email.refresh_from_db()
    assert (email.subject, email.body_text, email.body_html, email.reply_to) == ("", "", "", "")
    assert email.headers == {}
    assert email.status == Status.SENT
    assert email.sent_at == long_ago
    assert email.to == "minister@parl.gc.ca"


def test_it_erases_a_supporters_own_address(long_ago):
    email = _old(long_ago, purpose=PetitionPurpose.SIGNATURE_CONFIRMATION, to="ada@example.org")

    outbound_email_redact_expired()

    email.refresh_from_db()
    assert email.to == ""


def test_it_keeps_recent_emails_whole(long_ago):
    email = _old(long_ago, created_at=timezone.now() - timedelta(days=89))

    assert outbound_email_redact_expired() == 0

    email.refresh_from_db()
    assert email.body_text == "Hello Ada, confirm here."


@pytest.mark.parametrize("status", [Status.QUEUED, Status.SENDING])
def test_it_never_touches_an_email_still_to_be_sent(long_ago, status):
    email = _old(long_ago, status=status, sent_at=None)

    assert outbound_email_redact_expired() == 0

    email.refresh_from_db()
    assert email.body_text == "Hello Ada, confirm here."


def test_it_is_scheduled_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["outbox-redact"]

    assert entry["task"] == "campaign.outbox.tasks.redact_expired_emails"
    assert entry["schedule"] == 24 * 60 * 60


def test_the_privacy_page_states_the_period(client, settings):
    settings.OUTBOX_RETENTION_DAYS = 45

    response = client.get("/privacy/")

    assert "45 days after an email is sent, its subject and text are erased" in response.text


def test_staff_cannot_retry_an_email_retention_has_erased(long_ago):
    email = _old(long_ago, purpose=PetitionPurpose.SIGNATURE_CONFIRMATION, status=Status.FAILED)
    outbound_email_redact_expired()

    assert outbound_email_retry(emails=[email]) == 0
    email.refresh_from_db()
    assert email.status == Status.FAILED
