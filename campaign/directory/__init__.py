"""The directory: ridings, MPs, postal codes and the ministry, read by petitions and letters.

Lookups go through `lookup` (postal code -> ridings) and `selectors` (riding -> MP, role ->
holder); imports through `importers`; the shipped snapshot in `data/` is loaded by
`manage.py load_directory`.
"""
