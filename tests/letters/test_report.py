"""The letters report page: letters sent per recipient and per riding, with dates."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from letters.purposes import LetterPurpose
from letters.reports import letters_sent_per_recipient, letters_sent_per_riding
from tests.factories import CampaignFactory, OutboundEmailFactory
from tests.factories.letters import LetterFactory, LetterRecipientFactory

pytestmark = pytest.mark.django_db

DAY_ONE = datetime(2026, 11, 2, 15, 0, tzinfo=timezone.get_fixed_timezone(0))
DAY_TWO = datetime(2026, 11, 9, 15, 0, tzinfo=timezone.get_fixed_timezone(0))


def _letter(campaign, *, to, name, when, riding=None, status="sent", test_mode=False):
    email = OutboundEmailFactory(purpose=LetterPurpose.LETTER, status=status)
    return LetterRecipientFactory(
        letter=LetterFactory(
            template__campaign=campaign,
            confirmed_at=when,
            riding=riding,
            test_mode=test_mode,
        ),
        email=to,
        name=name,
        message_id=email.message_id,
    )


@pytest.fixture
def campaign(ottawa):
    campaign = CampaignFactory()
    _letter(campaign, to="yasir.naqvi@parl.gc.ca", name="Yasir Naqvi", when=DAY_ONE, riding=ottawa)
    _letter(campaign, to="yasir.naqvi@parl.gc.ca", name="Yasir Naqvi", when=DAY_TWO, riding=ottawa)
    _letter(campaign, to="minister@example.gc.ca", name="The Minister", when=DAY_TWO)
    _letter(
        campaign, to="minister@example.gc.ca", name="The Minister", when=DAY_TWO, status="failed"
    )
    _letter(
        campaign, to="minister@example.gc.ca", name="The Minister", when=DAY_TWO, test_mode=True
    )
    return campaign


def test_it_counts_letters_sent_per_recipient_with_the_first_and_last_date(campaign):
    rows = letters_sent_per_recipient(campaign=campaign)

    assert [(r.label, r.sent, r.first, r.last) for r in rows] == [
        ("Yasir Naqvi", 2, DAY_ONE, DAY_TWO),
        ("The Minister", 1, DAY_TWO, DAY_TWO),
    ]


def test_it_counts_letters_sent_per_supporters_riding(campaign):
    rows = letters_sent_per_riding(campaign=campaign)

    assert [(r.label, r.detail, r.sent) for r in rows] == [("Ottawa Centre", "ON", 2), ("", "", 1)]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("outsider", 302),
        ("organiser", 200),
        ("data_staff", 200),
        ("admin_user", 200),
    ],
)
def test_who_may_open_the_letters_report(client, request, campaign, persona, status):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("admin:letters_letter_report", args=[campaign.pk]))

    assert response.status_code == status
    if status == 200:
        assert "Yasir Naqvi" in response.content.decode()
        assert "@example.org" not in response.content.decode()  # no supporter


def test_staff_who_may_not_read_letters_get_403(client, django_user_model, campaign):
    client.force_login(django_user_model.objects.create_user("dave", is_staff=True))

    response = client.get(reverse("admin:letters_letter_report", args=[campaign.pk]))

    assert response.status_code == 403
