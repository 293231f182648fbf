"""Pages and time filters, the same for every list: `per_page` capped, dates checked."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from campaign.api.pagination import MAX_PER_PAGE
from tests.factories import CampaignFactory
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db


def test_it_caps_a_page_size_over_the_maximum(organiser_api):
    CampaignFactory.create_batch(MAX_PER_PAGE + 5)
    response = organiser_api.get("/api/v1/campaigns/", per_page=MAX_PER_PAGE * 10)
    assert response.status_code == 200
    body = response.json()
    assert len(body["results"]) == MAX_PER_PAGE
    assert body["count"] == MAX_PER_PAGE + 5
    assert body["next"]


def test_it_gives_the_page_size_asked_for_under_the_maximum(organiser_api):
    CampaignFactory.create_batch(3)
    response = organiser_api.get("/api/v1/campaigns/", per_page=2)
    assert len(response.json()["results"]) == 2


@pytest.mark.parametrize("parameter", ["created_since", "modified_since", "until"])
def test_it_refuses_a_date_it_cannot_read_and_says_which(organiser_api, parameter):
    response = organiser_api.get("/api/v1/signatures/", **{parameter: "last tuesday"})
    assert response.status_code == 400
    assert parameter in response.json()


def test_it_lists_what_changed_since_a_time(organiser_api):
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)):
        SignatureFactory(confirmed=True, first_name="Early")
    with time_machine.travel(datetime.datetime(2026, 3, 5, 12, tzinfo=datetime.UTC)):
        SignatureFactory(confirmed=True, first_name="Late")
    names = lambda **filters: [  # noqa: E731
        s["given_name"]
        for s in organiser_api.get("/api/v1/signatures/", **filters).json()["results"]
    ]
    assert names(modified_since="2026-02-01") == ["Late"]
    assert names(until="2026-02-01T00:00:00Z") == ["Early"]
    assert names(created_since="2026-01-01", until="2026-12-31") == ["Early", "Late"]


def test_it_lists_oldest_change_first(organiser_api):
    first = SignatureFactory(confirmed=True)
    second = SignatureFactory(confirmed=True, confirmed_at=timezone.now())
    first.confirmed_at = timezone.now()
    first.save()
    ids = [s["id"] for s in organiser_api.get("/api/v1/signatures/").json()["results"]]
    assert ids == [second.pk, first.pk]
