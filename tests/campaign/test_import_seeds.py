"""`import_seeds`: documents in, a drafted campaign out, each item traced to its evidence."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from campaign.models import CallToAction, Campaign, DonationLink, SourceDocument, Target
from campaign.services import campaign_close
from letters.models import LetterTemplate
from petitions.models import Petition
from tests.factories import CampaignFactory

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_TARGETS = {
    "chrystia.freeland@parl.gc.ca": "Minister of Foreign Affairs",
    "justin.trudeau@parl.gc.ca": "Prime Minister",
    "info@rusembassy.ca": "Russian Ambassador",
}

pytestmark = pytest.mark.django_db


def _import(*args) -> str:
    out = StringIO()
    call_command("import_seeds", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _counts() -> dict:
    models = [
        SourceDocument,
        CallToAction,
        Campaign,
        Petition,
        LetterTemplate,
        Target,
        DonationLink,
    ]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def seed_campaign():
    _import()
    return Campaign.objects.get()


def test_it_imports_the_five_seed_documents_as_sources_of_one_draft_campaign(seed_campaign):
    assert SourceDocument.objects.count() == 5
    assert seed_campaign.sources.count() == 5
    assert seed_campaign.status == Campaign.Status.DRAFT


def test_it_drafts_a_petition_for_emergency_visas_from_document_000(seed_campaign):
    petition = seed_campaign.petitions.get()

    assert petition.source.document.file_name.startswith("000_")
    assert "emergency visas" in petition.demand
    assert "resettle" in petition.demand
    assert petition.addressed_to == "the Government of Canada"
    assert petition.source.evidence_quote in petition.source.document.text


def test_it_drafts_a_letter_to_the_supporters_mp_from_document_000(seed_campaign):
    template = seed_campaign.letter_templates.get(kind=LetterTemplate.Kind.MP)

    assert template.source.document.file_name.startswith("000_")
    assert "my support for immediate government action" in template.body


def test_it_gives_the_mp_letter_the_petitions_demand_as_a_talking_point(seed_campaign):
    template = seed_campaign.letter_templates.get(kind=LetterTemplate.Kind.MP)

    assert template.talking_points[0].startswith(
        "Ask the Government of Canada to issue emergency visas"
    )


def test_it_drafts_one_letter_to_the_three_targets_of_document_004(seed_campaign):
    template = seed_campaign.letter_templates.get(kind=LetterTemplate.Kind.TARGETS)

    roles = {t.email.lower(): t.role for t in template.targets.all()}
    assert roles == SEED_TARGETS
    assert template.talking_points[0] == "I condemn the actions of the authorities in Chechnya"
    assert len(template.talking_points) == 3


def test_it_drafts_the_two_donation_asks(seed_campaign):
    organisations = set(seed_campaign.donation_links.values_list("organisation", flat=True))

    assert organisations == {"Rainbow Railroad", "Canadian Centre for Gender & Sexual Diversity"}


def test_it_keeps_each_drafted_items_evidence_verbatim_from_its_document(seed_campaign):
    for action in CallToAction.objects.select_related("document"):
        assert action.evidence_matches_document, action


def test_it_creates_nothing_new_when_run_twice(seed_campaign):
    before = _counts()

    output = _import()

    assert _counts() == before
    assert "documents: 0 new, 5 already imported; calls to action: 0 new" in output
    assert "drafted" not in output


def test_it_names_each_item_it_drafts():
    output = _import()

    drafted = [line.strip() for line in output.splitlines() if "drafted" in line]
    assert len(drafted) == 5
    assert drafted[0].startswith("drafted petition: Issue emergency visas")


def test_another_campaign_from_the_same_documents_gets_its_own_petition(seed_campaign):
    output = _import("--campaign", "another")

    [petition] = Campaign.objects.get(slug="another").petitions.all()
    assert f"drafted petition: {petition.title}" in output
    assert seed_campaign.petitions.count() == 1


def test_it_changes_nothing_on_a_dry_run():
    output = _import("--dry-run")

    assert _counts() == dict.fromkeys(_counts(), 0)
    assert "dry run" in output


def test_it_publishes_the_campaign_and_opens_its_petition_with_publish():
    _import("--publish")

    campaign = Campaign.objects.get()
    assert campaign.status == Campaign.Status.PUBLISHED
    assert campaign.petitions.get().status == Petition.Status.OPEN


def test_it_adds_documents_to_a_named_campaign(tmp_path):
    (tmp_path / "appeal.txt").write_text(
        "Act now\n\nPlease contact your MP to ask for more refugee sponsorship places.\n"
    )

    _import(str(tmp_path), "--campaign", "sponsorship")

    campaign = Campaign.objects.get(slug="sponsorship")
    assert campaign.letter_templates.filter(kind=LetterTemplate.Kind.MP).exists()


def test_it_cuts_a_long_title_into_a_slug_without_a_dangling_hyphen(tmp_path):
    # Cut at 70 characters, this title's slug ends on the hyphen after "so".
    (tmp_path / "appeal.txt").write_text(
        "Canadians across the country call on the federal government to act so and rescue the "
        "people in danger today\n\nSign our petition. We call on the government to act.\n"
    )

    _import(str(tmp_path))

    assert Campaign.objects.get().slug == (
        "canadians-across-the-country-call-on-the-federal-government-to-act-so"
    )


@pytest.mark.parametrize("slug", ["Bad slug!", "", "a" * 81])
def test_it_refuses_a_campaign_slug_no_url_can_hold_in_one_line(slug):
    with pytest.raises(CommandError, match=r"^--campaign") as error:
        _import(str(SEEDS), "--campaign", slug)

    assert "\n" not in str(error.value)
    assert Campaign.objects.count() == 0
    assert SourceDocument.objects.count() == 0


def test_it_prints_the_extraction_as_json_without_saving_on_a_dry_run():
    output = _import("--dry-run", "--json", str(SEEDS))

    data = json.loads(output)
    assert [d["file"] for d in data["documents"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    appeal = next(d for d in data["documents"] if d["file"].startswith("004_"))
    letter = next(a for a in appeal["actions"] if a["kind"] == "letter_to_targets")
    assert {t["email"].lower() for t in letter["targets"]} == set(SEED_TARGETS)
    assert set(letter["evidence"]) == {"start", "end", "quote"}
    assert {"kind", "text", "targets", "talking_points", "organisation", "confidence"} <= set(
        letter
    )
    assert SourceDocument.objects.count() == 0


def test_it_warns_about_unusable_files_and_imports_the_rest(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "latin1.txt").write_bytes("Pétition: signez maintenant".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Sign our petition\n\nWe call on the government to act.\n")
    err = StringIO()

    call_command("import_seeds", str(tmp_path), stdout=StringIO(), stderr=err)

    warnings = err.getvalue().splitlines()
    assert f"warning: {tmp_path / 'empty.txt'}: empty; skipped" in warnings
    assert f"warning: {tmp_path / 'latin1.txt'}: not UTF-8 text; skipped" in warnings
    assert SourceDocument.objects.get().file_name == "good.txt"


def test_it_fails_with_one_line_when_nothing_could_be_imported(tmp_path):
    (tmp_path / "empty.txt").write_text("")

    with pytest.raises(CommandError, match=r"^nothing could be imported from "):
        call_command("import_seeds", str(tmp_path), stdout=StringIO(), stderr=StringIO())

    assert SourceDocument.objects.count() == 0


def test_it_fails_when_the_path_does_not_exist(tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "import_seeds", str(tmp_path / "missing.txt"), stdout=StringIO(), stderr=StringIO()
        )


def test_it_prints_the_json_of_a_dry_run_without_touching_the_database(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        output = _import("--dry-run", "--json", str(SEEDS))

    assert len(json.loads(output)["documents"]) == 5


def test_it_says_in_one_line_when_the_database_is_not_migrated(tmp_path, monkeypatch):
    from django.db import OperationalError

    from campaign.management.commands import import_seeds

    def not_migrated(**kwargs):
        raise OperationalError("no such table: campaign_sourcedocument")

    monkeypatch.setattr(import_seeds, "documents_import", not_migrated)

    with pytest.raises(CommandError, match=r"run 'manage.py migrate' first"):
        _import(str(SEEDS))


@pytest.mark.parametrize("status", [Campaign.Status.PUBLISHED, Campaign.Status.CLOSED])
def test_it_drafts_nothing_into_a_campaign_supporters_already_see(tmp_path, status):
    live = CampaignFactory(slug="live", status=status)
    (tmp_path / "appeal.txt").write_text(
        "Act now\n\nSign our petition. We call on the government to issue emergency visas.\n\n"
        "Please contact your MP to ask for more refugee sponsorship places.\n"
    )

    output = _import(str(tmp_path), "--campaign", "live")

    assert not live.petitions.exists()
    assert not live.letter_templates.exists()
    assert live.calls_to_action.exists()
    assert f"nothing drafted into campaign 'live': it is {status.label.lower()}" in output


def test_it_never_publishes_again_a_campaign_an_organiser_closed():
    _import("--publish")
    campaign_close(campaign=Campaign.objects.get())

    output = _import("--publish")

    assert Campaign.objects.get().status == Campaign.Status.CLOSED
    assert "left closed: an organiser closed it" in output


def test_it_never_reopens_a_campaign_an_organiser_unpublished():
    _import("--publish")
    Campaign.objects.update(status=Campaign.Status.DRAFT)  # published once, a draft again

    output = _import("--publish")

    assert Campaign.objects.get().status == Campaign.Status.DRAFT
    assert "left a draft: it was published before" in output


def test_it_publishes_a_draft_that_was_never_published_with_publish(seed_campaign):
    output = _import("--publish")

    assert Campaign.objects.get().status == Campaign.Status.PUBLISHED
    assert f"campaign {seed_campaign.slug!r} updated and published" in output


def test_it_says_a_campaign_published_earlier_is_already_published():
    _import("--publish")

    output = _import("--publish")

    assert "updated; already published" in output


def test_it_extracts_a_two_megabyte_document_in_full(tmp_path):
    seeds = "\n\n".join(p.read_text() for p in sorted(Path("seeds").glob("*.txt")))
    big = tmp_path / "big.txt"
    text = ((seeds + "\n\n") * 200).encode()[: 2 * 1024 * 1024 - 1024]
    big.write_bytes(text.decode(errors="ignore").encode())
    out = StringIO()

    call_command("import_seeds", str(big), "--dry-run", "--json", stdout=out, stderr=StringIO())

    [document] = json.loads(out.getvalue())["documents"]
    # Read to the end: the last repetition of the seeds' asks is found too.
    last_evidence = max(action["evidence"]["end"] for action in document["actions"])
    assert last_evidence > 0.98 * len(big.read_text())


def test_it_refuses_a_document_over_two_megabytes_in_one_line(tmp_path):
    (tmp_path / "huge.txt").write_text("Sign our petition. " * 120_000)
    (tmp_path / "good.txt").write_text("Sign our petition\n\nWe call on the government to act.\n")
    err = StringIO()

    call_command("import_seeds", str(tmp_path), stdout=StringIO(), stderr=err)

    assert err.getvalue().splitlines() == [
        f"warning: {tmp_path / 'huge.txt'}: larger than 2 MB; skipped"
    ]
    assert SourceDocument.objects.get().file_name == "good.txt"


def test_it_warns_in_one_line_about_a_document_in_neither_english_nor_french(tmp_path):
    (tmp_path / "bosque.txt").write_text(
        "Salvemos el bosque\n\nFirma la petición y pide al gobierno que proteja el bosque.\n"
    )
    (tmp_path / "good.txt").write_text("Sign our petition\n\nWe call on the government to act.\n")
    err = StringIO()

    call_command("import_seeds", str(tmp_path), stdout=StringIO(), stderr=err)

    warnings = err.getvalue().splitlines()
    assert warnings == [
        f"warning: {tmp_path / 'bosque.txt'}: written in neither English nor French; no actions"
    ]
    spanish = SourceDocument.objects.get(file_name="bosque.txt")
    assert not CallToAction.objects.filter(document=spanish).exists()


def test_it_warns_about_a_german_document_on_a_json_dry_run(tmp_path):
    (tmp_path / "wald.txt").write_text(
        "Bitte unterschreiben Sie die Petition. Wir fordern die Regierung auf, den Wald zu "
        "schützen.\n"
    )
    err = StringIO()

    call_command(
        "import_seeds", str(tmp_path), "--dry-run", "--json", stdout=StringIO(), stderr=err
    )

    assert err.getvalue().splitlines() == [
        f"warning: {tmp_path / 'wald.txt'}: written in neither English nor French; no actions"
    ]
