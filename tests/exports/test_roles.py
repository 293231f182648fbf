"""Who may export: data staff and superusers; organisers edit campaigns but export nothing."""

import pytest

pytestmark = pytest.mark.django_db

EXPORTS = ["petitions.export_signature", "letters.export_letter"]


@pytest.mark.parametrize("permission", EXPORTS)
def test_data_staff_hold_every_export_permission(data_staff, permission):
    assert data_staff.has_perm(permission)


@pytest.mark.parametrize("permission", EXPORTS)
def test_organisers_hold_no_export_permission(organiser, permission):
    assert not organiser.has_perm(permission)


@pytest.mark.parametrize("persona", ["organiser", "data_staff"])
def test_only_superusers_read_the_export_log(persona, request, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "password")

    assert not request.getfixturevalue(persona).has_perm("exports.view_exportlog")
    assert root.has_perm("exports.view_exportlog")
