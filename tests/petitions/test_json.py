"""The JSON figures at /petitions/<slug>.json."""

import pytest
from django.urls import reverse

from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def test_it_publishes_title_status_count_goal_and_counts_by_province_and_riding(client, petition):
    for province, riding_code, riding_name in [
        ("ON", "35075", "Ottawa Centre"),
        ("ON", "35075", "Ottawa Centre"),
        ("QC", "24016", "Hull—Aylmer"),
        ("BC", "", ""),
    ]:
        SignatureFactory(
            petition=petition,
            confirmed=True,
            province=province,
            riding_code=riding_code,
            riding_name=riding_name,
        )
    SignatureFactory(petition=petition, province="AB")  # unconfirmed: not counted

    response = client.get("/petitions/visas.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"]
    data = response.json()
    assert data["title"] == "Issue emergency visas"
    assert data["status"] == "open"
    assert data["count"] == 4
    assert data["goal"] == 1000
    assert data["signatures_by_province"] == [
        {"code": "ON", "name": "Ontario", "signature_count": 2},
        {"code": "BC", "name": "British Columbia", "signature_count": 1},
        {"code": "QC", "name": "Quebec", "signature_count": 1},
    ]
    assert data["signatures_by_riding"] == [
        {"code": "35075", "name": "Ottawa Centre", "signature_count": 2},
        {"code": "24016", "name": "Hull—Aylmer", "signature_count": 1},
    ]


def test_it_reverses_to_the_json_url():
    assert reverse("petitions:json", kwargs={"slug": "visas"}) == "/petitions/visas.json"


def test_it_answers_404_for_a_draft_petitions_json(client):
    petition = PetitionFactory(draft=True)

    assert client.get(f"/petitions/{petition.slug}.json").status_code == 404


def test_it_publishes_a_closed_petitions_final_figures(client):
    petition = PetitionFactory(closed=True)
    SignatureFactory(petition=petition, confirmed=True)

    data = client.get(f"/petitions/{petition.slug}.json").json()

    assert (data["status"], data["count"]) == ("closed", 1)
