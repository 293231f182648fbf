"""Cells a spreadsheet reads as text: neutralised and quoted, the same in Python and in SQL."""

import csv
import io

import pytest
from django.db.models import Value
from django.db.models.functions import Now

from campaign.exports.cells import CsvCell, CsvLine, LocalTime, YesNo, csv_row, neutralise
from campaign.exports.models import ExportLog

DANGEROUS = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\tleading tab",
    "\rleading carriage return",
]


@pytest.mark.parametrize("value", [*DANGEROUS, "\x00leading NUL"])
def test_it_puts_an_apostrophe_before_a_cell_a_spreadsheet_would_run(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Marie", "O'Brien", "Jean-Luc", "a=b", "", "5"])
def test_it_leaves_other_cells_alone(value):
    assert neutralise(value) == value


def test_it_quotes_every_cell_and_doubles_quotes():
    line = csv_row(['Say "hi", then', "two\nlines", None])

    assert line == '"Say ""hi"", then","two\nlines",""'
    assert next(csv.reader(io.StringIO(line))) == ['Say "hi", then', "two\nlines", ""]


def _sql_line(*expressions) -> str:
    """The line PostgreSQL renders (any table with one row will do: the cells are constants)."""
    lines = ExportLog.objects.annotate(line=CsvLine(*expressions)).values_list("line", flat=True)
    return lines.first()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", [*DANGEROUS, 'Say "hi", then', "two\nlines", "Émilie Côté", "a=b", "", "%s", "%%"]
)
def test_postgresql_renders_a_cell_exactly_as_python_does(value):
    ExportLog.objects.create(actor="x", via="command", kind="test", outcome="completed")

    assert _sql_line(CsvCell(Value(value))) == csv_row([value])


@pytest.mark.django_db
def test_postgresql_renders_a_null_as_an_empty_cell_and_booleans_and_times_as_words():
    ExportLog.objects.create(actor="x", via="command", kind="test", outcome="completed")

    line = _sql_line(
        CsvCell(Value(None)),
        YesNo(Value(True)),
        YesNo(Value(False)),
        LocalTime(Value(None), zone="America/Toronto"),
        LocalTime(Now(), zone="America/Toronto"),
    )

    cells = line.split(",")
    assert cells[:4] == ['""', "yes", "no", ""]
    assert len(cells[4]) == len("2026-12-06 17:00:00")
