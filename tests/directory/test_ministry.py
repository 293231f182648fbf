"""The ministry: offices, who holds each, and the imports that keep it current."""

import io
import json
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command

from campaign.directory.importers import ImportFailed
from campaign.directory.importers.ministry import ministry_file_import
from campaign.directory.models import Office, OfficeHolder
from campaign.directory.selectors import office_for_role, office_holder_current
from tests.factories.directory import OfficeFactory, OfficeHolderFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db


def gc_list(**portfolios) -> bytes:
    """A file in the open-data minister list's shape: {CODE: {en, fr, ministers: […]}}."""
    return json.dumps(portfolios).encode()


def minister(name: str, start: str, end: str = "") -> dict:
    return {
        "name": name,
        "name_en": f"{name.split()[-1]}, {name.split()[0]} (Hon.)",
        "name_fr": f"{name.split()[-1]}, {name.split()[0]} (L\u2019hon.)",
        "start_date": start,
        "end_date": end,
    }


FOREIGN_AFFAIRS = {
    "en": "Minister of Foreign Affairs",
    "fr": "Ministre des Affaires étrangères",
    "ministers": [
        minister("Anita Anand", "2025-05-13T10:45:00"),
        minister("Mélanie Joly", "2021-10-26T10:30:00", "2025-05-13T10:44:59"),
    ],
}


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_ministry", *[str(a) for a in args], stdout=out)
    return out.getvalue().strip()


def test_it_imports_offices_and_their_holders_from_the_open_data_list():
    counts = ministry_file_import(data=gc_list(MFA=FOREIGN_AFFAIRS))
    office = Office.objects.get(code="MFA")
    assert (office.title_en, office.title_fr) == (
        "Minister of Foreign Affairs",
        "Ministre des Affaires étrangères",
    )
    assert (counts.created, counts.updated) == (2, 0)
    assert office_holder_current(office=office).name == "Anita Anand"


def test_it_changes_nothing_when_the_same_list_is_imported_again():
    ministry_file_import(data=gc_list(MFA=FOREIGN_AFFAIRS))
    counts = ministry_file_import(data=gc_list(MFA=FOREIGN_AFFAIRS))
    assert (counts.created, counts.updated, counts.unchanged, counts.retired) == (0, 0, 2, 0)


def test_it_reads_the_lists_times_as_ottawa_time():
    ministry_file_import(data=gc_list(MFA=FOREIGN_AFFAIRS))
    anand = OfficeHolder.objects.get(name="Anita Anand")
    assert anand.started_at == datetime(2025, 5, 13, 14, 45, tzinfo=UTC)


def test_it_keeps_the_open_copy_of_a_tenure_the_list_repeats():
    carney = minister("Mark Carney", "2025-03-14T11:31:00")
    ended_copy = minister("Mark Carney", "2025-03-14T11:31:00", "2025-03-21T00:00:00")
    ministry_file_import(
        data=gc_list(PM={"en": "Prime Minister", "fr": "", "ministers": [carney, ended_copy]})
    )
    assert office_holder_current(office=Office.objects.get(code="PM")).name == "Mark Carney"


def test_a_new_holder_ends_the_previous_holders_tenure():
    office = OfficeFactory()
    before = OfficeHolderFactory(
        office=office, name="Anita Anand", started_at=datetime(2025, 5, 13, tzinfo=UTC)
    )
    run_csv = b"portfolio,holder,since\nMFA,Jane Doe,2026-12-01\n"
    counts = ministry_file_import(data=run_csv)
    before.refresh_from_db()
    assert counts.retired == 1
    assert before.ended_at is not None
    assert office_holder_current(office=office).name == "Jane Doe"


def test_a_shuffle_can_name_the_portfolio_by_its_title(tmp_path):
    OfficeFactory()
    shuffle = tmp_path / "shuffle.csv"
    shuffle.write_text("portfolio,holder,since\nMinister of Foreign Affairs,Jane Doe,2026-12-01\n")
    assert run(shuffle) == "Office holders: 1 created, 0 updated, 0 unchanged."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"portfolio,holder,since\nMFA,Jane Doe,2026-12-01\nMXYZ,John Roe,2026-12-01\n",
            "line 3: unknown portfolio 'MXYZ'",
        ),
        (
            b"portfolio,holder,since\nMFA,Jane Doe,1 December\n",
            "line 2: malformed date '1 December'",
        ),
        (
            gc_list(MFA={**FOREIGN_AFFAIRS, "ministers": [minister("Jane Doe", "2026-13-01")]}),
            "portfolio 'MFA', Jane Doe: malformed date",
        ),
        (gc_list(MFA={"fr": "Ministre", "ministers": []}), "portfolio 'MFA': unknown portfolio"),
    ],
)
def test_a_bad_row_fails_the_import_in_one_line_naming_it_and_changes_nothing(
    tmp_path, content, message
):
    office = OfficeFactory()
    OfficeHolderFactory(office=office, name="Anita Anand")
    file = tmp_path / "ministry.txt"
    file.write_bytes(content)
    with pytest.raises(CommandError) as failure:
        run(file)
    assert message in str(failure.value)
    assert "\n" not in str(failure.value)
    assert list(OfficeHolder.objects.values_list("name", flat=True)) == ["Anita Anand"]
    assert office_holder_current(office=office).name == "Anita Anand"


def test_it_refuses_a_file_that_is_neither_format():
    with pytest.raises(ImportFailed):
        ministry_file_import(data=b"name,riding\nJane,Ottawa\n")


def test_a_holder_is_written_to_at_the_address_of_the_mp_of_the_same_name():
    RepresentativeFactory(name="Anita Anand", email="Anita.Anand@parl.gc.ca")
    ministry_file_import(data=gc_list(MFA=FOREIGN_AFFAIRS))
    assert OfficeHolder.objects.get(name="Anita Anand").letter_email == "Anita.Anand@parl.gc.ca"


def test_an_address_the_organiser_gave_wins_over_the_mps():
    holder = OfficeHolderFactory(
        email="minister@example.gc.ca",
        representative=RepresentativeFactory(email="mp@parl.gc.ca"),
    )
    assert holder.letter_email == "minister@example.gc.ca"


def test_a_holder_who_is_no_longer_an_mp_has_no_address_unless_given_one():
    holder = OfficeHolderFactory(email="", representative=RepresentativeFactory(is_current=False))
    assert holder.letter_email == ""


def test_it_knows_who_held_an_office_on_a_given_day():
    office = OfficeFactory()
    ministry_file_import(data=gc_list(MFA=FOREIGN_AFFAIRS))
    with time_machine.travel("2024-01-01"):
        assert office_holder_current(office=office).name == "Mélanie Joly"
    assert office_holder_current(office=office).name == "Anita Anand"


@pytest.mark.parametrize(
    "role",
    [
        "Minister of Foreign Affairs",
        "the Minister of Foreign Affairs",
        "Foreign Affairs Minister",
        "Canada\u2019s Minister of Foreign Affairs",
        "ministre des Affaires étrangères",
    ],
)
def test_it_finds_the_office_a_document_names(role):
    OfficeFactory()
    assert office_for_role(role).code == "MFA"


def test_a_shortened_title_names_the_one_office_it_begins():
    office = OfficeFactory(
        code="MIRC", title_en="Minister of Immigration, Refugees and Citizenship"
    )
    OfficeHolderFactory(office=office)
    assert office_for_role("Minister of Immigration") == office


def test_it_finds_no_office_for_a_role_the_ministry_does_not_have():
    OfficeFactory()
    assert office_for_role("Minister of Status of Women") is None
    assert office_for_role("Russian Ambassador") is None
