"""A letter's source: the `?source=` a writer came by, kept from the first step to the letter,
in the site's pages and in a partner's frame; counted by source in the dashboard."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from letters import reports
from letters.models import Letter, LetterTemplate
from tests.factories.letters import LetterFactory, LetterTemplateFactory
from tests.letters.test_flow import letter_data, write_url

pytestmark = pytest.mark.django_db


def test_a_letter_to_fixed_recipients_skips_to_writing_with_its_source(client):
    template = LetterTemplateFactory(kind=LetterTemplate.Kind.TARGETS)

    response = client.get(template.get_absolute_url() + "?source=partner-a")

    assert response.status_code == 302
    assert response["Location"] == write_url(template) + "?source=partner-a"


def test_it_carries_the_source_from_the_postal_code_to_the_letter(client, mp_template):
    start = client.get(mp_template.get_absolute_url() + "?source=partner-a").text
    assert 'name="source" value="partner-a"' in start

    found = client.post(
        mp_template.get_absolute_url(), {"postal_code": "k1a0a6", "source": "partner-a"}
    )
    assert "source=partner-a" in found["Location"]
    write = client.get(found["Location"]).text
    assert 'name="source" value="partner-a"' in write

    client.post(write_url(mp_template), {**letter_data(source="partner-a"), "send": ""})

    assert Letter.objects.get().source == "partner-a"


def test_it_stores_no_source_for_a_bad_one(client, mp_template):
    client.post(write_url(mp_template), {**letter_data(source="../etc"), "send": ""})

    assert Letter.objects.get().source == ""


def test_the_letter_page_has_a_preview_card_and_share_links(client, mp_template):
    page = unescape(client.get(mp_template.get_absolute_url()).text)

    assert '<meta property="og:title" content="' in page
    assert '<meta property="og:locale" content="en_CA">' in page
    assert "source%3Dshare-whatsapp" in page


def test_it_counts_letters_by_source(mp_template):
    LetterFactory(template=mp_template, source="share-x", status=Letter.Status.CONFIRMED)
    LetterFactory(template=mp_template, source="share-x")

    counts = reports.letters_by_source(campaign=mp_template.campaign)

    assert [(c.source, c.written, c.confirmed) for c in counts] == [("share-x", 2, 1)]


def embed(name: str, template, **params) -> str:
    url = reverse(
        f"letters_embed:{name}",
        kwargs={"campaign": template.campaign.slug, "template": template.slug},
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_a_letter_is_written_and_sent_inside_the_frame_without_a_csrf_cookie(mp_template):
    mp_template.campaign.partner_origins = "https://partner.example"
    mp_template.campaign.save()
    browser = Client(enforce_csrf_checks=True)
    start = browser.get(
        embed("start", mp_template), headers={"Referer": "https://partner.example/"}
    )
    assert "navbar" not in start.text
    assert "X-Frame-Options" not in start
    assert "frame-ancestors 'self' https://partner.example" in start["Content-Security-Policy"]
    token = re.search(r'name="embed_token" value="([^"]+)"', start.text).group(1)

    found = browser.post(
        embed("start", mp_template),
        {"postal_code": "k1a0a6", "embed_token": token, "source": "embed-partner-example"},
    )
    assert found["Location"].startswith(embed("write", mp_template))
    write = browser.get(found["Location"])
    assert 'name="embed_token"' in write.text
    sent = browser.post(
        embed("write", mp_template),
        {**letter_data(source="embed-partner-example"), "embed_token": token, "send": ""},
    )

    assert sent["Location"] == embed("sent", mp_template)
    assert "X-Frame-Options" not in browser.get(sent["Location"])
    assert Letter.objects.get().source == "embed-partner-example"


def test_a_letter_post_in_the_frame_without_a_token_sends_nothing(client, mp_template):
    response = client.post(embed("write", mp_template), {**letter_data(), "send": ""})

    assert response.status_code == 400
    assert not Letter.objects.exists()
