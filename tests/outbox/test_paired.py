"""insert_with_email: a row and the email that serves it, written together or not at all."""

import datetime
import warnings

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.utils import ConnectionHandler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext_lazy

from campaign.models import Campaign
from campaign.outbox import paired
from campaign.outbox.models import OutboundEmail
from campaign.outbox.queueing import email_build
from campaign.outbox.selectors import emails_for
from petitions.models import Signature
from petitions.purposes import PetitionPurpose
from tests.factories import CampaignFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory
from tests.outbox.columns import assert_same_columns

pytestmark = pytest.mark.django_db

# Any model with a unique constraint stands in for a Signature: a campaign's slug is unique.


def _email(**overrides) -> OutboundEmail:
    values = {
        "to": "supporter@example.org",
        "subject": "Please confirm",
        "body_text": "Click the link.",
        "purpose": PetitionPurpose.TARGET_UPDATE,
    }
    return email_build(**{**values, **overrides})


def test_it_writes_the_row_and_an_email_that_points_at_it():
    campaign = CampaignFactory.build(slug="visas")

    email = paired.insert_with_email(campaign, email=_email())

    stored = Campaign.objects.get(slug="visas")
    assert campaign.pk == stored.pk
    assert list(emails_for(stored)) == [email]
    assert email.related_type == ContentType.objects.get_for_model(Campaign)
    assert email.status == OutboundEmail.Status.QUEUED


def test_it_writes_neither_row_when_the_row_breaks_a_unique_constraint():
    CampaignFactory(slug="visas")

    result = paired.insert_with_email(CampaignFactory.build(slug="visas"), email=_email())

    assert result is None
    assert Campaign.objects.count() == 1
    assert not OutboundEmail.objects.exists()


