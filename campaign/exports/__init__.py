"""Exports of supporters' data: safe CSV cells, a streaming CSV writer, and the ExportLog.

A list of signers reveals political opinions, so every export goes through `services`:
`export_stream(...)` writes the ExportLog entry (who, what, filters, columns), streams the
CSV, and records the row count at the end; `export_refuse(...)` logs a refused attempt.
Cells are neutralised so a spreadsheet never runs them as formulas: `cells.neutralise` in
Python, `cells.CsvLine` in PostgreSQL for exports large enough that Python's csv module
would be the bottleneck. The apps own their queries (petitions/exports.py, letters/exports.py).
"""
