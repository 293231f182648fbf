"""Writing parsed records into the directory, idempotently, in one transaction each.

A representatives import is the full list of the House: members in the list are created or
updated, current members missing from it are marked former (never deleted: letters point at
them). Ridings and FSA pairs are only added or updated, never removed, unless asked.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DataError, transaction

from campaign.directory.importers import ImportCounts, ImportFailed, changed_fields_save
from campaign.directory.importers.parsing import (
    MemberRecord,
    RidingRecord,
    match_key,
    parse_members,
)
from campaign.directory.models import FsaRiding, Representative, Riding
from campaign.postal_codes import is_fsa

log = logging.getLogger(__name__)

# A full list shorter than this share of the current members is more likely a wrong or
# truncated file than an election: refuse it rather than retire most of the House.
MIN_SHARE_OF_CURRENT = 0.5


@contextmanager
def _all_or_nothing() -> Iterator[None]:
    """One transaction per import; a value too long for its column fails it in one line."""
    try:
        with transaction.atomic():
            yield
    except DataError as error:
        raise ImportFailed(
            "a value is longer than the directory allows (a stray quote in a CSV?); nothing changed"
        ) from error


def member_key(record: MemberRecord) -> str:
    """Who a record is across imports: the name and riding, reduced for matching."""
    return f"{match_key(record.name)}|{match_key(record.riding_name_en)}"[:300]


def _riding_index() -> dict[str, Riding]:
    index: dict[str, Riding] = {}
    for riding in Riding.objects.all():
        index[riding.code] = riding
        index.setdefault(match_key(riding.name_en), riding)
        if riding.name_fr:
            index.setdefault(match_key(riding.name_fr), riding)
    return index


def _riding_of(record: MemberRecord, ridings: dict[str, Riding]) -> tuple[Riding | None, bool]:
    """The directory's riding of a record, and whether the record's code may be trusted.

    By code, when the riding of that code bears the record's riding name (match_key: accents,
    case and dashes aside) or the record names none; else by name. A code the directory gives
    another name belongs to another representation order (the 2013 order's 35079 is Ottawa
    West—Nepean, the 2023 order's Ottawa Centre): taking it would write to the wrong MP.
    """
    by_name = ridings.get(match_key(record.riding_name_en)) if record.riding_name_en else None
    by_code = ridings.get(record.riding_code) if record.riding_code else None
    if by_code is None:
        return by_name, True
    names = {match_key(record.riding_name_en), match_key(record.riding_name_fr)} - {""}
    if not names or names & {match_key(by_code.name_en), match_key(by_code.name_fr)}:
        return by_code, True
    log.warning(
        "directory: %s: riding %s is %s in the directory, not %s; matched by name instead",
        record.name,
        record.riding_code,
        by_code.name_en,
        record.riding_name_en,
    )
    return by_name, False


def representatives_import(
    *, records: list[MemberRecord], source: str, partial: bool = False
) -> ImportCounts:
    """Create, update or retire representatives so the directory matches `records`.

    `partial` (a by-election, a correction) adds and updates only: absent members stay.
    """
    if not records:
        raise ImportFailed("the file lists no members; nothing changed")
    current = Representative.objects.current().count()
    if not partial and len(records) < current * MIN_SHARE_OF_CURRENT:
        raise ImportFailed(
            f"the file lists {len(records)} members but the directory has {current} current "
            "ones; use --partial to add or update only. Nothing changed."
        )
    counts = ImportCounts()
    with _all_or_nothing():
        ridings = _riding_index()
        existing = {rep.key: rep for rep in Representative.objects.select_for_update()}
        seen: set[str] = set()
        for record in records:
            key = member_key(record)
            if key in seen:
                counts.skipped += 1
                continue
            seen.add(key)
            riding, code_agrees = _riding_of(record, ridings)
            if (
                riding is None
                and code_agrees
                and record.riding_code
                and record.riding_name_en
                and record.riding_code not in ridings
            ):
                # A CSV row names its riding fully: the directory learns it.
                riding = Riding.objects.create(
                    code=record.riding_code,
                    name_en=record.riding_name_en,
                    name_fr=record.riding_name_fr,
                    province=record.province,
                )
                ridings[riding.code] = riding
            values = {
                "name": record.name,
                "first_name": record.first_name,
                "last_name": record.last_name,
                "riding": riding,
                "riding_code": riding.code
                if riding
                else (record.riding_code if code_agrees else ""),
                "riding_name_en": record.riding_name_en or (riding.name_en if riding else ""),
                "riding_name_fr": record.riding_name_fr or (riding.name_fr if riding else ""),
                "province": record.province or (riding.province if riding else ""),
                "party": record.party,
                "email": record.email,
                "photo_url": record.photo_url,
                "source": source,
                "is_current": True,
            }
            representative = existing.get(key)
            if representative is None:
                Representative.objects.create(key=key, **values)
                counts.created += 1
                continue
            # A source without emails (the House XML) never erases one we already have.
            if changed_fields_save(
                representative,
                values,
                keep_when_empty=("email", "photo_url", "riding_name_fr", "first_name", "last_name"),
            ):
                counts.updated += 1
            else:
                counts.unchanged += 1
        if not partial:
            counts.retired = (
                Representative.objects.filter(is_current=True)
                .exclude(key__in=seen)
                .update(is_current=False)
            )
    log.info("directory: representatives import from %s: %s", source, counts)
    return counts


# Which Representative.source a member file's detected format records.
_FILE_SOURCES = {
    "represent_json": Representative.Source.REPRESENT_JSON,
    "hoc_xml": Representative.Source.HOC_XML,
    "csv": Representative.Source.CSV,
}


def representatives_file_import(*, data: bytes, partial: bool = False) -> tuple[str, ImportCounts]:
    """Import a member file of any supported format; returns (format detected, counts).

    The command and the admin's upload page both come through here. Raises ImportFailed.
    """
    kind, records = parse_members(data)
    counts = representatives_import(records=records, source=_FILE_SOURCES[kind], partial=partial)
    return kind, counts


def ridings_import(*, records: list[RidingRecord]) -> ImportCounts:
    """Create or update ridings by code; rows without a province are skipped, none removed.

    An empty value in a record never erases one the directory already has.
    """
    if not records:
        raise ImportFailed("the file lists no ridings; nothing changed")
    counts = ImportCounts()
    with _all_or_nothing():
        existing = {riding.code: riding for riding in Riding.objects.select_for_update()}
        for record in records:
            if not record.province:
                counts.skipped += 1
                continue
            values = {
                "name_en": record.name_en,
                "name_fr": record.name_fr,
                "province": record.province,
            }
            riding = existing.get(record.code)
            if riding is None:
                existing[record.code] = Riding.objects.create(code=record.code, **values)
                counts.created += 1
                continue
            if changed_fields_save(riding, values, keep_when_empty=tuple(values)):
                counts.updated += 1
            else:
                counts.unchanged += 1
    return counts


def fsa_import(*, pairs: list[tuple[str, str]], replace: bool = False) -> ImportCounts:
    """Add FSA → riding pairs. Pairs naming an unknown riding or a malformed FSA are skipped.

    `replace` also removes, for each FSA in the file, the pairs the file does not list.
    """
    if not pairs:
        raise ImportFailed("the file lists no FSA; nothing changed")
    counts = ImportCounts()
    with _all_or_nothing():
        ridings = {riding.code: riding for riding in Riding.objects.all()}
        if not ridings:
            raise ImportFailed("there are no ridings yet: run import_ridings first")
        existing = set(FsaRiding.objects.values_list("fsa", "riding__code"))
        wanted: dict[str, set[str]] = {}
        new_rows = []
        for fsa, code in pairs:
            if not is_fsa(fsa) or code not in ridings:
                counts.skipped += 1
                continue
            if code in wanted.setdefault(fsa, set()):
                continue
            wanted[fsa].add(code)
            if (fsa, code) in existing:
                counts.unchanged += 1
            else:
                new_rows.append(FsaRiding(fsa=fsa, riding=ridings[code]))
                counts.created += 1
        FsaRiding.objects.bulk_create(new_rows)
        if replace:
            for fsa, codes in wanted.items():
                deleted, _ = (
                    FsaRiding.objects.filter(fsa=fsa).exclude(riding__code__in=codes).delete()
                )
                counts.retired += deleted
    if counts.skipped:
        log.warning("directory: FSA import skipped %d pairs", counts.skipped)
    return counts
