"""The directory's admin: browsing ridings, MPs and FSAs, and importing their files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaign.directory.models import Representative, Riding
from tests.directory.conftest import FIXTURES

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:directory_import"


def upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes())


@pytest.mark.parametrize("model", ["representative", "riding", "fsariding"])
def test_it_lets_organisers_browse_the_directory(organiser_client, ottawa, model):
    response = organiser_client.get(reverse(f"admin:directory_{model}_changelist"))
    assert response.status_code == 200


def test_it_searches_representatives_by_riding(organiser_client, ottawa):
    response = organiser_client.get(
        reverse("admin:directory_representative_changelist"), {"q": "Ottawa Centre"}
    )
    assert "Yasir Naqvi" in response.content.decode()
    assert "Anita Vandenbeld" not in response.content.decode()


def test_it_imports_a_directory_file_from_the_admin(organiser_client):
    response = organiser_client.post(
        reverse(IMPORT_URL), {"kind": "ridings", "file": upload("ridings.csv")}, follow=True
    )
    assert "Ridings: 5 created, 0 updated, 0 unchanged." in response.content.decode()
    assert Riding.objects.count() == 5
    response = organiser_client.post(
        reverse(IMPORT_URL), {"kind": "representatives", "file": upload("hoc_members.xml")}
    )
    assert Representative.objects.count() == 3


def test_it_shows_a_bad_import_file_as_a_form_error(organiser_client):
    response = organiser_client.post(
        reverse(IMPORT_URL), {"kind": "ridings", "file": upload("hoc_members.xml")}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert Riding.objects.count() == 0


def test_it_keeps_the_import_page_from_non_staff(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse(IMPORT_URL))
    assert response.status_code == 302


def test_it_keeps_the_import_page_from_data_staff(client, data_staff):
    client.force_login(data_staff)
    assert client.get(reverse(IMPORT_URL)).status_code == 403
