"""Organisers switch the admin between English and French from any of its pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_english_admin_page_links_to_itself_in_french(client, organiser):
    client.force_login(organiser)

    page = client.get("/admin/campaign/campaign/").content.decode()

    assert '<a href="/fr/admin/campaign/campaign/" hreflang="fr" lang="fr">Français</a>' in page


def test_a_french_admin_page_links_to_itself_in_english(client, organiser):
    client.force_login(organiser)

    page = client.get("/fr/admin/campaign/campaign/").content.decode()

    assert '<a href="/admin/campaign/campaign/" hreflang="en" lang="en">English</a>' in page
    assert 'aria-label="Langue"' in page


def test_the_login_page_offers_the_other_language_before_signing_in(client):
    page = client.get("/admin/login/").content.decode()

    assert '<a href="/fr/admin/login/" hreflang="fr" lang="fr">Français</a>' in page
