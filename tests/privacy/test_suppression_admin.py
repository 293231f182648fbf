"""An erased mailbox's suppression in the admin: found by its address, never edited, liftable."""

import pytest

from campaign.outbox.models import Suppression
from campaign.outbox.privacy import mailbox_suppress
from campaign.outbox.selectors import is_suppressed
from tests.factories.outbox import SuppressionFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/outbox/suppression/"


@pytest.fixture
def erased():
    return mailbox_suppress(address="Jane.Doe@gmail.com", reason=Suppression.Reason.ERASURE)


def test_staff_find_an_erased_mailbox_by_typing_any_spelling_of_its_address(
    organiser_client, erased
):
    SuppressionFactory(address="bounced@example.org")

    response = organiser_client.get(LIST, {"q": "janedoe+x@gmail.com"})

    assert list(response.context["cl"].result_list) == [erased]


def test_its_page_shows_the_hash_and_cannot_be_changed(admin_client, erased):
    response = admin_client.post(
        f"{LIST}{erased.pk}/change/", {"address": "someone@example.org", "reason": "manual"}
    )

    assert response.status_code == 403
    erased.refresh_from_db()
    assert (erased.address, erased.reason) == ("", Suppression.Reason.ERASURE)


def test_lifting_it_lets_chorus_write_to_the_mailbox_again(organiser_client, erased):
    response = organiser_client.post(f"{LIST}{erased.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not is_suppressed("jane.doe@gmail.com")


def test_staff_cannot_add_an_erasure_by_hand(organiser_client):
    response = organiser_client.post(
        f"{LIST}add/", {"address": "x@example.org", "reason": "erasure", "detail": ""}
    )

    assert response.status_code == 200
    assert "reason" in response.context["adminform"].form.errors
    assert not Suppression.objects.exists()
