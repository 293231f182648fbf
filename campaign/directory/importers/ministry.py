"""The federal ministry: offices (portfolios) and who held each, from a file into the tables.

Two formats:
- the Government of Canada open-data minister list (`{CODE: {en, fr, ministers: [{name,
  start_date, end_date}]}}`, as `ckanext-canada`'s `choices/minister.json` publishes it): the
  offices and their whole history;
- a CSV `portfolio,holder,since[,until][,email]` for a shuffle typed by an organiser, where
  `portfolio` is an office's code or English title already in the directory.

Either import is all or nothing: a row that cannot be read names itself and changes nothing.
A new holder's start ends the open tenure of whoever held the office before.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db import transaction

from campaign.directory.importers import ImportCounts, ImportFailed, changed_fields_save
from campaign.directory.importers.parsing import match_key
from campaign.directory.models import Office, OfficeHolder, Representative

# The open-data list gives Ottawa wall-clock times ("2025-05-13T10:45:00").
OTTAWA = ZoneInfo("America/Toronto")
_CODE = re.compile(r"^[A-Z0-9]{1,20}$")


@dataclass(frozen=True)
class OfficeRecord:
    code: str
    title_en: str
    title_fr: str


@dataclass(frozen=True)
class TenureRecord:
    office: str  # a code, or (CSV) an English title
    name: str
    started_at: datetime
    ended_at: datetime | None = None
    email: str = ""
    where: str = ""  # how an error names the row


def office_kind(*, code: str, title: str) -> str:
    """What kind of office a title names (the Prime Minister leads the government)."""
    if code == "PM" or match_key(title) == "primeminister":
        return Office.Kind.HEAD_OF_GOVERNMENT
    if title.startswith("Secretary of State"):
        return Office.Kind.SECRETARY_OF_STATE
    if "Minister" in title:
        return Office.Kind.MINISTER
    return Office.Kind.OTHER


def _moment(value: str, *, where: str) -> datetime:
    """An aware datetime from `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, in Ottawa time."""
    value = (value or "").strip()
    try:
        if "T" in value:
            parsed = datetime.fromisoformat(value)
        else:
            parsed = datetime.combine(date.fromisoformat(value), time())
    except ValueError as error:
        raise ImportFailed(f"{where}: malformed date {value!r}; nothing changed") from error
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=OTTAWA)


def parse_gc_ministers(data: bytes) -> tuple[list[OfficeRecord], list[TenureRecord]]:
    """Offices and tenures from the open-data minister list. Raises ImportFailed."""
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFailed("not the open-data minister list (invalid JSON)") from error
    if not isinstance(payload, dict):
        raise ImportFailed("not the open-data minister list (expected {CODE: {en, fr, …}})")
    offices, tenures = [], []
    for code, entry in payload.items():
        where = f"portfolio {code!r}"
        if not isinstance(entry, dict) or not _CODE.match(str(code)):
            raise ImportFailed(f"{where}: unknown portfolio; nothing changed")
        title_en = " ".join(str(entry.get("en") or "").split())
        if not title_en:
            raise ImportFailed(f"{where}: unknown portfolio (no English title); nothing changed")
        offices.append(OfficeRecord(code, title_en, " ".join(str(entry.get("fr") or "").split())))
        for minister in entry.get("ministers") or []:
            name = " ".join(str((minister or {}).get("name") or "").split())
            if not name:
                raise ImportFailed(f"{where}: a minister without a name; nothing changed")
            row = f"{where}, {name}"
            end = str(minister.get("end_date") or "").strip()
            tenures.append(
                TenureRecord(
                    office=code,
                    name=name,
                    started_at=_moment(str(minister.get("start_date") or ""), where=row),
                    ended_at=_moment(end, where=row) if end else None,
                    where=row,
                )
            )
    if not offices:
        raise ImportFailed("the file lists no portfolio; nothing changed")
    return offices, tenures


def parse_ministry_csv(data: bytes) -> list[TenureRecord]:
    """Tenures from a CSV `portfolio,holder,since[,until][,email]`. Raises ImportFailed."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed("the file is not UTF-8 text") from error
    reader = csv.DictReader(io.StringIO(text))
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    if not {"portfolio", "holder", "since"} <= set(header):
        raise ImportFailed("the CSV header needs `portfolio`, `holder` and `since`")
    reader.fieldnames = header
    tenures = []
    for number, row in enumerate(reader, start=2):
        where = f"line {number}"
        name = " ".join((row.get("holder") or "").split())
        if not name:
            raise ImportFailed(f"{where}: no holder; nothing changed")
        until = (row.get("until") or "").strip()
        tenures.append(
            TenureRecord(
                office=" ".join((row.get("portfolio") or "").split()),
                name=name,
                started_at=_moment(row.get("since") or "", where=where),
                ended_at=_moment(until, where=where) if until else None,
                email=(row.get("email") or "").strip(),
                where=where,
            )
        )
    if not tenures:
        raise ImportFailed("the file lists no holder; nothing changed")
    return tenures


def ministry_import(
    *, offices: list[OfficeRecord], tenures: list[TenureRecord], source: str
) -> ImportCounts:
    """Write offices and tenures; each tenure is keyed by (office, name, start).

    A tenure naming an office neither in `offices` nor in the directory fails the whole import.
    """
    counts = ImportCounts()
    with transaction.atomic():
        for record in offices:
            values = {
                "title_en": record.title_en,
                "title_fr": record.title_fr,
                "kind": office_kind(code=record.code, title=record.title_en),
            }
            office, _created = Office.objects.get_or_create(code=record.code, defaults=values)
            changed_fields_save(office, values, keep_when_empty=tuple(values))
        by_key = {}
        for office in Office.objects.all():
            by_key[office.code] = office
            by_key.setdefault(match_key(office.title_en), office)
        members = {match_key(rep.name): rep for rep in Representative.objects.current()}
        resolved = []
        for record in tenures:
            office = by_key.get(record.office) or by_key.get(match_key(record.office))
            if office is None:
                raise ImportFailed(
                    f"{record.where}: unknown portfolio {record.office!r}; nothing changed"
                )
            if record.ended_at and record.ended_at < record.started_at:
                raise ImportFailed(
                    f"{record.where}: leaves office before starting; nothing changed"
                )
            resolved.append((office, record))
        for office, record in _one_per_tenure(resolved):
            _tenure_write(
                office=office, record=record, members=members, source=source, counts=counts
            )
    return counts


def _one_per_tenure(resolved: list[tuple[Office, TenureRecord]]):
    """Each (office, name, start) once, in order of start, with the end the file implies.

    The open-data list repeats some tenures with another end (Carney as Prime Minister is
    listed open, and ended a week later): the open one wins. An open tenure followed by a
    later one in the same office (LeBlanc at the Privy Council, listed twice) ends there.
    """
    merged: dict[tuple[int, str, datetime], tuple[Office, TenureRecord]] = {}
    for office, record in resolved:
        key = (office.pk, record.name, record.started_at)
        kept = merged.get(key)
        if kept is None or _ends_later(record.ended_at, kept[1].ended_at):
            merged[key] = (office, record)
    ordered = sorted(merged.values(), key=lambda pair: pair[1].started_at)
    for index, (office, record) in enumerate(ordered):
        if record.ended_at is None:
            later = [r.started_at for o, r in ordered[index + 1 :] if o.pk == office.pk]
            if later:
                record = replace(record, ended_at=later[0])
        yield office, record


def _ends_later(end: datetime | None, than: datetime | None) -> bool:
    """Whether a tenure ending at `end` lasts longer than one ending at `than` (None: open)."""
    if than is None:
        return False
    return end is None or end > than


def _tenure_write(*, office, record, members, source, counts) -> None:
    values = {
        "ended_at": record.ended_at,
        "representative": members.get(match_key(record.name)),
        "source": source,
    }
    if record.email:
        values["email"] = record.email
    holder, created = OfficeHolder.objects.get_or_create(
        office=office, name=record.name, started_at=record.started_at, defaults=values
    )
    if created:
        counts.created += 1
    elif changed_fields_save(holder, values):
        counts.updated += 1
    else:
        counts.unchanged += 1
    if record.ended_at is None:
        # Whoever held the office before this start has left it.
        counts.retired += (
            OfficeHolder.objects.filter(
                office=office, ended_at__isnull=True, started_at__lt=record.started_at
            )
            .exclude(pk=holder.pk)
            .update(ended_at=record.started_at)
        )


def ministry_file_import(*, data: bytes) -> ImportCounts:
    """Import either format, told apart by content. Raises ImportFailed."""
    head = data[:64].decode("utf-8-sig", errors="ignore").lstrip()
    if head.startswith("{"):
        offices, tenures = parse_gc_ministers(data)
        return ministry_import(
            offices=offices, tenures=tenures, source=OfficeHolder.Source.GC_OPEN_DATA
        )
    return ministry_import(
        offices=[], tenures=parse_ministry_csv(data), source=OfficeHolder.Source.CSV
    )