def test_both_rows_roll_back_with_the_callers_transaction_and_nothing_is_published(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        paired.insert_with_email(CampaignFactory.build(), email=_email())
        raise RuntimeError("the caller fails after inserting")

    assert callbacks == []
    assert not Campaign.objects.exists()
    assert not OutboundEmail.objects.exists()


def test_it_publishes_the_email_once_the_rows_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        paired.insert_with_email(CampaignFactory.build(), email=_email())

    assert len(callbacks) == 1


def test_it_writes_every_column_of_both_rows_exactly_as_the_orm_would():
    # The statement is built by hand from the models' fields; this compares every column
    # (new ones included) with rows the ORM writes from the same objects.
    with time_machine.travel(timezone.now(), tick=False):
        by_sql = CampaignFactory.build(slug="by-sql", title="Same")
        email_by_sql = paired.insert_with_email(
            by_sql, email=_email(template="", reply_to="a@b.ca")
        )
        by_orm = CampaignFactory.build(slug="by-orm", title="Same")
        email_by_orm = _email(template="", reply_to="a@b.ca")
        email_by_orm.related_type = ContentType.objects.get_for_model(Campaign)
        assert paired._insert_in_one_transaction(by_orm, email_by_orm, connection.alias)

    assert_same_columns(Campaign, by_sql.pk, by_orm.pk, differing={"id", "slug"})
    assert_same_columns(
        OutboundEmail,
        email_by_sql.pk,
        email_by_orm.pk,
        differing={"id", "message_id", "related_id"},
    )


def test_the_path_for_other_databases_also_writes_nothing_on_a_conflict():
    CampaignFactory(slug="visas")

    written = paired._insert_in_one_transaction(
        CampaignFactory.build(slug="visas"), _email(), connection.alias
    )

    assert written is False
    assert not OutboundEmail.objects.exists()


def _statements(queries) -> list[str]:
    return [query["sql"].split(None, 1)[0] for query in queries]


def test_it_runs_the_prepared_statement_for_every_row_and_prepares_it_at_most_once():
    with CaptureQueriesContext(connection) as queries:
        for slug in ("one", "two", "three"):
            paired.insert_with_email(CampaignFactory.build(slug=slug), email=_email())

    statements = _statements(queries)
    assert statements.count("EXECUTE") == 3
    assert statements.count("PREPARE") <= 1
    assert Campaign.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_the_statement_again():
    connection.close()
    with CaptureQueriesContext(connection) as queries:
        paired.insert_with_email(CampaignFactory.build(slug="one"), email=_email())
        paired.insert_with_email(CampaignFactory.build(slug="two"), email=_email())

    assert _statements(queries).count("PREPARE") == 1
    assert Campaign.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_it_prepares_again_when_something_deallocated_the_statement():
    paired.insert_with_email(CampaignFactory.build(slug="one"), email=_email())
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")

    paired.insert_with_email(CampaignFactory.build(slug="two"), email=_email())

    assert Campaign.objects.count() == 2
    assert OutboundEmail.objects.count() == 2


def test_behind_a_transaction_pooler_it_runs_the_statement_unprepared(monkeypatch):
    # DISABLE_SERVER_SIDE_CURSORS is Django's setting for PgBouncer's transaction mode.
    monkeypatch.setitem(connection.settings_dict, "DISABLE_SERVER_SIDE_CURSORS", True)
    with CaptureQueriesContext(connection) as queries:
        email = paired.insert_with_email(CampaignFactory.build(slug="one"), email=_email())

    assert _statements(queries) == ["WITH"]
    assert list(emails_for(Campaign.objects.get(slug="one"))) == [email]


def _prepared_by_the_orm(obj, fields) -> list:
    return [f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields]


def _comparable(values: list) -> list:
    # The driver's JSON wrapper compares by identity; what it wraps is what matters. Types are
    # compared too: True == 1 and a lazy string equals its text, but the driver sends each
    # differently.
    return [(type(value), getattr(value, "adapted", value)) for value in values]


@pytest.mark.parametrize(
    "values",
    [
        {},
        # An enum member in a text column, and a nullable datetime left empty.
        {"flag_reason": Signature.FlagReason.HONEYPOT, "newsletter_consent_at": None},
        # Values of another type than the field's: these take the ORM's full preparation.
        {"comment": gettext_lazy("A lazy comment"), "confirmation_sends": True},
        {"newsletter_consent_at": datetime.datetime(2026, 11, 21, 9, 30)},  # naive
        {"newsletter_consent_at": "2026-11-21T09:30:00+00:00"},
    ],
)
def test_a_signature_is_prepared_column_by_column_as_the_orm_does(values):
    with time_machine.travel(timezone.now(), tick=False), warnings.catch_warnings():
        # The naive datetime: the ORM warns and makes it aware, so must insert_values.
        warnings.simplefilter("ignore", RuntimeWarning)
        signature = SignatureFactory.build(
            **{
                "petition": PetitionFactory(),
                "newsletter_opt_in": True,
                "newsletter_consent_at": timezone.now(),
                "show_name": True,
                **values,
            }
        )
        fields = paired.insertable_fields(Signature)

        assert _comparable(paired.insert_values(signature, fields, connection)) == _comparable(
            _prepared_by_the_orm(signature, fields)
        )


@pytest.mark.parametrize("related", [True, False])
def test_an_email_is_prepared_column_by_column_as_the_orm_does(related):
    with time_machine.travel(timezone.now(), tick=False):
        email = _email(headers={"X-Campaign": "visas"}, reply_to="a@b.ca")
        email.related_type = ContentType.objects.get_for_model(Campaign) if related else None
        fields = paired.insertable_fields(OutboundEmail)

        assert _comparable(paired.insert_values(email, fields, connection)) == _comparable(
            _prepared_by_the_orm(email, fields)
        )


def test_a_foreign_key_given_as_text_takes_the_orms_full_preparation():
    signature = SignatureFactory.build(petition=PetitionFactory())
    signature.petition_id = str(signature.petition_id)
    fields = [Signature._meta.get_field("petition")]

    assert _comparable(paired.insert_values(signature, fields, connection)) == _comparable(
        _prepared_by_the_orm(signature, fields)
    )


def test_on_sqlite_a_datetime_is_prepared_as_the_orm_does():
    # SQLite (local use) adapts a datetime to text; only PostgreSQL takes it as it is.
    sqlite = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3"}})["default"]
    signature = SignatureFactory.build(
        petition=PetitionFactory(), newsletter_consent_at=timezone.now()
    )
    fields = [Signature._meta.get_field("newsletter_consent_at")]

    (value,) = paired.insert_values(signature, fields, sqlite)

    assert value == fields[0].get_db_prep_save(signature.newsletter_consent_at, sqlite)
    assert isinstance(value, str)


def test_inside_a_transaction_a_deallocated_statement_fails_and_the_next_call_prepares_it():
    paired.insert_with_email(CampaignFactory.build(slug="one"), email=_email())
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")

    # The failed EXECUTE has broken the caller's transaction: retrying in it would fail too.
    with pytest.raises(DatabaseError), transaction.atomic():
        paired.insert_with_email(CampaignFactory.build(slug="two"), email=_email())
    paired.insert_with_email(CampaignFactory.build(slug="three"), email=_email())

    assert set(Campaign.objects.values_list("slug", flat=True)) == {"one", "three"}


# --- insert_or_find_with_email: always one email row, for the new row or the earlier one ------


def _signature(petition, email="ana@example.org"):
    return SignatureFactory.build(petition=petition, email=email, email_key=email)


def _found(row):
    return paired.insert_or_find_with_email(
        row,
        email=_email(template="petition-confirm", body_text=""),
        constraint="signature_unique_email_per_petition",
        again_template="petition-confirm-again",
    )


def test_it_writes_a_new_row_with_an_email_keeping_its_template():
    petition = PetitionFactory()
    row = _signature(petition)

    email = _found(row)

    assert Signature.objects.get().pk == row.pk == email.related_id
    email.refresh_from_db()
    assert email.template == "petition-confirm"


def test_it_points_the_email_at_the_earlier_row_with_the_other_template():
    petition = PetitionFactory()
    _found(_signature(petition))
    earlier = Signature.objects.get()

    email = _found(_signature(petition))

    assert Signature.objects.get() == earlier
    email.refresh_from_db()
    assert (email.related_id, email.template) == (earlier.pk, "petition-confirm-again")
    assert email.related == earlier


def test_it_runs_one_statement_either_way():
    petition = PetitionFactory()
    _found(_signature(petition, "warm@example.org"))  # prepared on this connection

    with CaptureQueriesContext(connection) as new:
        _found(_signature(petition))
    with CaptureQueriesContext(connection) as again:
        _found(_signature(petition))

    assert len(new) == len(again) == 1
    assert new[0]["sql"].split("(")[0] == again[0]["sql"].split("(")[0]


def test_it_refuses_a_constraint_the_model_does_not_have():
    with pytest.raises(ValueError, match="no plain unique constraint"):
        paired.insert_or_find_with_email(
            _signature(PetitionFactory()),
            email=_email(),
            constraint="nothing_like_it",
            again_template="x",
        )


def test_after_a_deallocate_all_every_statement_is_prepared_again_not_only_the_one_that_failed():
    petition = PetitionFactory()
    _found(_signature(petition))  # prepares the signing statement on this connection
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    with pytest.raises(DatabaseError), transaction.atomic():
        paired.insert_with_email(CampaignFactory.build(slug="two"), email=_email())

    email = _found(_signature(petition, email="bea@example.org"))

    assert email.related_id == Signature.objects.get(email="bea@example.org").pk
