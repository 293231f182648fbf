"""Cursor mode, for a sync: `cursor=` (empty) starts, `next` goes on until it is null. Each row
comes once, in (modified time, id) order, even as rows arrive between pages; a cursor the list
did not give is a 400 naming `cursor`; a page costs the same queries whatever its size."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.api import selectors
from campaign.api.pagination import MAX_PER_PAGE, key_fields
from campaign.api.people import PeopleQuery
from campaign.api.time_window import TimeWindow
from tests.factories import CallFactory, CampaignFactory
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db

SIGNATURES = "/api/v1/signatures/"
PEOPLE = "/api/v1/people/"


def _sync(api, path, *, between=lambda: None, **params) -> list:
    """The ids of every row a sync reads, page after page, calling `between` after each."""
    response = api.get(path, cursor="", **params)
    ids = []
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        ids += [row["id"] for row in body["results"]]
        if body["next"] is None:
            return ids
        between()
        response = api.get(body["next"])


def _confirmed_letter(**kwargs):
    letter = LetterFactory(status="confirmed", confirmed_at=timezone.now(), **kwargs)
    LetterRecipientFactory(letter=letter, message_id=f"<{letter.pk}@chorus.invalid>")
    return letter


def test_an_empty_cursor_starts_at_the_oldest_change_without_a_count(organiser_api):
    first, second = SignatureFactory(confirmed=True), SignatureFactory(confirmed=True)
    body = organiser_api.get(SIGNATURES, cursor="").json()
    assert [row["id"] for row in body["results"]] == [first.pk, second.pk]
    assert body["next"] is None
    assert "count" not in body


def test_a_sync_reads_each_row_once_while_rows_arrive_between_pages(organiser_api):
    before = SignatureFactory.create_batch(5, confirmed=True)
    arrived = []

    def a_supporter_signs():
        if len(arrived) < 4:
            arrived.append(SignatureFactory(confirmed=True))

    ids = _sync(organiser_api, SIGNATURES, per_page=2, between=a_supporter_signs)
    assert ids == [signature.pk for signature in before + arrived]


def test_a_row_changed_during_a_sync_comes_again_after_and_none_is_skipped(organiser_api):
    campaigns = CampaignFactory.create_batch(4)
    edited = []

    def an_organiser_edits_the_first():
        if not edited:
            campaigns[0].title = "Edited"
            campaigns[0].save()
            edited.append(campaigns[0])

    ids = _sync(
        organiser_api, "/api/v1/campaigns/", per_page=2, between=an_organiser_edits_the_first
    )
    assert ids == [c.pk for c in campaigns] + [campaigns[0].pk]


def test_it_keeps_rows_with_equal_times_in_id_order_across_pages(organiser_api):
    same_time = timezone.now()
    signatures = SignatureFactory.create_batch(5, confirmed_at=same_time)
    ids = _sync(organiser_api, SIGNATURES, per_page=2)
    assert ids == sorted(signature.pk for signature in signatures)


def test_a_sync_of_people_reads_each_person_once_while_people_arrive(organiser_api):
    SignatureFactory.create_batch(3, confirmed=True)
    _confirmed_letter()
    arrived = []

    def a_supporter_writes():
        if len(arrived) < 3:
            arrived.append(_confirmed_letter())

    ids = _sync(organiser_api, PEOPLE, per_page=2, between=a_supporter_writes)
    everyone = organiser_api.get(PEOPLE, per_page=MAX_PER_PAGE).json()["results"]
    assert arrived
    assert ids == [person["id"] for person in everyone]


def test_it_keeps_people_with_equal_times_in_id_order_across_pages(organiser_api):
    same_time = timezone.now()
    SignatureFactory.create_batch(5, confirmed_at=same_time)
    ids = _sync(organiser_api, PEOPLE, per_page=2)
    assert len(ids) == 5
    assert ids == sorted(ids)


def test_a_cursor_goes_on_within_the_time_filters(organiser_api):
    with time_machine.travel(datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)):
        SignatureFactory.create_batch(2, confirmed=True)
    with time_machine.travel(datetime.datetime(2026, 3, 5, 12, tzinfo=datetime.UTC)):
        late = SignatureFactory.create_batch(3, confirmed=True)
    ids = _sync(organiser_api, SIGNATURES, per_page=2, modified_since="2026-02-01")
    assert ids == [signature.pk for signature in late]


def test_it_caps_a_cursor_page_over_the_maximum(organiser_api):
    CampaignFactory.create_batch(MAX_PER_PAGE + 5)
    response = organiser_api.get("/api/v1/campaigns/", cursor="", per_page=MAX_PER_PAGE * 10)
    assert response.status_code == 200
    assert len(response.json()["results"]) == MAX_PER_PAGE
    assert "per_page=1000" in response.json()["next"]


def _next_cursor(api, path) -> str:
    from urllib.parse import parse_qs, urlsplit

    next_url = api.get(path, cursor="", per_page=1).json()["next"]
    return parse_qs(urlsplit(next_url).query)["cursor"][0]


def _refused(response) -> bool:
    return (
        response.status_code == 400
        and "cursor" in response.json()
        and "results" not in response.json()
    )


def test_it_refuses_a_tampered_cursor_and_reads_nothing(organiser_api):
    SignatureFactory.create_batch(2, confirmed=True, first_name="Marie")
    cursor = _next_cursor(organiser_api, SIGNATURES)
    payload, signature = cursor.rsplit(":", 1)
    # The same shape, another position: a client editing its way past the key.
    tampered = f"{payload[:-2]}{'A' if payload[-2] != 'A' else 'B'}{payload[-1]}:{signature}"
    response = organiser_api.get(SIGNATURES, cursor=tampered)
    assert _refused(response)
    assert b"Marie" not in response.content


@pytest.mark.parametrize("cursor", ["not-a-cursor", "cD0yMDI2LTAxLTA1", ":", "x" * 500])
def test_it_refuses_a_malformed_cursor_saying_why(organiser_api, cursor):
    SignatureFactory(confirmed=True)
    response = organiser_api.get(SIGNATURES, cursor=cursor)
    assert _refused(response)
    assert "cursor=" in response.json()["cursor"][0]


def test_it_refuses_a_cursor_from_another_list(organiser_api):
    SignatureFactory.create_batch(2, confirmed=True)
    cursor = _next_cursor(organiser_api, SIGNATURES)
    assert _refused(organiser_api.get("/api/v1/outreaches/", cursor=cursor))


def test_it_refuses_a_page_and_a_cursor_together(organiser_api):
    response = organiser_api.get(SIGNATURES, cursor="", page=2)
    assert _refused(response)


def test_a_page_without_a_cursor_is_still_a_numbered_page(organiser_api):
    SignatureFactory.create_batch(3, confirmed=True)
    body = organiser_api.get(SIGNATURES, per_page=2).json()
    assert body["count"] == 3
    assert "page=2" in body["next"]


ROWS = {
    "/api/v1/campaigns/": lambda: CampaignFactory(),
    "/api/v1/petitions/": lambda: SignatureFactory(confirmed=True),
    "/api/v1/signatures/": lambda: SignatureFactory(confirmed=True),
    "/api/v1/outreaches/": _confirmed_letter,
    "/api/v1/calls/": lambda: CallFactory(),
    "/api/v1/people/": lambda: (SignatureFactory(confirmed=True), _confirmed_letter()),
}


@pytest.mark.parametrize("path", ROWS)
def test_a_cursor_page_costs_the_same_queries_whatever_its_size(data_staff_api, path):
    def queries(url, **params) -> tuple[int, dict]:
        with CaptureQueriesContext(connection) as captured:
            response = data_staff_api.get(url, **params)
        assert response.status_code == 200, response.content
        return len(captured), response.json()

    ROWS[path]()
    ROWS[path]()
    small, body = queries(path, cursor="", per_page=1)
    for _ in range(6):
        ROWS[path]()
    large, body = queries(body["next"].replace("per_page=1", "per_page=5"))
    assert len(body["results"]) == 5
    assert large == small


@pytest.mark.parametrize(
    "selector",
    [
        selectors.campaign_list,
        selectors.petition_list,
        selectors.signature_list,
        selectors.outreach_list,
        selectors.call_list,
        PeopleQuery,
    ],
)
def test_every_list_is_ordered_by_a_time_and_id_key(selector):
    time_field, id_field = key_fields(selector(window=TimeWindow()))
    assert id_field in ("pk", "id")
    assert not time_field.startswith("-")


def test_a_cursor_page_of_signatures_reads_their_key_index(organiser_api):
    SignatureFactory.create_batch(3, confirmed=True)
    cursor = _next_cursor(organiser_api, SIGNATURES)
    with connection.cursor() as cursor_:
        # Too few rows for the planner to prefer an index unless told to.
        cursor_.execute("SET LOCAL enable_seqscan = off")
        with CaptureQueriesContext(connection) as captured:
            assert organiser_api.get(SIGNATURES, cursor=cursor).status_code == 200
        (page_query,) = [q["sql"] for q in captured if 'FROM "petitions_signature"' in q["sql"]]
        cursor_.execute(f"EXPLAIN {page_query}")
        plan = "\n".join(row[0] for row in cursor_.fetchall())
    assert "signature_counted_key_idx" in plan
