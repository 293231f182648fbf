"""Supporters on a phone, with JavaScript off, in a real browser."""

import re
import time

import pytest
from django.core import mail

from petitions.selectors import petition_count
from tests.factories import CampaignFactory
from tests.factories.letters import LetterTemplateFactory
from tests.factories.petitions import PetitionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def live_site(live_server, settings):
    settings.SITE_URL = live_server.url
    return live_server.url


def test_a_supporter_signs_and_confirms_a_petition_on_a_phone_without_javascript(phone, live_site):
    petition = PetitionFactory(campaign=CampaignFactory(), title="Issue emergency visas")

    phone.goto(live_site + petition.get_absolute_url())
    phone.get_by_role("link", name=re.compile("Sign this petition")).click()
    phone.get_by_role("textbox", name=re.compile("^First name")).fill("Ada")
    phone.get_by_role("textbox", name=re.compile("^Last name")).fill("Lovelace")
    phone.get_by_role("textbox", name=re.compile("^Email")).fill("ada@example.org")
    phone.get_by_role("textbox", name=re.compile("^Postal code")).fill("k1a0a6")
    phone.get_by_role("button", name="Sign the petition").click()

    assert "check your email" in phone.content().lower()
    (message,) = mail.outbox
    confirm_url = re.search(r"https?://\S+/petitions/confirm/\S+/", message.body).group(0)
    phone.goto(confirm_url)
    phone.get_by_role("button", name=re.compile("Confirm")).click()

    # The public page may show a count up to a few seconds old; the counter is current.
    assert phone.url.endswith(f"/petitions/{petition.slug}/confirmed/")
    assert petition_count(petition=petition) == 1


def test_the_sign_form_shows_errors_next_to_their_fields(phone, live_site):
    petition = PetitionFactory(campaign=CampaignFactory())

    phone.goto(live_site + petition.get_absolute_url() + "sign/")
    phone.get_by_role("textbox", name=re.compile("^First name")).fill("Ada")
    phone.get_by_role("textbox", name=re.compile("^Last name")).fill("Lovelace")
    phone.get_by_role("textbox", name=re.compile("^Email")).fill("ada@example.org")
    phone.get_by_role("textbox", name=re.compile("^Postal code")).fill("12345")
    phone.get_by_role("button", name="Sign the petition").click()

    postal_code = phone.get_by_role("textbox", name=re.compile("^Postal code"))
    assert "is-invalid" in postal_code.get_attribute("class")
    # What a screen reader reads with the field: its description must carry the error.
    description = " ".join(
        phone.locator(f"[id='{element_id}']").inner_text()
        for element_id in postal_code.get_attribute("aria-describedby").split()
    )
    assert "Enter a Canadian postal code" in description


def test_a_french_supporter_switches_to_french_signs_and_confirms_in_french(
    phone, live_site, smtp, settings
):
    settings.OUTBOX_RATE_LIMITS = {}
    petition = PetitionFactory(campaign=CampaignFactory(), in_french=True)

    phone.goto(live_site + petition.get_absolute_url())
    phone.get_by_role("link", name="Français").click()
    assert phone.locator("html").get_attribute("lang") == "fr"
    phone.get_by_role("link", name=re.compile("Signer cette pétition")).click()
    phone.get_by_role("textbox", name=re.compile("^Prénom")).fill("Marie")
    phone.get_by_role("textbox", name=re.compile("^Nom")).fill("Tremblay")
    phone.get_by_role("textbox", name=re.compile("^Courriel")).fill("marie@example.org")
    phone.get_by_role("textbox", name=re.compile("^Code postal")).fill("h2x1y4")
    phone.get_by_role("button", name="Signer la pétition").click()

    assert "vérifiez maintenant vos courriels" in phone.content().lower()
    # Read from the SMTP server the outbox delivered to, as the supporter's mailbox would.
    (message,) = _wait_for_messages(smtp, 1)
    confirm_url = re.search(r"https?://\S+/fr/petitions/confirm/\S+/", _text(message)).group(0)
    phone.goto(confirm_url)
    phone.get_by_role("button", name="Confirmer ma signature").click()

    assert phone.url.endswith(f"/fr/petitions/{petition.slug}/confirmed/")
    assert petition_count(petition=petition) == 1


def test_a_supporter_finds_their_mp_edits_sends_and_confirms_a_letter(
    phone, live_site, smtp, ottawa, settings
):
    settings.OUTBOX_RATE_LIMITS = {}
    template = LetterTemplateFactory(
        campaign=CampaignFactory(),
        body="Dear {{ representative_name }},\n\nPlease press for emergency visas.\n\n"
        "Sincerely,\n{{ supporter_name }}",
    )

    phone.goto(live_site + template.get_absolute_url())
    phone.locator("[name=postal_code]").fill("K1A 0A6")
    phone.get_by_role("button", name="Find my MP").click()
    assert "Yasir Naqvi" in phone.content()
    phone.locator("[name=supporter_name]").fill("Sam Supporter")
    phone.locator("[name=supporter_email]").fill("sam@example.org")
    body = phone.locator("[name=body]")
    body.fill("My family waited two years for a visa. " + body.input_value())
    phone.get_by_role("button", name="Preview my letter").click()
    assert "My family waited two years" in phone.content()
    phone.get_by_role("button", name="Send my letter").click()

    (confirmation,) = _wait_for_messages(smtp, 1)
    assert confirmation["To"] == "sam@example.org"
    confirm_url = re.search(r"https?://\S+/letters/confirm/\S+/", _text(confirmation)).group(0)
    phone.goto(confirm_url)
    phone.get_by_role("button", name="Confirm and send my letter").click()

    messages = _wait_for_messages(smtp, 2)
    to_the_mp = [m for m in messages if "Yasir.Naqvi@parl.gc.ca".lower() in m["To"].lower()]
    assert len(to_the_mp) == 1
    assert "My family waited two years for a visa." in _text(to_the_mp[0])
    assert to_the_mp[0]["Reply-To"] == "Sam Supporter <sam@example.org>"


def _wait_for_messages(smtp, count: int, timeout: float = 20) -> list:
    """The messages the SMTP server holds once it holds `count` (the outbox sends from a task)."""
    deadline = time.monotonic() + timeout
    while len(smtp.messages) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(smtp.messages) >= count, f"{len(smtp.messages)} of {count} emails arrived"
    return smtp.messages


def _text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()
