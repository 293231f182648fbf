"""CSV cells a spreadsheet opens as text, never as a formula, rendered in Python or in SQL.

A cell starting with `=`, `+`, `-`, `@`, a tab, a carriage return or NUL may be run as a
formula by Excel, LibreOffice or Google Sheets (CSV injection); such a cell gets a leading
apostrophe, which spreadsheets show as text. Every text cell is quoted (RFC 4180, `"` doubled)
and lines end with CRLF; the Python and SQL renderings of a text cell are the same bytes
(tests/exports/test_cells.py holds them to that).
"""

import zoneinfo
from collections.abc import Iterable, Iterator, Sequence

from django.db import connections
from django.db.models import Expression, F, Func, QuerySet, TextField

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
LINE_END = "\r\n"


def neutralise(value: object) -> str:
    """The value as cell text, with a leading `'` when a spreadsheet could run it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: object) -> str:
    """One quoted, neutralised cell."""
    return '"' + neutralise(value).replace('"', '""') + '"'


def csv_row(values: Iterable[object]) -> str:
    """One CSV line (without its CRLF, as CsvLine renders one) of neutralised, quoted cells."""
    return ",".join(csv_cell(value) for value in values)


# The code points of FORMULA_STARTS, compared with ascii() (the first character's code): no
# substring built per cell, which made a large export about a quarter slower. PostgreSQL text
# cannot hold NUL, so the SQL side has one start fewer to look for.
_SQL_STARTS = ", ".join(str(ord(start)) for start in FORMULA_STARTS if start != "\0")
_SQL_CELL = (
    "'\"' || replace(CASE WHEN ascii({value}) IN ({starts}) THEN '''' || {value} "
    "ELSE {value} END, '\"', '\"\"') || '\"'"
)


class CsvCell(Func):
    """`csv_cell` in SQL: a text expression (NULL as empty) as one quoted, neutralised cell."""

    output_field = TextField()
    arity = 1

    def as_sql(self, compiler, connection, **extra):
        expression = self.source_expressions[0]
        value, params = compiler.compile(expression)
        # A NOT NULL column needs no COALESCE: a tenth of the export's time, on a million rows.
        column = getattr(expression, "target", None)
        if column is None or column.null:
            value = f"COALESCE({value}, '')"
        # The value appears three times in the SQL, so its parameters are needed three times.
        return _SQL_CELL.format(value=value, starts=_SQL_STARTS), [*params] * 3

    def render(self, value: object) -> str:
        """The same cell from the column's value, in Python."""
        return csv_cell(value)


class LocalTime(Func):
    """A timestamp as `YYYY-MM-DD HH:MM:SS` in a named time zone (empty when NULL): a cell
    spreadsheets read as a date, needing no quotes and no neutralising."""

    output_field = TextField()
    arity = 1

    def __init__(self, expression, *, zone: str, **extra):
        super().__init__(expression, **extra)
        self.zone = zone

    def as_sql(self, compiler, connection, **extra):
        value, params = compiler.compile(self.source_expressions[0])
        sql = f"COALESCE(to_char(({value}) AT TIME ZONE %s, 'YYYY-MM-DD HH24:MI:SS'), '')"
        return sql, [*params, self.zone]

    def render(self, value) -> str:
        """The same cell from the column's (aware) datetime, in Python."""
        if value is None:
            return ""
        return value.astimezone(zoneinfo.ZoneInfo(self.zone)).strftime("%Y-%m-%d %H:%M:%S")


class YesNo(Func):
    """A boolean as the cell `yes` or `no` (the words, in English, as the CSV's header is)."""

    output_field = TextField()
    arity = 1
    template = "(CASE WHEN %(expressions)s THEN 'yes' ELSE 'no' END)"

    def render(self, value) -> str:
        """The same cell from the column's value, in Python."""
        return "yes" if value else "no"


class CsvLine(Func):
    """A whole CSV line (without its CRLF) from cell expressions (CsvCell, LocalTime, YesNo),
    so PostgreSQL renders the row and Python only joins lines, as `COPY … CSV` would."""

    output_field = TextField()

    def __init__(self, *cells: Expression, **extra):
        super().__init__(*cells, **extra)

    def as_sql(self, compiler, connection, **extra):
        parts, params = [], []
        for cell in self.source_expressions:
            sql, cell_params = compiler.compile(cell)
            parts.append(sql)
            params.extend(cell_params)
        return " || ',' || ".join(parts), params


def csv_lines(rows: QuerySet, cells: Sequence[Func], *, batch: int) -> Iterator[str]:
    """Each row of `rows` as its CSV line (without CRLF), read `batch` rows at a time.

    `cells` are CsvCell, LocalTime or YesNo over plain columns (`F("name")`). PostgreSQL
    renders each line in the query (CsvLine) from a server-side cursor; another database (the
    SQLite of `make run`) has neither ascii() nor time zones, so there the columns are read
    and each cell rendered in Python by the same rules, to the same bytes.
    """
    if connections[rows.db].vendor == "postgresql":
        lines = rows.annotate(csv_line=CsvLine(*cells)).values_list("csv_line", flat=True)
        return lines.iterator(chunk_size=batch)
    names = [_column_name(cell) for cell in cells]
    values = rows.values_list(*names).iterator(chunk_size=batch)
    return (",".join(c.render(v) for c, v in zip(cells, row, strict=True)) for row in values)


def _column_name(cell: Func) -> str:
    (source,) = cell.get_source_expressions()
    if not isinstance(source, F):
        raise TypeError(f"{type(cell).__name__} renders in Python only over a plain column")
    return source.name
