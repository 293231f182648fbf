"""Represent's limit of 60 requests a minute, kept for every process together, and its 503s.

Open North's API page (represent.opennorth.ca/api/, "Rate limits"): free up to 60 requests a
minute, above which it may answer HTTP 503.
"""

import io
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command

from campaign.directory import represent as represent_client
from campaign.directory.lookup import ridings_for_postal_code
from campaign.directory.models import Representative
from tests.directory.conftest import FIXTURES, recorded_json

pytestmark = pytest.mark.django_db

FEDERAL_2023 = "?sets=federal-electoral-districts-2023-representation-order"
# Mid-minute, so the sliding minute's previous count plays no part.
NOON = datetime(2026, 3, 2, 12, 0, 30, tzinfo=UTC)


def test_it_falls_back_to_the_local_table_once_the_minutes_budget_is_spent(
    ottawa, represent, settings
):
    settings.REPRESENT_API_RATE_LIMIT = 2
    represent.add(
        "/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
    with time_machine.travel(NOON, tick=False):
        ridings_for_postal_code("K1A 0A6")
        ridings_for_postal_code("K1Z 7B5")  # 404 here: unknown, and one more request
        started = time.monotonic()
        third = ridings_for_postal_code("K1P 5J2")
        assert time.monotonic() - started < 0.5  # the supporter does not wait for the budget
    assert third.source == "local"
    assert [r.code for r in third.ridings] == ["35079"]
    assert represent.requests == [
        f"/postcodes/K1A0A6/{FEDERAL_2023}",
        f"/postcodes/K1Z7B5/{FEDERAL_2023}",
    ]
    with time_machine.travel(NOON + timedelta(minutes=2), tick=False):
        ridings_for_postal_code("K1P 5J2")
    assert len(represent.requests) == 3  # a new minute, a new budget


def test_it_shares_the_budget_with_other_processes(ottawa, represent, settings):
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        pytest.skip("needs the Redis cache the processes share")
    if time.time() % 60 > 45:  # the other process and this test must fall in the same minute
        time.sleep(61 - time.time() % 60)
    settings.REPRESENT_API_RATE_LIMIT = 2
    other = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup()\n"
            "from campaign.directory.represent import _take_slot\n"
            "print(sum(_take_slot() for _ in range(3)))",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "campaign.settings_test",
            "REPRESENT_API_RATE_LIMIT": "2",
        },
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert other.stdout.strip() == "2"  # the other process spent this minute's budget
    represent.add(
        "/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
    lookup = ridings_for_postal_code("K1A 0A6")
    assert represent.requests == []
    assert lookup.source == "local"


def test_it_still_asks_represent_when_the_cache_is_down(ottawa, represent, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    represent.add(
        "/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
    lookup = ridings_for_postal_code("K1A 0A6")
    assert (lookup.source, [r.code for r in lookup.ridings]) == ("represent", ["35079"])


@pytest.mark.parametrize(("retry_after", "held"), [("120", 120), (None, 60)])
def test_it_backs_off_after_a_503_for_retry_after_else_a_minute(
    ottawa, represent, retry_after, held
):
    headers = {"Retry-After": retry_after} if retry_after else {}
    represent.add("/postcodes/K1A0A6/", {}, status=503, headers=headers)
    with time_machine.travel(NOON, tick=False):
        assert ridings_for_postal_code("K1A 0A6").source == "local"
    represent.add(
        "/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
    with time_machine.travel(NOON + timedelta(seconds=held - 5), tick=False):
        assert ridings_for_postal_code("K1A 0A6").source == "local"  # not asked: backing off
    with time_machine.travel(NOON + timedelta(seconds=held + 5), tick=False):
        assert ridings_for_postal_code("K1A 0A6").source == "represent"
    assert represent.requests == [f"/postcodes/K1A0A6/{FEDERAL_2023}"] * 2


def test_it_reads_retry_after_as_seconds_or_an_http_date():
    with time_machine.travel(NOON, tick=False):
        assert represent_client._retry_after_seconds("30") == 30
        assert represent_client._retry_after_seconds("Mon, 02 Mar 2026 12:02:30 GMT") == 120
        assert represent_client._retry_after_seconds("soon") is None


@pytest.fixture
def ridings(db):
    call_command("import_ridings", str(FIXTURES / "ridings.csv"), stdout=io.StringIO())


def test_the_weekly_sync_waits_out_a_503_and_carries_on(ridings, represent, monkeypatch):
    represent.add_sequence(
        "/representatives/house-of-commons/",
        (503, {}, {"Retry-After": "5"}),
        (200, recorded_json("represent_house_page1.json"), {}),
    )
    represent.add(
        "/representatives/house-of-commons/?limit=2&offset=2",
        recorded_json("represent_house_page2.json"),
    )
    slept = []
    with time_machine.travel(NOON, tick=False) as clock:
        monkeypatch.setattr(
            represent_client,
            "_sleep",
            lambda seconds: (slept.append(seconds), clock.shift(seconds)),
        )
        call_command("sync_representatives", stdout=io.StringIO())
    assert slept == [5]
    assert Representative.objects.count() == 3


def test_the_weekly_sync_gives_up_rather_than_wait_longer_than_it_may(
    ridings, represent, monkeypatch, settings
):
    settings.REPRESENT_API_SYNC_MAX_WAIT = 120
    represent.add(
        "/representatives/house-of-commons/", {}, status=503, headers={"Retry-After": "600"}
    )
    monkeypatch.setattr(represent_client, "_sleep", pytest.fail)
    with pytest.raises(represent_client.RepresentUnavailable, match="backing off"):
        list(represent_client.house_of_commons_pages())
    assert len(represent.requests) == 1
