"""The one way to export supporters' data: log it, stream it, record how it ended."""

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from campaign.exports.cells import LINE_END, csv_row
from campaign.exports.models import ExportLog

# Lines per chunk sent to the client, and rows per FETCH from a server-side cursor.
BATCH_ROWS = 5000
BOM = "\ufeff"


def log_filters(**given) -> dict:
    """Filters as the ExportLog keeps them: only those set, days as YYYY-MM-DD."""
    return {
        name: value.isoformat() if isinstance(value, datetime.date) else value
        for name, value in given.items()
        if value
    }


def _actor(user) -> dict:
    """A user, or the bare name of someone with no account (a command's --user)."""
    if isinstance(user, str):
        return {"actor_id": None, "actor": user[:150]}
    return {"actor_id": user.pk, "actor": user.get_username()[:150]}


def export_refuse(
    *, actor, via: str, kind: str, subject: str = "", filters: dict | None = None, note: str = ""
) -> ExportLog:
    """Record an export someone asked for without the permission to have it (`actor` a user,
    or the name given to a command that matches no account)."""
    return ExportLog.objects.create(
        **_actor(actor),
        via=via,
        kind=kind,
        subject=subject[:200],
        filters=filters or {},
        outcome=ExportLog.Outcome.REFUSED,
        note=note[:300],
    )


def export_stream(
    *,
    actor,
    via: str,
    kind: str,
    subject: str,
    filters: dict,
    columns: Sequence[str],
    header: Sequence[str],
    lines: Iterable[str],
    excel: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Iterator[bytes]:
    """The CSV as UTF-8 chunks: a BOM when `excel` (so Excel reads UTF-8), the header, then
    `lines` (CSV lines without their CRLF, already neutralised: cells.CsvLine or csv_row).

    Nothing happens until the first chunk is asked for; then the ExportLog entry is written,
    and completed with the row count after the last line, or marked interrupted with the
    rows sent so far if the reader stops (a closed connection) or the query fails. `lines`
    is read inside one transaction: a server-side cursor then needs no WITH HOLD, which would
    make PostgreSQL copy the whole result before the first row. Memory holds one batch.
    """
    log = ExportLog.objects.create(
        **_actor(actor),
        via=via,
        kind=kind,
        subject=subject[:200],
        filters=filters,
        columns=list(columns),
        outcome=ExportLog.Outcome.STARTED,
    )
    written = 0
    try:
        with transaction.atomic():
            _plan_for_every_row()
            yield ((BOM if excel else "") + csv_row(header) + LINE_END).encode()
            rows = iter(lines)
            while batch := list(islice(rows, BATCH_ROWS)):
                written += len(batch)
                yield (LINE_END.join(batch) + LINE_END).encode()
                if progress is not None:
                    progress(written)
    except BaseException as error:
        # GeneratorExit (the reader went away) included: the log says how far it got.
        _finish(log, written, ExportLog.Outcome.INTERRUPTED, note=type(error).__name__)
        raise
    _finish(log, written, ExportLog.Outcome.COMPLETED)


def _plan_for_every_row() -> None:
    """PostgreSQL plans a cursor for its first tenth of rows (cursor_tuple_fraction), which
    favours an index walk; an export reads every row, so plan it as COPY would be."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL cursor_tuple_fraction = 1.0")


def _finish(log: ExportLog, rows: int, outcome: str, *, note: str = "") -> None:
    ExportLog.objects.filter(pk=log.pk).update(
        rows=rows, outcome=outcome, finished_at=timezone.now(), note=note[:300]
    )
