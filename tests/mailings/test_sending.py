"""Sending a mailing: marked and published at once, expanded in chunks by a task, each
consenting person once, in their language, with a one-click unsubscribe."""

import pytest
from django.core import mail
from django.db import IntegrityError

from campaign.consent.links import unsubscribe_token_make
from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import campaign_scope
from campaign.consent.services import consent_withdraw
from campaign.mailings import services
from campaign.mailings.models import Mailing, MailingRecipient
from campaign.mailings.purposes import MailingPurpose
from campaign.mailings.selectors import mailing_counts
from campaign.outbox.models import OutboundEmail
from campaign.outbox.services import suppression_add
from tests.factories import CampaignFactory
from tests.factories.consent import ConsentEventFactory
from tests.factories.mailings import MailingFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory
from tests.mailings.conftest import deliver_queued

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status


def mailing_rows():
    return OutboundEmail.objects.filter(purpose=MailingPurpose.MAILING)


def expand(mailing, size=1000, *, deliver=True):
    """Run the mailing's task to the end, then (unless told not to) the outbox workers."""
    while services.mailing_expand_chunk(mailing_id=mailing.pk, size=size) is not None:
        pass
    if deliver:
        deliver_queued()


def test_send_marks_the_mailing_and_publishes_its_task_without_queueing_any_email(
    campaign, consenting, organiser, expansion_held, django_capture_on_commit_callbacks
):
    mailing = MailingFactory(campaign=campaign)

    with django_capture_on_commit_callbacks(execute=True):
        started = services.mailing_send(mailing=mailing, actor=organiser)

    mailing.refresh_from_db()
    assert started
    assert (mailing.status, mailing.send_requested_by) == (Mailing.Status.SENDING, organiser)
    expansion_held.assert_called_once_with(args=[mailing.pk], retry=False)
    assert not mailing_rows().exists()


def test_sending_twice_starts_once(campaign, organiser, expansion_held):
    mailing = MailingFactory(campaign=campaign)

    services.mailing_send(mailing=mailing, actor=organiser)

    assert not services.mailing_send(mailing=mailing, actor=organiser)


def test_each_consenting_person_gets_one_email_in_their_language(campaign, consenting):
    mailing = MailingFactory(campaign=campaign, sending=True, in_french=True)

    expand(mailing)

    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"ana@example.org", "benoit@example.org"}
    assert sent["ana@example.org"].subject == "The minister answered"
    assert "Thanks to your letters" in sent["ana@example.org"].body
    assert sent["benoit@example.org"].subject == "La ministre a répondu"
    assert "Grâce à vos lettres" in sent["benoit@example.org"].body
    assert "/fr/u/" in sent["benoit@example.org"].body
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT


def test_without_a_french_version_french_supporters_get_the_english_one(campaign, consenting):
    mailing = MailingFactory(campaign=campaign, sending=True)

    expand(mailing)

    french = next(m for m in mail.outbox if m.to == ["benoit@example.org"])
    assert french.subject == "The minister answered"


def test_every_email_carries_a_one_click_unsubscribe(campaign, consenting, settings):
    settings.MAILINGS_UNSUBSCRIBE_EMAIL = "Chorus <unsubscribe@chorus.example.org>"
    mailing = MailingFactory(campaign=campaign, sending=True)

    expand(mailing)

    sent = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    message = sent.message()
    token = unsubscribe_token_make(address="ana@example.org", scope=campaign_scope(campaign.pk))
    link = f"{settings.SITE_URL}/u/{token}/"
    assert (
        message["List-Unsubscribe"]
        == f"<{link}>, <mailto:unsubscribe@chorus.example.org?subject=unsubscribe>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in sent.body


def test_nobody_who_did_not_consent_or_withdrew_is_ever_mailed(
    campaign, organiser, expansion_held, django_capture_on_commit_callbacks
):
    """Ana consents. Carl never did (he signed without the box). Dana withdrew before the send.
    Eve consents to another campaign only. Finn withdraws after Send was pressed, before his
    chunk is expanded. Only Ana is mailed."""
    ConsentEventFactory(campaign=campaign, address="ana@example.org")
    SignatureFactory(
        petition=PetitionFactory(campaign=campaign), email="carl@example.org", confirmed=True
    )
    ConsentEventFactory(campaign=campaign, address="dana@example.org")
    ConsentEventFactory(campaign=campaign, address="dana@example.org", withdrawn=True)
    ConsentEventFactory(address="eve@example.org")
    ConsentEventFactory(campaign=campaign, address="finn@example.org")
    mailing = MailingFactory(campaign=campaign)
    with django_capture_on_commit_callbacks(execute=True):
        services.mailing_send(mailing=mailing, actor=organiser)

    consent_withdraw(
        address="finn@example.org",
        scope=campaign_scope(campaign.pk),
        method=ConsentEvent.Method.ONE_CLICK,
    )
    expand(mailing)

    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert list(mailing_rows().values_list("to", flat=True)) == ["ana@example.org"]


def test_it_expands_in_chunks_from_a_cursor(campaign):
    for n in range(5):
        ConsentEventFactory(campaign=campaign, address=f"p{n}@example.org")
    mailing = MailingFactory(campaign=campaign, sending=True)

    taken = [services.mailing_expand_chunk(mailing_id=mailing.pk, size=2) for _ in range(4)]

    assert taken == [2, 2, 1, None]
    assert mailing_rows().count() == 5


def test_a_chunk_run_again_writes_nobody_twice(campaign):
    for n in range(3):
        ConsentEventFactory(campaign=campaign, address=f"p{n}@example.org")
    mailing = MailingFactory(campaign=campaign, sending=True)
    services.mailing_expand_chunk(mailing_id=mailing.pk, size=2)
    # A rerun that does not know how far the last one got.
    Mailing.objects.filter(pk=mailing.pk).update(expanded_through="")

    expand(mailing, size=2)

    assert sorted(mailing_rows().values_list("to", flat=True)) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]


