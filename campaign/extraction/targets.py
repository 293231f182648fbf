"""Recognising the people an action is aimed at, with whatever contact details are given.

`find_targets` reads a region of text ("the Minister of Foreign Affairs (x@y), the Prime
Minister (z@w)") and pairs every contact detail with the role or name written just before it.
Roles, names and contact details are recognised by `roles`, `names` and `contacts`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from . import fr_roles
from .contacts import (
    find_addresses,
    find_emails,
    find_phones,
    in_caption_or_signature,
    is_org_contact,
)
from .names import find_names, name_from_email
from .roles import Found, classify_role, find_roles
from .types import OTHER, Target


def find_targets(
    text: str, start: int = 0, end: int | None = None, *, language: str = "en"
) -> list[Target]:
    """Pair each contact detail in `text[start:end]` with the role/name written just before it.

    A contact with no role or name before it (a phone number after an email, an address on the
    next line) completes the previous target. Roles mentioned without contact details still
    become targets, so "write to the Prime Minister" yields a target with only a role.

    In French (`language="fr"`) roles, names and the organisation's own contacts are read
    with the French patterns (`fr_roles`, `names`, `contacts`).
    """
    end = len(text) if end is None else end
    french = language == "fr"
    roles = fr_roles.find_roles(text, start, end) if french else find_roles(text, start, end)
    classify = fr_roles.classify_role if french else classify_role
    addresses = find_addresses(text, start, end)
    emails = find_emails(text, start, end)
    phones = [
        phone
        for phone in find_phones(text, start, end)
        if not any(phone.start < a.end and a.start < phone.end for a in addresses)
        # Nobody is asked to phone a fax number.
        and not re.search(r"(?i)\bfax\W{0,3}$", text[max(0, phone.start - 8) : phone.start])
    ]
    contacts = sorted(
        [("email", item) for item in emails]
        + [("phone", item) for item in phones]
        + [("postal_address", item) for item in addresses],
        key=lambda pair: pair[1].start,
    )
    occupied = roles + [item for _, item in contacts]

    targets: list[Target] = []
    used_roles: set[int] = set()
    cursor = start
    for field, contact in contacts:
        if is_org_contact(text, contact.start, language=language) or in_caption_or_signature(
            text, contact.start
        ):
            cursor = contact.end
            continue
        window_roles = [r for r in roles if cursor <= r.start and r.end <= contact.start]
        names = find_names(text, cursor, contact.start, occupied, language=language)
        role = window_roles[-1].value if window_roles else ""
        if role:
            # "Write to the Saudi Ambassador to Canada: His Excellency Ambassador, <address>" -
            # the fuller mention of the same role is the better one.
            same = [r.value for r in window_roles if _role_words(role) <= _role_words(r.value)]
            role = max(same, key=len)
        name = names[-1].value if names else ""
        used_roles.update(r.start for r in window_roles)
        cursor = contact.end
        if role or name:
            existing = _matching(targets, role, name)
            if existing is not None and not getattr(targets[existing], field):
                targets[existing] = _with(targets[existing], field, contact.value)
                continue
            targets.append(_with(_new_target(role, name, classify), field, contact.value))
            continue
        if targets and not getattr(targets[-1], field):
            targets[-1] = _with(targets[-1], field, contact.value)
            continue
        targets.append(_with(_new_target("", "", classify), field, contact.value))

    for role in roles:
        if role.start not in used_roles and _matching(targets, role.value, "") is None:
            name = _name_after(text, role, end, occupied, language)
            targets.append(_new_target(role.value, name, classify))

    return [_with_email_name(target) for target in targets]


def _name_after(
    text: str, role: Found, end: int, occupied: list[Found], language: str = "en"
) -> str:
    """The name written straight after a role ("Premier Ford", "Minister Jane Doe")."""
    names = find_names(text, role.end, min(end, role.end + 60), occupied, language=language)
    if names and re.fullmatch(r"[^\S\r\n,]*,?[^\S\r\n]*", text[role.end : names[0].start]):
        return names[0].value
    return ""


def _new_target(role: str, name: str, classify: Callable[[str], str] = classify_role) -> Target:
    return Target(name=name, role=role, kind=classify(role) if role else OTHER)


def _with(target: Target, field: str, value: str) -> Target:
    return dataclasses.replace(target, **{field: value})


def _with_email_name(target: Target) -> Target:
    if target.name or not target.email:
        return target
    return _with(target, "name", name_from_email(target.email))


def _role_words(role: str) -> set[str]:
    words = set(role.casefold().split())
    return words - {
        "his",
        "her",
        "excellency",
        "the",
        "hon",
        "hon.",
        "honourable",
        "de",
        "du",
        "des",
        "la",
        "le",
    }


def _matching(targets: list[Target], role: str, name: str) -> int | None:
    for index, target in enumerate(targets):
        if role and target.role.casefold() == role.casefold():
            return index
        # "His Excellency Ambassador" in an address block is the "Saudi Ambassador to Canada"
        # named in the instruction: one role's words contain the other's.
        if role and target.role:
            mine, theirs = _role_words(role), _role_words(target.role)
            if mine and theirs and (mine <= theirs or theirs <= mine):
                return index
        if name and target.name.casefold() == name.casefold():
            return index
    return None
