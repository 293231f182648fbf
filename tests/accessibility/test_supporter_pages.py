"""Supporter pages work on a phone, with a screen reader, and without JavaScript.

Static checks on the served HTML of every supporter page, in English and in French (each
test runs at both addresses): the page's language, one h1, a main landmark, a label for every
control, alt text, no script at all and nothing loaded from another site, and errors tied to
their fields.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from campaign.directory.models import Riding
from campaign.privacy.links import removal_token_make
from petitions.tokens import confirmation_token_make
from tests.factories import (
    CallPageFactory,
    CampaignFactory,
    DonationLinkFactory,
    OfficeFactory,
    SourceDocumentFactory,
)
from tests.factories.directory import FsaRidingFactory, RepresentativeFactory, RidingFactory
from tests.factories.letters import LetterFactory, LetterTemplateFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory
from tests.letters.test_flow import letter_data, write_url
from tests.remote_assets import remote_assets

pytestmark = pytest.mark.django_db

CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


class PageAudit(HTMLParser):
    """Collects what the checks need from one page."""

    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.h1_count = 0
        self.has_main = False
        self.has_viewport = False
        self.controls: list[dict] = []
        self.label_targets: set[str] = set()
        self.label_depth = 0
        self.images_without_alt: list[str] = []
        self.scripts: list[dict] = []
        self.forms: list[dict] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "main":
            self.has_main = True
        elif tag == "meta" and attrs.get("name") == "viewport":
            self.has_viewport = True
        elif tag == "label":
            self.label_depth += 1
            if attrs.get("for"):
                self.label_targets.add(attrs["for"])
        elif tag in CONTROLS:
            if tag == "input" and attrs.get("type", "text") in UNLABELLED_INPUT_TYPES:
                if attrs.get("type") == "hidden" and attrs.get("name") == "csrfmiddlewaretoken":
                    self.forms and self.forms[-1].update(csrf=True)
                return
            self.controls.append({**attrs, "tag": tag, "inside_label": self.label_depth > 0})
        elif tag == "img" and attrs.get("alt") is None:
            self.images_without_alt.append(attrs.get("src", ""))
        elif tag == "script":
            self.scripts.append(attrs)
        elif tag == "form":
            self.forms.append({"method": attrs.get("method", "get").lower(), "csrf": False})

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth -= 1


def audit(response, status: int = 200) -> PageAudit:
    assert response.status_code == status, response.status_code
    page = PageAudit()
    html = response.content.decode()
    page.feed(html)
    page.remote_assets = remote_assets(html)
    return page


@pytest.fixture(autouse=True, params=["en", "fr"])
def page_language(request):
    """Each test in each language: URLs reversed here get the language's prefix (/fr/…)."""
    with translation.override(request.param):
        yield request.param


def assert_accessible(page: PageAudit) -> None:
    assert page.html_lang == translation.get_language(), "the page is not in its language"
    assert page.has_viewport, "the page is not sized for phones"
    assert page.h1_count == 1, f"{page.h1_count} h1 headings"
    assert page.has_main, "no <main> landmark"
    for control in page.controls:
        labelled = (
            control.get("id") in page.label_targets
            or control["inside_label"]
            or control.get("aria-label")
            or control.get("aria-labelledby")
        )
        assert labelled, f"unlabelled {control['tag']} {control.get('name')}"
        for described_by in control.get("aria-describedby", "").split():
            assert described_by in page.ids, f"{control.get('name')} points at no #{described_by}"
    assert not page.images_without_alt, page.images_without_alt
    assert not page.scripts, "supporter pages must work without JavaScript"
    assert not page.remote_assets, page.remote_assets
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    for form in page.forms:
        if form["method"] == "post":
            assert form["csrf"], "a POST form without its CSRF token"


@pytest.fixture
def campaign():
    campaign = CampaignFactory(test_mode=False)
    campaign.sources.add(SourceDocumentFactory())
    DonationLinkFactory(campaign=campaign)
    return campaign


@pytest.fixture
def petition(campaign):
    return PetitionFactory(campaign=campaign)


@pytest.fixture
def mp_template(campaign):
    riding = RidingFactory(code="35079", name_en="Ottawa Centre", name_fr="Ottawa-Centre")
    RepresentativeFactory(riding=riding, name="Yasir Naqvi", email="yasir.naqvi@parl.gc.ca")
    FsaRidingFactory(fsa="K1A", riding=riding)
    return LetterTemplateFactory(campaign=campaign, slug="write-to-your-mp")


