"""Progress emails to a petition's target every N counted signatures, each multiple once."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from campaign.outbox.models import OutboundEmail
from petitions import counters, services
from petitions.target_updates import petition_target_update_send
from petitions.tasks import rebuild_open_petition_counts
from tests.factories.petitions import PetitionFactory, SignatureFactory


def _target_emails():
    return OutboundEmail.objects.filter(to="office@parl.gc.ca").order_by("pk")


@pytest.fixture
def petition(db):
    return PetitionFactory(
        title="Issue emergency visas",
        addressed_to="the Minister",
        target_email="office@parl.gc.ca",
        target_update_every=3,
    )


def _confirm(petition, n, *, captured, **fields):
    for _ in range(n):
        signature = SignatureFactory(petition=petition, **fields)
        with captured(execute=True):
            services.signature_confirm(signature_id=signature.pk)


@pytest.mark.django_db
def test_confirming_the_nth_signature_emails_the_target_the_signers_by_riding(
    petition, django_capture_on_commit_callbacks
):
    counters.count_read(petition.pk)  # the counter a page view creates
    _confirm(petition, 2, captured=django_capture_on_commit_callbacks)
    assert not _target_emails().exists()

    _confirm(
        petition,
        1,
        captured=django_capture_on_commit_callbacks,
        first_name="Ada",
        last_name="Lovelace",
        riding_code="35079",
        riding_name="Ottawa Centre",
    )

    (email,) = _target_emails()
    assert email.subject == "3 people have signed “Issue emergency visas”"
    assert "To the Minister," in email.body_text
    assert "Ottawa Centre" in email.body_text and "Ada Lovelace, K1A" in email.body_text
    assert "@example.org" not in email.body_text
    petition.refresh_from_db()
    assert petition.target_updated_count == 3


@pytest.mark.django_db
def test_the_next_email_lists_only_those_who_signed_since_the_last(
    petition, django_capture_on_commit_callbacks
):
    counters.count_read(petition.pk)
    _confirm(petition, 3, captured=django_capture_on_commit_callbacks, first_name="Early")
    _confirm(petition, 3, captured=django_capture_on_commit_callbacks, first_name="Later")

    _first, second = _target_emails()
    assert "6 people have signed" in second.subject
    assert "The 3 who signed since our last update" in second.body_text
    assert "Later" in second.body_text and "Early" not in second.body_text


@pytest.mark.django_db
def test_each_multiple_is_emailed_once_however_often_it_is_asked(petition):
    SignatureFactory.create_batch(4, petition=petition, confirmed=True)

    petition_target_update_send(petition_id=petition.pk)
    petition_target_update_send(petition_id=petition.pk)

    assert _target_emails().count() == 1


@pytest.mark.django_db
def test_a_count_that_jumps_past_several_multiples_sends_one_email_for_the_highest(petition):
    SignatureFactory.create_batch(7, petition=petition, confirmed=True)

    petition_target_update_send(petition_id=petition.pk)

    petition.refresh_from_db()
    assert _target_emails().count() == 1
    assert petition.target_updated_count == 6


@pytest.mark.django_db
def test_nothing_is_sent_while_the_emails_are_off_or_below_the_first_multiple(petition):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    off = PetitionFactory(target_email="office@parl.gc.ca", target_update_every=0)
    SignatureFactory.create_batch(5, petition=off, confirmed=True)

    assert petition_target_update_send(petition_id=petition.pk) is None
    assert petition_target_update_send(petition_id=off.pk) is None
    assert not _target_emails().exists()


@pytest.mark.django_db
def test_the_periodic_recount_sends_an_email_whose_trigger_was_lost(petition):
    # Confirmed while the counter was missing (cache down or expired): nothing triggered.
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)

    rebuild_open_petition_counts()

    (email,) = _target_emails()
    assert "3 people have signed" in email.subject


@pytest.mark.django_db
def test_turning_the_emails_on_needs_the_targets_address():
    petition = PetitionFactory.build(target_update_every=100, target_email="")

    with pytest.raises(ValidationError, match="target's address"):
        petition.clean()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_confirmations_crossing_a_multiple_send_one_email():
    petition = PetitionFactory(target_email="office@parl.gc.ca", target_update_every=3)
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    start = threading.Barrier(4)

    def send():
        try:
            start.wait()
            petition_target_update_send(petition_id=petition.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert _target_emails().count() == 1