def test_the_database_refuses_a_second_row_for_one_person(campaign):
    mailing = MailingFactory(campaign=campaign)
    MailingRecipient.objects.create(mailing=mailing, mailbox_key="ana@example.org")

    with pytest.raises(IntegrityError):
        MailingRecipient.objects.create(mailing=mailing, mailbox_key="ana@example.org")


def test_a_draft_is_never_expanded(campaign, consenting):
    mailing = MailingFactory(campaign=campaign)

    assert services.mailing_expand_chunk(mailing_id=mailing.pk) is None
    assert not mailing_rows().exists()


def test_a_suppressed_address_gets_a_cancelled_row_and_no_email(campaign, consenting):
    suppression_add(address="ana@example.org", reason="bounce")
    mailing = MailingFactory(campaign=campaign, sending=True)

    expand(mailing)

    assert [m.to for m in mail.outbox] == [["benoit@example.org"]]
    counts = mailing_counts(mailing=mailing)
    assert (counts.recipients, counts.sent, counts.cancelled) == (2, 1, 1)


def test_unsubscribing_cancels_what_is_still_queued_for_the_person(campaign, consenting, client):
    mailing = MailingFactory(campaign=campaign, sending=True)
    expand(mailing, deliver=False)
    token = unsubscribe_token_make(address="ana@example.org", scope=campaign_scope(campaign.pk))

    client.post(f"/u/{token}/", {"List-Unsubscribe": "One-Click"})

    ana = mailing_rows().get(to="ana@example.org")
    assert (ana.status, ana.last_error) == (Status.CANCELLED, services.UNSUBSCRIBED_NOT_SENT)
    assert mailing_rows().get(to="benoit@example.org").status == Status.QUEUED
    counts = mailing_counts(mailing=mailing)
    assert (counts.queued, counts.cancelled, counts.unsubscribed) == (1, 1, 1)


def test_unsubscribing_from_one_campaign_leaves_another_campaigns_mail(campaign, consenting):
    other = CampaignFactory()
    ConsentEventFactory(campaign=other, address="ana@example.org")
    mailing = MailingFactory(campaign=other, sending=True)
    expand(mailing, deliver=False)

    consent_withdraw(
        address="ana@example.org",
        scope=campaign_scope(campaign.pk),
        method=ConsentEvent.Method.ONE_CLICK,
    )

    assert mailing_rows().get(to="ana@example.org").status == Status.QUEUED


def test_a_test_goes_to_the_organiser_in_each_language_and_to_nobody_else(campaign, consenting):
    mailing = MailingFactory(campaign=campaign, in_french=True)

    services.mailing_send_test(mailing=mailing, to="alice@example.org")
    deliver_queued()

    assert [m.to for m in mail.outbox] == [["alice@example.org"], ["alice@example.org"]]
    assert [m.subject for m in mail.outbox] == [
        "[Test] The minister answered",
        "[Test] La ministre a répondu",
    ]
    assert not MailingRecipient.objects.exists()
    assert Mailing.objects.get().status == Mailing.Status.DRAFT
