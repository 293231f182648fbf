"""Embeds: a petition and a letter in a frame on a partner's page, framed only by the
campaign's partner origins, with the same no-JavaScript flow inside the frame."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from campaign.embeds import embed_token
from campaign.partner_origins import validate_partner_origins
from petitions.models import Signature
from tests.factories.campaign import CampaignFactory
from tests.factories.petitions import PetitionFactory

pytestmark = pytest.mark.django_db

PARTNERS = "https://www.amnesty.example\nhttps://egale.example:8443\n"


def frame_ancestors(response) -> str:
    policy = response["Content-Security-Policy"]
    return re.search(r"frame-ancestors([^;]*)", policy).group(1).strip()


@pytest.fixture
def petition():
    campaign = CampaignFactory(partner_origins=PARTNERS)
    return PetitionFactory(campaign=campaign, slug="visas")


def embed_url(petition) -> str:
    return reverse("petitions_embed:sign", kwargs={"slug": petition.slug})


def sign_data(petition, **extra) -> dict:
    return {
        "first_name": "Marie",
        "last_name": "Tremblay",
        "email": "marie@example.org",
        "postal_code": "K1A 0A6",
        "embed_token": embed_token(slug=petition.slug),
        **extra,
    }


def test_an_embed_may_be_framed_by_exactly_the_partner_origins(client, petition):
    response = client.get(embed_url(petition))

    assert response.status_code == 200
    assert frame_ancestors(response) == (
        "'self' https://www.amnesty.example https://egale.example:8443"
    )
    assert "X-Frame-Options" not in response


def test_an_unlisted_origin_is_not_listed(client, petition):
    response = client.get(embed_url(petition), headers={"Referer": "https://evil.example/"})

    assert "evil.example" not in response["Content-Security-Policy"]


def test_a_campaign_without_partners_is_framed_by_its_own_pages_only(client):
    petition = PetitionFactory(slug="alone")

    assert frame_ancestors(client.get(embed_url(petition))) == "'self'"


def test_every_other_page_refuses_every_frame(client, petition):
    for url in (petition.get_absolute_url(), reverse("petitions:sign", args=["visas"]), "/"):
        response = client.get(url)
        assert frame_ancestors(response) == "'none'", url
        assert response["X-Frame-Options"] == "DENY", url


def test_the_embed_has_no_site_chrome(client, petition):
    page = client.get(embed_url(petition)).text

    assert "navbar" not in page
    assert 'name="embed_token"' in page
    assert "Sign the petition" in page


def test_signing_in_the_frame_works_without_a_csrf_cookie(petition):
    browser = Client(enforce_csrf_checks=True)
    referer = {"Referer": "https://www.amnesty.example/act/"}
    form = browser.get(embed_url(petition), headers=referer).text
    token = re.search(r'name="embed_token" value="([^"]+)"', form).group(1)
    source = re.search(r'name="source" value="([^"]*)"', form).group(1)

    response = browser.post(
        embed_url(petition),
        {**sign_data(petition, embed_token=token), "source": source},
        follow=True,
    )

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("petitions_embed:thanks", args=["visas"])
    assert "check your email" in response.text
    assert frame_ancestors(response).startswith("'self' https://www.amnesty.example")
    signature = Signature.objects.get()
    assert signature.source == "embed-www-amnesty-example"


def test_a_source_given_in_the_embed_address_wins(client, petition):
    client.get(embed_url(petition) + "?source=newsletter")

    client.post(embed_url(petition), sign_data(petition, source="newsletter"))

    assert Signature.objects.get().source == "newsletter"


def test_a_signature_from_an_unknown_page_is_marked_embed(client, petition):
    form = client.get(embed_url(petition), headers={"Referer": "https://evil.example/"}).text

    assert 'name="source" value="embed"' in form


def test_a_post_without_a_valid_token_signs_nothing(client, petition):
    response = client.post(embed_url(petition), sign_data(petition, embed_token="forged"))

    assert response.status_code == 400
    assert "open too long" in response.text
    assert 'value="Marie"' in response.text
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "origins",
    [
        "http://partner.example",
        "https://*.partner.example",
        "https://partner.example/page",
        "partner.example",
        "https://partner.example:99999",
        "javascript:alert(1)",
    ],
)
def test_it_refuses_a_partner_origin_that_is_not_https_host_port(origins):
    with pytest.raises(ValidationError):
        validate_partner_origins(origins)


def test_it_accepts_partner_origins_one_a_line():
    validate_partner_origins("https://a.example\n\n  https://b.example:8443/ \n")
