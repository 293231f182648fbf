"""The migration keying letter recipients by mailbox: the backfill and the earlier duplicates.

Called with the project's own models (what the historical ones are at this migration).
"""

import importlib

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, transaction

from letters.models import LetterRecipient
from tests.factories.letters import LetterFactory, LetterRecipientFactory

pytestmark = pytest.mark.django_db

JANE = "janedoe@gmail.com"
backfill_migration = importlib.import_module(
    "letters.migrations.0007_letterrecipient_supporter_key"
)


def _written_before(template, supporter_email, email="Yasir.Naqvi@parl.gc.ca", key="old"):
    """A letter recipient as stored before the key existed (the backfill overwrites `key`)."""
    letter = LetterFactory(template=template, supporter_email=supporter_email)
    return LetterRecipientFactory(letter=letter, email=email, supporter_key=key)


def test_it_backfills_each_key_and_keeps_earlier_duplicates_apart(mp_template):
    first = _written_before(mp_template, "Jane.Doe@gmail.com", key="old-1")
    second = _written_before(mp_template, "janedoe+x@gmail.com", key="old-2")
    other = _written_before(mp_template, "sam@b\u00fccher.de", key="old-3")

    backfill_migration.backfill_supporter_keys(django_apps, None)

    keys = dict(LetterRecipient.objects.values_list("pk", "supporter_key"))
    assert keys == {
        first.pk: "janedoe@gmail.com",
        second.pk: f"janedoe@gmail.com#duplicate-{second.pk}",
        other.pk: "sam@xn--bcher-kva.de",
    }


def test_after_it_the_constraint_holds_on_the_mailbox(mp_template):
    _written_before(mp_template, "Jane.Doe@gmail.com", key="old-1")
    backfill_migration.backfill_supporter_keys(django_apps, None)

    with pytest.raises(IntegrityError), transaction.atomic():
        _written_before(mp_template, "janedoe@gmail.com", email="yasir.naqvi@parl.gc.ca", key=JANE)
