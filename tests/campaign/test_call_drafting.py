"""Call actions drafted into call pages, not dropped: the offices, the script, the report."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from campaign.calls.drafting import OfficeName, call_script
from campaign.calls.phones import tel_uri
from campaign.models import CallPage, CallToAction, Target
from campaign.services import campaign_draft
from tests.factories import CallToActionFactory, CampaignFactory, SourceDocumentFactory

pytestmark = pytest.mark.django_db

FORD = {
    "name": "Doug Ford",
    "role": "Premier",
    "email": "",
    "phone": "416-325-1941",
    "kind": "head_of_government",
}
PICCINI = {**FORD, "name": "David Piccini", "role": "Minister of Labour", "phone": "416-326-7600"}
DOCUMENT = """Double ODSP rates now

People on ODSP live far below the poverty line. Call Premier Doug Ford at 416-325-1941 and ask \
him to double ODSP rates.

Then call your MPP and tell them that nobody should live in poverty.
"""


def _call(campaign, *targets, text="Call Premier Doug Ford and ask him to double ODSP rates"):
    document = SourceDocumentFactory(text=f"{text}.")
    return CallToActionFactory(
        campaign=campaign,
        document=document,
        kind=CallToAction.Kind.CALL,
        text=text,
        targets=list(targets),
    )


@pytest.fixture
def campaign():
    return CampaignFactory(draft=True, title="Double ODSP rates")


def test_it_drafts_a_call_page_from_a_call_action(campaign):
    action = _call(campaign, FORD)

    campaign_draft(campaign=campaign, actions=[action])

    page = campaign.call_pages.get()
    assert page.source == action
    assert page.title == "Call Doug Ford"
    assert "I am calling to ask Doug Ford to double ODSP rates." in page.script


def test_it_makes_each_target_with_a_number_an_office_of_the_page(campaign):
    no_number = {**FORD, "name": "Jane Doe", "phone": "", "email": "jane@example.org"}
    action = _call(campaign, FORD, PICCINI, no_number)

    campaign_draft(campaign=campaign, actions=[action])

    offices = campaign.call_pages.get().targets.order_by("id")
    assert [(t.name, t.phone, t.email) for t in offices] == [
        ("Doug Ford", "416-325-1941", ""),
        ("David Piccini", "416-326-7600", ""),
    ]
    assert all(t.source == action for t in offices)


def test_it_drafts_nothing_from_a_call_without_a_number(campaign):
    action = _call(campaign, text="Call your MPP and tell them nobody should live in poverty")

    campaign_draft(campaign=campaign, actions=[action])

    assert not CallPage.objects.exists()
    assert not Target.objects.exists()


def test_it_says_why_a_call_without_a_number_was_not_drafted(campaign):
    action = _call(campaign, text="Call your MPP and tell them nobody should live in poverty")

    report = campaign_draft(campaign=campaign, actions=[action])

    assert report.drafted == []
    assert report.skipped == [
        "call “Call your MPP and tell them nobody should live in poverty.”: "
        "the document gives no number to call"
    ]


def test_it_names_the_call_page_in_its_report_lines(campaign):
    report = campaign_draft(campaign=campaign, actions=[_call(campaign, FORD, PICCINI)])

    assert report.drafted == ["call page: Call Doug Ford and David Piccini (2 offices)"]


def test_it_drafts_nothing_new_when_run_again(campaign):
    action = _call(campaign, FORD)
    campaign_draft(campaign=campaign, actions=[action])
    page = campaign.call_pages.get()
    page.title = "Call the Premier today"
    page.save()

    report = campaign_draft(campaign=campaign, actions=[action])

    assert report.drafted == []
    assert campaign.call_pages.get().title == "Call the Premier today"
    assert Target.objects.count() == 1


def test_it_leaves_a_low_confidence_call_as_a_note(campaign):
    action = _call(campaign, FORD)
    action.confidence = 0.3
    action.save()

    campaign_draft(campaign=campaign, actions=[action])

    assert not CallPage.objects.exists()


def test_it_reuses_the_campaigns_target_with_the_same_address_and_gives_it_the_number(campaign):
    existing = Target.objects.create(
        campaign=campaign, name="Doug Ford", role="Premier", email="premier@ontario.ca"
    )

    campaign_draft(
        campaign=campaign, actions=[_call(campaign, {**FORD, "email": "Premier@ontario.ca"})]
    )

    assert list(campaign.call_pages.get().targets.all()) == [existing]
    existing.refresh_from_db()
    assert existing.phone == "416-325-1941"


def test_it_reuses_the_campaigns_target_with_the_same_number_written_another_way(campaign):
    existing = Target.objects.create(campaign=campaign, name="Doug Ford", phone="(416) 325-1941")

    campaign_draft(campaign=campaign, actions=[_call(campaign, FORD)])

    assert list(campaign.call_pages.get().targets.all()) == [existing]
    assert Target.objects.count() == 1


def test_it_lets_a_target_be_reached_by_phone_alone(campaign):
    Target(campaign=campaign, name="Doug Ford", phone="416-325-1941").full_clean()
    Target.objects.create(campaign=campaign, name="Doug Ford", phone="416-325-1941")

    with pytest.raises(ValidationError, match="Give an email or a phone number"):
        Target(campaign=campaign, name="Nobody").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(campaign=campaign, name="Nobody")


def test_it_drafts_a_call_page_when_a_document_is_imported(tmp_path):
    (tmp_path / "odsp.txt").write_text(DOCUMENT)
    out = StringIO()

    call_command("import_seeds", str(tmp_path / "odsp.txt"), stdout=out, stderr=StringIO())

    output = out.getvalue()
    assert "drafted call page: Call Doug Ford (1 office)" in output
    assert "skipped call “Then call your MPP and tell them that nobody should live in…”: " in output
    assert CallPage.objects.get().targets.get().phone == "416-325-1941"


@pytest.mark.parametrize(
    ("text", "evidence", "said"),
    [
        (
            "Call Councillor Alejandra Bravo and ask her to vote against the rezoning",
            "",
            "I am calling to ask Doug Ford to vote against the rezoning.",
        ),
        (
            "Call your MP and tell them that no worker should choose between medicine and rent",
            "",
            "I am calling to say that no worker should choose between medicine and rent.",
        ),
        (
            "the caribou cannot wait another year",
            "Call your MNA and tell them the caribou cannot wait another year.",
            "I am calling to say that the caribou cannot wait another year.",
        ),
        ("You want ODSP rates doubled", "", "I am calling to say that I want ODSP rates doubled."),
        (
            "Call Premier David Eby and demand that the province honour its commitments",
            "",
            "I am calling to demand that the province honour its commitments.",
        ),
        ("vote against the bill", "", "I am calling to ask Doug Ford to vote against the bill."),
        ("Call Minister Sarkaria's office", "", "I am calling about Stop Highway 413."),
    ],
)
def test_it_words_what_the_supporter_says_from_the_call_to_action(text, evidence, said):
    script = call_script(
        text=text,
        evidence=evidence or text,
        talking_points=[],
        offices=[OfficeName(name="Doug Ford", role="Premier")],
        campaign_title="Stop Highway 413",
    )

    assert script.split("\n\n")[1] == said


def test_it_leaves_a_blank_for_whom_to_ask_when_several_offices_are_called():
    script = call_script(
        text="Call these offices and tell them to vote no on Bill 229",
        evidence="",
        talking_points=[],
        offices=[OfficeName(name="Doug Ford"), OfficeName(name="David Piccini")],
        campaign_title="",
    )

    assert "ask [the person whose office you are calling] to vote no on Bill 229." in script


def test_it_gives_talking_points_that_complete_you_in_the_first_person():
    script = call_script(
        text="Call Minister Parsa's office and ask him to restore funding",
        evidence="",
        talking_points=["want needs-based funding restored", "The waitlist must be published"],
        offices=[OfficeName(name="Michael Parsa")],
        campaign_title="",
    )

    assert "- I want needs-based funding restored\n- The waitlist must be published" in script


def test_it_opens_with_blanks_for_the_supporter_and_ends_with_thanks():
    script = call_script(
        text="vote no",
        evidence="",
        talking_points=[],
        offices=[OfficeName(name="Doug Ford")],
        campaign_title="",
    )

    assert script.startswith("Hello, my name is [your name] and I live in [your town")
    assert script.endswith("Thank you for passing on my message.")


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("416-325-1941", "tel:+14163251941"),
        ("(613) 992-4211", "tel:+16139924211"),
        ("1-866-555-0120", "tel:+18665550120"),
        ("+44 20 7219 3000", "tel:+442072193000"),
        ("613-555-0100 ext. 204", "tel:+16135550100;ext=204"),
        ("1-800-FLOWERS", "tel:+18003569377"),
    ],
)
def test_it_makes_a_tel_link_a_phone_can_dial(phone, uri):
    assert tel_uri(phone) == uri
