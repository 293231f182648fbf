"""Comparing rows column by column: the outbox's hand-written INSERTs against the ORM's."""

from django.db import models


def assert_same_columns(model: type[models.Model], pk_a, pk_b, *, differing: set[str]) -> None:
    """Every concrete column of rows `pk_a` and `pk_b` is equal, except those named `differing`
    (new fields are compared without the test naming them)."""
    rows = model.objects.in_bulk([pk_a, pk_b])
    for field in model._meta.concrete_fields:
        if field.name not in differing:
            assert getattr(rows[pk_a], field.attname) == getattr(rows[pk_b], field.attname), (
                field.name
            )
