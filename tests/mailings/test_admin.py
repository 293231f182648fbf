"""Organisers write, preview, test and send a mailing in the admin, and follow its figures."""

import pytest
from django.core import mail
from django.urls import reverse

from campaign.mailings.models import Mailing
from campaign.outbox.models import OutboundEmail
from tests.factories.mailings import MailingFactory
from tests.mailings.conftest import deliver_queued

pytestmark = pytest.mark.django_db


def test_an_organiser_writes_a_mailing(organiser_client, campaign, organiser):
    response = organiser_client.post(
        reverse("admin:mailings_mailing_add"),
        {
            "campaign": campaign.pk,
            "subject": "News",
            "body": "The minister answered.",
            "subject_fr": "",
            "body_fr": "",
        },
    )

    assert response.status_code == 302
    mailing = Mailing.objects.get()
    assert (mailing.status, mailing.created_by) == (Mailing.Status.DRAFT, organiser)


def test_the_preview_shows_each_language_as_a_supporter_gets_it(organiser_client, campaign):
    mailing = MailingFactory(campaign=campaign, in_french=True)

    response = organiser_client.get(reverse("admin:mailings_mailing_preview", args=[mailing.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Thanks to your letters" in page
    assert "Grâce à vos lettres" in page
    assert "List-Unsubscribe-Post" in page


def test_send_a_test_to_me_mails_the_organiser_only(organiser_client, campaign, consenting):
    mailing = MailingFactory(campaign=campaign)

    response = organiser_client.post(reverse("admin:mailings_mailing_test", args=[mailing.pk]))
    deliver_queued()

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]


def test_the_send_page_says_how_many_consent_now(organiser_client, campaign, consenting):
    mailing = MailingFactory(campaign=campaign)

    response = organiser_client.get(reverse("admin:mailings_mailing_send", args=[mailing.pk]))

    assert "2 people consent now" in response.content.decode()


def test_sending_from_the_admin_only_marks_and_publishes(
    organiser_client, campaign, consenting, expansion_held, django_capture_on_commit_callbacks
):
    mailing = MailingFactory(campaign=campaign)

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(reverse("admin:mailings_mailing_send", args=[mailing.pk]))

    assert response.status_code == 302
    assert Mailing.objects.get().status == Mailing.Status.SENDING
    expansion_held.assert_called_once()
    assert not OutboundEmail.objects.exists()


def test_data_staff_cannot_send(client, data_staff, campaign, expansion_held):
    mailing = MailingFactory(campaign=campaign)
    client.force_login(data_staff)

    response = client.post(reverse("admin:mailings_mailing_send", args=[mailing.pk]))

    assert response.status_code == 403
    assert Mailing.objects.get().status == Mailing.Status.DRAFT


def test_a_sent_mailing_is_read_only_and_shows_its_figures(organiser_client, campaign, consenting):
    from campaign.mailings.services import mailing_expand

    mailing = MailingFactory(campaign=campaign, sending=True)
    mailing_expand(mailing_id=mailing.pk)
    deliver_queued()

    change = organiser_client.get(reverse("admin:mailings_mailing_change", args=[mailing.pk]))
    listing = organiser_client.get(reverse("admin:mailings_mailing_changelist"))

    page = change.content.decode()
    assert "2 recipients: 2 sent, 0 queued, 0 failed, 0 cancelled or suppressed" in page
    assert 'name="subject"' not in page
    assert listing.status_code == 200
