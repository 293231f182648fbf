"""A French document drafts a French campaign: its petition, letters and titles in French."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from campaign.calls.services import call_page_draft_from_action
from campaign.models import CallToAction, Campaign, SourceDocument
from letters import drafting_fr
from letters.composing import SAMPLE_CONTEXT, render_text, validate_template_source
from letters.models import LetterTemplate
from petitions.services import addressee_normalise
from tests.factories import CallToActionFactory, CampaignFactory

FRENCH_DOCUMENTS = Path(__file__).resolve().parent / "french_documents"
# Our English templates' words, which a French campaign's drafts must not carry.
ENGLISH_WORDS = ("Dear", "Sincerely", "I am writing", "Write to your MP", "look forward", "Ask ")

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_campaign():
    call_command("import_seeds", str(FRENCH_DOCUMENTS), stdout=StringIO(), stderr=StringIO())
    return Campaign.objects.get()


def _drafted_text(template: LetterTemplate) -> str:
    return "\n".join(
        [template.title, template.subject_variants, template.body, *template.talking_points]
    )


def test_it_keeps_the_language_each_document_was_read_in(french_campaign):
    assert set(SourceDocument.objects.values_list("language", flat=True)) == {"fr"}


def test_it_drafts_a_campaign_in_the_language_of_its_lead_document(french_campaign):
    assert french_campaign.language == "fr"


def test_it_drafts_the_petition_in_french_as_the_document_demands(french_campaign):
    petition = french_campaign.petitions.get()

    assert petition.title == (
        "Protéger l'habitat essentiel du caribou des bois avant la fin de l'année"
    )
    assert petition.demand.startswith("Protéger l'habitat essentiel")
    assert petition.addressed_to == "le gouvernement du Canada"


def test_it_drafts_a_french_letter_to_the_supporters_mp(french_campaign):
    template = french_campaign.letter_templates.get(kind=LetterTemplate.Kind.MP)

    assert template.title == "Écrivez à votre député"
    assert template.slug == "ecrivez-a-votre-depute"
    assert template.body.startswith("Madame, Monsieur le député,\n\n")
    assert (
        "Je vous écris pour vous demander de protéger l'habitat essentiel du caribou des bois."
        in template.body
    )
    assert "Je suis profondément inquiète du déclin du caribou des bois" in template.body
    assert "{{ talking_points }}" in template.body
    assert template.body.endswith(
        "Veuillez agréer, Madame, Monsieur le député, l'expression de mes sentiments "
        "distingués.\n\n{{ supporter_name }}\n{{ supporter_postal_code }}"
    )


def test_it_signs_the_documents_french_letter_once(french_campaign):
    template = french_campaign.letter_templates.get(kind=LetterTemplate.Kind.MP)

    assert template.body.count("{{ supporter_name }}") == 1
    assert template.body.count("Veuillez agréer") == 1


def test_it_drafts_a_french_letter_to_the_minister_the_document_names(french_campaign):
    template = french_campaign.letter_templates.get(kind=LetterTemplate.Kind.TARGETS)

    assert template.title == "Écrivez aux décideurs"
    assert list(template.targets.values_list("email", flat=True)) == ["ministre@ec.gc.ca"]
    assert template.body.startswith(
        "Madame la Ministre,\n\nJe vous écris pour vous demander d'adopter un décret d'urgence."
    )
    assert (
        "Veuillez agréer, Madame la Ministre, l'expression de mes sentiments distingués."
        in template.body
    )


def test_it_gives_french_letters_the_petitions_demand_as_a_talking_point(french_campaign):
    template = french_campaign.letter_templates.get(kind=LetterTemplate.Kind.TARGETS)

    assert template.talking_points == [
        "Demandez au gouvernement du Canada de protéger l'habitat essentiel du caribou des bois "
        "avant la fin de l'année."
    ]


def test_it_names_the_issue_in_every_french_subject(french_campaign):
    for template in french_campaign.letter_templates.all():
        assert len(template.subjects) == 3
        for subject in template.subjects:
            assert french_campaign.title in subject


def test_it_drafts_french_letters_that_validate_and_render(french_campaign):
    for template in french_campaign.letter_templates.all():
        validate_template_source(body=template.body, subject_variants=template.subject_variants)
        assert "Sam Supporter" in render_text(template.body, SAMPLE_CONTEXT)


def test_it_leaves_no_english_words_from_our_templates_in_a_french_campaign(french_campaign):
    drafted = [_drafted_text(t) for t in french_campaign.letter_templates.all()]
    drafted += [f"{p.title}\n{p.demand}\n{p.addressed_to}" for p in french_campaign.petitions.all()]

    assert len(drafted) == 3
    for text in drafted:
        for word in ENGLISH_WORDS:
            assert word not in text


def test_it_voices_points_completing_disant_que_vous_in_the_first_person():
    action = CallToActionFactory(
        kind=CallToAction.Kind.LETTER_TO_MP,
        text="protéger le caribou",
        evidence_quote="Écrivez à votre député en lui disant que vous :",
        talking_points=["demandez un décret d'urgence", "appuyez les Premières Nations"],
    )

    assert drafting_fr.first_person_points(action) == [
        "Je demande un décret d'urgence",
        "J'appuie les Premières Nations",
    ]


def test_it_names_the_federal_government_in_french():
    assert addressee_normalise("le gouvernement fédéral", language="fr") == (
        "le gouvernement du Canada"
    )


def test_it_drafts_a_french_call_page_for_a_french_campaign():
    campaign = CampaignFactory(draft=True, language="fr", title="Sauvons le caribou")
    action = CallToActionFactory(
        campaign=campaign,
        kind=CallToAction.Kind.CALL,
        text="adopter un décret d'urgence",
        evidence_quote="Appelez Marie Dupont au 613-555-0199 pour lui demander d'adopter un "
        "décret d'urgence.",
        targets=[{"name": "Marie Dupont", "role": "ministre", "phone": "613-555-0199"}],
    )

    page, _created = call_page_draft_from_action(campaign=campaign, action=action)

    assert page.title == "Appelez Marie Dupont"
    assert page.script == (
        "Bonjour, je m'appelle [votre nom] et j'habite à [votre ville ou code postal].\n\n"
        "J'appelle pour demander à Marie Dupont d'adopter un décret d'urgence.\n\n"
        "Merci de transmettre mon message."
    )
