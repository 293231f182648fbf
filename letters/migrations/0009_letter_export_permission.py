"""The permission to export the letters report, held by data staff (organisers do not export)."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, grant_permissions, revoke_permissions

PERMISSIONS = {DATA_STAFF: {"letters": {"letter": ["export"]}}}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0008_letter_template_in_french_and_letter_language"),
        ("campaign", "0002_create_staff_groups"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="letter",
            options={
                "ordering": ["-created_at"],
                "permissions": [("export_letter", "Can export the letters report")],
                "verbose_name": "letter",
                "verbose_name_plural": "letters",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
