"""Fixtures of the petitions tests: a clean page cache, an open petition, a valid submission."""

import pytest

from petitions import local_cache
from tests.factories.petitions import PetitionFactory


@pytest.fixture(autouse=True)
def _clean_page_cache():
    """Rendered pages are cached per process; every test starts without them."""
    local_cache.clear()
    yield


@pytest.fixture
def petition(db):
    return PetitionFactory(slug="visas", title="Issue emergency visas")


@pytest.fixture
def valid_form():
    return {
        "first_name": "Marie",
        "last_name": "Tremblay",
        "email": "marie@example.org",
        "postal_code": "k1a0a6",
        "comment": "",
    }
