"""Organisers edit call pages and read the calls counted; data staff read both."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, ORGANISERS, grant_permissions, revoke_permissions

PERMISSIONS = {
    ORGANISERS: {"campaign": {"callpage": ["add", "change", "delete", "view"], "call": ["view"]}},
    DATA_STAFF: {"campaign": {"callpage": ["view"], "call": ["view"]}},
}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0005_call_pages_and_calls"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
