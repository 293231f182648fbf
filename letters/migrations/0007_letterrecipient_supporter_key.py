"""One letter per mailbox per recipient: the constraint holds on a stored key, not Lower(email).

`supporter_key` is campaign.identities.mailbox_key of the supporter's address, backfilled here.
Letters written before this, from variants of one mailbox to one recipient (`jane.doe@gmail.com`
and `janedoe@gmail.com`), were already sent and stay as the record of what went out; the
earliest keeps the plain key, each later one gets its key with `#duplicate-<id>` appended so the
constraint can be built. Going back drops the column and restores the old constraint (the
addresses themselves are never changed here).
"""

from django.db import migrations, models
from django.db.models.functions import Lower

from campaign.identities import mailbox_key


def backfill_supporter_keys(apps, schema_editor):
    LetterRecipient = apps.get_model("letters", "LetterRecipient")
    seen = set()
    changed = []
    rows = LetterRecipient.objects.order_by("letter__created_at", "pk").only(
        "pk", "campaign_id", "supporter_email", "email"
    )
    for row in rows.iterator(chunk_size=2000):
        key = mailbox_key(row.supporter_email)[:254]
        identity = (row.campaign_id, key, row.email.lower())
        if identity in seen:
            suffix = f"#duplicate-{row.pk}"
            key = key[: 254 - len(suffix)] + suffix
        seen.add(identity)
        row.supporter_key = key
        changed.append(row)
        if len(changed) >= 2000:
            LetterRecipient.objects.bulk_update(changed, ["supporter_key"])
            changed = []
    LetterRecipient.objects.bulk_update(changed, ["supporter_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0006_letterrecipient_office_holder"),
    ]

    operations = [
        migrations.AddField(
            model_name="letterrecipient",
            name="supporter_key",
            field=models.CharField(
                default="", editable=False, max_length=254, verbose_name="supporter's mailbox"
            ),
            preserve_default=False,
        ),
        # Nothing to undo going back: the column is dropped.
        migrations.RunPython(backfill_supporter_keys, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="letterrecipient",
            name="letter_one_per_supporter_recipient",
        ),
        migrations.AddConstraint(
            model_name="letterrecipient",
            constraint=models.UniqueConstraint(
                models.F("campaign"),
                models.F("supporter_key"),
                Lower("email"),
                name="letter_one_per_mailbox_recipient",
            ),
        ),
        migrations.AddConstraint(
            model_name="letterrecipient",
            constraint=models.CheckConstraint(
                condition=models.Q(("supporter_key", ""), _negated=True),
                name="letter_recipient_has_supporter_key",
            ),
        ),
    ]
