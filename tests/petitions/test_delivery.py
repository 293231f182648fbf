"""The printable delivery list: counted signers by riding, for data staff only."""

import pytest
from django.urls import reverse

from campaign.audit.models import AuditLog
from petitions.delivery import delivery_groups
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def petition(ottawa):
    petition = PetitionFactory(
        title="Issue emergency visas", demand="Issue emergency visas now.", addressed_to="the PM"
    )
    for first, last in [("Zoé", "Roy"), ("Ada", "Lovelace")]:
        SignatureFactory(
            petition=petition,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}@example.org",
            postal_code="K1P 5G3",
            riding_code="35079",
            riding_name="Ottawa Centre",
            confirmed=True,
        )
    SignatureFactory(
        petition=petition,
        first_name="Jean",
        last_name="Tremblay",
        postal_code="H2X 1Y4",
        province="QC",
        confirmed=True,
    )
    SignatureFactory(petition=petition, first_name="Unconfirmed", last_name="Person")
    SignatureFactory(petition=petition, first_name="Flagged", confirmed=True, flagged=True)
    return petition


def _page(client, petition) -> str:
    response = client.get(reverse("admin:petitions_petition_delivery", args=[petition.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_it_groups_counted_signers_by_riding_with_its_mp_unknown_ridings_last(petition):
    groups = list(delivery_groups(petition=petition))

    assert [(g.heading, g.representative) for g in groups] == [
        ("Ottawa Centre", "Yasir Naqvi"),
        ("Riding not known", ""),
    ]
    assert [(s.name, s.fsa) for s in groups[0].signers] == [
        ("Ada Lovelace", "K1P"),
        ("Zoé Roy", "K1P"),
    ]
    assert [s.name for s in groups[1].signers] == ["Jean Tremblay"]


def test_the_page_starts_with_the_petition_and_its_count_and_shows_no_address(
    client, data_staff, petition
):
    client.force_login(data_staff)

    html = _page(client, petition)

    assert html.index("Issue emergency visas now.") < html.index("Ottawa Centre")
    assert "Signed by 3 people" in html
    assert "Member of Parliament: Yasir Naqvi" in html
    assert "Ada Lovelace" in html and "Unconfirmed" not in html and "Flagged" not in html
    assert "@example.org" not in html
    assert "5G3" not in html  # only the first half of a postal code
    assert "chorus/delivery.css" in html and "<style" not in html and "<script" not in html


def test_every_opening_of_the_list_is_written_to_the_audit_log(client, data_staff, petition):
    client.force_login(data_staff)

    _page(client, petition)

    entry = AuditLog.objects.get(note="delivery_list")
    assert entry.actor == data_staff.username
    assert entry.object_id == str(petition.pk)


def test_the_print_css_starts_each_riding_on_a_new_page():
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("chorus/delivery.css")).read_text()

    assert "@media print" in css
    assert ".chorus-delivery-riding { break-before: page; }" in css


def test_an_unknown_petition_is_404_for_data_staff(client, data_staff):
    client.force_login(data_staff)

    response = client.get(reverse("admin:petitions_petition_delivery", args=[999999]))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("outsider", 302),
        ("organiser", 403),
        ("data_staff", 200),
        ("admin_user", 200),
    ],
)
def test_who_may_open_the_delivery_list(client, request, petition, persona, status):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("admin:petitions_petition_delivery", args=[petition.pk]))

    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("admin:login"))
    if status != 200:
        assert not AuditLog.objects.filter(note="delivery_list").exists()


def test_an_organiser_refused_the_list_is_logged(client, organiser, petition, caplog):
    client.force_login(organiser)

    client.get(reverse("admin:petitions_petition_delivery", args=[petition.pk]))

    assert f"user {organiser.pk} was refused the delivery list" in caplog.text


def test_only_data_staff_get_the_button_on_the_petition_page(
    client, organiser, data_staff, petition
):
    url = reverse("admin:petitions_petition_change", args=[petition.pk])
    delivery_url = reverse("admin:petitions_petition_delivery", args=[petition.pk])

    client.force_login(organiser)
    assert delivery_url not in client.get(url).content.decode()
    client.force_login(data_staff)
    assert delivery_url in client.get(url).content.decode()
