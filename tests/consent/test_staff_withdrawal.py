"""Staff withdraw a consent on a supporter's request ("stop emailing me", by phone or letter):
look the address up, confirm, withdraw; the same withdrawal as the unsubscribe link's."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from campaign.audit.models import AuditLog
from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import NEWSLETTER, campaign_scope
from campaign.consent.selectors import consent_current
from campaign.identities import mailbox_hash, mailbox_key
from campaign.mailings import services as mailing_services
from campaign.mailings.purposes import MailingPurpose
from campaign.outbox.models import OutboundEmail
from campaign.webhooks import events
from campaign.webhooks.models import WebhookDelivery
from tests.factories import CampaignFactory
from tests.factories.consent import ConsentEventFactory
from tests.factories.mailings import MailingFactory
from tests.factories.webhooks import WebhookEndpointFactory

pytestmark = pytest.mark.django_db

JANE = "jane.doe@gmail.com"
JANES_MAILBOX = mailbox_key(JANE)
LOOKUP = "admin:consent_consentevent_withdraw"
CONFIRM = "admin:consent_consentevent_withdraw_confirm"
WITHDRAW = "admin:consent_consentevent_withdrawn"
CHANGELIST = "admin:consent_consentevent_changelist"


@pytest.fixture
def campaign():
    return CampaignFactory(title="Emergency visas")


@pytest.fixture
def scope(campaign):
    return campaign_scope(campaign.pk)


@pytest.fixture
def jane(campaign):
    """Jane consents to the campaign's updates and to the newsletter."""
    return [
        ConsentEventFactory(campaign=campaign, address=JANE),
        ConsentEventFactory(scope=NEWSLETTER, address=JANE, wording="Yes, the newsletter."),
    ]


@pytest.fixture
def staff_client(client, data_staff):
    client.force_login(data_staff)
    return client


def withdrawals():
    return ConsentEvent.objects.filter(action=ConsentEvent.Action.WITHDRAWN)


def withdraw(client, scope, address=JANE):
    return client.post(reverse(WITHDRAW), {"address": address, "scope": scope})


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


# --- Who may --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LOOKUP, CONFIRM, WITHDRAW])
def test_organisers_without_the_permission_get_403_and_change_nothing(
    organiser_client, url, jane, scope
):
    response = organiser_client.post(reverse(url), {"address": JANE, "scope": scope})

    assert response.status_code == 403
    assert not withdrawals().exists()
    assert consent_current(mailbox_key=JANES_MAILBOX, scope=scope)


def test_staff_who_may_read_the_ledger_but_not_withdraw_see_no_withdraw_button(client, organiser):
    organiser.user_permissions.add(Permission.objects.get(codename="view_consentevent"))
    client.force_login(organiser)

    response = client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert reverse(LOOKUP).encode() not in response.content


def test_data_staff_see_the_withdraw_button_on_the_ledger(staff_client):
    response = staff_client.get(reverse(CHANGELIST))

    assert reverse(LOOKUP).encode() in response.content


# --- Looking up -----------------------------------------------------------------------------


