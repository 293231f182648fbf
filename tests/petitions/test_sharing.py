"""Sharing a petition: preview cards in the page's language, share links carrying their
source, and the `?source=` a signer came by stored with the signature and counted."""

import re
from html import unescape

import pytest
from django.urls import reverse

from campaign.dashboards.periods import window_ending_today
from petitions import dashboard, selectors
from petitions.models import Signature
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def meta(page: str, name: str) -> list[str]:
    pattern = rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"'
    return [unescape(value) for value in re.findall(pattern, page)]


def sign_url(petition, **query):
    url = reverse("petitions:sign", kwargs={"slug": petition.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_it_gives_the_petition_page_a_preview_card_in_english(client, petition):
    page = client.get(petition.get_absolute_url()).content.decode()

    assert meta(page, "og:title") == ["Issue emergency visas"]
    assert meta(page, "og:description")[0].startswith("Issue emergency visas to LGBT people")
    assert meta(page, "og:url")[0].endswith("/petitions/visas/")
    assert meta(page, "og:locale") == ["en_CA"]
    assert meta(page, "og:locale:alternate") == ["fr_CA"]
    assert meta(page, "twitter:card") == ["summary_large_image"]
    assert "/campaigns/" in meta(page, "og:image")[0]
    assert meta(page, "og:image")[0].split("?")[0].endswith("/share.png")


def test_it_gives_the_french_page_a_french_preview_card(client):
    petition = PetitionFactory(slug="visas", in_french=True)

    page = client.get("/fr/petitions/visas/").content.decode()

    assert meta(page, "og:title") == ["Délivrez des visas d'urgence"]
    assert meta(page, "og:description")[0].startswith("Délivrez des visas d'urgence aux")
    assert meta(page, "og:url")[0].endswith("/fr/petitions/visas/")
    assert meta(page, "og:locale") == ["fr_CA"]
    assert meta(page, "og:locale:alternate") == ["en_CA"]
    assert petition.slug in page


def test_its_canonical_address_leaves_out_the_source(client, petition):
    page = client.get(petition.get_absolute_url() + "?source=newsletter").content.decode()

    assert meta(page, "og:url")[0].endswith("/petitions/visas/")


def test_its_share_links_carry_a_source_per_network(client, petition):
    page = unescape(client.get(reverse("petitions:thanks", kwargs={"slug": "visas"})).text)

    for network in ("email", "x", "facebook", "whatsapp", "bluesky"):
        assert f"source%3Dshare-{network}" in page, network
    assert "mailto:?subject=Issue%20emergency%20visas&body=" in page
    assert "https://bsky.app/intent/compose?text=" in page
    assert "Share on Bluesky" in page


def test_its_share_links_are_in_french_on_the_french_page(client):
    PetitionFactory(slug="visas", in_french=True)

    page = unescape(client.get("/fr/petitions/visas/thanks/").text)

    assert "Partager sur Bluesky" in page
    assert "mailto:?subject=D%C3%A9livrez%20des%20visas%20d%27urgence" in page
    assert "%2Ffr%2Fpetitions%2Fvisas%2F%3Fsource%3Dshare-x" in page


def test_its_page_links_to_the_sign_form_with_the_source_it_was_reached_by(client, petition):
    client.get(petition.get_absolute_url())  # cached without one

    page = client.get(petition.get_absolute_url() + "?source=partner-a").text

    assert f'href="{sign_url(petition, source="partner-a")}"' in page
    assert f'href="{sign_url(petition)}"' in client.get(petition.get_absolute_url()).text


def test_it_ignores_a_source_that_is_not_a_short_code(client, petition):
    page = client.get(petition.get_absolute_url() + "?source=<script>").text

    assert f'href="{sign_url(petition)}"' in page
    assert "&lt;script" not in page


def test_it_stores_the_source_with_the_signature(client, petition, valid_form):
    form = client.get(sign_url(petition, source="newsletter")).text
    assert 'name="source" value="newsletter"' in form

    client.post(sign_url(petition), {**valid_form, "source": "newsletter"})

    assert Signature.objects.get().source == "newsletter"


@pytest.mark.parametrize("bad", ["Capitals", "a" * 41, "spaces here", "x;drop", "é"])
def test_it_stores_no_source_for_a_bad_one(client, petition, valid_form, bad):
    response = client.post(sign_url(petition), {**valid_form, "source": bad})

    assert response.status_code == 302
    assert Signature.objects.get().source == ""


def test_it_counts_signatures_by_source(petition):
    SignatureFactory(petition=petition, source="newsletter", confirmed=True)
    SignatureFactory(petition=petition, source="newsletter")
    SignatureFactory(petition=petition, source="", confirmed=True)

    counts = selectors.signature_counts_by_source(petition=petition)

    assert [(c.source, c.signed, c.counted) for c in counts] == [
        ("newsletter", 2, 1),
        ("", 1, 1),
    ]


def test_the_dashboard_shows_signatures_by_source(petition):
    SignatureFactory(petition=petition, source="share-x", confirmed=True)

    sections = dashboard.campaign_sections(petition.campaign, window_ending_today(days=7))

    table = next(t for t in sections[0].tables if t.title == "Signatures by source")
    assert list(table.rows) == [("share-x", 1, 1)]


def test_the_signatures_admin_filters_by_source(client, data_staff, petition):
    SignatureFactory(petition=petition, source="partner-a", first_name="Aglaé")
    SignatureFactory(petition=petition, source="", first_name="Bérénice")
    client.force_login(data_staff)
    url = reverse("admin:petitions_signature_changelist")

    listed = client.get(url)
    filtered = client.get(url + "?source=partner-a")

    assert listed.status_code == 200
    assert "?source=partner-a" in listed.text
    assert "Aglaé" in filtered.text
    assert "Bérénice" not in filtered.text
