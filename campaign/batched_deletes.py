"""Deleting many rows a batch at a time, shared by the retention rules (consent, webhooks).

One DELETE of a million rows holds its locks and its transaction until the last row: replicas
lag, autovacuum waits, and a failure near the end undoes it all. A batch at a time keeps each
transaction short, and the work done so far stays done.
"""

from django.db import transaction
from django.db.models import QuerySet

DEFAULT_BATCH_SIZE = 1000


def delete_in_batches(rows: QuerySet, *, batch_size: int = DEFAULT_BATCH_SIZE) -> int:
    """Delete every row of `rows`, at most `batch_size` per transaction; returns how many.

    Each batch deletes only the rows that still match `rows` when it runs, so a row whose state
    changed between the read and the delete (a delivery retried by staff) is left alone.
    Rerunning it after an interruption finishes the job.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1.")
    deleted = 0
    while True:
        ids = list(rows.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not ids:
            return deleted
        with transaction.atomic(using=rows.db):
            count, _by_model = rows.filter(pk__in=ids).delete()
        deleted += count