def test_looking_up_any_spelling_of_an_address_lists_its_consents_in_force(staff_client, jane):
    response = staff_client.post(reverse(LOOKUP), {"address": "Jane.Doe+x@gmail.com"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "updates about “Emergency visas”" in page
    assert "the newsletter" in page
    assert "Yes, the newsletter." in page


def test_an_unknown_address_gets_a_message_and_changes_nothing(staff_client, jane):
    response = staff_client.post(reverse(LOOKUP), {"address": "nobody@example.org"})

    assert response.status_code == 200
    assert "The consent ledger holds nothing for this address." in shown_messages(response)
    assert "Withdraw…" not in response.content.decode()
    assert ConsentEvent.objects.count() == 2


def test_an_address_whose_consents_are_all_withdrawn_is_told_there_is_nothing_to_withdraw(
    staff_client, campaign
):
    ConsentEventFactory(campaign=campaign, address=JANE)
    ConsentEventFactory(campaign=campaign, address=JANE, withdrawn=True)

    response = staff_client.post(reverse(LOOKUP), {"address": JANE})

    assert "This address has no consent in force: there is nothing to withdraw." in (
        shown_messages(response)
    )


def test_a_malformed_address_is_a_form_error(staff_client):
    response = staff_client.post(reverse(LOOKUP), {"address": "not an address"})

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()


# --- Confirming and withdrawing -------------------------------------------------------------


def test_the_confirmation_page_asks_and_changes_nothing(staff_client, jane, scope):
    response = staff_client.post(reverse(CONFIRM), {"address": JANE, "scope": scope})

    page = response.content.decode()
    assert response.status_code == 200
    assert "updates about “Emergency visas”" in page
    assert f'action="{reverse(WITHDRAW)}"' in page
    assert "csrfmiddlewaretoken" in page
    assert not withdrawals().exists()


@pytest.mark.parametrize("url", [CONFIRM, WITHDRAW])
def test_the_confirmation_and_the_withdrawal_take_only_a_post(staff_client, jane, url):
    assert staff_client.get(reverse(url)).status_code == 405


def test_withdrawing_writes_one_staff_row_naming_who_recorded_it(staff_client, jane, scope):
    response = withdraw(staff_client, scope)

    assert response.status_code == 302
    (row,) = withdrawals()
    assert (row.scope, row.method, row.recorded_by) == (scope, "staff", "bob")
    assert row.address == JANE
    assert not consent_current(mailbox_key=JANES_MAILBOX, scope=scope)
    assert consent_current(mailbox_key=JANES_MAILBOX, scope=NEWSLETTER)


def test_withdrawing_cancels_the_persons_queued_mailing_emails(staff_client, jane, campaign, scope):
    ConsentEventFactory(campaign=campaign, address="sam@example.org")
    mailing = MailingFactory(campaign=campaign, sending=True)
    while mailing_services.mailing_expand_chunk(mailing_id=mailing.pk, size=100) is not None:
        pass

    withdraw(staff_client, scope)

    rows = OutboundEmail.objects.filter(purpose=MailingPurpose.MAILING)
    janes = rows.get(to=JANE)
    assert (janes.status, janes.last_error) == (
        OutboundEmail.Status.CANCELLED,
        mailing_services.UNSUBSCRIBED_NOT_SENT,
    )
    assert rows.get(to="sam@example.org").status == OutboundEmail.Status.QUEUED


def test_withdrawing_tells_webhook_endpoints_as_an_unsubscribe_does(staff_client, jane, scope):
    WebhookEndpointFactory(events=[events.SUPPORTER_UNSUBSCRIBED])

    withdraw(staff_client, scope)

    (delivery,) = WebhookDelivery.objects.all()
    assert delivery.event == events.SUPPORTER_UNSUBSCRIBED
    assert (delivery.payload["data"]["scope"], delivery.payload["data"]["method"]) == (
        scope,
        "staff",
    )


def test_a_second_click_changes_nothing_and_says_so(staff_client, jane, scope):
    withdraw(staff_client, scope)
    second = withdraw(staff_client, scope)

    assert second.status_code == 302
    assert withdrawals().count() == 1
    assert AuditLog.objects.count() == 1
    assert "Nothing changed: that consent was not in force." in shown_messages(second)


def test_withdrawing_all_withdraws_every_consent_in_force(staff_client, jane, scope):
    response = withdraw(staff_client, "all")

    assert response.status_code == 302
    assert sorted(withdrawals().values_list("scope", flat=True)) == sorted([scope, NEWSLETTER])
    assert set(withdrawals().values_list("method", "recorded_by")) == {("staff", "bob")}


def test_the_audit_log_names_the_mailbox_by_its_hash_never_its_address(staff_client, jane, scope):
    withdraw(staff_client, scope)

    (entry,) = AuditLog.objects.all()
    assert (entry.actor, entry.object_id) == ("bob", mailbox_hash(JANE))
    assert entry.changes == {scope: ["given", "withdrawn"]}
    assert "jane" not in str(entry.__dict__).lower()


def test_a_scope_that_is_not_one_is_refused_and_changes_nothing(staff_client, jane):
    response = withdraw(staff_client, "everything")

    assert response.status_code == 400
    assert "Nothing changed: that request was not one this page sends." in (
        shown_messages(response)
    )
    assert not withdrawals().exists()
    assert not AuditLog.objects.exists()


def test_the_supporters_data_page_links_to_the_withdrawal_page(staff_client, jane):
    response = staff_client.post(
        reverse("admin:privacy_supporterdata_changelist"), {"address": JANE}
    )

    assert reverse(LOOKUP).encode() in response.content


def test_looking_up_a_mailboxs_consents_is_audited_by_its_hash(staff_client, jane, scope):
    staff_client.post(reverse(LOOKUP), {"address": JANE})

    (entry,) = AuditLog.objects.all()
    assert (entry.actor, entry.object_id, entry.note) == (
        "bob",
        mailbox_hash(JANE),
        "consents looked up (staff)",
    )
    assert "jane" not in str(entry.__dict__).lower()
