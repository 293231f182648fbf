"""Erasing a supporter who was mailed: the mailing keeps its figures, not the person."""

import pytest

from campaign.mailings.models import MailingRecipient
from campaign.mailings.services import mailing_expand
from campaign.outbox.models import OutboundEmail, Suppression
from campaign.privacy.services import supporter_data_erase
from tests.factories.consent import ConsentEventFactory
from tests.factories.mailings import MailingFactory

pytestmark = pytest.mark.django_db


def test_erasure_keeps_the_recipient_row_without_the_mailbox_and_erases_the_email(campaign):
    ConsentEventFactory(campaign=campaign, address="ana@example.org")
    mailing = MailingFactory(campaign=campaign, sending=True)
    mailing_expand(mailing_id=mailing.pk)

    outcome = supporter_data_erase(
        actor=None, address="ana@example.org", reason=Suppression.Reason.SELF_REMOVAL
    )

    recipient = MailingRecipient.objects.get()
    assert recipient.mailbox_key == f"erased-{recipient.pk}"
    assert (outcome.counts["mailings"], outcome.counts["consents"]) == (1, 1)
    email = OutboundEmail.objects.get()
    assert (email.to, email.body_text) == ("", "")


def test_an_erased_person_is_not_mailed_again(campaign):
    ConsentEventFactory(campaign=campaign, address="ana@example.org")
    supporter_data_erase(actor=None, address="ana@example.org", reason=Suppression.Reason.ERASURE)
    mailing = MailingFactory(campaign=campaign, sending=True)

    mailing_expand(mailing_id=mailing.pk)

    assert not OutboundEmail.objects.exists()
