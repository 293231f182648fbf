"""suppressions_of: many addresses' suppressions in one query, matched as suppression_for
matches one (a kept address by its spelling, an erased mailbox by its hash)."""

import pytest

from campaign.identities import mailbox_hash
from campaign.outbox import suppression_for, suppressions_of
from campaign.outbox.models import Suppression

pytestmark = pytest.mark.django_db


def test_it_finds_each_suppressed_address_as_given_and_leaves_out_the_others(
    django_assert_num_queries,
):
    bounced = Suppression.objects.create(
        address="gone@example.org", reason=Suppression.Reason.BOUNCE
    )
    erased = Suppression.objects.create(
        mailbox_hash=mailbox_hash("mariet@gmail.com"), reason=Suppression.Reason.SELF_REMOVAL
    )
    addresses = ["Gone@Example.org", "Marie.T+visas@gmail.com", "kept@example.org"]
    with django_assert_num_queries(1):
        found = suppressions_of(addresses)
    assert found == {"Gone@Example.org": bounced, "Marie.T+visas@gmail.com": erased}
    assert [found.get(a) for a in addresses] == [suppression_for(a) for a in addresses]
