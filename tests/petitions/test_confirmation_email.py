"""The confirmation email: queued with the signature, written by the worker that sends it."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaign.outbox import delivery
from campaign.outbox.models import OutboundEmail
from campaign.outbox.selectors import emails_for
from petitions import services
from petitions.models import Signature
from tests.factories.petitions import PetitionFactory

pytestmark = pytest.mark.django_db


def sign(client, petition, data):
    return client.post(reverse("petitions:sign", kwargs={"slug": petition.slug}), data)


def send(email: OutboundEmail):
    """What a worker does with the row: render it, send it, record it."""
    return delivery.deliver(email.pk)


def test_signing_queues_the_email_and_leaves_its_text_to_the_worker(client, petition, valid_form):
    sign(client, petition, valid_form)

    email = emails_for(Signature.objects.get()).get()
    assert email.template == "petition-confirm"
    assert email.body_text == ""
    assert email.status == OutboundEmail.Status.QUEUED


def test_it_puts_the_title_in_the_subject_as_plain_text(client, valid_form):
    petition = PetitionFactory(title="Keep Canada's doors open & safe")
    sign(client, petition, valid_form)

    send(emails_for(Signature.objects.get()).get())

    [message] = mail.outbox
    assert message.subject == "Confirm your signature: Keep Canada's doors open & safe"
    assert message.to == ["marie@example.org"]


def test_its_link_opens_the_confirmation_page_of_this_signature(client, petition, valid_form):
    sign(client, petition, valid_form)
    signature = Signature.objects.get()

    send(emails_for(signature).get())

    link = next(w for w in mail.outbox[0].body.split() if "/petitions/confirm/" in w)
    response = client.post(urlsplit(link).path)
    signature.refresh_from_db()
    assert response.status_code == 302
    assert signature.is_confirmed


def test_its_link_lasts_seven_days_from_when_the_email_is_sent(client, petition, valid_form):
    sign(client, petition, valid_form)
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        send(emails_for(Signature.objects.get()).get())
    link = next(w for w in mail.outbox[0].body.split() if "/petitions/confirm/" in w)

    with time_machine.travel(timezone.now() + timedelta(days=9)):
        response = client.post(urlsplit(link).path)

    assert response.status_code == 302
    assert Signature.objects.get().is_confirmed


def test_the_sent_row_keeps_the_text_that_went_out(client, petition, valid_form):
    sign(client, petition, valid_form)
    email = emails_for(Signature.objects.get()).get()

    send(email)

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.subject == "Confirm your signature: Issue emergency visas"
    # Kept as sent, but for the links' tokens: whoever reads the row cannot confirm with it,
    # nor remove the signer's data.
    sent = mail.outbox[0]
    tokens = [
        urlsplit(link).path.split("/")[-2]
        for link in sent.body.split()
        if "/petitions/confirm/" in link or "/privacy/remove/" in link
    ]
    assert len(tokens) == 2
    for token in tokens:
        assert token not in email.body_text
        assert token not in email.body_html
    kept = sent.body
    for token in tokens:
        kept = kept.replace(token, "[link removed]")
    assert email.body_text == kept


def test_no_email_goes_to_a_signature_confirmed_before_it_was_sent(client, petition, valid_form):
    sign(client, petition, valid_form)
    signature = Signature.objects.get()
    services.signature_confirm(signature_id=signature.pk)

    outcome = send(emails_for(signature).get())

    assert outcome.status == "cancelled"
    assert mail.outbox == []


def test_no_email_goes_to_a_signature_deleted_before_it_was_sent(client, petition, valid_form):
    sign(client, petition, valid_form)
    signature = Signature.objects.get()
    email = emails_for(signature).get()
    signature.delete()

    assert send(email).status == "cancelled"
    assert mail.outbox == []


def test_a_second_signing_queues_a_second_email_with_a_working_link(client, petition, valid_form):
    sign(client, petition, valid_form)
    sign(client, petition, valid_form)
    signature = Signature.objects.get()

    for email in emails_for(signature):
        send(email)

    assert len(mail.outbox) == 2
    link = next(w for w in mail.outbox[1].body.split() if "/petitions/confirm/" in w)
    assert client.post(urlsplit(link).path).status_code == 302


def test_a_batch_of_confirmations_reads_its_signatures_in_one_query(client, petition, valid_form):
    for n in range(5):
        sign(client, petition, {**valid_form, "email": f"signer{n}@example.org"})

    with CaptureQueriesContext(connection) as queries:
        outcomes = delivery.deliver_due(limit=50, budget_seconds=30)

    assert [o.status for o in outcomes] == ["sent"] * 5
    signature_reads = [
        q
        for q in queries
        if q["sql"].startswith("SELECT") and 'FROM "petitions_signature"' in q["sql"]
    ]
    assert len(signature_reads) == 1


def test_a_batch_of_confirmations_reads_no_campaign_per_email(client, petition, valid_form):
    # The subject and body show the petition's title in its campaign's language: the campaign
    # comes with the batch's one read, not one query per email.
    for n in range(5):
        sign(client, petition, {**valid_form, "email": f"signer{n}@example.org"})

    with CaptureQueriesContext(connection) as queries:
        delivery.deliver_due(limit=50, budget_seconds=30)

    campaign_reads = [
        q
        for q in queries
        if q["sql"].startswith("SELECT")
        and q["sql"].split(" WHERE ")[0].endswith('FROM "campaign_campaign"')
    ]
    assert campaign_reads == []
