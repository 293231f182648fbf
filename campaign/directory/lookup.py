"""From a postal code to the ridings it may be in: the Represent API, else the local FSA table.

Never a dead end: when a code could be in several ridings the supporter chooses among them,
and when nothing is known they choose from the ridings of their province.
"""

import logging
from dataclasses import dataclass, field

from campaign.directory.importers.parsing import match_key
from campaign.directory.models import FsaRiding, Riding
from campaign.postal_codes import fsa_of, normalise_postal_code, province_of

log = logging.getLogger(__name__)


@dataclass
class RidingLookup:
    """What we know about a postal code's riding."""

    postal_code: str
    province: str
    ridings: list[Riding] = field(default_factory=list)
    # "represent", "local" or "" (nothing known: the supporter picks from the province's list)
    source: str = ""

    @property
    def is_certain(self) -> bool:
        return len(self.ridings) == 1

    @property
    def choices(self) -> list[Riding]:
        """The ridings to offer: the candidates found, else every riding in the province."""
        if self.ridings:
            return self.ridings
        ridings = Riding.objects.order_by("name_en")
        if self.province:
            ridings = ridings.filter(province=self.province)
        return list(ridings)


def local_ridings_for_postal_code(postal_code: str) -> list[Riding]:
    """The ridings the local FSA table gives for a postal code (no network), by name.

    Returns [] for an invalid code or an FSA the table does not know.
    """
    normalised = normalise_postal_code(postal_code)
    if normalised is None:
        return []
    fsa = fsa_of(normalised)
    return list(
        Riding.objects.filter(
            pk__in=FsaRiding.objects.filter(fsa=fsa).values("riding_id")
        ).order_by("name_en")
    )


def ridings_for_postal_code(postal_code: str) -> RidingLookup:
    """Ask Represent when enabled (3 s timeout, cached), else fall back to the local table.

    A riding code from Represent is taken only when the directory's riding of that code bears
    the name Represent gives it (accents, case and dashes aside): a code of another
    representation order, or a directory loaded with another order, would otherwise send the
    letter to someone else's MP. When Represent and the directory disagree, the supporter
    chooses: among the ridings either names when there are several, else from the province's.

    Raises ValueError when `postal_code` is not a valid Canadian postal code (forms check first).
    """
    from campaign.directory import represent

    normalised = normalise_postal_code(postal_code)
    if normalised is None:
        raise ValueError("not a postal code")
    lookup = RidingLookup(postal_code=normalised, province=province_of(normalised))
    named = represent.postcode_ridings(normalised)
    if not named:
        lookup.ridings = local_ridings_for_postal_code(normalised)
        lookup.source = "local" if lookup.ridings else ""
        return lookup
    by_code = {riding.code: riding for riding in Riding.objects.filter(code__in=dict(named))}
    # Represent's order: the centroid's riding first, then the concordance's others.
    agreed = [
        by_code[code]
        for code, names in named
        if code in by_code and _bears_one_of(by_code[code], names)
    ]
    if len(agreed) == len(named):
        lookup.ridings = agreed
        lookup.source = "represent"
        return lookup
    log.warning(
        "directory: Represent's ridings disagree with the directory (%s); the supporter chooses",
        "; ".join(
            f"{code} {' / '.join(names) or '(no name)'} vs "
            f"{by_code[code].name_en if code in by_code else 'unknown here'}"
            for code, names in named
        ),
    )
    local = local_ridings_for_postal_code(normalised)
    candidates = sorted({*agreed, *local}, key=lambda riding: riding.name_en)
    # Never one riding on a doubtful answer: that would pick the MP without asking.
    lookup.ridings = candidates if len(candidates) > 1 else []
    lookup.source = "local" if lookup.ridings else ""
    return lookup


def _bears_one_of(riding: Riding, names: tuple[str, ...]) -> bool:
    """Whether one of Represent's names for a riding is the directory's (English or French)."""
    own = {match_key(riding.name_en), match_key(riding.name_fr)} - {""}
    return any(match_key(name) in own for name in names)


def riding_chosen(*, postal_code: str, riding_code: str) -> tuple[str, Riding] | None:
    """The riding a supporter chose for a postal code, if it is one we offer for that code.

    Returns (normalised postal code, riding), or None for an invalid code, an unknown riding
    or one the lookup would not offer (outside a known FSA's ridings, or another province), so
    a hand-edited link cannot pick someone else's MP.
    """
    if normalise_postal_code(postal_code) is None:
        return None
    lookup = ridings_for_postal_code(postal_code)
    # Compared in Python: a request's value never reaches a query.
    return next(
        ((lookup.postal_code, riding) for riding in lookup.choices if riding.code == riding_code),
        None,
    )
