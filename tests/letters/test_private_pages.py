"""`Cache-Control: private, no-store` on every letters page that holds a supporter's letter:
the confirm and status pages (behind signed links) and the preview of what they typed."""

import pytest
from django.urls import reverse

from letters.models import Letter
from tests.factories.letters import LetterFactory, LetterRecipientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(mp_template):
    letter = LetterFactory(template=mp_template, campaign=mp_template.campaign)
    LetterRecipientFactory(letter=letter)
    return letter


def private(response) -> bool:
    values = {v.strip() for v in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= values


def test_letter_pages_holding_the_letter_are_private_and_never_stored(client, letter):
    assert private(client.get(letter.get_confirm_url()))
    Letter.objects.filter(pk=letter.pk).update(status=Letter.Status.CONFIRMED)
    assert private(client.get(letter.get_status_url()))


def test_the_letter_preview_holding_the_typed_letter_is_private(client, mp_template):
    url = reverse(
        "letters:write",
        kwargs={"campaign": mp_template.campaign.slug, "template": mp_template.slug},
    )
    response = client.post(
        url,
        {
            "postal_code": "K1A 0A6",
            "riding": "35079",
            "supporter_name": "Sam Supporter",
            "supporter_email": "sam@example.org",
            "supporter_postal_code": "K1A 0A6",
            "subject": "Please act now",
            "body": "Dear Yasir Naqvi,\n\nPlease press for emergency visas now.\n\nSam",
        },
    )
    assert response.status_code == 200
    assert private(response)
