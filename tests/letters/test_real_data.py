"""The directory on the real Canadian data in CHORUS_DATA_DIR (see its README.md).

The FSA sample there maps each FSA to one riding only; the straddling FSAs are added on top
from our own small CSV (tests/letters/fixtures/fsa_straddling_real.csv): V6B reaches into
Vancouver Centre and Vancouver East (the data README notes V6B 1A1 is in Vancouver East), and
K1Z into Ottawa Centre and Ottawa West—Nepean.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from letters.lookup import local_ridings_for_postal_code
from letters.models import Representative, Riding
from tests.factories.letters import LetterTemplateFactory
from tests.letters.conftest import FIXTURES

DATA_DIR = os.environ.get("CHORUS_DATA_DIR", "")

pytestmark = [
    pytest.mark.data,
    pytest.mark.django_db,
    pytest.mark.skipif(not DATA_DIR, reason="CHORUS_DATA_DIR is not set"),
]


def data(name: str) -> Path:
    return Path(DATA_DIR) / name


def run(command: str, *args) -> str:
    out = io.StringIO()
    call_command(command, *[str(a) for a in args], stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def directory(db):
    run("import_ridings", data("fed_2023_representation_order.csv"))
    run("import_representatives", data("mps_45th_normalized.csv"))
    run("import_fsa", data("fsa_to_fed_2023_single_sample.json"))
    run("import_fsa", FIXTURES / "fsa_straddling_real.csv")


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
    run("import_ridings", data("fed_2013_representation_order.csv"))
    out = run("import_representatives", data("hoc_members_44th_ourcommons_export.xml"))
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
