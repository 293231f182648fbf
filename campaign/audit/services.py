"""Writing the audit log (see campaign/audit/__init__.py)."""

from collections.abc import Iterable, Mapping

from django.db import models

from campaign.audit.models import AuditLog

Changes = Mapping[str, tuple[object, object]]


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, models.QuerySet | list | tuple | set):
        return ", ".join(sorted(str(item) for item in value))
    return str(value)


def _changes(changes: Changes | None) -> dict[str, list]:
    return {field: [_text(old), _text(new)] for field, (old, new) in (changes or {}).items()}


# The actor of what a supporter did themselves (through a signed link): no account.
SUPPORTER = "(the supporter)"


def _actor(user) -> dict:
    if user is None:
        return {"actor_id": None, "actor": SUPPORTER}
    return {"actor_id": user.pk, "actor": user.get_username()[:150]}


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    model: str = "",
    object_id: str = "",
    object_repr: str | None = None,
    changes: Changes | None = None,
    note: str = "",
) -> AuditLog:
    """Append one entry. `obj` names the object (its model, id and str), or `model` and
    `object_id` do; `changes` maps each field to (before, after). `actor` None: the supporter
    themselves, through a signed link."""
    if obj is not None:
        model = model or obj._meta.label_lower
        object_id = object_id or str(obj.pk or "")
        object_repr = str(obj) if object_repr is None else object_repr
    return AuditLog.objects.create(
        **_actor(actor),
        action=action,
        model=model,
        object_id=object_id,
        object_repr=(object_repr or "")[:200],
        changes=_changes(changes),
        note=note[:300],
    )


def audit_record_many(
    *,
    actor,
    action: str,
    model: str,
    object_ids: Iterable,
    changes: Changes | None = None,
    note: str = "",
) -> int:
    """Append one entry per object an admin action changed (same change for each)."""
    entries = [
        AuditLog(
            **_actor(actor),
            action=action,
            model=model,
            object_id=str(object_id),
            changes=_changes(changes),
            note=note[:300],
        )
        for object_id in object_ids
    ]
    AuditLog.objects.bulk_create(entries)
    return len(entries)
