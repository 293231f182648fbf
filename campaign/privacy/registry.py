"""Who holds supporters' data: each app registers itself here, and this module imports none.

An app that keeps personal data under a mailbox registers a `Holder` in its AppConfig.ready:
what it holds (`held`), how to erase it (`erase`), and the kinds of object its "remove my
data" links point at (`link_targets`). Both functions take the mailbox key
(campaign.identities.mailbox_key), never an address, and `erase` runs inside the caller's
transaction.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import models


@dataclass(frozen=True)
class Held:
    """What one holder keeps on a mailbox.

    `records` are JSON-ready dicts, one per record, for the staff page and the export.
    `emails_for` are the objects whose outbound emails belong to this person (the outbox finds
    them by the object they serve), `addresses` the addresses as the holder stored them (and
    by the address they went to).
    """

    records: list[dict]
    emails_for: list[models.Model] = field(default_factory=list)
    addresses: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class LinkTarget:
    """What a removal link points at: whose it is, and how the page names it to them."""

    mailbox_key: str
    description: str


@dataclass(frozen=True)
class Holder:
    """One app's part of a supporter's data (see the module docstring)."""

    name: str
    title: str
    held: Callable[[str], Held]
    erase: Callable[[str], int]
    # Link kind ("signature") -> the target of that kind's object id, or None when it is gone.
    link_targets: Mapping[str, Callable[[int], LinkTarget | None]] = field(default_factory=dict)


_holders: dict[str, Holder] = {}


def holder_register(holder: Holder) -> None:
    """Add (or replace, by name) a holder; called from an AppConfig.ready."""
    _holders[holder.name] = holder


def holders() -> list[Holder]:
    """Every registered holder, in registration order."""
    return list(_holders.values())


def link_target(kind: str, object_id: int) -> LinkTarget | None:
    """The target of a removal link, or None when its kind is unknown or its object is gone."""
    for holder in _holders.values():
        resolve = holder.link_targets.get(kind)
        if resolve is not None:
            return resolve(object_id)
    return None
