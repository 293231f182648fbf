"""Pages in English and French: the address says the language, and `lang` always matches.

English is served at the unprefixed paths every link already uses, French under /fr/; each
page links to itself in the other language (a plain link, no script) and names its
alternates for search engines.
"""

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation

from campaign.calls.supporters import COOKIE_NAME
from petitions import local_cache
from tests.factories import CallPageFactory, OfficeFactory, PetitionFactory
from tests.factories.letters import LetterTemplateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_pages():
    """Petition pages are kept in the process's memory; these tests reuse one slug."""
    local_cache.clear()


class LanguageAudit(HTMLParser):
    """The page's language, its language switch and alternates, and the text in each
    language-marked element."""

    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.switch_links: list[dict] = []
        self.alternates: dict[str, str] = {}
        self._in_switch = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "ul" and "language-switch" in attrs.get("class", ""):
            self._in_switch = True
        elif tag == "a" and self._in_switch:
            self.switch_links.append(attrs)
        elif tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs["hreflang"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_switch = False


def audit(response) -> LanguageAudit:
    assert response.status_code == 200, response.status_code
    page = LanguageAudit()
    page.feed(response.content.decode())
    return page


def text_of(response) -> str:
    """The page's visible words, roughly: tags removed."""
    return re.sub(r"<[^>]+>", " ", response.content.decode())


@pytest.fixture
def petition():
    return PetitionFactory(slug="visas")


def test_it_serves_a_petition_in_english_at_its_unprefixed_address(client, petition):
    response = client.get("/petitions/visas/")

    assert audit(response).html_lang == "en"
    assert "Sign this petition" in text_of(response)


def test_it_serves_a_petition_in_french_under_fr(client, petition):
    response = client.get("/fr/petitions/visas/")

    assert audit(response).html_lang == "fr"
    assert "Signer cette pétition" in text_of(response)
    assert "Sign this petition" not in text_of(response)


def test_an_unprefixed_address_stays_english_for_a_french_browser(client, petition):
    """A link already emailed or shared keeps meaning the page it meant."""
    response = client.get("/petitions/visas/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9")

    assert audit(response).html_lang == "en"
    assert "Sign this petition" in text_of(response)


def test_a_page_links_to_itself_in_the_other_language(client, petition):
    english = audit(client.get("/petitions/visas/"))
    french = audit(client.get("/fr/petitions/visas/"))

    to_french = {"href": "/fr/petitions/visas/", "hreflang": "fr", "lang": "fr"}
    to_english = {"href": "/petitions/visas/", "hreflang": "en", "lang": "en"}
    assert english.switch_links == [to_french]
    assert french.switch_links == [to_english]


def test_a_page_names_its_alternates_for_search_engines(client, petition, settings):
    page = audit(client.get("/fr/petitions/visas/"))

    assert page.alternates == {
        "en": f"{settings.SITE_URL}/petitions/visas/",
        "x-default": f"{settings.SITE_URL}/petitions/visas/",
        "fr": f"{settings.SITE_URL}/fr/petitions/visas/",
    }


def test_the_language_switch_keeps_a_letters_step(client, ottawa):
    template = LetterTemplateFactory(slug="mp")
    url = f"/letters/{template.campaign.slug}/mp/write/?postal_code=K1A+0A6&riding=35079"

    page = audit(client.get(url))

    assert page.switch_links[0]["href"] == "/fr" + url


def test_the_cached_petition_page_carries_no_visitors_query_string(client, petition):
    page = audit(client.get("/petitions/visas/?ref=someone"))

    assert page.switch_links[0]["href"] == "/fr/petitions/visas/"


def test_every_supporter_page_exists_in_french(client, petition):
    for url in (
        "/fr/",
        "/fr/privacy/",
        f"/fr/campaigns/{petition.campaign.slug}/",
        "/fr/petitions/visas/sign/",
        "/fr/petitions/visas/thanks/",
    ):
        assert audit(client.get(url)).html_lang == "fr", url


def test_the_admin_is_translated_under_fr(admin_client):
    response = admin_client.get("/fr/admin/campaign/campaign/")

    assert response.status_code == 200
    assert "campagne" in response.content.decode()


def test_the_call_cookie_reaches_the_call_pages_in_both_languages(client):
    page = CallPageFactory(offices=[OfficeFactory()])
    office = page.targets.get()
    with translation.override("fr"):
        url = page.get_absolute_url()

    response = client.post(url, {"office": office.pk})

    paths = sorted(m["path"] for m in response.cookies.values() if m.key == COOKIE_NAME)
    assert paths == ["/calls/", "/fr/calls/"]
    values = {m.value for m in response.cookies.values() if m.key == COOKIE_NAME}
    assert len(values) == 1


def test_a_french_call_press_redirects_to_the_french_thanks(client):
    page = CallPageFactory(offices=[OfficeFactory()])
    with translation.override("fr"):
        url = page.get_absolute_url()

    response = client.post(url, {"office": page.targets.get().pk})

    assert response["Location"].startswith("/fr/calls/")
