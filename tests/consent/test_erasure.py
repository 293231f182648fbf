"""An erased person's ledger rows go; their hashed suppression keeps them from being mailed."""

import pytest

from campaign.consent.models import ConsentEvent
from campaign.outbox.models import Suppression
from campaign.privacy.selectors import mailbox_held
from campaign.privacy.services import supporter_data_erase
from tests.factories.consent import ConsentEventFactory

pytestmark = pytest.mark.django_db


def test_an_access_request_lists_the_ledger_rows():
    ConsentEventFactory(address="Jane.Doe@gmail.com", wording="Yes, email me news.")

    data = mailbox_held(address="janedoe@gmail.com")

    consents = next(s for s in data.sections if s.name == "consents")
    assert [r["wording"] for r in consents.records] == ["Yes, email me news."]


def test_erasure_deletes_every_ledger_row_of_the_mailbox_and_no_other():
    ConsentEventFactory(address="Jane.Doe@gmail.com")
    ConsentEventFactory(address="janedoe+x@gmail.com", withdrawn=True)
    other = ConsentEventFactory(address="sam@example.org")

    outcome = supporter_data_erase(
        actor=None, address="janedoe@gmail.com", reason=Suppression.Reason.SELF_REMOVAL
    )

    assert outcome.counts["consents"] == 2
    assert list(ConsentEvent.objects.all()) == [other]
