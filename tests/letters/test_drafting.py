"""Drafting a letter template from a document's letter call to action (used by import_seeds)."""

import pytest

from campaign.models import CallToAction, Target
from letters.composing import SAMPLE_CONTEXT, render_text, validate_template_source
from letters.drafting import first_person_points
from letters.models import LetterTemplate
from letters.services import letter_template_draft_from_action
from tests.factories import CallToActionFactory, CampaignFactory, TargetFactory

pytestmark = pytest.mark.django_db

THREE_TARGETS = [
    {
        "name": "Chrystia Freeland",
        "role": "Minister of Foreign Affairs",
        "email": "Chrystia.Freeland@parl.gc.ca",
        "kind": "minister",
        "phone": "613-992-5234",
        "postal_address": "House of Commons, Ottawa ON K1A 0A6",
    },
    {
        "name": "Justin Trudeau",
        "role": "Prime Minister",
        "email": "Justin.Trudeau@parl.gc.ca",
        "kind": "head_of_government",
    },
    {"name": "", "role": "Russian Ambassador", "email": "info@rusembassy.ca", "kind": "diplomat"},
    {"name": "Someone Unreachable", "role": "Mayor", "email": "", "kind": "other"},
]


def _action(**kwargs):
    defaults = {
        "kind": CallToAction.Kind.LETTER_TO_MP,
        "text": "Issue emergency visas to LGBT people fleeing Chechnya",
        "talking_points": ["People are being detained.", "Canada has done this before."],
    }
    return CallToActionFactory(**{**defaults, **kwargs})


def test_it_drafts_an_mp_template_with_every_variable():
    action = _action()
    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)
    assert template.kind == LetterTemplate.Kind.MP
    assert template.source == action
    assert template.body.startswith("Dear {{ representative_name }},")
    for variable in ("talking_points", "supporter_name", "supporter_postal_code"):
        assert "{{ " + variable + " }}" in template.body
    assert "emergency visas to LGBT people fleeing Chechnya" in template.body
    assert template.talking_points == action.talking_points
    assert 2 <= len(template.subjects) <= 3


def test_it_drafts_a_template_that_validates_and_renders():
    action = _action(letter_body="Canada must not look away.")
    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)
    validate_template_source(body=template.body, subject_variants=template.subject_variants)
    text = render_text(template.body, SAMPLE_CONTEXT)
    assert "Canada must not look away." in text
    assert "- A first point." in text
    assert "Sam Supporter\nK1A 0A6" in text


def test_it_is_idempotent_for_the_same_action():
    action = _action()
    first, created_first = letter_template_draft_from_action(
        campaign=action.campaign, action=action
    )
    second, created_second = letter_template_draft_from_action(
        campaign=action.campaign, action=action
    )
    assert first.pk == second.pk
    assert (created_first, created_second) == (True, False)
    assert LetterTemplate.objects.count() == 1


def test_it_creates_targets_with_an_email_and_links_them():
    action = _action(kind=CallToAction.Kind.LETTER_TO_TARGETS, targets=THREE_TARGETS)
    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)
    assert template.kind == LetterTemplate.Kind.TARGETS
    assert sorted(template.targets.values_list("email", flat=True)) == [
        "Chrystia.Freeland@parl.gc.ca",
        "Justin.Trudeau@parl.gc.ca",
        "info@rusembassy.ca",
    ]
    freeland = Target.objects.get(email="Chrystia.Freeland@parl.gc.ca")
    assert freeland.kind == Target.Kind.MINISTER
    assert freeland.phone == "613-992-5234"


def test_it_reuses_a_campaign_target_with_the_same_email():
    campaign = CampaignFactory()
    existing = TargetFactory(campaign=campaign, email="info@rusembassy.ca", name="Embassy")
    action = _action(
        campaign=campaign, kind=CallToAction.Kind.LETTER_TO_TARGETS, targets=THREE_TARGETS
    )
    template, _created = letter_template_draft_from_action(campaign=campaign, action=action)
    assert existing in template.targets.all()
    assert Target.objects.filter(campaign=campaign).count() == 3


