"""Organisers keep the directory and read letters; data staff read letters."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, ORGANISERS, grant_permissions, revoke_permissions

PERMISSIONS = {
    ORGANISERS: {
        "letters": {
            "riding": ["add", "change", "view"],
            "representative": ["add", "change", "view"],
            "fsariding": ["add", "change", "delete", "view"],
            "letter": ["view"],
            "letterrecipient": ["view"],
        }
    },
    DATA_STAFF: {
        "letters": {
            "letter": ["view"],
            "letterrecipient": ["view"],
            "lettertemplate": ["view"],
        }
    },
}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0002_directory_and_letters"),
        ("campaign", "0002_create_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
