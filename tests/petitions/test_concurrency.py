"""Twenty simultaneous signings with one address: one signature, no error.

Not in a test transaction: each thread has its own connection, so the rows must be really
committed. The fixture removes them afterwards instead of flushing the database, so rows made
by migrations (the staff groups) survive for the tests that follow.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from campaign.outbox import delivery
from campaign.outbox.models import OutboundEmail
from petitions.models import Signature
from petitions.purposes import PetitionPurpose


@pytest.fixture
def committed_petition(django_db_blocker):
    """A petition committed for real (threads use their own connections), removed afterwards
    without flushing the database, so rows made by migrations (staff groups) survive."""
    from campaign.outbox.models import OutboundEmail
    from tests.factories.petitions import PetitionFactory

    with django_db_blocker.unblock():
        petition = PetitionFactory()
    yield petition
    with django_db_blocker.unblock():
        ids = list(Signature.objects.filter(petition=petition).values_list("pk", flat=True))
        OutboundEmail.objects.filter(
            purpose=PetitionPurpose.SIGNATURE_CONFIRMATION, related_id__in=ids
        ).delete()
        petition.campaign.delete()


def test_it_keeps_exactly_one_signature_for_20_simultaneous_submissions(
    committed_petition, valid_form, django_db_blocker
):
    url = reverse("petitions:sign", kwargs={"slug": committed_petition.slug})
    barrier = threading.Barrier(20)
    statuses = []

    def submit():
        with django_db_blocker.unblock():
            try:
                barrier.wait()
                statuses.append(Client().post(url, valid_form).status_code)
            finally:
                connection.close()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [302] * 20
    with django_db_blocker.unblock():
        signatures = list(Signature.objects.filter(petition=committed_petition))
        emails = OutboundEmail.objects.filter(related_id__in=[s.pk for s in signatures])
        assert len(signatures) == 1
        # Every signing wrote one row (the request cannot tell which signed first); the
        # workers sent the confirmation at most PETITIONS_MAX_CONFIRMATION_SENDS times.
        assert emails.count() == 20
        for email_id in emails.values_list("pk", flat=True):  # any the threads left queued
            delivery.deliver(email_id)
        assert 1 <= emails.filter(status=OutboundEmail.Status.SENT).count() <= 3
