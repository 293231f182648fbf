"""Postal code → riding: recorded Represent answers, and the local table when it fails."""

import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache

from campaign.directory.lookup import ridings_for_postal_code
from campaign.directory.models import Riding
from campaign.directory.represent import riding_codes_from_postcode
from tests.directory.conftest import NOT_FOUND, recorded_json
from tests.factories.directory import FsaRidingFactory, RepresentativeFactory, RidingFactory

pytestmark = pytest.mark.django_db


FEDERAL_2023 = "?sets=federal-electoral-districts-2023-representation-order"


def test_it_reads_only_the_current_federal_set():
    # Asked without `sets`, Represent lists the 2013 order too: its 35075 is Oakville East now.
    payload = recorded_json("represent_postcode_K1A0A6.json")
    assert riding_codes_from_postcode(payload) == ["35079"]


def test_it_reads_every_riding_of_the_concordance():
    payload = recorded_json("represent_postcode_K1Z7B5_federal_2023.json")
    assert sorted(riding_codes_from_postcode(payload)) == ["35079", "35082"]


def test_it_reads_the_members_of_the_concordance_too():
    payload = recorded_json("represent_postcode_K1Z7B5_federal_2023.json")
    payload["boundaries_concordance"] = []  # only the MPs name the ridings now
    assert sorted(riding_codes_from_postcode(payload)) == ["35079", "35082"]


def test_it_reaches_the_ottawa_centre_mp_from_an_answer_listing_both_orders(
    ottawa, oakville_east, represent
):
    represent.add("/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6.json"))
    lookup = ridings_for_postal_code("K1A 0A6")
    assert (lookup.source, lookup.is_certain) == ("represent", True)
    assert lookup.ridings[0].current_representative.name == "Yasir Naqvi"


