"""The seed campaign's two letters as `make run` drafts them, read as supporters and recipients
read them: the letter to the supporter's MP and the letter to the ministers of document 004."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from campaign.models import Campaign
from campaign.outbox.models import OutboundEmail
from letters.models import Letter, LetterTemplate
from letters.purposes import LetterPurpose
from tests.letters.test_flow import send_queued

pytestmark = pytest.mark.django_db

GUIDANCE = (
    "Say in your own words why this matters to you.",
    "Ask them to act, and to reply to you.",
)
SEED_RECIPIENTS = ("Chrystia Freeland", "Justin Trudeau", "Russian Ambassador")
TALKS_ABOUT_MPS = re.compile(r"\bMPs?\b|Member of Parliament|constituent", re.IGNORECASE)


@pytest.fixture
def seed_campaign(ottawa) -> Campaign:
    call_command("import_seeds", "--publish", stdout=StringIO(), stderr=StringIO())
    return Campaign.objects.get()


@pytest.fixture
def mp_letter(seed_campaign) -> LetterTemplate:
    return seed_campaign.letter_templates.get(kind=LetterTemplate.Kind.MP)


@pytest.fixture
def ministers_letter(seed_campaign) -> LetterTemplate:
    return seed_campaign.letter_templates.get(kind=LetterTemplate.Kind.TARGETS)


def write_url(template, **params) -> str:
    url = reverse(
        "letters:write", kwargs={"campaign": template.campaign.slug, "template": template.slug}
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def aside(page: str) -> str:
    return page[page.index("<aside") : page.index("</aside>")]


def write_from_the_draft(client, template, **fields) -> Letter:
    """Write the letter as drafted, adding one sentence of one's own, and submit it."""
    draft = client.get(write_url(template))
    initial = draft.context["form"].initial
    response = client.post(
        write_url(template),
        {
            "supporter_name": "Sam Supporter",
            "supporter_email": "sam@example.org",
            "supporter_postal_code": "K1A 0A6",
            "subject": initial["subject"],
            "body": initial["body"] + "\n\nI have friends in Grozny.",
            "send": "",
            **fields,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return Letter.objects.get()


def test_it_shows_the_guidance_beside_the_mp_letter_and_never_inside_it(client, mp_letter):
    response = client.get(write_url(mp_letter, postal_code="K1A 0A6", riding="35079"))

    body = response.context["form"].initial["body"]
    for guidance in GUIDANCE:
        assert guidance not in body
        assert guidance not in mp_letter.talking_points
        assert guidance in aside(response.content.decode())


def test_it_drafts_the_ministers_points_as_grammatical_sentences(ministers_letter):
    assert ministers_letter.talking_points == [
        "I condemn the actions of the authorities in Chechnya",
        "I demand the immediate end of the persecution of LGBT people in Russia",
        "I ask the Canadian government to speak out against these atrocities",
    ]


def test_it_names_each_recipient_in_the_confirmation_email_and_page(client, ministers_letter):
    letter = write_from_the_draft(client, ministers_letter)
    send_queued()  # rendered by the worker that sends it

    confirmation = OutboundEmail.objects.get(purpose=LetterPurpose.LETTER_CONFIRMATION)
    for text in (confirmation.body_text, confirmation.body_html):
        for name in SEED_RECIPIENTS:
            assert name in text
    # The letters themselves are on the confirm page only (tests/letters/test_no_relay.py).
    page = client.get(letter.get_confirm_url()).content.decode()
    assert "[recipient&#x27;s name]" not in page
    for name in SEED_RECIPIENTS:
        assert f"Dear {name}," in page


def test_it_names_each_recipient_in_the_supporters_copy(client, ministers_letter):
    from letters.services import letter_confirm

    letter_confirm(letter=write_from_the_draft(client, ministers_letter, send_copy="on"))

    copy = OutboundEmail.objects.get(purpose=LetterPurpose.LETTER_COPY)
    for text in (copy.body_text, copy.body_html):
        assert "[recipient" not in text
        for name in SEED_RECIPIENTS:
            assert f"Dear {name}," in text


def test_it_names_each_recipient_on_the_status_page(client, ministers_letter):
    letter = write_from_the_draft(client, ministers_letter)

    page = client.get(letter.get_status_url()).content.decode()

    assert "[recipient" not in page
    for name in SEED_RECIPIENTS:
        assert f"Dear {name}," in page


@pytest.mark.parametrize("kind", [LetterTemplate.Kind.MP, LetterTemplate.Kind.TARGETS])
def test_it_names_the_issue_in_every_subject(seed_campaign, kind):
    template = seed_campaign.letter_templates.get(kind=kind)

    assert len(template.subjects) == 3
    for subject in template.subjects:
        assert "LGBT people in Chechnya" in subject, subject


def test_it_never_talks_about_mps_in_the_letter_to_the_ministers(ministers_letter):
    for text in (
        *ministers_letter.subjects,
        ministers_letter.body,
        *ministers_letter.talking_points,
    ):
        assert not TALKS_ABOUT_MPS.search(text), text


def test_it_never_talks_about_mps_on_the_page_writing_to_the_ministers(client, ministers_letter):
    page = client.get(write_url(ministers_letter)).content.decode()

    article = page[page.index("<article") : page.index("</article>")]
    assert not TALKS_ABOUT_MPS.search(article), TALKS_ABOUT_MPS.search(article)