def test_it_uses_the_fallback_talking_points_when_the_action_has_none():
    action = _action(talking_points=[])
    template, _created = letter_template_draft_from_action(
        campaign=action.campaign, action=action, talking_points_fallback=["Say why it matters."]
    )
    assert template.talking_points == ["Say why it matters."]


def test_it_drafts_no_advice_to_the_supporter_as_a_talking_point():
    # "Say in your own words…" is said to the supporter on the write page, not to a minister.
    action = _action(talking_points=[])

    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)

    assert template.talking_points == []
    assert "your own words" not in render_text(template.body, SAMPLE_CONTEXT)


def test_it_refuses_an_action_that_is_not_a_letter():
    action = _action(kind=CallToAction.Kind.PETITION)
    with pytest.raises(ValueError):
        letter_template_draft_from_action(campaign=action.campaign, action=action)


def test_it_renders_letter_text_without_html_escaping():
    from letters.composing import LetterContext

    text = render_text(
        "Dear {{ representative_name }}, from {{ riding }}",
        LetterContext(
            representative_name="Seamus O'Regan",
            riding="Saint-Jean & <Île>",
            supporter_name="",
            supporter_postal_code="",
            talking_points=[],
        ),
    )
    assert text == "Dear Seamus O'Regan, from Saint-Jean & <Île>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email your MP and urge them to stop Ahmed's deportation.", "stop Ahmed's deportation"),
        ("Write to the Minister of Immigration and ask her to grant visas", "grant visas"),
        ("Issue emergency visas to LGBT people", "issue emergency visas to LGBT people"),
        ("Send an email to the Minister of Foreign Affairs, the Prime Minister", ""),
    ],
)
def test_it_turns_the_supporters_instruction_into_the_recipients_ask(text, expected):
    from letters.drafting import letter_ask

    assert letter_ask(CallToActionFactory.build(text=text)) == expected


def test_it_falls_back_on_the_campaign_title_when_the_action_only_says_to_write():
    action = _action(
        kind=CallToAction.Kind.LETTER_TO_TARGETS,
        text="Send an email to the Minister of Foreign Affairs, the Prime Minister & others",
        targets=THREE_TARGETS,
    )
    action.campaign.title = "LGBT people in Chechnya need Canada's help"
    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)
    assert "Send an email" not in template.body
    assert "something that matters to me: LGBT people in Chechnya need Canada's help." in (
        template.body
    )
    assert template.subjects[0] == "LGBT people in Chechnya need Canada's help"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "indicate your support for immediate government action",
            "my support for immediate government action",
        ),
        ("Voice your opposition to Bill 23", "my opposition to Bill 23"),
        ("to express your concern about the closures", "my concern about the closures"),
        ("Email your MP and urge them to act", ""),
    ],
)
def test_it_restates_the_supporters_own_stance_in_the_first_person(text, expected):
    from letters.drafting import supporter_stance

    assert supporter_stance(CallToActionFactory.build(text=text)) == expected


def test_it_drafts_a_stance_as_the_writers_own_words():
    action = _action(text="indicate your support for immediate government action")

    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)

    assert "I am writing to express my support for immediate government action" in template.body
    assert "ask you to indicate your support" not in template.body
    assert template.subjects[0].startswith("I support immediate government action: ")


@pytest.mark.parametrize(
    "text",
    [
        "Write to them",
        "Write to them and urge them to fund the library",
        "indicate your support for the library",
    ],
)
@pytest.mark.parametrize(
    "kind", [CallToAction.Kind.LETTER_TO_MP, CallToAction.Kind.LETTER_TO_TARGETS]
)
def test_it_names_the_issue_in_every_subject(text, kind):
    action = _action(kind=kind, text=text, targets=THREE_TARGETS)
    action.campaign.title = "Keep the Elm Street library open"

    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)

    assert len(template.subjects) == 3
    for subject in template.subjects:
        assert "Keep the Elm Street library open" in subject


