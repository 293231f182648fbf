"""Importing the directory: ridings, members (three formats), FSA pairs, and the sync."""

import io

import pytest
from django.core.management import CommandError, call_command

from campaign.directory.importers.parsing import records_from_represent
from campaign.directory.models import FsaRiding, Representative, Riding
from campaign.directory.tasks import sync_representatives
from tests.directory.conftest import FIXTURES, NOT_FOUND, recorded_json

pytestmark = pytest.mark.django_db


def run(command: str, *args) -> str:
    out = io.StringIO()
    call_command(command, *[str(a) for a in args], stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def ridings(db):
    run("import_ridings", FIXTURES / "ridings.csv")


def test_it_imports_ridings_with_codes_names_and_provinces(db):
    assert run("import_ridings", FIXTURES / "ridings.csv") == (
        "Ridings: 5 created, 0 updated, 0 unchanged."
    )
    riding = Riding.objects.get(code="35082")
    assert (riding.name_en, riding.name_fr, riding.province) == (
        "Ottawa West—Nepean",
        "Ottawa-Ouest—Nepean",
        "ON",
    )
    assert Riding.objects.get(code="24054").province == "QC"


def test_it_imports_ridings_idempotently(ridings):
    assert run("import_ridings", FIXTURES / "ridings.csv") == (
        "Ridings: 0 created, 0 updated, 5 unchanged."
    )


def test_it_imports_members_from_csv(ridings):
    out = run("import_representatives", FIXTURES / "members.csv")
    assert out == "Representatives (csv): 3 created, 0 updated, 0 unchanged."
    carney = Representative.objects.get(name="Mark Carney")
    assert carney.riding.code == "35067"
    assert carney.email == "mark.carney@parl.gc.ca"
    assert carney.province == "ON"
    assert carney.source == Representative.Source.CSV


def test_it_imports_members_from_represent_json(ridings):
    out = run("import_representatives", FIXTURES / "represent_house_page1.json")
    assert out == "Representatives (represent_json): 2 created, 0 updated, 0 unchanged."
    naqvi = Representative.objects.get(name="Yasir Naqvi")
    assert (naqvi.riding.code, naqvi.party, naqvi.email) == (
        "35079",
        "Liberal",
        "yasir.naqvi@parl.gc.ca",
    )


def test_it_imports_members_from_the_house_of_commons_xml(ridings):
    out = run("import_representatives", FIXTURES / "hoc_members.xml")
    assert out == "Representatives (hoc_xml): 3 created, 0 updated, 0 unchanged."
    trudeau = Representative.objects.get(name="Justin Trudeau")
    assert (trudeau.riding.code, trudeau.province, trudeau.party) == ("24054", "QC", "Liberal")


def test_it_is_idempotent(ridings):
    run("import_representatives", FIXTURES / "members.csv")
    out = run("import_representatives", FIXTURES / "members.csv")
    assert out == "Representatives (csv): 0 created, 0 updated, 3 unchanged."
    assert Representative.objects.count() == 3


def test_it_keeps_emails_a_source_without_them_does_not_give(ridings):
    run("import_representatives", FIXTURES / "members.csv")
    out = run("import_representatives", FIXTURES / "hoc_members.xml")
    assert "1 created, 2 updated" in out  # source changes; Trudeau is new
    assert Representative.objects.get(name="Yasir Naqvi").email == "Yasir.Naqvi@parl.gc.ca"


def test_it_marks_members_no_longer_listed_as_former(ridings, tmp_path):
    run("import_representatives", FIXTURES / "members.csv")
    smaller = tmp_path / "members.csv"
    lines = (FIXTURES / "members.csv").read_text(encoding="utf-8").splitlines()
    smaller.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")  # Carney left
    out = run("import_representatives", smaller)
    assert out == "Representatives (csv): 0 created, 0 updated, 2 unchanged, 1 marked former."
    carney = Representative.objects.get(name="Mark Carney")
    assert carney.is_current is False
    assert Riding.objects.get(code="35067").current_representative is None


def test_it_refuses_a_list_much_shorter_than_the_house(ridings, tmp_path):
    run("import_representatives", FIXTURES / "members.csv")
    one = tmp_path / "one.csv"
    lines = (FIXTURES / "members.csv").read_text(encoding="utf-8").splitlines()
    one.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--partial"):
        run("import_representatives", one)
    assert Representative.objects.current().count() == 3
    assert "1 unchanged" in run("import_representatives", one, "--partial")
    assert Representative.objects.current().count() == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"foo,bar\n1,2\n", "no `name`"),
        (b"{not json", "invalid JSON"),
        (b"<Other/>", "ArrayOfMemberOfParliament"),
        (b'{"objects": []}', "no members"),
        (b"\xff\xfe\x00", "UTF-8"),
    ],
)
def test_it_refuses_a_bad_member_file_in_one_line_changing_nothing(
    ridings, tmp_path, content, message
):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        run("import_representatives", bad)
    assert "\n" not in str(error.value)
    assert Representative.objects.count() == 0


