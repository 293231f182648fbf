"""Parsers for the directory's file formats. Pure functions: bytes in, records out.

Formats:
- Represent JSON: one page of `/representatives/house-of-commons/` (`objects[]`), or a list of
  such pages, or a bare list of objects.
- House of Commons XML: `ArrayOfMemberOfParliament/MemberOfParliament`.
- CSV with a header row naming its columns (`fed_code,riding_name_en,riding_name_fr,province,
  name,party,email,…`; a few common aliases are understood).
- Ridings: CSV with a code (or an OCD id such as `ocd-division/country:ca/ed:35067-2023`) and
  English/French names.
- FSA: CSV `fsa,fed_code` (several rows per FSA allowed) or JSON `{FSA: {ridingId, …}}`.
"""

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

from campaign.directory.importers import ImportFailed

# The first two digits of a federal riding code (Statistics Canada's SGC) name the province.
PROVINCE_BY_SGC = {
    "10": "NL",
    "11": "PE",
    "12": "NS",
    "13": "NB",
    "24": "QC",
    "35": "ON",
    "46": "MB",
    "47": "SK",
    "48": "AB",
    "59": "BC",
    "60": "YT",
    "61": "NT",
    "62": "NU",
}

_PROVINCE_NAMES = {
    "newfoundland and labrador": "NL",
    "terre-neuve-et-labrador": "NL",
    "prince edward island": "PE",
    "ile-du-prince-edouard": "PE",
    "nova scotia": "NS",
    "nouvelle-ecosse": "NS",
    "new brunswick": "NB",
    "nouveau-brunswick": "NB",
    "quebec": "QC",
    "ontario": "ON",
    "manitoba": "MB",
    "saskatchewan": "SK",
    "alberta": "AB",
    "british columbia": "BC",
    "colombie-britannique": "BC",
    "yukon": "YT",
    "northwest territories": "NT",
    "territoires du nord-ouest": "NT",
    "nunavut": "NU",
}

_FED_CODE = re.compile(r"(\d{5})")
# Represent's set of the current federal ridings (settings.REPRESENT_FEDERAL_BOUNDARY_SET).
FEDERAL_BOUNDARY_SET = "federal-electoral-districts-2023-representation-order"


def federal_riding_code(boundary_url: str, boundary_set: str = FEDERAL_BOUNDARY_SET) -> str:
    """The riding code a Represent boundary URL names in `boundary_set`, else "".

    `/boundaries/federal-electoral-districts-2023-representation-order/35079/` gives "35079".
    A URL of another set gives "": the 2013 order (`federal-electoral-districts`) numbers other
    ridings with the same codes (its 35075 is Ottawa Centre, the 2023 order's is Oakville East).
    """
    path = urlsplit(str(boundary_url or "")).path
    match = re.fullmatch(rf"/boundaries/{re.escape(boundary_set)}/(\d{{5}})/?", path)
    return match.group(1) if match else ""


@dataclass(frozen=True)
class MemberRecord:
    name: str
    riding_name_en: str
    first_name: str = ""
    last_name: str = ""
    riding_code: str = ""
    riding_name_fr: str = ""
    province: str = ""
    party: str = ""
    email: str = ""
    photo_url: str = ""


@dataclass(frozen=True)
class RidingRecord:
    code: str
    name_en: str
    name_fr: str
    province: str


def match_key(text: str) -> str:
    """A name reduced for matching: no accents, case, spaces or punctuation (œ counts as oe)."""
    text = text.replace("œ", "oe").replace("Œ", "OE")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.lower() if ch.isalnum())


