"""The ledger: one row per consent given or withdrawn; current consent is the latest row."""

from datetime import timedelta

import pytest
from django.utils import timezone

from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import NEWSLETTER, campaign_scope
from campaign.consent.selectors import consent_current, consenting
from campaign.consent.services import consent_give, consent_withdraw
from campaign.identities import mailbox_key
from tests.factories import CampaignFactory
from tests.factories.consent import ConsentEventFactory

pytestmark = pytest.mark.django_db

Method = ConsentEvent.Method


def give(address="jane@example.org", scope=NEWSLETTER, **kwargs):
    return consent_give(
        address=address,
        scope=scope,
        wording=kwargs.pop("wording", "Yes, email me news."),
        language=kwargs.pop("language", "en"),
        page=kwargs.pop("page", "https://chorus.example.org/petitions/visas/"),
        **kwargs,
    )


def test_it_records_the_wording_language_page_and_method_of_a_consent():
    event = give(wording="Oui, écrivez-moi.", language="fr", source="signature:1")

    stored = ConsentEvent.objects.get(pk=event.pk)
    assert (stored.action, stored.wording, stored.language, stored.method) == (
        ConsentEvent.Action.GIVEN,
        "Oui, écrivez-moi.",
        "fr",
        Method.DOUBLE_OPT_IN,
    )
    assert stored.page == "https://chorus.example.org/petitions/visas/"
    assert stored.mailbox_key == "jane@example.org"


def test_it_keys_every_spelling_of_a_mailbox_as_one_person():
    give(address="Jane.Doe+petition@GMAIL.com")

    assert consent_current(mailbox_key=mailbox_key("janedoe@gmail.com"), scope=NEWSLETTER)


def test_a_withdrawal_overrides_an_earlier_consent():
    give()
    consent_withdraw(address="jane@example.org", scope=NEWSLETTER, method=Method.STAFF)

    assert not consent_current(mailbox_key="jane@example.org", scope=NEWSLETTER)


def test_a_later_consent_overrides_a_withdrawal():
    give()
    consent_withdraw(address="jane@example.org", scope=NEWSLETTER, method=Method.STAFF)
    give(source="letter:3")

    assert consent_current(mailbox_key="jane@example.org", scope=NEWSLETTER)


def test_the_latest_row_is_decided_by_time_not_by_insertion_order():
    campaign = CampaignFactory()
    ConsentEventFactory(campaign=campaign, address="jane@example.org", withdrawn=True)
    # A backfilled consent, written afterwards but given a year ago.
    ConsentEventFactory(
        campaign=campaign,
        address="jane@example.org",
        recorded_at=timezone.now() - timedelta(days=365),
    )

    assert not consent_current(mailbox_key="jane@example.org", scope=campaign_scope(campaign.pk))


def test_consent_is_per_scope():
    campaign = CampaignFactory()
    give(scope=campaign_scope(campaign.pk))

    assert not consent_current(mailbox_key="jane@example.org", scope=NEWSLETTER)


def test_recording_the_same_confirmation_twice_writes_one_row():
    first = give(source="signature:42")
    second = give(source="signature:42")

    assert first.pk == second.pk
    assert ConsentEvent.objects.count() == 1


def test_withdrawing_what_was_never_given_writes_nothing():
    withdrawal = consent_withdraw(address="nobody@example.org", scope=NEWSLETTER, method="staff")

    assert withdrawal is None
    assert not ConsentEvent.objects.exists()


def test_withdrawing_twice_writes_one_withdrawal():
    give()
    consent_withdraw(address="jane@example.org", scope=NEWSLETTER, method=Method.STAFF)
    consent_withdraw(address="jane@example.org", scope=NEWSLETTER, method=Method.STAFF)

    assert ConsentEvent.objects.filter(action=ConsentEvent.Action.WITHDRAWN).count() == 1


def test_it_refuses_a_scope_it_does_not_know():
    with pytest.raises(ValueError):
        give(scope="everything")


def test_consenting_lists_each_consenting_person_once_with_their_latest_address():
    campaign = CampaignFactory()
    scope = campaign_scope(campaign.pk)
    ConsentEventFactory(campaign=campaign, address="jane@example.org")
    ConsentEventFactory(campaign=campaign, address="Jane+again@example.org", language="fr")
    ConsentEventFactory(campaign=campaign, address="sam@example.org")
    ConsentEventFactory(campaign=campaign, address="sam@example.org", withdrawn=True)
    ConsentEventFactory(address="other-campaign@example.org")

    rows = list(consenting(scope=scope).values_list("mailbox_key", "address", "language"))

    assert rows == [("jane@example.org", "Jane+again@example.org", "fr")]