def cut_inside_a_character(prefix: str, at: int, suffix: str) -> bytes:
    """UTF-8 text whose byte `at` falls inside "é", as a format sniffer's cut may."""
    data = (prefix + "x" * (at - 1 - len(prefix.encode("utf-8"))) + "é" + suffix).encode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        data[:at].decode("utf-8")
    return data


def test_it_reads_a_member_file_whose_start_ends_inside_a_character(ridings, tmp_path):
    member = tmp_path / "members.csv"
    member.write_bytes(
        cut_inside_a_character(
            "fed_code,name,email,notes\n35079,Yasir Naqvi,yasir.naqvi@parl.gc.ca,", 2048, "\n"
        )
    )
    assert run("import_representatives", member, "--partial") == (
        "Representatives (csv): 1 created, 0 updated, 0 unchanged."
    )


def test_it_reads_an_fsa_file_whose_start_ends_inside_a_character(ridings, tmp_path):
    pairs = tmp_path / "fsa.json"
    pairs.write_bytes(
        cut_inside_a_character('{"K1P": {"ridingId": "35079", "ridingName": "', 64, '"}}')
    )
    assert run("import_fsa", pairs) == "FSA pairs: 1 created, 0 updated, 0 unchanged."


def test_it_drops_nul_characters_a_json_file_escapes(ridings, tmp_path):
    member = tmp_path / "members.json"
    member.write_text(
        '{"objects": [{"name": "Yasir\\u0000 Naqvi", "district_name": "Ottawa Centre", '
        '"email": "Yasir.Naqvi@parl.gc.ca\\u0000", "elected_office": "MP"}]}',
        encoding="utf-8",
    )
    run("import_representatives", member, "--partial")
    assert Representative.objects.get().email == "Yasir.Naqvi@parl.gc.ca"


def test_it_refuses_a_csv_whose_stray_quote_swallows_the_rest_in_one_line(ridings, tmp_path):
    rows = "".join(f"35079,Member {n},member{n}@parl.gc.ca\n" for n in range(20))
    member = tmp_path / "members.csv"
    member.write_text(f'fed_code,name,email\n35079,"Yasir Naqvi,y@parl.gc.ca\n{rows}')
    with pytest.raises(CommandError, match="longer than the directory allows") as error:
        run("import_representatives", member, "--partial")
    assert "\n" not in str(error.value)
    assert Representative.objects.count() == 0


def test_it_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run("import_representatives", tmp_path / "nope.csv")


def test_it_imports_the_fsa_json_sample(ridings):
    assert run("import_fsa", FIXTURES / "fsa_sample.json") == (
        "FSA pairs: 3 created, 0 updated, 0 unchanged."
    )
    assert FsaRiding.objects.get(fsa="K2H").riding.code == "35067"


def test_it_adds_straddling_pairs_from_a_csv_on_top(ridings):
    run("import_fsa", FIXTURES / "fsa_sample.json")
    out = run("import_fsa", FIXTURES / "fsa_straddling.csv")
    assert out == "FSA pairs: 2 created, 0 updated, 2 unchanged."
    assert sorted(FsaRiding.objects.filter(fsa="K1Z").values_list("riding__code", flat=True)) == [
        "35079",
        "35082",
    ]


def test_it_skips_pairs_naming_unknown_ridings_or_malformed_fsas(ridings, tmp_path):
    bad = tmp_path / "fsa.csv"
    bad.write_text("fsa,fed_code\nK1A,99999\nZZZ,35079\nK1P,35079\n", encoding="utf-8")
    assert run("import_fsa", bad) == "FSA pairs: 1 created, 0 updated, 0 unchanged, 2 skipped."


def test_it_replaces_an_fsas_pairs_when_asked(ridings):
    run("import_fsa", FIXTURES / "fsa_straddling.csv")
    only = FIXTURES / "fsa_sample.json"
    out = run("import_fsa", only, "--replace")
    assert "2 marked former" in out
    assert list(FsaRiding.objects.filter(fsa="K1Z").values_list("riding__code", flat=True)) == [
        "35079"
    ]


def test_it_syncs_from_represent_across_pages(ridings, represent):
    represent.add("/representatives/house-of-commons/", recorded_json("represent_house_page1.json"))
    represent.add(
        "/representatives/house-of-commons/?limit=2&offset=2",
        recorded_json("represent_house_page2.json"),
    )
    out = run("sync_representatives")
    assert out == "Representatives (Represent API): 3 created, 0 updated, 0 unchanged."
    assert represent.requests == [
        "/representatives/house-of-commons/?limit=100",
        "/representatives/house-of-commons/?limit=2&offset=2",
    ]
    assert Representative.objects.filter(source="represent_api").count() == 3


