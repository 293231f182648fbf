"""A small federal ministry for tests of letters by role: today's holders of the offices the
seed letter names, and the people the 2017 documents name for them."""

from datetime import UTC, datetime

from campaign.directory.models import Office
from tests.factories.directory import OfficeFactory, OfficeHolderFactory, RepresentativeFactory

# What the seed document (004, 2017) names for each office, as extraction finds it.
SEED_TARGETS = [
    {
        "name": "Chrystia Freeland",
        "role": "Minister of Foreign Affairs",
        "email": "Chrystia.Freeland@parl.gc.ca",
        "kind": "minister",
    },
    {
        "name": "Justin Trudeau",
        "role": "Prime Minister",
        "email": "Justin.Trudeau@parl.gc.ca",
        "kind": "head_of_government",
    },
    {"name": "", "role": "Russian Ambassador", "email": "info@rusembassy.ca", "kind": "diplomat"},
]


def carney_ministry() -> dict[str, Office]:
    """The Prime Minister (Mark Carney, his own address) and the Minister of Foreign Affairs
    (Anita Anand, written to at her address as an MP), each after a predecessor who left."""
    pm = OfficeFactory(
        code="PM", title_en="Prime Minister", title_fr="Premier ministre", kind="head_of_government"
    )
    mfa = OfficeFactory(code="MFA")
    OfficeHolderFactory(
        office=pm,
        name="Justin Trudeau",
        started_at=datetime(2015, 11, 4, tzinfo=UTC),
        ended_at=datetime(2025, 3, 14, tzinfo=UTC),
        email="Justin.Trudeau@parl.gc.ca",
    )
    OfficeHolderFactory(
        office=pm,
        name="Mark Carney",
        started_at=datetime(2025, 3, 14, tzinfo=UTC),
        email="mark.carney@parl.gc.ca",
    )
    OfficeHolderFactory(
        office=mfa,
        name="Chrystia Freeland",
        started_at=datetime(2017, 1, 10, tzinfo=UTC),
        ended_at=datetime(2019, 11, 20, tzinfo=UTC),
        email="Chrystia.Freeland@parl.gc.ca",
    )
    OfficeHolderFactory(
        office=mfa,
        name="Anita Anand",
        started_at=datetime(2025, 5, 13, 14, 0, tzinfo=UTC),
        email="",
        representative=RepresentativeFactory(name="Anita Anand", email="Anita.Anand@parl.gc.ca"),
    )
    return {"PM": pm, "MFA": mfa}
