"""The organisation's newsletter: a second unticked box on the petition and letter forms, shown
only when the organisation runs one, recorded in the ledger (scope `newsletter`) at
confirmation with the wording and language shown."""

import re

import pytest
from django.core import checks

from campaign.consent.models import ConsentEvent
from campaign.consent.scopes import NEWSLETTER, campaign_scope
from campaign.consent.selectors import consent_current
from letters.models import Letter
from letters.services import letter_confirm
from petitions import local_cache
from petitions.models import Signature
from petitions.services import signature_confirm
from tests.factories.petitions import PetitionFactory
from tests.letters.conftest import mp_template  # noqa: F401
from tests.letters.test_flow import letter_data, submit, write_url
from tests.timing.helpers import answered

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Yes, also email me the Rainbow Railroad newsletter, with news of all its work. "
    "I can unsubscribe at any time."
)
FRENCH = (
    "Oui, envoyez-moi aussi l\u2019infolettre de Rainbow Railroad, avec des nouvelles de tout son "
    "travail. Je peux me désabonner en tout temps."
)


@pytest.fixture(autouse=True)
def newsletter(settings):
    """The organisation says it runs a newsletter (tests that need it off turn it off)."""
    settings.ORGANISATION_NAME = "Rainbow Railroad"
    settings.ORGANISATION_NEWSLETTER = True
    local_cache.clear()
    yield
    local_cache.clear()


@pytest.fixture
def petition():
    return PetitionFactory(slug="visas")


def sign(client, *, prefix="", **extra):
    data = {
        "first_name": "Jane",
        "last_name": "Doe",
        "email": "jane@example.org",
        "postal_code": "K1A 0A6",
        **extra,
    }
    return client.post(f"{prefix}/petitions/visas/sign/", data)


def checkbox(html: str, name: str) -> str | None:
    """The <input> of the checkbox `name`, or None when the page has none."""
    found = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    return found.group(0) if found else None


def newsletter_rows():
    return ConsentEvent.objects.filter(scope=NEWSLETTER)


# --- Petitions ------------------------------------------------------------------------------


def test_the_sign_form_offers_the_newsletter_unticked_naming_the_organisation(client, petition):
    html = client.get("/petitions/visas/sign/").content.decode()

    box = checkbox(html, "organisation_newsletter")
    assert box is not None
    assert "checked" not in box
    assert ENGLISH in html


def test_the_sign_form_has_no_newsletter_box_when_the_organisation_runs_none(
    client, petition, settings
):
    settings.ORGANISATION_NEWSLETTER = False

    html = client.get("/petitions/visas/sign/").content.decode()

    assert checkbox(html, "organisation_newsletter") is None
    assert "Rainbow Railroad" not in html


def test_ticking_it_stores_the_wording_and_records_no_consent_before_confirmation(client, petition):
    sign(client, organisation_newsletter="on")

    signature = Signature.objects.get()
    assert signature.organisation_newsletter_opt_in
    assert signature.organisation_newsletter_consent_text == ENGLISH
    assert not signature.newsletter_opt_in
    assert not ConsentEvent.objects.exists()


def test_confirming_records_the_newsletter_with_the_wording_and_language_shown(client, petition):
    sign(client, organisation_newsletter="on")

    signature_confirm(signature_id=Signature.objects.get().pk)

    (row,) = ConsentEvent.objects.all()
    assert (row.scope, row.action, row.method) == (NEWSLETTER, "given", "double_opt_in")
    assert (row.wording, row.language) == (ENGLISH, "en")
    assert row.page.endswith("/petitions/visas/sign/")
    assert consent_current(mailbox_key="jane@example.org", scope=NEWSLETTER)


def test_a_french_page_records_the_french_wording(client, petition):
    html = client.get("/fr/petitions/visas/sign/").content.decode()
    sign(client, prefix="/fr", organisation_newsletter="on")

    signature_confirm(signature_id=Signature.objects.get().pk)

    assert FRENCH in html
    (row,) = newsletter_rows()
    assert (row.wording, row.language) == (FRENCH, "fr")


def test_both_boxes_ticked_record_two_consents_each_with_its_own_wording(client, petition):
    sign(client, newsletter="on", organisation_newsletter="on")

    signature_confirm(signature_id=Signature.objects.get().pk)

    rows = {row.scope: row.wording for row in ConsentEvent.objects.all()}
    assert rows.keys() == {campaign_scope(petition.campaign_id), NEWSLETTER}
    assert rows[NEWSLETTER] == ENGLISH
    assert rows[campaign_scope(petition.campaign_id)] != ENGLISH


