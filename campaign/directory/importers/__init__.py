"""Reading the directory's sources (Represent, House of Commons, CSV files) into the tables.

`parsing` turns a file's bytes into plain records (no database); `directory` writes records
into Riding, Representative and FsaRiding idempotently and counts what changed. Management
commands, the admin's import page and the weekly sync all go through `directory`.
"""

from dataclasses import dataclass


class ImportFailed(Exception):
    """The input cannot be imported; the message is one line for the organiser."""


@dataclass
class ImportCounts:
    """What one import did, row by row; `summary` is the line commands and the admin print."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    skipped: int = 0

    def summary(self, what: str) -> str:
        parts = [
            f"{self.created} created",
            f"{self.updated} updated",
            f"{self.unchanged} unchanged",
        ]
        if self.retired:
            parts.append(f"{self.retired} marked former")
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        return f"{what}: " + ", ".join(parts) + "."


def changed_fields_save(instance, values: dict, *, keep_when_empty: tuple[str, ...] = ()) -> bool:
    """Set and save the fields of `values` that differ from `instance`; say whether any did.

    An empty value for a field named in `keep_when_empty` never erases what is stored: a
    source that lacks a column (the House XML has no emails) must not blank it.
    """
    changed = [
        field
        for field, value in values.items()
        if getattr(instance, field) != value and (value or field not in keep_when_empty)
    ]
    if changed:
        for field in changed:
            setattr(instance, field, values[field])
        instance.save(update_fields=[*changed, "updated_at"])
    return bool(changed)
