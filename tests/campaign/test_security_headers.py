"""A strict Content-Security-Policy on every response, pages that need no inline style or
script to look right, and `Cache-Control: private, no-store` on every page holding a
supporter's data."""

import re

import pytest
from django.urls import reverse

from petitions.tokens import confirmation_token_make
from tests.factories.letters import LetterTemplateFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: " ".join(part.split()[1:])
        for part in (p.strip() for p in policy.split(";"))
        if part
    }


def assert_strict(response) -> None:
    policy = directives(response)
    assert policy["default-src"] == "'self'"
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy.get(directive, "")
        assert "'unsafe-eval'" not in policy.get(directive, "")
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"


def assert_no_inline_style_or_script(page: str) -> None:
    assert not re.search(r"\sstyle=", page), re.search(r".{60}\sstyle=.{60}", page)
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", page)
    assert not re.search(r"\son[a-z]+=", page)


def test_every_response_carries_a_strict_policy(client, organiser_client, db):
    petition = PetitionFactory(slug="visas")
    for response in (
        client.get("/"),
        client.get(petition.get_absolute_url()),
        client.get("/petitions/visas.json"),
        client.get("/no-such-page/"),
        client.get("/admin/login/"),
        organiser_client.get("/admin/"),
    ):
        assert_strict(response)


def test_the_public_pages_need_no_inline_style_or_script(client, db):
    petition = PetitionFactory(slug="visas")
    for url in ("/", petition.get_absolute_url(), petition.campaign.get_absolute_url()):
        assert_no_inline_style_or_script(client.get(url).content.decode())


def test_the_admin_pages_we_wrote_need_no_inline_style(organiser_client):
    petition = PetitionFactory()
    template = LetterTemplateFactory()
    for url in (
        reverse("admin:petitions_petition_per_day", args=[petition.pk]),
        reverse("admin:letters_lettertemplate_change", args=[template.pk]),
    ):
        page = organiser_client.get(url).content.decode()
        assert not re.search(r"\sstyle=", page), re.search(r".{80}\sstyle=.{40}", page)


def private(response) -> bool:
    values = {v.strip() for v in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= values


def test_the_petition_confirm_page_is_private_and_never_stored(client, db):
    signature = SignatureFactory(petition=PetitionFactory())
    token = confirmation_token_make(signature_id=signature.pk)
    assert private(client.get(reverse("petitions:confirm", kwargs={"token": token})))
