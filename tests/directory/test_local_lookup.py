"""The local FSA table: the lookup petitions call to store a signature's riding."""

import pytest

from campaign.directory.lookup import local_ridings_for_postal_code
from tests.factories.directory import FsaRidingFactory, RidingFactory

pytestmark = pytest.mark.django_db


def test_it_returns_every_riding_of_a_straddling_fsa_by_name():
    west = RidingFactory(code="35076", name_en="Ottawa West—Nepean")
    centre = RidingFactory(code="35075", name_en="Ottawa Centre")
    FsaRidingFactory(fsa="K1Z", riding=west)
    FsaRidingFactory(fsa="K1Z", riding=centre)
    assert local_ridings_for_postal_code("k1z 7b5") == [centre, west]


def test_it_returns_nothing_for_an_unknown_fsa():
    FsaRidingFactory(fsa="K1A")
    assert local_ridings_for_postal_code("M5V 3L9") == []


@pytest.mark.parametrize("bad", ["", "12345", "Z9Z 9Z9", "K" * 200])
def test_it_returns_nothing_for_an_invalid_code(bad):
    FsaRidingFactory(fsa="K1A")
    assert local_ridings_for_postal_code(bad) == []


def test_it_offers_only_nunavuts_riding_for_an_unknown_nunavut_postal_code():
    from campaign.directory.lookup import ridings_for_postal_code

    nunavut = RidingFactory(code="62001", name_en="Nunavut", province="NU")
    RidingFactory(code="61001", name_en="Northwest Territories", province="NT")

    lookup = ridings_for_postal_code("X0A 0H0")

    assert lookup.choices == [nunavut]