def test_the_home_page_is_accessible(client, campaign):
    assert_accessible(audit(client.get(reverse("campaign:home"))))


def test_a_campaign_page_is_accessible(client, campaign, petition, mp_template, call_page):
    assert_accessible(audit(client.get(campaign.get_absolute_url())))


def test_the_privacy_page_is_accessible(client):
    assert_accessible(audit(client.get(reverse("campaign:privacy"))))


@pytest.fixture
def call_page(campaign):
    return CallPageFactory(
        campaign=campaign,
        offices=[OfficeFactory(campaign=campaign), OfficeFactory(campaign=campaign)],
    )


def test_a_call_page_is_accessible(client, call_page):
    page = audit(client.get(call_page.get_absolute_url()))

    assert_accessible(page)
    assert [form["method"] for form in page.forms] == ["post", "post"]


def test_a_closed_campaigns_call_page_is_accessible(client, call_page):
    call_page.campaign.status = "closed"
    call_page.campaign.save()

    assert_accessible(audit(client.get(call_page.get_absolute_url())))


def test_the_call_thanks_page_is_accessible(client, call_page):
    url = reverse(
        "campaign:call_thanks",
        kwargs={"campaign": call_page.campaign.slug, "slug": call_page.slug},
    )

    assert_accessible(audit(client.get(url)))


def test_a_petition_page_is_accessible(client, petition):
    assert_accessible(audit(client.get(petition.get_absolute_url())))


def test_the_sign_form_is_accessible(client, petition):
    page = audit(client.get(reverse("petitions:sign", kwargs={"slug": petition.slug})))

    assert_accessible(page)
    assert {c.get("name") for c in page.controls} >= {"first_name", "email", "postal_code"}


def test_the_sign_form_with_the_organisations_newsletter_box_is_accessible(
    client, petition, settings
):
    settings.ORGANISATION_NAME = "Rainbow Railroad"
    settings.ORGANISATION_NEWSLETTER = True

    page = audit(client.get(reverse("petitions:sign", kwargs={"slug": petition.slug})))

    assert_accessible(page)
    assert "organisation_newsletter" in {c.get("name") for c in page.controls}


def test_the_sign_form_ties_each_error_to_its_field(client, petition):
    response = client.post(
        reverse("petitions:sign", kwargs={"slug": petition.slug}),
        {"first_name": "Ada", "last_name": "L", "email": "not-an-email", "postal_code": "12345"},
    )
    page = audit(response)

    assert_accessible(page)
    invalid = {c["name"] for c in page.controls if "is-invalid" in c.get("class", "")}
    assert invalid >= {"email", "postal_code"}
    for control in page.controls:
        if control["name"] in {"email", "postal_code"}:
            # Announced as invalid, and its error is among what it is described by.
            assert control.get("aria-invalid") == "true", control
            assert f"{control['id']}_error" in control["aria-describedby"].split(), control


def error_summary_links(response) -> list[str]:
    """The fields the error summary at the top of the page links to, in order."""
    html = response.content.decode()
    start = html.index('class="alert alert-danger error-summary"')
    return re.findall(r'<a href="#([^"]+)"', html[start : html.index("</ul>", start)])


def test_the_sign_form_summarises_its_errors_at_the_top_linked_to_each_field(client, petition):
    response = client.post(
        reverse("petitions:sign", kwargs={"slug": petition.slug}),
        {"first_name": "Ada", "last_name": "L", "email": "not-an-email", "postal_code": "12345"},
    )
    html = response.content.decode()

    assert error_summary_links(response) == ["id_email", "id_postal_code"]
    # Before the form, and focused on load without JavaScript.
    assert html.index("error-summary") < html.index('name="email"')
    assert re.search(r'<div class="alert alert-danger error-summary" tabindex="-1" autofocus', html)


def test_the_letter_form_summarises_its_errors_at_the_top_linked_to_each_field(client, mp_template):
    response = client.post(write_url(mp_template), letter_data(supporter_email="not-an-email"))
    page = audit(response)

    assert_accessible(page)
    assert error_summary_links(response) == ["id_supporter_email"]
    (email,) = [c for c in page.controls if c.get("name") == "supporter_email"]
    assert email.get("aria-invalid") == "true"


def test_the_not_found_page_is_accessible(client):
    assert_accessible(audit(client.get(reverse("campaign:home") + "no-such-page/"), status=404))


def test_the_thank_you_page_is_accessible(client, petition):
    assert_accessible(
        audit(client.get(reverse("petitions:thanks", kwargs={"slug": petition.slug})))
    )


