"""The directory on the public data Chorus ships (campaign/directory/data, see its README.md).

The FSA table there maps each FSA to one riding only; the straddling FSAs are added on top
from our own small CSV (tests/directory/fixtures/fsa_straddling_real.csv): V6B reaches into
Vancouver Centre and Vancouver East (V6B 1A1 is in Vancouver East), and K1Z into Ottawa Centre
and Ottawa West—Nepean.
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from campaign.directory.lookup import local_ridings_for_postal_code, ridings_for_postal_code
from campaign.directory.models import Office, Representative, Riding
from campaign.directory.selectors import office_for_role, office_holder_current
from tests.directory.conftest import FIXTURES
from tests.factories.letters import LetterTemplateFactory

pytestmark = [pytest.mark.data, pytest.mark.django_db]


def data(name: str):
    return settings.DIRECTORY_DATA_DIR / name


def run(command: str, *args) -> str:
    out = io.StringIO()
    call_command(command, *[str(a) for a in args], stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def directory(db):
    run("load_directory")
    run("import_fsa", FIXTURES / "fsa_straddling_real.csv")


def test_it_loads_the_shipped_directory_once(db):
    assert run("load_directory").splitlines() == [
        "Ridings: 343 created, 0 updated, 0 unchanged.",
        "Representatives: 343 created, 0 updated, 0 unchanged.",
        "FSA pairs: 1358 created, 0 updated, 0 unchanged.",
        "Office holders: 232 created, 0 updated, 0 unchanged.",
    ]
    assert run("load_directory").splitlines() == [
        "Ridings: 0 created, 0 updated, 343 unchanged.",
        "Representatives: 0 created, 0 updated, 343 unchanged.",
        "FSA pairs: 0 created, 0 updated, 1358 unchanged.",
        "Office holders: 0 created, 0 updated, 232 unchanged.",
    ]


def test_it_keeps_members_the_represent_sync_refreshed(db):
    run("load_directory")
    Representative.objects.filter(name="Yasir Naqvi").update(
        source=Representative.Source.REPRESENT_API, email="new.address@parl.gc.ca"
    )
    assert "Representatives: kept" in run("load_directory")
    assert Representative.objects.get(name="Yasir Naqvi").email == "new.address@parl.gc.ca"


@pytest.mark.parametrize(
    ("postal_code", "riding", "member"),
    [
        ("K1A 0B1", "Ottawa Centre", "Yasir Naqvi"),
        ("M5S 2E8", "University—Rosedale", "Chrystia Freeland"),
    ],
)
def test_it_finds_the_mp_of_a_postal_code_with_nothing_but_the_shipped_data(
    directory, postal_code, riding, member
):
    lookup = ridings_for_postal_code(postal_code)
    assert [r.name_en for r in lookup.ridings] == [riding]
    assert lookup.ridings[0].current_representative.name == member


@pytest.mark.parametrize(
    ("role", "holder", "email"),
    [
        ("Prime Minister", "Mark Carney", "mark.carney@parl.gc.ca"),
        ("Minister of Foreign Affairs", "Anita Anand", "Anita.Anand@parl.gc.ca"),
        (
            "Minister of Immigration, Refugees and Citizenship",
            "Lena Metlege Diab",
            "lenametlege.diab@parl.gc.ca",
        ),
    ],
)
def test_it_knows_todays_holder_of_each_office_a_letter_names(directory, role, holder, email):
    current = office_holder_current(office=office_for_role(role))
    assert (current.name, current.letter_email) == (holder, email)


def test_it_knows_the_whole_ministry_with_french_titles(directory):
    assert Office.objects.get(code="MFA").title_fr == "Ministre des Affaires étrangères"
    open_now = [office for office in Office.objects.all() if office_holder_current(office=office)]
    assert len(open_now) >= 40


def test_it_imports_343_ridings_of_the_2023_order(db):
    out = run("import_ridings", data("fed_2023_representation_order.csv"))
    assert out == "Ridings: 343 created, 0 updated, 0 unchanged."
    assert Riding.objects.get(code="24020").province == "QC"
    assert Riding.objects.values("province").distinct().count() == 13


def test_it_imports_the_45th_parliament_as_343_representatives(db):
    run("import_ridings", data("fed_2023_representation_order.csv"))
    out = run("import_representatives", data("mps_45th_normalized.csv"))
    assert out == "Representatives (csv): 343 created, 0 updated, 0 unchanged."
    assert Representative.objects.current().count() == 343
    assert Representative.objects.filter(riding__isnull=True).count() == 0
    assert Representative.objects.exclude(email="").count() == 343
    assert Riding.objects.get(code="35067").current_representative.name == "Mark Carney"
    again = run("import_representatives", data("mps_45th_normalized.csv"))
    assert again == "Representatives (csv): 0 created, 0 updated, 343 unchanged."


def test_it_imports_the_house_of_commons_xml_export(db):
    run("import_ridings", FIXTURES / "fed_2013_representation_order.csv")
    out = run("import_representatives", FIXTURES / "hoc_members_44th_ourcommons_export.xml")
    assert out.startswith("Representatives (hoc_xml): 337 created")
    # Every constituency name matches the 2013 order once dashes, case and accents are set aside.
    assert Representative.objects.filter(riding__isnull=True).count() == 0


def test_it_offers_both_ridings_of_a_straddling_fsa(directory):
    ridings = local_ridings_for_postal_code("V6B 1A1")
    assert [(r.code, r.name_en) for r in ridings] == [
        ("59035", "Vancouver Centre"),
        ("59036", "Vancouver East"),
    ]


def test_it_offers_the_right_choices_on_the_supporters_page(client, directory):
    template = LetterTemplateFactory()
    response = client.post(template.get_absolute_url(), {"postal_code": "K1Z 7B5"})
    labels = [label for _code, label in response.context["form"].fields["riding"].choices]
    assert labels == ["Ottawa Centre — Yasir Naqvi", "Ottawa West—Nepean — Anita Vandenbeld"]


def test_it_goes_straight_to_the_mp_for_a_single_riding_fsa(client, directory):
    template = LetterTemplateFactory()
    response = client.post(template.get_absolute_url(), {"postal_code": "K2H 1A1"}, follow=True)
    [recipient] = response.context["recipients"]
    assert (recipient.representative.riding.code, recipient.name) == ("35043", "Jenna Sudds")