def test_it_reaches_the_ottawa_centre_mp_from_an_answer_of_the_2023_set_only(
    ottawa, oakville_east, represent
):
    represent.add(
        "/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
    lookup = ridings_for_postal_code("K1A 0A6")
    assert (lookup.source, lookup.is_certain) == ("represent", True)
    assert lookup.ridings[0].current_representative.name == "Yasir Naqvi"


def test_it_lets_the_supporter_choose_when_the_directory_names_the_code_otherwise(represent):
    # A directory loaded with the 2013 order: there 35079 is Ottawa West—Nepean and Ottawa
    # Centre is 35075 (fixtures/fed_2013_representation_order.csv).
    west = RidingFactory(code="35079", name_en="Ottawa West—Nepean", name_fr="Ottawa-Ouest—Nepean")
    centre = RidingFactory(code="35075", name_en="Ottawa Centre", name_fr="Ottawa-Centre")
    RepresentativeFactory(riding=west, name="Anita Vandenbeld")
    FsaRidingFactory(fsa="K1A", riding=centre)
    represent.add(
        "/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
    lookup = ridings_for_postal_code("K1A 0A6")
    assert not lookup.is_certain
    assert centre in lookup.choices and west in lookup.choices


def test_it_lets_the_supporter_choose_when_a_riding_it_names_is_unknown_here(ottawa, represent):
    # K1Z 7B5 reaches into 35079 and 35082; without 35082 here, 35079 alone is not the answer.
    Riding.objects.filter(code="35082").delete()
    represent.add(
        "/postcodes/K1Z7B5/", recorded_json("represent_postcode_K1Z7B5_federal_2023.json")
    )
    lookup = ridings_for_postal_code("K1Z 7B5")
    assert not lookup.is_certain
    assert ottawa in lookup.choices


def test_it_compares_names_without_case_spaces_or_dashes(ottawa, represent):
    Riding.objects.filter(code="35082").update(name_en="OTTAWA WEST - NEPEAN")
    represent.add(
        "/postcodes/K1Z7B5/", recorded_json("represent_postcode_K1Z7B5_federal_2023.json")
    )
    lookup = ridings_for_postal_code("K1Z 7B5")
    assert lookup.source == "represent"
    assert sorted(r.code for r in lookup.ridings) == ["35079", "35082"]


def test_it_asks_for_the_current_federal_set_only(ottawa, represent, settings):
    represent.add(
        "/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
    ridings_for_postal_code("k1a 0a6")
    settings.REPRESENT_FEDERAL_BOUNDARY_SET = (
        "federal-electoral-districts-2033-representation-order"
    )
    ridings_for_postal_code("K1P 5J2")
    assert represent.requests == [
        f"/postcodes/K1A0A6/{FEDERAL_2023}",
        "/postcodes/K1P5J2/?sets=federal-electoral-districts-2033-representation-order",
    ]


def test_it_offers_each_riding_of_a_straddling_postal_code(ottawa, represent):
    represent.add(
        "/postcodes/K1Z7B5/", recorded_json("represent_postcode_K1Z7B5_federal_2023.json")
    )
    lookup = ridings_for_postal_code("K1Z 7B5")
    assert lookup.source == "represent"
    assert not lookup.is_certain
    assert sorted(r.code for r in lookup.choices) == ["35079", "35082"]


def test_it_caches_represent_answers(ottawa, represent):
    represent.add("/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6.json"))
    ridings_for_postal_code("K1A 0A6")
    ridings_for_postal_code("K1A 0A6")
    assert represent.requests == [f"/postcodes/K1A0A6/{FEDERAL_2023}"]


def test_it_never_reads_answers_cached_under_the_old_rule(ottawa, oakville_east, represent):
    # What the old rule cached for K1A 0A6: the 2013 order's code, now Oakville East's.
    cache.set("letters:represent:postcode:K1A0A6", ["35075"], 30 * 24 * 60 * 60)
    represent.add(
        "/postcodes/K1A0A6/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
    lookup = ridings_for_postal_code("K1A 0A6")
    assert lookup.ridings[0].current_representative.name == "Yasir Naqvi"
    assert represent.requests == [f"/postcodes/K1A0A6/{FEDERAL_2023}"]


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
    assert represent.requests == [f"/postcodes/K1A0A6/{FEDERAL_2023}"] * 2


def test_it_remembers_a_postal_code_represent_does_not_know(ottawa, represent, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "404"}
    }
    represent.add("/postcodes/K1P5J2/", NOT_FOUND, status=404)
    asked = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for hours_later in (0, 1, 25):
        with time_machine.travel(asked + timedelta(hours=hours_later), tick=False):
            lookup = ridings_for_postal_code("K1P 5J2")
            assert lookup.source == "local"  # the supporter still gets the local table
            assert [r.code for r in lookup.ridings] == ["35079"]
    # Asked, remembered as unknown for a day (REPRESENT_UNKNOWN_POSTCODE_CACHE_SECONDS), asked.
    assert represent.requests == [f"/postcodes/K1P5J2/{FEDERAL_2023}"] * 2


def test_it_falls_back_to_the_local_table_when_represent_is_down(ottawa, represent):
    represent.add("/postcodes/K1P5J2/", {"error": "boom"}, status=503)
    lookup = ridings_for_postal_code("K1P 5J2")
    assert lookup.source == "local"
    assert [r.code for r in lookup.ridings] == ["35079"]


def test_it_falls_back_within_the_timeout_when_represent_is_slow(ottawa, represent):
    represent.add(
        "/postcodes/K1P5J2/", recorded_json("represent_postcode_K1A0A6_federal_2023.json")
    )
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


@pytest.mark.parametrize("status", [500, 503])
def test_it_keeps_the_postal_code_out_of_the_logs(ottawa, represent, caplog, status):
    caplog.set_level("INFO", logger="campaign.directory")
    represent.add("/postcodes/K1P5J2/", {}, status=status)
    ridings_for_postal_code("K1P 5J2")
    ridings_for_postal_code("K1P 5J2")
    assert "127.0.0.1" in caplog.text
    assert "K1P" not in caplog.text
