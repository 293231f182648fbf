"""Organisers keep the directory: ridings, members, FSAs, and the ministry's offices."""

from django.db import migrations

from campaign.staff_groups import ORGANISERS, grant_permissions, revoke_permissions

PERMISSIONS = {
    ORGANISERS: {
        "directory": {
            "riding": ["add", "change", "view"],
            "representative": ["add", "change", "view"],
            "fsariding": ["add", "change", "delete", "view"],
            "office": ["add", "change", "view"],
            "officeholder": ["add", "change", "delete", "view"],
        }
    },
}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_office_and_officeholder"),
        ("campaign", "0002_create_staff_groups"),
        # After letters has let go of the moved models, so their old content types stay gone.
        ("letters", "0005_directory_moved_to_campaign_directory"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
