"""Data staff read the consent ledger (it names people by address); organisers do not."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, grant_permissions, revoke_permissions

PERMISSIONS = {DATA_STAFF: {"consent": {"consentevent": ["view"]}}}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0002_create_staff_groups"),
        ("consent", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
