"""Signatures keyed by mailbox: `email_key` becomes campaign.identities.mailbox_key, and the
signatures that key makes duplicates of one another are merged into one.

Before this, `jane.doe@gmail.com`, `"janedoe"@gmail.com`, `janedoe@ＧＭＡＩＬ.com` and the same
address with a zero-width space were four signatures of one mailbox. Per petition and mailbox
one signature is kept: a confirmed one if any (unflagged first, then the earliest confirmed),
else the earliest signed. It keeps its own name, consent and flags; the others are deleted
(a queued confirmation for one is then cancelled by the outbox as no longer needed). The public
count drops by the confirmed duplicates at its next rebuild (every few minutes, or
`manage.py rebuild_petition_counts`).

One-way data fix: deleted duplicates cannot come back, so going back changes nothing (the
keys stay in the new form, which is only stricter than the old one). Anonymised signatures
(`anonymised-<id>`, no address) are left alone.
"""

from django.db import migrations

from campaign.identities import mailbox_key

_BATCH = 2000


def _keep_first(member: tuple) -> tuple:
    """Sorts the signature to keep first: confirmed (unflagged, then earliest confirmed), else
    the earliest signed (pk grows with signing time)."""
    pk, flag_reason, confirmed_at = member
    if confirmed_at is not None:
        return (0, flag_reason != "", confirmed_at.timestamp(), pk)
    return (1, False, 0.0, pk)


def merge_signatures_per_mailbox(apps, schema_editor):
    Signature = apps.get_model("petitions", "Signature")
    rows = (
        Signature.objects.exclude(email="")
        .order_by("pk")
        .values_list("pk", "petition_id", "email", "email_key", "flag_reason", "confirmed_at")
    )
    groups: dict[tuple[int, str], list[tuple]] = {}
    new_keys: dict[int, tuple[str, str]] = {}
    for pk, petition_id, email, old_key, flag_reason, confirmed_at in rows.iterator(
        chunk_size=_BATCH
    ):
        key = mailbox_key(email)[:254]
        groups.setdefault((petition_id, key), []).append((pk, flag_reason, confirmed_at))
        new_keys[pk] = (old_key, key)

    duplicates = []
    for members in groups.values():
        if len(members) == 1:
            continue
        keeper = min(members, key=_keep_first)
        duplicates.extend(m[0] for m in members if m[0] != keeper[0])
    for start in range(0, len(duplicates), _BATCH):
        Signature.objects.filter(pk__in=duplicates[start : start + _BATCH]).delete()

    gone = set(duplicates)
    changed = {
        pk: key for pk, (old_key, key) in new_keys.items() if pk not in gone and key != old_key
    }
    # Through a temporary key first, so no row takes a key another row still holds.
    for final in (False, True):
        batch = []
        for pk, key in changed.items():
            batch.append(Signature(pk=pk, email_key=key if final else f"rekeying-{pk}"))
            if len(batch) >= _BATCH:
                Signature.objects.bulk_update(batch, ["email_key"])
                batch = []
        Signature.objects.bulk_update(batch, ["email_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0008_remove_petition_status"),
    ]

    operations = [
        migrations.RunPython(merge_signatures_per_mailbox, migrations.RunPython.noop),
    ]