def test_it_reads_each_members_riding_code_from_the_2023_set():
    objects = recorded_json("represent_house_page1.json")["objects"]
    objects += recorded_json("represent_house_page2.json")["objects"]
    assert [(r.name, r.riding_code) for r in records_from_represent(objects)] == [
        ("Yasir Naqvi", "35079"),
        ("Anita Vandenbeld", "35082"),
        ("Mark Carney", "35067"),
    ]


def test_it_takes_no_code_from_a_boundary_of_another_set():
    naqvi = recorded_json("represent_house_page1.json")["objects"][0]
    naqvi["related"]["boundary_url"] = "/boundaries/federal-electoral-districts/35075/"  # 2013
    [record] = records_from_represent([naqvi])
    assert (record.riding_code, record.riding_name_en) == ("", "Ottawa Centre")


def test_the_sync_stores_each_members_2023_riding(ridings, represent):
    sync_from_recorded_pages(represent)
    assert sorted(Representative.objects.values_list("name", "riding_code", "riding__code")) == [
        ("Anita Vandenbeld", "35082", "35082"),
        ("Mark Carney", "35067", "35067"),
        ("Yasir Naqvi", "35079", "35079"),
    ]


def test_the_sync_links_by_name_when_the_directory_gives_the_code_another_name(
    db, represent, caplog
):
    # A directory still on the 2013 order: there 35079 is Ottawa West—Nepean, 35082 Parry
    # Sound—Muskoka and 35067 Niagara Falls.
    run("import_ridings", FIXTURES / "fed_2013_representation_order.csv")
    sync_from_recorded_pages(represent)
    linked = dict(Representative.objects.values_list("name", "riding__name_en"))
    assert linked == {
        "Yasir Naqvi": "Ottawa Centre",
        "Anita Vandenbeld": "Ottawa West—Nepean",
        "Mark Carney": "Nepean",
    }
    assert "riding 35082 is Parry Sound—Muskoka in the directory" in caplog.text


def test_the_sync_says_so_when_members_link_to_another_boundary_set(
    ridings, represent, settings, caplog
):
    settings.REPRESENT_FEDERAL_BOUNDARY_SET = (
        "federal-electoral-districts-2033-representation-order"
    )
    sync_from_recorded_pages(represent)
    assert "3 House of Commons members link to boundaries outside" in caplog.text
    assert Representative.objects.filter(riding__isnull=False).count() == 3  # by name


def sync_from_recorded_pages(represent) -> str:
    represent.add("/representatives/house-of-commons/", recorded_json("represent_house_page1.json"))
    represent.add(
        "/representatives/house-of-commons/?limit=2&offset=2",
        recorded_json("represent_house_page2.json"),
    )
    return run("sync_representatives")


def test_it_fails_a_sync_in_one_line_and_changes_nothing_when_offline(ridings, settings):
    run("import_representatives", FIXTURES / "members.csv")
    settings.REPRESENT_API_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    with pytest.raises(CommandError) as error:
        run("sync_representatives")
    assert str(error.value).startswith("Represent API unreachable at http://127.0.0.1:9")
    assert "nothing changed" in str(error.value)
    assert Representative.objects.current().count() == 3


def test_it_changes_nothing_when_a_later_page_fails(ridings, represent):
    run("import_representatives", FIXTURES / "members.csv")
    before = list(Representative.objects.values_list("key", "is_current", "source"))
    represent.add("/representatives/house-of-commons/", recorded_json("represent_house_page1.json"))
    represent.add("/representatives/house-of-commons/?limit=2&offset=2", NOT_FOUND, status=404)
    with pytest.raises(CommandError, match="unreachable"):
        run("sync_representatives")
    assert list(Representative.objects.values_list("key", "is_current", "source")) == before


def test_the_weekly_task_syncs_when_the_api_is_enabled(ridings, represent):
    represent.add("/representatives/house-of-commons/", recorded_json("represent_house_page1.json"))
    represent.add(
        "/representatives/house-of-commons/?limit=2&offset=2",
        recorded_json("represent_house_page2.json"),
    )
    assert sync_representatives.delay().get() == "done"
    assert Representative.objects.count() == 3


def test_the_weekly_sync_is_scheduled_under_a_task_celery_knows(settings):
    from campaign.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["directory-sync-representatives"]
    assert entry["schedule"] == 7 * 24 * 60 * 60
    assert entry["task"] == sync_representatives.name
    assert entry["task"] in app.tasks


def test_the_weekly_task_skips_while_the_api_is_disabled(ridings, settings):
    settings.REPRESENT_API_ENABLED = False
    assert sync_representatives.delay().get() == "skipped"
