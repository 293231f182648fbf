"""Postal code → riding: recorded Represent answers, and the local table when it fails."""

import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from campaign.directory.lookup import ridings_for_postal_code
from campaign.directory.represent import riding_codes_from_postcode
from tests.directory.conftest import recorded_json

pytestmark = pytest.mark.django_db


def test_it_reads_the_centroid_riding_of_the_newest_representation_order():
    payload = recorded_json("represent_postcode_K1A0A6.json")
    assert riding_codes_from_postcode(payload) == ["35079"]


def test_it_reads_every_riding_of_the_concordance_centroid_first():
    payload = recorded_json("represent_postcode_K1Z7B5.json")
    assert riding_codes_from_postcode(payload) == ["35082", "35079"]


def test_it_reads_a_concordance_without_centroid():
    payload = recorded_json("represent_postcode_H2R1A1_concordance_only.json")
    assert riding_codes_from_postcode(payload) == ["24054"]


def test_it_asks_represent_when_enabled(ottawa, represent):
    represent.add("/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6.json"))
    lookup = ridings_for_postal_code("k1a 0a6")
    assert lookup.source == "represent"
    assert [r.code for r in lookup.ridings] == ["35079"]


def test_it_offers_each_riding_of_a_straddling_postal_code(ottawa, represent):
    represent.add("/postcodes/K1Z7B5/", recorded_json("represent_postcode_K1Z7B5.json"))
    lookup = ridings_for_postal_code("K1Z 7B5")
    assert not lookup.is_certain
    assert [r.code for r in lookup.choices] == ["35082", "35079"]


def test_it_caches_represent_answers(ottawa, represent):
    represent.add("/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6.json"))
    ridings_for_postal_code("K1A 0A6")
    ridings_for_postal_code("K1A 0A6")
    assert represent.requests == ["/postcodes/K1A0A6/"]


def test_it_asks_represent_again_after_30_days(ottawa, represent, settings):
    # A cache whose clock time-machine moves (Redis keeps its own).
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ttl"}
    }
    represent.add("/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6.json"))
    asked = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for days_later in (0, 29, 31):
        with time_machine.travel(asked + timedelta(days=days_later), tick=False):
            ridings_for_postal_code("K1A 0A6")
    assert represent.requests == ["/postcodes/K1A0A6/", "/postcodes/K1A0A6/"]


def test_it_falls_back_to_the_local_table_when_represent_is_down(ottawa, represent):
    represent.add("/postcodes/K1P5J2/", {"error": "boom"}, status=503)
    lookup = ridings_for_postal_code("K1P 5J2")
    assert lookup.source == "local"
    assert [r.code for r in lookup.ridings] == ["35079"]


def test_it_falls_back_within_the_timeout_when_represent_is_slow(ottawa, represent):
    represent.add("/postcodes/K1P5J2/", recorded_json("represent_postcode_K1A0A6.json"))
    represent.delay = 1.0
    started = time.monotonic()
    lookup = ridings_for_postal_code("K1P 5J2")
    assert time.monotonic() - started < 0.9  # REPRESENT_API_TIMEOUT is 0.5 s here
    assert lookup.source == "local"


def test_it_does_not_cache_a_failure(ottawa, represent):
    represent.add("/postcodes/K1A0A6/", {}, status=500)
    ridings_for_postal_code("K1A 0A6")
    represent.add("/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6.json"))
    assert ridings_for_postal_code("K1A 0A6").source == "represent"


def test_it_never_reaches_the_network_when_disabled(ottawa, represent, settings):
    settings.REPRESENT_API_ENABLED = False
    lookup = ridings_for_postal_code("K1A 0A6")
    assert represent.requests == []
    assert lookup.source == "local"


def test_it_offers_the_provinces_ridings_when_nothing_is_known(ottawa):
    lookup = ridings_for_postal_code("K2P 1L4")
    assert lookup.source == ""
    assert {r.province for r in lookup.choices} == {"ON"}
    assert [r.name_en for r in lookup.choices] == ["Orléans", "Ottawa Centre", "Ottawa West—Nepean"]


def test_it_keeps_the_postal_code_out_of_the_logs(ottawa, represent, caplog):
    represent.add("/postcodes/K1P5J2/", {}, status=503)
    ridings_for_postal_code("K1P 5J2")
    assert "Represent lookup failed" in caplog.text
    assert "K1P" not in caplog.text
