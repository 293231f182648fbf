"""The permission to export signatories, held by data staff (organisers do not export)."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, grant_permissions, revoke_permissions

PERMISSIONS = {DATA_STAFF: {"petitions": {"signature": ["export"]}}}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0009_signature_email_key_per_mailbox"),
        ("campaign", "0002_create_staff_groups"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="signature",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    ("moderate_signature", "Can hide comments and clear flags"),
                    ("export_signature", "Can export signatories"),
                ],
                "verbose_name": "signature",
                "verbose_name_plural": "signatures",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
