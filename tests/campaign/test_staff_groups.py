"""The staff groups the migrations create, and putting them back after a flush."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from campaign.staff_groups import (
    DATA_STAFF,
    grant_permissions,
    restore_staff_groups,
    revoke_permissions,
)

pytestmark = pytest.mark.django_db


def _permissions(name: str) -> set[str]:
    return set(
        Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename")
    )


def test_it_lets_organisers_edit_campaigns_and_data_staff_only_read_them():
    assert ("campaign", "change_campaign") in _permissions("Organisers")
    assert ("campaign", "view_campaign") in _permissions("Data staff")
    assert ("campaign", "change_campaign") not in _permissions("Data staff")


def test_it_restores_the_groups_exactly_as_the_migrations_made_them():
    made = {name: _permissions(name) for name in ["Organisers", "Data staff"]}
    Group.objects.all().delete()

    restore_staff_groups()

    assert {name: _permissions(name) for name in made} == made


def test_it_revokes_exactly_what_a_spec_grants_and_keeps_the_group():
    before = _permissions(DATA_STAFF)
    spec = {DATA_STAFF: {"campaign": {"campaign": ["change"], "target": ["view", "change"]}}}

    grant_permissions(apps, spec)
    granted = _permissions(DATA_STAFF) - before
    revoke_permissions(apps, spec)

    assert granted == {
        ("campaign", "change_campaign"),
        ("campaign", "view_target"),
        ("campaign", "change_target"),
    }
    assert _permissions(DATA_STAFF) == before