def test_it_names_the_ask_in_every_subject_when_the_campaign_has_no_title():
    action = _action(text="Email your MP and urge them to fund the library")
    action.campaign.title = ""

    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)

    for subject in template.subjects:
        assert "fund the library" in subject.lower()


def test_it_puts_points_that_complete_saying_that_you_in_the_writers_voice():
    action = _action(
        kind=CallToAction.Kind.LETTER_TO_TARGETS,
        targets=THREE_TARGETS,
        evidence_quote="Send an email to the Prime Minister (pm@pm.gc.ca) saying that you:",
        talking_points=[
            "Condemn the actions of the authorities in Chechnya",
            "That you ask the Canadian government to speak out",
        ],
    )

    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)

    assert template.talking_points == [
        "I condemn the actions of the authorities in Chechnya",
        "I ask the Canadian government to speak out",
    ]


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        (
            "Urge demand the immediate end of the persecution",
            "I demand the immediate end of the persecution",
        ),
        ("Ask call on Canada to act", "I call on Canada to act"),
        (
            "That you ask the Canadian government speak out",
            "I ask the Canadian government to speak out",
        ),
        ("Urge them act now", "I urge them to act now"),
        ("Condemns the arrests", "I condemn the arrests"),
        ("Calling on the minister to act", "I call on the minister to act"),
        ("Urges the government to act", "I urge the government to act"),
        ("Are horrified by the arrests", "I am horrified by the arrests"),
        ("Support emergency visas", "I support emergency visas"),
    ],
)
def test_it_voices_points_that_complete_saying_that_you_grammatically(point, expected):
    action = CallToActionFactory.build(
        evidence_quote="Write to the minister saying that you:", talking_points=[point]
    )

    assert first_person_points(action) == [expected]


@pytest.mark.parametrize(
    "point",
    ["Please stop the deportations", "An end to the persecution", "The release of the detainees"],
)
def test_it_keeps_a_point_as_written_when_it_cannot_follow_i(point):
    action = CallToActionFactory.build(
        evidence_quote="Write to the minister saying that you:", talking_points=[point]
    )

    assert first_person_points(action) == [point]


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ("Urge demand the end of the persecution", "Demand the end of the persecution"),
        ("Ask the Canadian government speak out", "Ask the Canadian government to speak out"),
        ("Ask the minister three questions", "Ask the minister three questions"),
        ("Ask the government of Canada to act", "Ask the government of Canada to act"),
    ],
)
def test_it_mends_slips_in_points_that_stand_alone(point, expected):
    action = CallToActionFactory.build(evidence_quote="Our demands:", talking_points=[point])

    assert first_person_points(action) == [expected]


def test_it_keeps_points_as_written_when_they_stand_alone():
    action = _action(evidence_quote="Our demands:", talking_points=["Stop the deportations"])

    template, _created = letter_template_draft_from_action(campaign=action.campaign, action=action)

    assert template.talking_points == ["Stop the deportations"]


@pytest.mark.parametrize(
    ("addressee", "expected"),
    [
        ("the Government of Canada", "Ask the Government of Canada to issue emergency visas."),
        ("", "Ask for action: issue emergency visas."),
    ],
)
def test_it_turns_a_campaign_demand_into_a_talking_point(addressee, expected):
    from letters.drafting import demand_talking_point

    assert demand_talking_point(addressee=addressee, demand="Issue emergency visas.") == expected


def test_the_extractions_placeholders_are_variables_a_letter_template_knows():
    # A document's own letter comes out of extraction with these in it; the template
    # validator must accept them, or every drafted letter would be refused on save.
    from campaign.extraction.letter_body import REPRESENTATIVE, SUPPORTER
    from letters.composing import VARIABLES

    for placeholder in (REPRESENTATIVE, SUPPORTER):
        assert placeholder.strip("{} ") in VARIABLES
