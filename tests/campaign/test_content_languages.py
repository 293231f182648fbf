"""Campaign content in the page's language, or in its own marked with the language it is in.

A French page shows a campaign's French version where the organiser wrote one, and the
campaign's own text elsewhere, each inside an element whose `lang` is the text's language.
"""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from campaign.models import Language
from campaign.translations import shown_value
from petitions import local_cache
from tests.factories import CallPageFactory, CampaignFactory, PetitionFactory
from tests.factories.letters import LetterTemplateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_pages():
    """Petition pages are kept in the process's memory; these tests reuse one slug."""
    local_cache.clear()


class LangOfText(HTMLParser):
    """For each piece of text, the language the nearest `lang` around it declares."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "meta", "link", "input", "img", "hr"}:
            return
        self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if data.strip():
            lang = next((lang for _tag, lang in reversed(self.stack) if lang), None)
            self.texts.append((data.strip(), lang))


def lang_of(response, text: str) -> str:
    """The declared language of the element holding `text` in the page's <body>."""
    parser = LangOfText()
    parser.feed(response.content.decode())
    matches = [lang for data, lang in parser.texts if text in data]
    assert matches, f"{text!r} is not on the page"
    return matches[-1]


def test_a_french_page_shows_the_petitions_french_version_marked_french(client):
    petition = PetitionFactory(slug="visas", in_french=True)

    response = client.get("/fr/petitions/visas/")

    assert lang_of(response, "Délivrez des visas d'urgence") == "fr"
    assert lang_of(response, "qui fuient la Tchétchénie") == "fr"
    assert petition.demand not in response.content.decode()


def test_a_french_page_without_a_french_version_marks_the_english_text_english(client):
    PetitionFactory(slug="visas")

    response = client.get("/fr/petitions/visas/")

    assert lang_of(response, "Issue emergency visas to LGBT people") == "en"
    assert lang_of(response, "Signer cette pétition") == "fr"


def test_an_english_page_marks_a_french_campaigns_text_french(client):
    campaign = CampaignFactory(language=Language.FRENCH)
    PetitionFactory(
        slug="visas", campaign=campaign, title="Des visas", demand="Délivrez des visas."
    )

    response = client.get("/petitions/visas/")

    assert lang_of(response, "Délivrez des visas.") == "fr"
    assert lang_of(response, "Sign this petition") == "en"


def test_the_english_page_keeps_the_english_text_when_a_french_version_exists(client):
    PetitionFactory(slug="visas", in_french=True)

    response = client.get("/petitions/visas/")

    assert lang_of(response, "Issue emergency visas to LGBT people") == "en"
    assert "Délivrez" not in response.content.decode()


def test_a_french_campaign_page_shows_its_french_title_summary_letters_and_calls(client):
    campaign = CampaignFactory(slug="refuge", in_french=True)
    LetterTemplateFactory(campaign=campaign, in_french=True)
    CallPageFactory(campaign=campaign, title_fr="Appelez le premier ministre")

    response = client.get("/fr/campaigns/refuge/")

    assert lang_of(response, campaign.title_fr) == "fr"
    assert lang_of(response, "se mettre à l'abri") == "fr"
    assert lang_of(response, "Écrivez à votre député") == "fr"
    assert lang_of(response, "Appelez le premier ministre") == "fr"


def test_a_french_call_page_shows_the_french_script(client):
    page = CallPageFactory(script_fr="Bonjour, je m'appelle [votre nom].")
    with translation.override("fr"):
        url = page.get_absolute_url()

    response = client.get(url)

    assert lang_of(response, "je m'appelle [votre nom]") == "fr"


def test_each_field_falls_back_on_its_own():
    petition = PetitionFactory.build(title_fr="Des visas", demand_fr="")

    title = shown_value(petition, "title", own_language="en", language="fr")
    demand = shown_value(petition, "demand", own_language="en", language="fr")

    assert (title, title.lang) == ("Des visas", "fr")
    assert (demand, demand.lang) == (petition.demand, "en")


def test_the_version_shown_follows_the_active_language():
    petition = PetitionFactory(in_french=True)

    with translation.override("fr"):
        french = petition.shown.title
    with translation.override("en"):
        english = petition.shown.title

    assert (french.lang, english.lang) == ("fr", "en")
    assert (french, english) == (petition.title_fr, petition.title)


def test_a_french_letter_template_that_would_fail_is_refused_when_saved():
    template = LetterTemplateFactory.build(
        campaign=CampaignFactory(), body_fr="Bonjour {{ unknown_thing }}"
    )

    with pytest.raises(ValidationError) as refused:
        template.clean()

    assert "body_fr" in refused.value.message_dict
