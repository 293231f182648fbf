"""Values for a hand-written INSERT, prepared exactly as the ORM prepares them.

Some writes need SQL the ORM cannot say in one statement (the outbox's signature-and-email
statement, campaign/outbox/paired.py; letters' `INSERT … WHERE NOT EXISTS`). Their values still
go through each field's own preparation, so the row is the one `Model.objects.create` would
write; tests/outbox/test_paired.py compares every column with rows the ORM writes.
"""

import datetime

from django.db import models


def insertable_fields(model: type[models.Model], *, leave_out: tuple[str, ...] = ()) -> list:
    """The fields whose columns the ORM's own INSERT names, for a hand-written INSERT: an auto
    primary key and generated columns are the database's to fill."""
    return [
        f
        for f in model._meta.local_concrete_fields
        if not (f.primary_key and isinstance(f, models.AutoField))
        and not f.generated
        and f.name not in leave_out
    ]


def _is_text(value) -> bool:
    return value is None or isinstance(value, str)


def _is_bool(value) -> bool:
    return type(value) is bool


def _is_int(value) -> bool:
    return value is None or type(value) is int


def _is_aware_datetime(value) -> bool:
    return value is None or (type(value) is datetime.datetime and value.utcoffset() is not None)


_INTEGER_FIELDS = (
    models.IntegerField,
    models.SmallIntegerField,
    models.BigIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
)
_AUTO_FIELDS = (models.AutoField, models.BigAutoField, models.SmallAutoField)
_UNCHANGED_WHEN = {
    models.CharField: _is_text,
    models.EmailField: _is_text,
    models.SlugField: _is_text,
    models.TextField: _is_text,
    models.BooleanField: _is_bool,
    **dict.fromkeys(_INTEGER_FIELDS, _is_int),
}


def _unchanged_when(field, connection):
    """The test a value of `field` passes when it goes into the INSERT as it is, or None.

    Django's full preparation, five calls a column, was a sixth of a signature's CPU in the web
    process. For these fields and values pre_save reads the attribute and get_db_prep_save
    returns it unchanged; exact classes only, as a subclass may prepare its value differently:
    - text columns: any str, enum members (TextChoices) included, and None (to_python keeps both);
    - booleans: a bool; integers: an int or None (get_prep_value is int(value));
    - a foreign key to an auto primary key: an int or None (the target's int(value));
    - on PostgreSQL, a DateTimeField without auto_now(_add): None or an aware datetime (the
      backend adapts datetimes unchanged; a naive one is made aware, with Django's warning).
    """
    kind = type(field)
    if kind is models.ForeignKey:
        return _is_int if type(field.target_field) in _AUTO_FIELDS else None
    if kind is models.DateTimeField:
        if field.auto_now or field.auto_now_add or connection.vendor != "postgresql":
            return None
        return _is_aware_datetime
    return _UNCHANGED_WHEN.get(kind)


def insert_values(obj: models.Model, fields: list, connection) -> list:
    """The values of `fields` for an INSERT of `obj`, prepared exactly as the ORM prepares them."""
    values = []
    for field in fields:
        unchanged = _unchanged_when(field, connection)
        if unchanged is not None:
            value = getattr(obj, field.attname)
            if unchanged(value):
                values.append(value)
                continue
        values.append(field.get_db_prep_save(field.pre_save(obj, add=True), connection))
    return values
