"""queue_emails: many emails of one purpose in one INSERT, with queue_email's checks."""

import pytest
import time_machine
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.outbox import mailbox_suppress, queue_email, queue_emails
from campaign.outbox.models import OutboundEmail, Suppression
from petitions.purposes import PetitionPurpose
from tests.factories import CampaignFactory
from tests.factories.outbox import SuppressionFactory
from tests.outbox.columns import assert_same_columns

pytestmark = pytest.mark.django_db

PURPOSE = PetitionPurpose.SIGNATURE_CONFIRMATION


def _message(to, **extra):
    return {"to": to, "subject": "News", "body_text": "What happened next.", **extra}


def test_it_writes_a_thousand_emails_in_one_insert():
    messages = [_message(f"supporter{n}@example.org") for n in range(1000)]

    with CaptureQueriesContext(connection) as queries:
        queued = queue_emails(purpose=PURPOSE, emails=messages)

    inserts = [q for q in queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED).count() == 1000
    assert len({email.message_id for email in queued}) == 1000


def test_each_row_is_the_row_queue_email_writes():
    campaign = CampaignFactory()
    message = _message(
        "supporter@example.org",
        body_html="<p>What happened next.</p>",
        reply_to="organiser@example.org",
        headers={"List-Unsubscribe": "<https://chorus.example.org/u/x/>"},
        related=campaign,
    )
    with time_machine.travel(timezone.now(), tick=False):
        (batched,) = queue_emails(purpose=PURPOSE, emails=[message])
        single = queue_email(purpose=PURPOSE, **message)

    assert_same_columns(OutboundEmail, batched.pk, single.pk, differing={"id", "message_id"})
    assert batched.related_type == ContentType.objects.get_for_model(campaign)
    assert batched.from_email == settings.DEFAULT_FROM_EMAIL


def test_a_suppressed_address_in_the_batch_is_written_cancelled(
    django_capture_on_commit_callbacks,
):
    SuppressionFactory(address="bounced@example.org")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        bounced, fine = queue_emails(
            purpose=PURPOSE,
            emails=[_message("Bounced@Example.org"), _message("fine@example.org")],
        )

    assert bounced.status == OutboundEmail.Status.CANCELLED
    assert OutboundEmail.objects.get(pk=bounced.pk).last_error.startswith("Not sent")
    assert fine.status == OutboundEmail.Status.QUEUED
    assert len(callbacks) == 1, "one publish covers the batch"


def test_an_erased_mailbox_in_the_batch_is_written_cancelled_in_any_spelling():
    mailbox_suppress(address="erased@example.org", reason=Suppression.Reason.ERASURE)

    erased, fine = queue_emails(
        purpose=PURPOSE, emails=[_message("Erased@Example.org"), _message("fine@example.org")]
    )

    assert erased.status == OutboundEmail.Status.CANCELLED
    assert OutboundEmail.objects.get(pk=erased.pk).last_error == Suppression.not_sent_error(
        Suppression.Reason.ERASURE
    )
    assert OutboundEmail.objects.get(pk=fine.pk).status == OutboundEmail.Status.QUEUED


def test_an_unsendable_address_writes_nothing_for_it_and_keeps_the_others():
    queued = queue_emails(
        purpose=PURPOSE, emails=[_message("not-an-address"), _message("fine@example.org")]
    )

    assert queued[0] is None
    assert queued[1].to == "fine@example.org"
    assert list(OutboundEmail.objects.values_list("to", flat=True)) == ["fine@example.org"]


def test_it_refuses_a_purpose_no_app_registered_and_writes_nothing():
    with pytest.raises(ValueError):
        queue_emails(purpose="newsletter-we-never-registered", emails=[_message("a@example.org")])

    assert not OutboundEmail.objects.exists()
