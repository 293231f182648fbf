"""The migration keying signatures by mailbox: duplicates merged, a confirmed one kept.

It is called with the project's own models (what the historical ones are at this migration).
"""

import importlib

import pytest
from django.apps import apps as django_apps
from django.utils import timezone

from petitions.models import Signature
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db

merge_migration = importlib.import_module(
    "petitions.migrations.0009_signature_email_key_per_mailbox"
)


def _stored_with_old_key(petition, email, **fields):
    """A signature as the old email_key stored it: lower case, nothing else."""
    return SignatureFactory(petition=petition, email=email, email_key=email.lower(), **fields)


def test_the_migration_merges_duplicates_keeping_the_confirmed_one(petition):
    earliest = _stored_with_old_key(petition, "jane.doe@gmail.com")
    confirmed = _stored_with_old_key(
        petition, '"janedoe"@gmail.com', confirmed_at=timezone.now(), show_name=True
    )
    _stored_with_old_key(petition, "janedoe@\uff27\uff2d\uff21\uff29\uff2c.com")
    _stored_with_old_key(petition, "janedoe@gmail.com\u200b", confirmed_at=timezone.now())
    other = _stored_with_old_key(petition, "someone@example.org")

    merge_migration.merge_signatures_per_mailbox(django_apps, None)

    kept = Signature.objects.order_by("pk")
    assert [s.pk for s in kept] == [confirmed.pk, other.pk]
    assert kept[0].email_key == "janedoe@gmail.com"
    assert kept[0].show_name is True
    assert earliest.pk not in {s.pk for s in kept}


def test_the_migration_keeps_the_earliest_when_none_is_confirmed(petition):
    earliest = _stored_with_old_key(petition, "Jane.Doe@gmail.com")
    _stored_with_old_key(petition, "janedoe+x@gmail.com")

    merge_migration.merge_signatures_per_mailbox(django_apps, None)

    assert list(Signature.objects.values_list("pk", "email_key")) == [
        (earliest.pk, "janedoe@gmail.com")
    ]


def test_the_migration_leaves_other_petitions_and_anonymised_rows_alone(petition):
    here = _stored_with_old_key(petition, "jane.doe@gmail.com")
    elsewhere = _stored_with_old_key(
        SignatureFactory().petition, "janedoe@gmail.com", confirmed_at=timezone.now()
    )
    anonymised = SignatureFactory(petition=petition, email="", email_key="anonymised-1")

    merge_migration.merge_signatures_per_mailbox(django_apps, None)

    assert set(Signature.objects.values_list("pk", flat=True)) >= {
        here.pk,
        elsewhere.pk,
        anonymised.pk,
    }
    anonymised.refresh_from_db()
    assert anonymised.email_key == "anonymised-1"
