"""During a deploy, web processes of the previous release still insert signatures and letters
without the newsletter box's columns: PostgreSQL must fill them, not refuse the supporter."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

NEW_COLUMNS = ("organisation_newsletter_opt_in", "organisation_newsletter_consent_text")


@pytest.mark.parametrize("table", ["petitions_signature", "letters_letter"])
def test_the_newsletter_box_columns_have_database_defaults_for_the_previous_release(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, column_default FROM information_schema.columns "
            "WHERE table_name = %s AND column_name = ANY(%s)",
            [table, list(NEW_COLUMNS)],
        )
        defaults = dict(cursor.fetchall())

    assert defaults == {
        "organisation_newsletter_opt_in": "false",
        "organisation_newsletter_consent_text": "''::text",
    }
