"""People: the supporters behind confirmed signatures and letters, one per mailbox.

Chorus has no table of people. A person is a mailbox (campaign.identities.mailbox_key) with
at least one confirmed, unflagged signature or one confirmed letter; their `created` time is
their first such action's confirmation, `modified` their latest. An erased person has none
left (petitions delete their signatures, letters blank the writer: campaign.privacy), so they
are simply not found.

Their id (`person_id`) is a keyed SHA-256 of the mailbox key: stable while MAILBOX_HASH_KEY
is, the same in every resource that points at a person, and worthless for guessing whose
address it is without the key. The mailboxes are grouped in one SQL statement over both
tables (the ORM cannot aggregate a union); PeopleQuery gives it the `count()` and slicing a
Django paginator needs, and the `ordering` and `after(key)` of a cursor, so both of the API's
ways through a list work on it (campaign.api.pagination). People are ordered by their latest
action, then id: the id, not the mailbox, because a cursor carries the key of its last row and
the mailbox is the address. Every page groups all the actions again, in either mode: a cursor
spares the offset and never skips or repeats a person, but is not an index scan here.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache

from django.conf import settings
from django.db import connection
from django.db.models import OuterRef, Subquery
from django.utils.crypto import salted_hmac
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from campaign.api.time_window import TimeWindow
from campaign.consent.scopes import NEWSLETTER
from campaign.consent.selectors import consents_in_force
from campaign.outbox import suppressions_of
from letters.models import Letter, LetterRecipient
from petitions.models import Signature


@cache
def _pepper(secret: str) -> str:
    return salted_hmac("campaign.api.person", "pepper", secret=secret).hexdigest()


def person_id(mailbox_key: str) -> str:
    """The API's id of the person whose mailbox key is `mailbox_key`."""
    pepper = _pepper(settings.MAILBOX_HASH_KEY)
    return hashlib.sha256((pepper + mailbox_key).encode("utf-8")).hexdigest()


def _person_id_sql(column: str) -> str:
    """SQL computing person_id() of `column`, with the pepper as its one parameter."""
    if connection.vendor == "postgresql":
        return f"encode(sha256(convert_to(%s || {column}, 'UTF8')), 'hex')"
    # SQLite (`make run`): Django registers SHA256 there, a hex digest of the UTF-8 text.
    return f"SHA256(%s || {column})"


def _actions_sql() -> str:
    """Every confirmed action as (mailbox key, when confirmed)."""
    signatures = Signature._meta.db_table
    recipients = LetterRecipient._meta.db_table
    letters = Letter._meta.db_table
    return f"""
        SELECT s.email_key AS mailbox, s.confirmed_at AS acted_at FROM {signatures} s
        WHERE s.confirmed_at IS NOT NULL AND s.flag_reason = ''
        UNION ALL
        SELECT r.supporter_key AS mailbox, l.confirmed_at AS acted_at
        FROM {recipients} r JOIN {letters} l ON l.id = r.letter_id
        WHERE l.confirmed_at IS NOT NULL AND l.supporter_email <> ''
    """  # noqa: S608 (table names from the models, values as parameters)


@dataclass(frozen=True)
class PersonRow:
    """One mailbox as grouped: its key (never shown) and its first and latest actions."""

    mailbox: str
    created: datetime
    modified: datetime

    @property
    def id(self) -> str:
        return person_id(self.mailbox)


class PeopleQuery:
    """The people within a time window (and with one id, for a detail), oldest change first,
    then by id; past a (modified, id) key for a cursor's page.

    Lazy like a queryset: `count()` and a slice each run one statement.
    """

    ordering = ("modified", "id")

    def __init__(
        self,
        *,
        window: TimeWindow | None = None,
        id: str | None = None,
        after: tuple[datetime, str] | None = None,
    ):
        self.window = window or TimeWindow()
        self.id = id
        self.key = after

    def after(self, key: tuple[datetime, str]) -> "PeopleQuery":
        """The same people past `key`, a (modified, id) pair, in their order."""
        return PeopleQuery(window=self.window, id=self.id, after=key)

    def _grouped(self) -> tuple[str, list]:
        where, params = "", []
        if self.id is not None:
            where = f"WHERE {_person_id_sql('mailbox')} = %s"
            params += [_pepper(settings.MAILBOX_HASH_KEY), self.id]
        having, having_params = [], []
        if self.window.created_since is not None:
            having.append("MIN(acted_at) >= %s")
            having_params.append(self.window.created_since)
        if self.window.modified_since is not None:
            having.append("MAX(acted_at) >= %s")
            having_params.append(self.window.modified_since)
        if self.window.until is not None:
            having.append("MAX(acted_at) < %s")
            having_params.append(self.window.until)
        having_sql = f"HAVING {' AND '.join(having)}" if having else ""
        sql = f"""
            SELECT mailbox, MIN(acted_at) AS created, MAX(acted_at) AS modified
            FROM ({_actions_sql()}) actions {where}
            GROUP BY mailbox {having_sql}
        """  # noqa: S608
        return sql, params + having_params

    def _listed(self) -> tuple[str, list]:
        """The grouped people with their ids, past `self.key` if given."""
        grouped, params = self._grouped()
        sql = f"""
            SELECT mailbox, created, modified, {_person_id_sql("mailbox")} AS id
            FROM ({grouped}) grouped
        """  # noqa: S608
        params = [_pepper(settings.MAILBOX_HASH_KEY), *params]
        if self.key is not None:
            sql = f"""
                SELECT * FROM ({sql}) people WHERE modified > %s OR (modified = %s AND id > %s)
            """  # noqa: S608
            # As the column holds it: SQLite compares times as text, in UTC without a zone.
            modified = connection.ops.adapt_datetimefield_value(self.key[0])
            params += [modified, modified, self.key[1]]
        return sql, params

    def count(self) -> int:
        sql, params = self._grouped()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) people", params)  # noqa: S608
            return cursor.fetchone()[0]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("PeopleQuery takes a slice")
        start = index.start or 0
        sql, params = self._listed()
        sql += " ORDER BY modified, id"
        if index.stop is not None:
            sql += " LIMIT %s"
            params.append(max(index.stop - start, 0))
        sql += " OFFSET %s"
        params.append(start)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [
            PersonRow(mailbox, _aware(created), _aware(modified))
            for mailbox, created, modified, _id in rows
        ]


