"""Organisers write, test and send mailings; data staff follow them."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, ORGANISERS, grant_permissions, revoke_permissions

PERMISSIONS = {
    ORGANISERS: {"mailings": {"mailing": ["add", "change", "delete", "view", "send"]}},
    DATA_STAFF: {"mailings": {"mailing": ["view"]}},
}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0002_create_staff_groups"),
        ("mailings", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