def test_the_letter_start_page_is_accessible(client, mp_template):
    assert_accessible(audit(client.get(mp_template.get_absolute_url())))


def test_the_letter_writing_page_is_accessible(client, mp_template):
    url = reverse(
        "letters:write",
        kwargs={"campaign": mp_template.campaign.slug, "template": mp_template.slug},
    )

    page = audit(client.get(url, {"postal_code": "K1A 0A6", "riding": "35079"}))

    assert_accessible(page)
    assert {c.get("name") for c in page.controls} >= {"supporter_name", "body"}


def test_the_letter_writing_page_with_the_organisations_newsletter_box_is_accessible(
    client, mp_template, settings
):
    settings.ORGANISATION_NAME = "Rainbow Railroad"
    settings.ORGANISATION_NEWSLETTER = True

    page = audit(client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079")))

    assert_accessible(page)
    assert "organisation_newsletter" in {c.get("name") for c in page.controls}


def test_the_confirm_button_page_is_accessible(client, petition):
    token = confirmation_token_make(signature_id=SignatureFactory(petition=petition).pk)

    assert_accessible(audit(client.get(reverse("petitions:confirm", kwargs={"token": token}))))


def test_the_page_for_a_broken_confirmation_link_is_accessible(client):
    url = reverse("petitions:confirm", kwargs={"token": "not:a-token"})

    assert_accessible(audit(client.get(url), status=400))


def test_the_confirmed_page_is_accessible(client, petition):
    assert_accessible(
        audit(client.get(reverse("petitions:confirmed", kwargs={"slug": petition.slug})))
    )


def test_the_riding_choice_page_is_accessible(client, mp_template):
    other = RidingFactory(code="35082", name_en="Ottawa West—Nepean", name_fr="Ottawa-Ouest—Nepean")
    RepresentativeFactory(riding=other, name="Anita Vandenbeld")
    # K1Z straddles two ridings, so the supporter chooses.
    FsaRidingFactory(fsa="K1Z", riding=Riding.objects.get(code="35079"))
    FsaRidingFactory(fsa="K1Z", riding=other)

    page = audit(client.post(mp_template.get_absolute_url(), {"postal_code": "K1Z 7B5"}))

    assert_accessible(page)
    assert {c.get("name") for c in page.controls} >= {"riding"}


def test_the_letter_preview_is_accessible(client, mp_template):
    response = client.post(write_url(mp_template), letter_data())

    assert "letters/preview.html" in [t.name for t in response.templates]
    assert_accessible(audit(response))


def test_the_letter_sent_page_is_accessible(client):
    assert_accessible(audit(client.get(reverse("letters:sent"))))


def test_the_letter_confirm_page_is_accessible(client, mp_template):
    letter = LetterFactory(template=mp_template)
    url = reverse("letters:confirm", kwargs={"token": letter.signed_token("confirm")})

    assert_accessible(audit(client.get(url)))


def test_the_letter_status_page_is_accessible(client, mp_template):
    letter = LetterFactory(template=mp_template)

    assert_accessible(audit(client.get(letter.get_status_url())))


def test_the_remove_my_data_page_is_accessible(client, petition):
    token = removal_token_make(kind="signature", object_id=SignatureFactory(petition=petition).pk)

    assert_accessible(audit(client.get(reverse("privacy:remove", kwargs={"token": token}))))


def test_the_page_for_a_broken_removal_link_is_accessible(client):
    url = reverse("privacy:remove", kwargs={"token": "not:a-token"})

    assert_accessible(audit(client.get(url), status=400))


def test_the_data_removed_page_is_accessible(client):
    assert_accessible(audit(client.get(reverse("privacy:removed"))))


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<input name=a type=text>", "unlabelled input a"),
        ("<label for=a>A</label><input id=a name=a><script src=/x.js></script>", "JavaScript"),
        ("<label for=a>A</label><input id=a name=a><img src=/x.png>", "/x.png"),
        ("<label for=a>A</label><input id=a name=a aria-describedby=gone>", "no #gone"),
    ],
)
def test_the_audit_itself_catches_what_it_looks_for(html, problem):
    page = PageAudit()
    page.feed(
        f"<html lang={translation.get_language()}><meta name=viewport>"
        "<main><h1>Page</h1><form method=post>"
        f"<input type=hidden name=csrfmiddlewaretoken>{html}</form></main></html>"
    )

    with pytest.raises(AssertionError, match=problem):
        assert_accessible(page)