def test_not_ticking_it_records_no_newsletter_consent(client, petition):
    sign(client, newsletter="on")

    signature_confirm(signature_id=Signature.objects.get().pk)

    signature = Signature.objects.get()
    assert (
        signature.organisation_newsletter_opt_in,
        signature.organisation_newsletter_consent_text,
    ) == (False, "")
    assert not newsletter_rows().exists()
    assert ConsentEvent.objects.count() == 1


def test_a_post_ticking_a_box_the_page_did_not_show_records_nothing(client, petition, settings):
    settings.ORGANISATION_NEWSLETTER = False
    sign(client, organisation_newsletter="on")

    signature_confirm(signature_id=Signature.objects.get().pk)

    signature = Signature.objects.get()
    assert (
        signature.organisation_newsletter_opt_in,
        signature.organisation_newsletter_consent_text,
    ) == (
        False,
        "",
    )
    assert not newsletter_rows().exists()


def test_signing_with_the_boxes_ticked_is_still_one_statement(client, petition):
    url = "/petitions/visas/sign/"
    base = {"first_name": "Jane", "last_name": "Doe", "postal_code": "K1A 0A6"}
    client.post(url, {**base, "email": "warm-up@example.org"})  # statement prepared

    _plain, plain_queries = answered(client, url, {**base, "email": "a@example.org"})
    _ticked, ticked_queries = answered(
        client,
        url,
        {**base, "email": "b@example.org", "newsletter": "on", "organisation_newsletter": "on"},
    )

    # The same prepared statement, given other values: one query either way.
    assert len(ticked_queries) == len(plain_queries) == 1
    assert ticked_queries[0].split("(")[0] == plain_queries[0].split("(")[0]
    assert Signature.objects.get(email="b@example.org").organisation_newsletter_opt_in


def test_the_confirmation_webhook_names_the_consents_given(client, petition):
    from campaign.webhooks.models import WebhookDelivery
    from tests.factories.webhooks import WebhookEndpointFactory

    WebhookEndpointFactory()
    sign(client, organisation_newsletter="on")

    signature_confirm(signature_id=Signature.objects.get().pk)

    (delivery,) = WebhookDelivery.objects.all()
    assert delivery.payload["data"]["consents"] == [NEWSLETTER]


# --- Letters --------------------------------------------------------------------------------


def test_the_letter_form_offers_the_newsletter_unticked(client, mp_template):  # noqa: F811
    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))

    box = checkbox(response.content.decode(), "organisation_newsletter")
    assert box is not None
    assert "checked" not in box


def test_the_letter_form_has_no_newsletter_box_when_the_organisation_runs_none(
    client,
    mp_template,  # noqa: F811
    settings,
):
    settings.ORGANISATION_NEWSLETTER = False

    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))

    assert checkbox(response.content.decode(), "organisation_newsletter") is None


def test_the_letter_preview_carries_the_ticked_box_to_the_send_button(client, mp_template):  # noqa: F811
    response = client.post(write_url(mp_template), letter_data(organisation_newsletter="on"))

    html = response.content.decode()
    assert '<input type="hidden" name="organisation_newsletter" value="on">' in html


def test_a_letter_records_the_newsletter_at_confirmation_not_before(client, mp_template):  # noqa: F811
    submit(client, mp_template, organisation_newsletter="on")
    letter = Letter.objects.get()
    stored = (letter.organisation_newsletter_opt_in, letter.organisation_newsletter_consent_text)
    before = newsletter_rows().exists()

    letter_confirm(letter=letter)

    assert stored == (True, ENGLISH)
    assert not before
    (row,) = ConsentEvent.objects.all()
    assert (row.scope, row.wording, row.language) == (NEWSLETTER, ENGLISH, "en")
    assert row.address == "sam@example.org"


def test_a_letter_written_on_a_french_page_records_the_french_wording(client, mp_template):  # noqa: F811
    client.post(
        "/fr" + write_url(mp_template), {**letter_data(organisation_newsletter="on"), "send": ""}
    )

    letter_confirm(letter=Letter.objects.get())

    (row,) = newsletter_rows()
    assert (row.wording, row.language) == (FRENCH, "fr")


def test_a_letter_without_the_box_ticked_records_no_newsletter(client, mp_template):  # noqa: F811
    submit(client, mp_template)

    letter_confirm(letter=Letter.objects.get())

    assert Letter.objects.get().organisation_newsletter_consent_text == ""
    assert not newsletter_rows().exists()


# --- Settings -------------------------------------------------------------------------------


def test_a_newsletter_without_an_organisation_name_fails_the_system_check(settings):
    settings.ORGANISATION_NAME = " "

    errors = [e for e in checks.run_checks() if e.id == "consent.E001"]

    assert len(errors) == 1
