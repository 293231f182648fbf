"""A letter goes in the language the supporter wrote it in.

The page's language is recorded on the letter; its confirmation, its links, the copy and what
goes to the MP around the supporter's text are in it, whatever page confirms it.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from campaign.outbox.models import OutboundEmail
from letters.models import Letter
from letters.purposes import LetterPurpose
from tests.factories.letters import LetterTemplateFactory
from tests.letters.test_flow import letter_data, send_queued

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_template(ottawa):
    return LetterTemplateFactory(slug="mp", in_french=True)


def write_path(template, language_prefix: str = "") -> str:
    return f"{language_prefix}/letters/{template.campaign.slug}/{template.slug}/write/"


def submit(client, template, prefix: str, **overrides):
    client.post(write_path(template, prefix), {**letter_data(**overrides), "send": ""})
    send_queued()
    return Letter.objects.get(), mail.outbox[-1]


def test_a_french_page_drafts_from_the_french_template_with_the_french_riding(
    client, french_template
):
    response = client.get(
        write_path(french_template, "/fr"), {"postal_code": "K1A 0A6", "riding": "35079"}
    )

    body = response.context["form"].initial["body"]
    assert body.startswith("Madame, Monsieur,\n\nJ'habite Ottawa-Centre")
    assert "[votre nom]" in body
    assert "- Des vies sont en jeu." in body


def test_a_letter_written_on_a_french_page_is_recorded_in_french(client, french_template):
    letter, _message = submit(client, french_template, "/fr")

    assert letter.language == "fr"


def test_its_confirmation_email_is_in_french_and_links_to_the_french_page(client, french_template):
    _letter, message = submit(client, french_template, "/fr")

    assert message.subject == "Confirmez votre lettre avant qu\u2019elle soit envoyée"
    link = re.search(r"https?://\S+/letters/confirm/\S+/", message.body).group(0)
    assert urlsplit(link).path.startswith("/fr/letters/confirm/")


def test_the_message_to_the_mp_is_in_the_letters_language_whatever_page_confirms_it(
    client, french_template, settings
):
    settings.LETTERS_TEST_MODE = True  # so the message carries words of ours around the text
    letter, _message = submit(client, french_template, "/fr")
    english_confirm_path = urlsplit(letter.get_confirm_url()).path.removeprefix("/fr")

    client.post(english_confirm_path)
    send_queued()

    sent = OutboundEmail.objects.get(purpose=LetterPurpose.LETTER)
    assert sent.headers["Content-Language"] == "fr"
    assert "Cette lettre serait allée à" in sent.body_text
    assert '<html lang="fr">' in sent.body_html


def test_an_english_letter_stays_english(client, french_template):
    letter, message = submit(client, french_template, "")

    assert letter.language == "en"
    assert message.subject == "Confirm your letter before it is sent"


def test_an_english_draft_on_a_french_page_is_marked_english(client, ottawa):
    template = LetterTemplateFactory(slug="mp")

    response = client.get(
        write_path(template, "/fr"), {"postal_code": "K1A 0A6", "riding": "35079"}
    )

    page = response.content.decode()
    assert re.search(r'<textarea name="body"[^>]* lang="en"', page)
    assert '<html lang="fr">' in page
