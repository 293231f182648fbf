"""The export benchmark bulk-loads signatures with COPY, naming its columns: a column added to
Signature without a database default must be added there too, or `make bench` fails at its
first row while `make test` stays green. This holds the two together."""

from django.db.models import NOT_PROVIDED

from petitions.models import Signature
from tests.bench._exports_run import COPY_COLUMNS


def test_the_benchmarks_bulk_load_gives_every_column_that_has_no_database_default():
    given = {name.strip() for name in COPY_COLUMNS.split(",")}
    required = {
        field.column
        for field in Signature._meta.concrete_fields
        if not (field.primary_key or field.null or field.generated)
        and field.db_default is NOT_PROVIDED
    }

    assert required - given == set()
