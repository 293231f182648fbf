"""A campaign closed longer than MAILINGS_AFTER_CLOSE_DAYS can no longer be mailed, so that the
proof of its supporters' consent (kept until CONSENT_RETENTION_AFTER_CLOSE_DAYS, three years
longer) outlives its last mailing; who its mailings went to is forgotten with that proof."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign.mailings import services
from campaign.mailings.models import Mailing
from campaign.mailings.selectors import mailing_send_refusal
from campaign.outbox.models import OutboundEmail
from tests.factories import CampaignFactory
from tests.factories.consent import ConsentEventFactory
from tests.factories.mailings import MailingFactory

pytestmark = pytest.mark.django_db


def closed(days_ago: float):
    return CampaignFactory(closed=True, closed_at=timezone.now() - timedelta(days=days_ago))


@pytest.fixture
def expired_campaign(db):
    """Closed a year and a day ago (MAILINGS_AFTER_CLOSE_DAYS); its consents are kept."""
    campaign = closed(366)
    ConsentEventFactory(campaign=campaign, address="ana@example.org")
    return campaign


@pytest.fixture
def campaign_past_consent_retention(db):
    """Closed four years and a day ago; its consents are not purged yet (the task runs daily)."""
    campaign = closed(1462)
    ConsentEventFactory(campaign=campaign, address="ana@example.org")
    return campaign


def test_a_mailing_of_a_campaign_past_the_mailing_window_is_refused(
    expired_campaign, organiser, expansion_held
):
    mailing = MailingFactory(campaign=expired_campaign)

    with pytest.raises(services.MailingRefused, match="closed more than 365 days ago"):
        services.mailing_send(mailing=mailing, actor=organiser)

    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT
    expansion_held.assert_not_called()


def test_it_is_refused_though_the_consents_it_would_rely_on_are_still_kept(expired_campaign):
    from campaign.consent.services import consent_purge_expired

    mailing = MailingFactory(campaign=expired_campaign)

    assert consent_purge_expired() == 0
    assert mailing_send_refusal(mailing=mailing) != ""


def test_a_mailing_of_a_campaign_past_consent_retention_is_refused(
    campaign_past_consent_retention,
):
    mailing = MailingFactory(campaign=campaign_past_consent_retention)

    assert "no mailing may be sent about it any more" in mailing_send_refusal(mailing=mailing)


def test_a_campaign_closed_recently_can_still_be_mailed(organiser, expansion_held):
    mailing = MailingFactory(campaign=closed(364))

    assert mailing_send_refusal(mailing=mailing) == ""
    assert services.mailing_send(mailing=mailing, actor=organiser)


def test_the_mailing_window_follows_the_setting(settings):
    settings.MAILINGS_AFTER_CLOSE_DAYS = 30

    assert mailing_send_refusal(mailing=MailingFactory(campaign=closed(29))) == ""
    assert "closed more than 30 days ago" in mailing_send_refusal(
        mailing=MailingFactory(campaign=closed(31))
    )


def test_an_open_campaign_can_be_mailed_however_old():
    campaign = CampaignFactory(closed_at=None)
    mailing = MailingFactory(campaign=campaign)

    assert mailing_send_refusal(mailing=mailing) == ""


def test_a_mailing_still_sending_when_its_campaign_passes_the_mailing_window_writes_nobody_more(
    expired_campaign,
):
    mailing = MailingFactory(campaign=expired_campaign, sending=True)

    assert services.mailing_expand_chunk(mailing_id=mailing.pk) is None

    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT
    assert not OutboundEmail.objects.exists()


def test_a_test_to_the_organiser_is_still_allowed(expired_campaign):
    mailing = MailingFactory(campaign=expired_campaign)

    services.mailing_send_test(mailing=mailing, to="alice@example.org")

    assert list(OutboundEmail.objects.values_list("to", flat=True)) == ["alice@example.org"]


def test_the_send_page_says_why_and_offers_no_button(organiser_client, expired_campaign):
    mailing = MailingFactory(campaign=expired_campaign)

    response = organiser_client.get(reverse("admin:mailings_mailing_send", args=[mailing.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "no mailing may be sent about it any more" in page
    assert "Send now" not in page


def test_sending_from_the_admin_is_refused_with_a_message_and_changes_nothing(
    organiser_client, expired_campaign, expansion_held
):
    mailing = MailingFactory(campaign=expired_campaign)

    response = organiser_client.post(
        reverse("admin:mailings_mailing_send", args=[mailing.pk]), follow=True
    )

    assert "no mailing may be sent about it any more" in response.content.decode()
    assert Mailing.objects.get().status == Mailing.Status.DRAFT
    expansion_held.assert_not_called()


def test_the_refusal_is_in_french_in_the_french_admin(organiser_client, expired_campaign):
    mailing = MailingFactory(campaign=expired_campaign)

    response = organiser_client.get(f"/fr/admin/mailings/mailing/{mailing.pk}/send/")

    assert "plus aucun envoi de suivi ne peut être fait" in response.content.decode()


def _recipient(mailing, address: str):
    from campaign.mailings.models import MailingRecipient

    return MailingRecipient.objects.create(mailing=mailing, mailbox_key=address, language="en")


def test_it_forgets_who_a_campaign_past_consent_retention_was_mailed_to(
    campaign_past_consent_retention,
):
    mailing = MailingFactory(campaign=campaign_past_consent_retention, status=Mailing.Status.SENT)
    ana, ben = _recipient(mailing, "ana@example.org"), _recipient(mailing, "ben@example.org")

    assert services.recipients_forget_past_retention() == 2

    ana.refresh_from_db()
    ben.refresh_from_db()
    assert "example.org" not in ana.mailbox_key + ben.mailbox_key
    assert mailing.recipients.count() == 2  # the mailing's figures still add up


@pytest.mark.parametrize("days_ago", [30, 366, 1460])
def test_it_keeps_who_a_campaign_within_consent_retention_was_mailed_to(days_ago):
    """Past the mailing window too: who was mailed is part of the proof a complaint may need."""
    recipient = _recipient(MailingFactory(campaign=closed(days_ago)), "ana@example.org")

    assert services.recipients_forget_past_retention() == 0

    recipient.refresh_from_db()
    assert recipient.mailbox_key == "ana@example.org"


def test_forgetting_recipients_again_changes_nothing(campaign_past_consent_retention):
    _recipient(MailingFactory(campaign=campaign_past_consent_retention), "ana@example.org")
    services.recipients_forget_past_retention()

    assert services.recipients_forget_past_retention() == 0


def test_beat_forgets_recipients_past_retention_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["mailings-forget-recipients"]

    assert entry["task"] == "campaign.mailings.tasks.forget_recipients_past_retention"
    assert entry["schedule"] == 24 * 60 * 60.0