def _aware(value) -> datetime:
    """SQLite hands aggregated times back as text (UTC); PostgreSQL as aware datetimes."""
    if isinstance(value, str):
        parsed = parse_datetime(value)
        return make_aware(parsed, timezone=UTC) if is_naive(parsed) else parsed
    return value


@dataclass
class Consent:
    """A consent in force in the ledger (campaign.consent), as it was shown when given."""

    scope: str
    wording: str
    given_at: datetime | None
    page: str
    language: str


@dataclass
class Person:
    """A person as the API shows them (emails only for a caller allowed them)."""

    id: str
    given_name: str
    family_name: str
    email: str
    postal_code: str
    province: str
    language: str
    created: datetime
    modified: datetime
    signatures: int = 0
    letters: int = 0
    # Their consent to the organisation's newsletter when in force, else their latest consent
    # in force (None once withdrawn, or never given); and all of them.
    newsletter_consent: Consent | None = None
    consents: list[Consent] = field(default_factory=list)
    # Why the outbox no longer writes to them (an unsubscribe, a bounce…), "" if it does.
    mail_suppressed: str = ""


def people_detailed(rows: list[PersonRow]) -> list[Person]:
    """The people of `rows`, in order, filled in from their confirmed signatures and letters:
    name, address and postal code from their latest action, their consents in force from the
    ledger (a withdrawal shows at once), and whether the outbox no longer writes to them. Four
    queries, whatever the number of rows."""
    mailboxes = [row.mailbox for row in rows]
    signatures: dict[str, list[Signature]] = {}
    for signature in Signature.objects.filter(
        email_key__in=mailboxes, confirmed_at__isnull=False, flag_reason=""
    ).order_by("confirmed_at", "pk"):
        signatures.setdefault(signature.email_key, []).append(signature)
    writer = LetterRecipient.objects.filter(letter=OuterRef("pk")).values("supporter_key")[:1]
    letters: dict[str, list[Letter]] = {}
    for letter in (
        Letter.objects.filter(
            pk__in=LetterRecipient.objects.filter(supporter_key__in=mailboxes).values("letter_id"),
            confirmed_at__isnull=False,
        )
        .exclude(supporter_email="")
        .annotate(mailbox=Subquery(writer))
        .order_by("confirmed_at", "pk")
    ):
        letters.setdefault(letter.mailbox, []).append(letter)
    people = [
        _person(row, signatures.get(row.mailbox, []), letters.get(row.mailbox, [])) for row in rows
    ]
    suppressed = suppressions_of(person.email for person in people)
    consents: dict[str, list[Consent]] = {}
    for event in consents_in_force(mailbox_keys=mailboxes):
        consents.setdefault(event.mailbox_key, []).append(
            Consent(
                scope=event.scope,
                wording=event.wording,
                given_at=event.recorded_at,
                page=event.page,
                language=event.language,
            )
        )
    for row, person in zip(rows, people, strict=True):
        suppression = suppressed.get(person.email)
        person.mail_suppressed = suppression.reason if suppression else ""
        person.consents = consents.get(row.mailbox, [])
        person.newsletter_consent = _newsletter_consent(person.consents)
    return people


def _newsletter_consent(consents: list[Consent]) -> Consent | None:
    """The consent `newsletter_consent` shows: the organisation's newsletter (scope
    `newsletter`) when in force, else the latest of the others (a campaign's updates)."""
    newsletter = [c for c in consents if c.scope == NEWSLETTER]
    chosen = newsletter or consents
    return chosen[-1] if chosen else None


def _person(row: PersonRow, signatures: list[Signature], letters: list[Letter]) -> Person:
    """A person as their latest confirmed action (a signature or a letter) describes them."""
    signature = signatures[-1] if signatures else None
    letter = letters[-1] if letters else None
    if letter is not None and (signature is None or letter.confirmed_at > signature.confirmed_at):
        # A letter's writer gives one name: it is the given name, the family name stays empty.
        given_name, family_name = letter.supporter_name, ""
        email, postal_code, language = (
            letter.supporter_email,
            letter.supporter_postal_code,
            letter.language,
        )
    else:
        given_name, family_name = signature.first_name, signature.last_name
        email, postal_code, language = signature.email, signature.postal_code, signature.language
    return Person(
        id=row.id,
        given_name=given_name,
        family_name=family_name,
        email=email,
        postal_code=postal_code,
        # Only signatures ask for a province: a letter writer's comes from their latest signature.
        province=signature.province if signature else "",
        language=language,
        created=row.created,
        modified=row.modified,
        signatures=len(signatures),
        letters=len(letters),
    )
