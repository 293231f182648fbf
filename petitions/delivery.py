"""The delivery list: a petition's counted signers grouped by riding, for the target's office.

What a Member of Parliament's office checks is that the signers are people, and that they live
in its riding: each signer is shown by full name and the first half of their postal code (the
FSA, a few thousand households), under their riding and its current MP from the directory. No
address, email, comment or full postal code: a full code can point at one building, and
nobody needs it to count constituents. The same rows feed the page (streamed: a million
signers is a long page, not a large process) and the progress emails (petitions/target_updates.py).
"""

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from campaign.directory.models import PROVINCE_CHOICES
from campaign.directory.selectors import representative_names_by_riding
from campaign.postal_codes import fsa_of
from petitions.models import COUNTED, Petition, Signature

PROVINCE_NAMES = dict(PROVINCE_CHOICES)
# Rows read from the server-side cursor at a time while the page streams.
CHUNK_SIZE = 2000

_FIELDS = ("riding_code", "riding_name", "province", "first_name", "last_name", "postal_code")


@dataclass(frozen=True)
class Signer:
    name: str
    fsa: str


@dataclass
class RidingGroup:
    """The signers of one riding (code "" for signers whose riding is not known)."""

    code: str
    name: str
    province: str
    representative: str = ""
    signers: list[Signer] = field(default_factory=list)

    @property
    def province_name(self) -> str:
        return PROVINCE_NAMES.get(self.province, self.province)

    @property
    def heading(self) -> str:
        return self.name or _("Riding not known")


def delivery_signatures(*, petition: Petition) -> QuerySet[Signature]:
    """The signatures a delivery list holds: the counted ones (confirmed, not flagged)."""
    return Signature.objects.filter(COUNTED, petition=petition)


def signers_of(signatures: QuerySet[Signature]) -> QuerySet:
    """Only the columns the list shows, riding by riding (unknown ridings last), then by name."""
    return (
        signatures.annotate(
            riding_unknown=Case(
                When(riding_code="", then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("riding_unknown", "riding_name", "riding_code", "last_name", "first_name", "pk")
        .values_list(*_FIELDS)
    )


def signers_by_riding(rows: Iterable[tuple]) -> Iterator[RidingGroup]:
    """Group rows from `signers_of` by riding, one riding in memory at a time."""
    representatives = representative_names_by_riding()
    for (code, name), riding_rows in itertools.groupby(rows, key=lambda row: row[:2]):
        riding_rows = list(riding_rows)
        group = RidingGroup(
            code=code,
            name=name,
            # Signers of an unknown riding may live anywhere.
            province=riding_rows[0][2] if code else "",
            representative=representatives.get(code, ""),
            signers=[
                Signer(name=f"{first} {last}".strip(), fsa=fsa_of(postal_code))
                for *_, first, last, postal_code in riding_rows
            ],
        )
        yield group


def delivery_groups(*, petition: Petition) -> Iterator[RidingGroup]:
    """The petition's delivery list, riding by riding, read through a server-side cursor."""
    rows = signers_of(delivery_signatures(petition=petition)).iterator(chunk_size=CHUNK_SIZE)
    return signers_by_riding(rows)


def delivery_count(*, petition: Petition) -> int:
    """How many signers the list holds (counted from the table, not the cache: the list and
    its count must agree)."""
    return delivery_signatures(petition=petition).count()