def province_code(value: str, *, fed_code: str = "") -> str:
    """Two-letter province from a code, an English or French name, or the FED code prefix."""
    value = (value or "").strip()
    if len(value) == 2 and value.upper() in PROVINCE_BY_SGC.values():
        return value.upper()
    plain = unicodedata.normalize("NFKD", value.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    if plain in _PROVINCE_NAMES:
        return _PROVINCE_NAMES[plain]
    return PROVINCE_BY_SGC.get(fed_code[:2], "")


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed("the file is not UTF-8 text") from error


def _head(data: bytes, size: int) -> str:
    """The start of a file, for telling formats apart.

    A cut may fall inside a multi-byte character; that is no reason to call the file
    non-UTF-8 (the whole text is checked when it is parsed).
    """
    return data[:size].decode("utf-8-sig", errors="ignore").lstrip()


def _clean(value) -> str:
    """A value on one line with single spaces, and without NUL, which PostgreSQL refuses."""
    return " ".join(str(value or "").replace("\x00", "").split())


# --- Representatives ------------------------------------------------------------------------


def detect_member_format(data: bytes) -> str:
    """'represent_json', 'hoc_xml' or 'csv', from the content (not the file name)."""
    head = _head(data, 2048)
    if head.startswith(("{", "[")):
        return "represent_json"
    if head.startswith("<"):
        return "hoc_xml"
    return "csv"


def parse_members(data: bytes) -> tuple[str, list[MemberRecord]]:
    """A member file in any supported format: (format detected, records). Raises ImportFailed."""
    kind = detect_member_format(data)
    parser = {
        "represent_json": parse_represent_json,
        "hoc_xml": parse_hoc_xml,
        "csv": parse_members_csv,
    }[kind]
    return kind, parser(data)


def represent_objects(pages) -> list[dict]:
    """The member objects of one Represent page, a list of pages, or a bare list."""
    if isinstance(pages, dict):
        pages = [pages]
    if not isinstance(pages, list):
        raise ImportFailed("expected a Represent page (an object with `objects`) or a list")
    objects: list[dict] = []
    for item in pages:
        if isinstance(item, dict) and isinstance(item.get("objects"), list):
            objects.extend(item["objects"])
        elif isinstance(item, dict) and "district_name" in item:
            objects.append(item)
        else:
            raise ImportFailed("this JSON is not in Represent's /representatives/ shape")
    return objects


def parse_represent_json(data: bytes) -> list[MemberRecord]:
    """Members from Represent JSON (see represent_objects for the shapes accepted).

    Riding codes are read from boundaries of FEDERAL_BOUNDARY_SET, the current order's.
    """
    try:
        payload = json.loads(_text(data))
    except json.JSONDecodeError as error:
        raise ImportFailed(f"invalid JSON (line {error.lineno})") from error
    return records_from_represent(represent_objects(payload))


def records_from_represent(
    objects: list[dict], boundary_set: str = FEDERAL_BOUNDARY_SET
) -> list[MemberRecord]:
    """Records of Represent's member objects; other offices and incomplete objects are skipped.

    A member's riding code is the one its `related.boundary_url` names in `boundary_set`
    (`/boundaries/federal-electoral-districts-2023-representation-order/35079/`); a URL of
    another set gives no code, and the import then matches the riding by name.
    """
    records = []
    for obj in objects:
        if not isinstance(obj, dict):
            continue
        office = _clean(obj.get("elected_office"))
        if office and office.upper() not in {"MP", "DÉPUTÉ", "DÉPUTÉE", "DEPUTE"}:
            continue
        name, district = _clean(obj.get("name")), _clean(obj.get("district_name"))
        if not name or not district:
            continue
        related = obj.get("related") if isinstance(obj.get("related"), dict) else {}
        code = federal_riding_code(str(related.get("boundary_url") or ""), boundary_set)
        records.append(
            MemberRecord(
                name=name,
                first_name=_clean(obj.get("first_name")),
                last_name=_clean(obj.get("last_name")),
                riding_code=code,
                riding_name_en=district,
                province=province_code(_clean(obj.get("province")), fed_code=code),
                party=_clean(obj.get("party_name")),
                email=_clean(obj.get("email")),
                photo_url=_clean(obj.get("photo_url")),
            )
        )
    return records


def parse_hoc_xml(data: bytes) -> list[MemberRecord]:
    """Members from the House of Commons XML export (it gives no emails and no riding codes)."""
    try:
        root = ElementTree.fromstring(data)  # noqa: S314 - a file staff chose; no entities expanded
    except ElementTree.ParseError as error:
        raise ImportFailed(f"invalid XML ({error})") from error
    if root.tag != "ArrayOfMemberOfParliament":
        raise ImportFailed("this XML is not the House of Commons ArrayOfMemberOfParliament")
    records = []
    for member in root.iter("MemberOfParliament"):

        def field(tag: str, member=member) -> str:
            return _clean(member.findtext(tag))

        first, last = field("PersonOfficialFirstName"), field("PersonOfficialLastName")
        riding = field("ConstituencyName")
        if not (first or last) or not riding:
            continue
        records.append(
            MemberRecord(
                name=f"{first} {last}".strip(),
                first_name=first,
                last_name=last,
                riding_name_en=riding,
                province=province_code(field("ConstituencyProvinceTerritoryName")),
                party=field("CaucusShortName"),
            )
        )
    return records


_MEMBER_COLUMNS = {
    "riding_code": ("fed_code", "riding_code", "code", "district_id", "ridingid"),
    "riding_name_en": ("riding_name_en", "riding_name", "riding", "constituency", "district_name"),
    "riding_name_fr": ("riding_name_fr", "constituency_fr"),
    "province": ("province", "province_code"),
    "name": ("name", "full_name"),
    "first_name": ("first_name", "firstname"),
    "last_name": ("last_name", "lastname"),
    "party": ("party", "party_name", "caucus"),
    "email": ("email", "email_address"),
    "photo_url": ("photo_url", "photo", "image_url"),
}


def _csv_rows(data: bytes) -> tuple[list[str], list[dict]]:
    text = _text(data)
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise ImportFailed("the CSV file is empty")
    header = [_clean(name).lower() for name in reader.fieldnames]
    reader.fieldnames = header
    try:
        rows = list(reader)
    except csv.Error as error:
        raise ImportFailed(f"unreadable CSV ({error})") from error
    return header, rows


def _column(header: list[str], aliases: tuple[str, ...]) -> str | None:
    return next((alias for alias in aliases if alias in header), None)


def parse_members_csv(data: bytes) -> list[MemberRecord]:
    """Members from a CSV whose header names its columns (aliases in _MEMBER_COLUMNS)."""
    header, rows = _csv_rows(data)
    columns = {field: _column(header, aliases) for field, aliases in _MEMBER_COLUMNS.items()}
    if not columns["name"] and not (columns["first_name"] and columns["last_name"]):
        raise ImportFailed("the CSV header names no `name` (or `first_name` and `last_name`)")
    if not columns["riding_name_en"] and not columns["riding_code"]:
        raise ImportFailed("the CSV header names no riding (`fed_code` or `riding_name_en`)")
    records = []
    for row in rows:

        def get(field: str, row=row) -> str:
            column = columns[field]
            return _clean(row.get(column)) if column else ""

        name = get("name") or f"{get('first_name')} {get('last_name')}".strip()
        code_match = _FED_CODE.search(get("riding_code"))
        code = code_match.group(1) if code_match else ""
        if not name or not (get("riding_name_en") or code):
            continue
        records.append(
            MemberRecord(
                name=name,
                first_name=get("first_name"),
                last_name=get("last_name"),
                riding_code=code,
                riding_name_en=get("riding_name_en"),
                riding_name_fr=get("riding_name_fr"),
                province=province_code(get("province"), fed_code=code),
                party=get("party"),
                email=get("email"),
                photo_url=get("photo_url"),
            )
        )
    return records


# --- Ridings and FSAs -----------------------------------------------------------------------


def parse_ridings_csv(data: bytes) -> list[RidingRecord]:
    """Ridings from a CSV with a code (or OCD id) and names; rows without both are skipped."""
    header, rows = _csv_rows(data)
    code_col = _column(header, ("code", "fed_code", "id", "riding_code"))
    en_col = _column(header, ("name_en", "name", "riding_name_en"))
    fr_col = _column(header, ("name_fr", "riding_name_fr"))
    if not code_col or not en_col:
        raise ImportFailed("the CSV header needs a code (`code`, `fed_code` or `id`) and `name`")
    province_col = _column(header, ("province",))
    records = []
    for row in rows:
        match = _FED_CODE.search(_clean(row.get(code_col)))
        name_en = _clean(row.get(en_col))
        if not match or not name_en:
            continue
        code = match.group(1)
        records.append(
            RidingRecord(
                code=code,
                name_en=name_en,
                name_fr=_clean(row.get(fr_col)) if fr_col else "",
                province=province_code(
                    _clean(row.get(province_col)) if province_col else "", fed_code=code
                ),
            )
        )
    return records


def parse_fsa(data: bytes) -> list[tuple[str, str]]:
    """(FSA, riding code) pairs from a CSV `fsa,fed_code` or the JSON `{FSA: {ridingId}}`."""
    head = _head(data, 64)
    pairs: list[tuple[str, str]] = []
    if head.startswith("{"):
        try:
            payload = json.loads(_text(data))
        except json.JSONDecodeError as error:
            raise ImportFailed(f"invalid JSON (line {error.lineno})") from error
        for fsa, entry in payload.items():
            entries = entry if isinstance(entry, list) else [entry]
            for item in entries:
                code = str((item or {}).get("ridingId", "")) if isinstance(item, dict) else ""
                pairs.append((fsa.strip().upper(), code.strip()))
    else:
        header, rows = _csv_rows(data)
        fsa_col = _column(header, ("fsa", "postal_prefix"))
        code_col = _column(header, ("fed_code", "riding_code", "code", "ridingid"))
        if not fsa_col or not code_col:
            raise ImportFailed("the CSV header needs `fsa` and `fed_code`")
        pairs = [(_clean(row.get(fsa_col)).upper(), _clean(row.get(code_col))) for row in rows]
    return pairs
